package org.tcpsim.scenario.load;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.HostSpec;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.TcpOverrides;
import org.tcpsim.tcp.InvalidSettings;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.TcpSettings;

/**
 * {@code tcp:}, at the top level and in a host (README, Scenario files, {@code tcp}: TCP
 * settings): each value checked by the TCP's own settings table, then each host's settings
 * checked together.
 */
final class TcpBinder extends SectionBinder {
  TcpBinder(BindContext cx) {
    super(cx);
  }

  /** The settings under {@code key} of {@code parent}; none when absent or not a map. */
  TcpOverrides tcp(Obj parent, String key) {
    Node n = parent.get(key);
    if (n == null) {
      return TcpOverrides.none(parent.loc());
    }
    Obj o = cx.obj(n, parent.p(key), Schema.TCP, "a map of TCP settings such as { mss: 536 }");
    if (o == null) {
      return TcpOverrides.none(Yaml.loc(n));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Loc> locs = new LinkedHashMap<>();
    for (String k : o.entries.keySet()) {
      String v = cx.opt(o, k, tcpValue(TcpSettings.find(k)));
      if (v != null) {
        values.put(k, v);
        locs.put(k, o.loc(k));
      }
    }
    return new TcpOverrides(values, locs, o.loc());
  }

  /**
   * One TCP setting's value, checked by the TCP's own settings table. Sizes and durations are
   * read here first, so that they take the units the rest of the file takes ({@code 64KB}).
   */
  private static P<String> tcpValue(TcpSettings.Setting setting) {
    String expected = setting.expected();
    return new P<>(expected, s -> {
      String text = switch (setting.kind()) {
        case SIZE -> Long.toString(Values.size(s));
        case DURATION -> Values.duration(s) + "ns";
        case BOOLEAN -> Boolean.toString(Values.bool(s));
        default -> s.strip();
      };
      try {
        TcpSettings.check(setting.key(), text);
      } catch (IllegalArgumentException e) {
        String problem = e.getMessage();
        if (!problem.contains(" is ")) {
          problem = "'" + s.strip() + "' is not allowed";
        }
        throw new BadValue(problem, expected);
      }
      return text;
    });
  }

  /**
   * Settings that only make sense together (rto-min <= rto-initial <= rto-max, ...), per host:
   * its profile with the global settings, then its own, all applied and then checked as a whole,
   * as the run applies them ({@link TcpOverrides#applyTo}). Of the settings that disagree, the one
   * written last is reported (README, Scenario files, {@code tcp}).
   */
  void checkTcp(Profile profile, TcpOverrides global, Map<String, HostSpec> hosts) {
    Set<Loc> reported = new HashSet<>();
    checkTcp(reported, "", profile, global, global);
    for (HostSpec h : hosts.values()) {
      if (!h.router()) {
        checkTcp(reported, h.name(), h.profile().orElse(profile), global,
            global.overlaidBy(h.tcp()));
      }
    }
  }

  private void checkTcp(Set<Loc> reported, String host, Profile profile, TcpOverrides global,
      TcpOverrides t) {
    InvalidSettings ex;
    try {
      t.applyTo(profile.config());
      return;
    } catch (InvalidSettings e) {
      ex = e;
    }
    String key = lastWritten(t, ex.settings());
    Loc at = t.locOf(key).orElse(t.loc());
    if (!reported.add(at)) {
      return;
    }
    boolean fromGlobal = host.isEmpty() || global.locOf(key).equals(t.locOf(key));
    String problem = ex.getMessage().startsWith(key + ": ")
        ? ex.getMessage().substring(key.length() + 2) : ex.getMessage();
    String where = fromGlobal ? Key.TCP : Key.HOSTS + "." + host + "." + Key.TCP;
    errors.add(at, where + "." + key, problem,
        "TCP settings that agree with each other"
            + (host.isEmpty() ? "" : " (host " + host + ", profile " + profile + ")"));
  }

  /**
   * Of {@code settings}, the one {@code t} writes last: the value that made the configuration
   * impossible. A profile is always valid, so at least one of them is written.
   */
  private static String lastWritten(TcpOverrides t, List<String> settings) {
    String last = settings.get(settings.size() - 1);
    for (String k : t.values().keySet()) {
      if (settings.contains(k)) {
        last = k;
      }
    }
    return last;
  }
}
