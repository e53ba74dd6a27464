package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Samples;

/**
 * What a sweep can measure in a run: every counter of {@code summary.json} (summed over hosts,
 * or one host's as {@code HOST.COUNTER}), and values derived from the applications and the
 * trace. Times are in seconds and rates in Mbit/s, so tables and plots read without conversion.
 * Percentiles are nearest-rank. A value that has nothing to average (no connection was
 * established) is NaN, which a sweep writes as an empty cell, not as 0.
 */
public final class Measures {
  /** A measure's name, unit and meaning. */
  public record Info(String name, String unit, String description) {}

  private static final double NS_PER_S = 1e9;

  private static final List<Info> DERIVED = List.of(
      new Info("handshake.time.mean", "s",
          "mean time from OPEN to ESTABLISHED over the connections clients established"),
      new Info("handshake.time.p50", "s", "median handshake time"),
      new Info("handshake.time.p90", "s", "90th percentile handshake time"),
      new Info("handshake.time.p99", "s", "99th percentile handshake time"),
      new Info("handshake.time.max", "s", "longest handshake time"),
      new Info("completion.time.mean", "s",
          "mean time from OPEN until a client's data was acknowledged (and its response read)"),
      new Info("completion.time.p50", "s", "median completion time"),
      new Info("completion.time.p90", "s", "90th percentile completion time"),
      new Info("completion.time.max", "s", "longest completion time"),
      new Info("goodput", "Mbit/s",
          "bytes of the connections that completed over their total completion time"),
      new Info("throughput", "Mbit/s",
          "bytes every application received over the simulated time of the run"),
      new Info("connections.opened", "", "connections the clients opened"),
      new Info("connections.established-fraction", "",
          "fraction of the clients' connections that reached ESTABLISHED"),
      new Info("retransmissions.per-connection", "",
          "segments retransmitted (all hosts) per connection the clients opened"),
      new Info("syn-queue.mean", "",
          "time-weighted mean of half-open connections held by listeners (SYN-RECEIVED)"),
      new Info("syn-queue.max", "", "most half-open connections held at once"),
      new Info("expectations.held", "", "1 when every expectation held, else 0"));

  private Measures() {}

  /** Every measure a run of this simulation can report, in a fixed order. */
  public static List<Info> available(Simulation sim) {
    List<Info> out = new ArrayList<>(DERIVED);
    for (TcpState s : TcpState.values()) {
      if (s == TcpState.CLOSED || s == TcpState.LISTEN) {
        continue;
      }
      out.add(new Info("state." + s + ".mean", "", "time-weighted mean of connections in " + s));
      out.add(new Info("state." + s + ".max", "", "most connections in " + s + " at once"));
      out.add(new Info("state." + s + ".end", "", "connections in " + s + " at the end"));
    }
    for (String counter : sim.counters(null).keySet()) {
      out.add(new Info(counter, "", "counter, summed over hosts"));
    }
    for (String host : sim.stacks().keySet()) {
      for (String counter : sim.counters(host).keySet()) {
        out.add(new Info(host + "." + counter, "", "counter of host " + host));
      }
    }
    return out;
  }

  public static Optional<Info> find(Simulation sim, String name) {
    return available(sim).stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The measure's value in a finished run; NaN when undefined. */
  public static double value(RunResult r, String name) {
    Simulation sim = r.simulation();
    Metrics m = sim.metrics();
    long end = r.simulatedTime();
    if (name.startsWith("handshake.time.")) {
      return stat(samples(sim, true), name.substring("handshake.time.".length()));
    }
    if (name.startsWith("completion.time.")) {
      return stat(samples(sim, false), name.substring("completion.time.".length()));
    }
    if (name.startsWith("state.")) {
      int dot = name.lastIndexOf('.');
      Occupancy o = m.state(TcpState.parse(name.substring("state.".length(), dot)));
      return occupancy(o, name.substring(dot + 1), end);
    }
    if (name.startsWith("syn-queue.")) {
      return occupancy(m.synQueue(), name.substring("syn-queue.".length()), end);
    }
    OptionalDouble derived = fromTotals(r, name);
    if (derived.isPresent()) {
      return derived.getAsDouble();
    }
    return counter(sim, name);
  }

  /**
   * What the applications did, added up over apps. Only clients (apps that opened connections)
   * count towards opened, established and completion; every app counts towards bytes received.
   */
  private record AppTotals(long opened, long established, long completedBytes, long completionNs,
      long received) {
    static AppTotals of(Simulation sim) {
      long opened = 0;
      long established = 0;
      long completedBytes = 0;
      long completionNs = 0;
      long received = 0;
      for (AppStats a : sim.appStats().values()) {
        received += a.bytesReceived();
        if (a.connectionsOpened() > 0) {
          opened += a.connectionsOpened();
          established += a.connectionsEstablished();
          completedBytes += a.completedBytes();
          completionNs += Arrays.stream(a.completionTimes().toArray()).sum();
        }
      }
      return new AppTotals(opened, established, completedBytes, completionNs, received);
    }
  }

  /** The measures derived from the applications' totals; empty for any other name. */
  private static OptionalDouble fromTotals(RunResult r, String name) {
    Simulation sim = r.simulation();
    long end = r.simulatedTime();
    AppTotals t = AppTotals.of(sim);
    switch (name) {
      case "goodput":
        return OptionalDouble.of(t.completionNs() == 0 ? Double.NaN
            : t.completedBytes() * 8.0 / (t.completionNs() / NS_PER_S) / 1e6);
      case "throughput":
        return OptionalDouble.of(end == 0 ? Double.NaN
            : t.received() * 8.0 / (end / NS_PER_S) / 1e6);
      case "connections.opened":
        return OptionalDouble.of(t.opened());
      case "connections.established-fraction":
        return OptionalDouble.of(t.opened() == 0 ? Double.NaN
            : (double) t.established() / t.opened());
      case "retransmissions.per-connection":
        return OptionalDouble.of(t.opened() == 0 ? Double.NaN
            : (double) sim.counters(null).get("segments.retransmitted") / t.opened());
      case "expectations.held":
        return OptionalDouble.of(r.passed() ? 1 : 0);
      default:
        return OptionalDouble.empty();
    }
  }

  /** A counter of summary.json: summed over hosts, or one host's as HOST.COUNTER. */
  private static double counter(Simulation sim, String name) {
    Long v = sim.counters(null).get(name);
    if (v != null) {
      return v;
    }
    int dot = name.indexOf('.');
    if (dot > 0 && sim.stacks().containsKey(name.substring(0, dot))) {
      Long h = sim.counters(name.substring(0, dot)).get(name.substring(dot + 1));
      if (h != null) {
        return h;
      }
    }
    throw new IllegalArgumentException("no measure " + name);
  }

  /** Every client's samples of one kind, in seconds, in app order. */
  private static double[] samples(Simulation sim, boolean handshake) {
    List<long[]> parts = new ArrayList<>();
    for (Map.Entry<String, AppStats> e : sim.appStats().entrySet()) {
      Samples s = handshake ? e.getValue().handshakeTimes() : e.getValue().completionTimes();
      parts.add(s.toArray());
    }
    return parts.stream().flatMapToLong(Arrays::stream).mapToDouble(ns -> ns / NS_PER_S)
        .toArray();
  }

  private static double stat(double[] xs, String which) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    if (which.equals("mean")) {
      return Arrays.stream(xs).sum() / xs.length;
    }
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    return switch (which) {
      case "max" -> sorted[sorted.length - 1];
      case "p50" -> nearestRank(sorted, 50);
      case "p90" -> nearestRank(sorted, 90);
      case "p99" -> nearestRank(sorted, 99);
      default -> throw new IllegalArgumentException("no statistic " + which);
    };
  }

  /** The smallest value with at least p% of the values at or below it. */
  static double nearestRank(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double occupancy(Occupancy o, String which, long end) {
    return switch (which) {
      case "mean" -> o.mean(end);
      case "max" -> o.max();
      case "end" -> o.last();
      default -> throw new IllegalArgumentException("no statistic " + which);
    };
  }
}
