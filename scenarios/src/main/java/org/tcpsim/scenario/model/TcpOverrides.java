package org.tcpsim.scenario.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpSettings;

/**
 * TCP settings a scenario overrides ({@code tcp:} at the top level or in a host). Only what the
 * file says is here; everything else comes from the profile. Keys and values are those of the
 * TCP's own settings table, {@link TcpSettings}: one table for the TCP, scenario
 * files, {@code --set} and the documentation.
 *
 * @param values each overridden key with its value, already checked and with units resolved
 *     ({@code window: 64KB} is kept as {@code 64000}), in the order written
 * @param locs where each value was written
 * @param loc where the {@code tcp:} map was written
 */
public record TcpOverrides(Map<String, String> values, Map<String, Loc> locs, Loc loc) {
  public TcpOverrides {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    locs = Collections.unmodifiableMap(new LinkedHashMap<>(locs));
  }

  public static TcpOverrides none(Loc loc) {
    return new TcpOverrides(Map.of(), Map.of(), loc);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<Loc> locOf(String key) {
    return Optional.ofNullable(locs.get(key));
  }

  /** These settings with every key set in {@code over} replaced by {@code over}'s value. */
  public TcpOverrides overlaidBy(TcpOverrides over) {
    LinkedHashMap<String, String> v = new LinkedHashMap<>(values);
    LinkedHashMap<String, Loc> l = new LinkedHashMap<>(locs);
    over.values.forEach((k, x) -> {
      v.remove(k);
      v.put(k, x);
    });
    l.putAll(over.locs);
    return new TcpOverrides(v, l, over.loc);
  }

  /**
   * {@code base} with these settings applied, then checked together (as {@code validate} checks
   * them: {@code TcpBinder.checkTcp}).
   *
   * @throws org.tcpsim.tcp.InvalidSettings when the settings disagree (rto-max below rto-min, say)
   */
  public TcpConfig applyTo(TcpConfig base) {
    return TcpSettings.apply(base, values);
  }
}
