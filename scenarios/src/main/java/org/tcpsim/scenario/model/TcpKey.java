package org.tcpsim.scenario.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one table of TCP settings a scenario may override under {@code tcp:} (globally or per
 * host): the kebab-case key, the kind of value, and its allowed range. The binder, the
 * {@code --set} path checker, "did you mean" and the documentation all read this table, so a new
 * setting is one new line here (plus, if wanted, a typed accessor on {@link TcpSettings}).
 */
public enum TcpKey {
  MSS("mss", Kind.SIZE, 1, 65_535, "maximum segment size, bytes"),
  WINDOW("window", Kind.SIZE, 1, 1L << 30, "receive window (buffer), bytes"),
  MSL("msl", Kind.DURATION, 0, Long.MAX_VALUE, "maximum segment lifetime; TIME-WAIT is 2*MSL"),
  ISS("iss", Kind.INTEGER, 0, 0xFFFF_FFFFL, "fixed initial send sequence number"),
  ISN("isn", Kind.CHOICE, List.of("fixed", "rfc793", "rfc6528"),
      "ISN generator: fixed (needs iss), rfc793 (4 us clock), rfc6528 (clock + keyed hash)"),
  BACKLOG("backlog", Kind.INTEGER, 1, 1_000_000, "listen backlog (SYN queue bound)"),
  SYN_COOKIES("syn-cookies", Kind.BOOLEAN, "send SYN cookies when the SYN queue is full"),
  RTO_INITIAL("rto-initial", Kind.DURATION, 1, Long.MAX_VALUE, "initial retransmission timeout"),
  RTO_MIN("rto-min", Kind.DURATION, 1, Long.MAX_VALUE, "lower bound of the RTO"),
  RTO_MAX("rto-max", Kind.DURATION, 1, Long.MAX_VALUE, "upper bound of the RTO"),
  SYN_RETRIES("syn-retries", Kind.INTEGER, 0, 255, "SYN retransmissions before giving up"),
  SYNACK_RETRIES("synack-retries", Kind.INTEGER, 0, 255,
      "SYN-ACK retransmissions before giving up"),
  DELAYED_ACK("delayed-ack", Kind.TOGGLE, "false, true, or the delayed-ACK timeout"),
  NAGLE("nagle", Kind.BOOLEAN, "Nagle's algorithm"),
  CONGESTION("congestion", Kind.CHOICE, List.of("none", "reno", "newreno"),
      "congestion control algorithm"),
  KEEPALIVE("keepalive", Kind.TOGGLE, "false, true, or the idle time before the first probe");

  /** What sort of value a setting takes. */
  public enum Kind {
    /** A non-negative integer; the value is a {@code Long}. */
    INTEGER,
    /** A size such as {@code 1460}, {@code 64KB} or {@code 1MiB}; a {@code Long} of bytes. */
    SIZE,
    /** A duration such as {@code 200ms}; a {@code Long} of nanoseconds. */
    DURATION,
    /** {@code true} or {@code false}; a {@code Boolean}. */
    BOOLEAN,
    /** One of {@link TcpKey#choices()}; a {@code String}. */
    CHOICE,
    /** {@code false}, {@code true} or a duration; a {@link Toggle}. */
    TOGGLE
  }

  private final String key;
  private final Kind kind;
  private final long min;
  private final long max;
  private final List<String> choices;
  private final String meaning;

  TcpKey(String key, Kind kind, long min, long max, String meaning) {
    this(key, kind, min, max, List.of(), meaning);
  }

  TcpKey(String key, Kind kind, List<String> choices, String meaning) {
    this(key, kind, 0, 0, choices, meaning);
  }

  TcpKey(String key, Kind kind, String meaning) {
    this(key, kind, 0, 0, List.of(), meaning);
  }

  TcpKey(String key, Kind kind, long min, long max, List<String> choices, String meaning) {
    this.key = key;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.meaning = meaning;
  }

  /** The kebab-case key in scenario files. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** Smallest allowed value (INTEGER, SIZE, DURATION). */
  public long min() {
    return min;
  }

  /** Largest allowed value (INTEGER, SIZE, DURATION). */
  public long max() {
    return max;
  }

  /** The allowed values of a CHOICE. */
  public List<String> choices() {
    return choices;
  }

  /** One line for the documentation. */
  public String meaning() {
    return meaning;
  }

  public static Optional<TcpKey> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(TcpKey::key).toList();
  }

  @Override
  public String toString() {
    return key;
  }
}
