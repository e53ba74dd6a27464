package org.tcpsim.scenario.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TCP settings overridden by a scenario ({@code tcp:} at the top level or in a host). Only what
 * the file says is here; everything else comes from the profile. The TCP module maps these onto
 * its own configuration.
 *
 * @param values the value of each overridden key, of the Java type its {@link TcpKey.Kind}
 *     documents
 * @param locs where each value was written
 * @param loc where the {@code tcp:} map was written; {@code null} position-less when absent
 */
public record TcpSettings(Map<TcpKey, Object> values, Map<TcpKey, Loc> locs, Loc loc) {
  public TcpSettings {
    values = Collections.unmodifiableMap(copy(values));
    locs = Collections.unmodifiableMap(copy(locs));
  }

  private static <V> EnumMap<TcpKey, V> copy(Map<TcpKey, V> m) {
    return m.isEmpty() ? new EnumMap<>(TcpKey.class) : new EnumMap<>(m);
  }

  public static TcpSettings none(Loc loc) {
    return new TcpSettings(Map.of(), Map.of(), loc);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Optional<Object> get(TcpKey key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<Loc> locOf(TcpKey key) {
    return Optional.ofNullable(locs.get(key));
  }

  /** These settings with every key set in {@code over} replaced by {@code over}'s value. */
  public TcpSettings overlaidBy(TcpSettings over) {
    EnumMap<TcpKey, Object> v = copy(values);
    EnumMap<TcpKey, Loc> l = copy(locs);
    v.putAll(over.values);
    l.putAll(over.locs);
    return new TcpSettings(v, l, over.loc);
  }

  /** An INTEGER, SIZE or DURATION setting. */
  public OptionalLong number(TcpKey key) {
    Object v = values.get(key);
    return v == null ? OptionalLong.empty() : OptionalLong.of((Long) v);
  }

  public Optional<Boolean> flag(TcpKey key) {
    return Optional.ofNullable((Boolean) values.get(key));
  }

  public Optional<String> choice(TcpKey key) {
    return Optional.ofNullable((String) values.get(key));
  }

  public Optional<Toggle> toggle(TcpKey key) {
    return Optional.ofNullable((Toggle) values.get(key));
  }

  public OptionalLong mss() {
    return number(TcpKey.MSS);
  }

  public OptionalLong window() {
    return number(TcpKey.WINDOW);
  }

  public OptionalLong msl() {
    return number(TcpKey.MSL);
  }

  public OptionalLong iss() {
    return number(TcpKey.ISS);
  }

  public Optional<String> isn() {
    return choice(TcpKey.ISN);
  }

  public OptionalLong backlog() {
    return number(TcpKey.BACKLOG);
  }

  public Optional<Boolean> synCookies() {
    return flag(TcpKey.SYN_COOKIES);
  }

  public OptionalLong rtoInitial() {
    return number(TcpKey.RTO_INITIAL);
  }

  public OptionalLong rtoMin() {
    return number(TcpKey.RTO_MIN);
  }

  public OptionalLong rtoMax() {
    return number(TcpKey.RTO_MAX);
  }

  public OptionalLong synRetries() {
    return number(TcpKey.SYN_RETRIES);
  }

  public OptionalLong synackRetries() {
    return number(TcpKey.SYNACK_RETRIES);
  }

  public Optional<Toggle> delayedAck() {
    return toggle(TcpKey.DELAYED_ACK);
  }

  public Optional<Boolean> nagle() {
    return flag(TcpKey.NAGLE);
  }

  public Optional<String> congestion() {
    return choice(TcpKey.CONGESTION);
  }

  public Optional<Toggle> keepalive() {
    return toggle(TcpKey.KEEPALIVE);
  }
}
