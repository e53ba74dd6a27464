package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcpsim.core.Time;
import org.tcpsim.scenario.run.Expectations.Result;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.app.AppStats;

/** What a run did: its expectations' outcomes, counters, connection outcomes and final states. */
public final class RunResult {
  /** How a connection ended, from the last signal its application got (RFC 9293 MUST-12). */
  private static final int STATES_LISTED = 12;

  private final Simulation run;
  private final List<Result> results;
  private final long wallNanos;

  RunResult(Simulation run, List<Result> results, long wallNanos) {
    this.run = run;
    this.results = List.copyOf(results);
    this.wallNanos = wallNanos;
  }

  public Simulation simulation() {
    return run;
  }

  public boolean passed() {
    return results.stream().allMatch(Result::held);
  }

  public int expectations() {
    return results.size();
  }

  /** Each failed expectation as {@code file:line:col: expected ...\n    got ...}. */
  public List<String> failures() {
    return results.stream().filter(r -> !r.held()).map(Result::describe).toList();
  }

  /** True when SIGINT or SIGTERM stopped the run early (README "Outputs"). */
  public boolean interrupted() {
    return run.simulator().interrupted();
  }

  public long eventsExecuted() {
    return run.simulator().eventsExecuted();
  }

  public long simulatedTime() {
    return run.simulator().now();
  }

  public long wallNanos() {
    return wallNanos;
  }

  public Map<String, Long> counters() {
    return run.counters(null);
  }

  /** Connections (as seen from each end) by how they ended, or {@code open (STATE)}. */
  public Map<String, Long> outcomes() {
    Map<String, Long> out = new TreeMap<>();
    run.recorder().connections().forEach((k, c) -> out.merge(outcome(c), 1L, Long::sum));
    return out;
  }

  /** How the last incarnation of a 4-tuple ended (not an earlier one's ending). */
  private String outcome(Connection c) {
    if (c.ending() != null) {
      return c.ending().text();
    }
    return switch (c.state()) {
      case CLOSED -> "closed";
      // RFC 9293 3.10.7.4: a passive half-open connection that is reset goes back to LISTEN.
      case LISTEN -> "reset to LISTEN";
      default -> "open (" + c.state() + ")";
    };
  }

  /** {@code host conn state} for every connection, in the order they appeared. */
  public List<String> finalStates() {
    // Connections between declared hosts first: in a flood they are the ones a reader looks
    // for among thousands with spoofed peers.
    List<String> hosts = new ArrayList<>();
    List<String> others = new ArrayList<>();
    run.recorder().connections().forEach((k, c) -> {
      String line = String.format("%-6s %-28s %s", k.host(), run.display(k.id()), c.state());
      (run.hostName(k.id().remote().address()) != null ? hosts : others).add(line);
    });
    hosts.addAll(others);
    return hosts;
  }

  /** The summary a person reads after {@code tcpsim run}. */
  public String summaryText() {
    StringBuilder b = new StringBuilder();
    Map<String, Long> ctr = counters();
    b.append(run.scenario().name()).append(": seed ").append(run.seed())
        .append(interrupted() ? ", interrupted at " : ", ran to ")
        .append(Time.format(simulatedTime())).append(" simulated, ").append(eventsExecuted())
        .append(" events in ").append(wallNanos / 1_000_000).append(" ms\n");
    b.append("  connections  ");
    Map<String, Long> outcomes = outcomes();
    if (outcomes.isEmpty()) {
      b.append("none");
    }
    List<String> parts = new ArrayList<>();
    outcomes.forEach((o, n) -> parts.add(n + " " + o));
    b.append(String.join(", ", parts)).append('\n');
    b.append("  segments     ").append(ctr.get("segments.sent")).append(" sent, ")
        .append(ctr.get("segments.received")).append(" received, ")
        .append(ctr.get("segments.retransmitted")).append(" retransmitted, ")
        .append(ctr.get("resets.sent")).append(" resets\n");
    List<String> drops = new ArrayList<>();
    run.recorder().drops().forEach((r, n) -> drops.add(n + " " + r));
    b.append("  drops        ").append(drops.isEmpty() ? "none" : String.join(", ", drops))
        .append('\n');
    long flood = run.synFloodSent();
    if (flood > 0) {
      b.append("  attack       ").append(flood).append(" SYNs sent; listeners: ")
          .append(ctr.get("listen.syn-received")).append(" SYNs received, ")
          .append(ctr.get("listen.syn-dropped")).append(" dropped, ")
          .append(ctr.get("listen.syn-cookies-sent")).append(" cookies sent\n");
    }
    List<String> states = finalStates();
    b.append("  final states");
    if (states.isEmpty()) {
      b.append(" none\n");
    } else {
      b.append('\n');
      for (int i = 0; i < Math.min(STATES_LISTED, states.size()); i++) {
        b.append("    ").append(states.get(i)).append('\n');
      }
      if (states.size() > STATES_LISTED) {
        b.append("    ... and ").append(states.size() - STATES_LISTED).append(" more\n");
      }
    }
    for (String note : run.notes()) {
      b.append("  note: ").append(note).append('\n');
    }
    long held = results.stream().filter(Result::held).count();
    b.append("  expectations ").append(held).append(" of ").append(results.size())
        .append(" held\n");
    for (String f : failures()) {
      b.append("  FAILED ").append(f).append('\n');
    }
    return b.toString();
  }

  /** Everything in the summary, as a JSON-ready tree with a fixed key order. */
  public Map<String, Object> summaryTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", run.scenario().name());
    m.put("seed", run.seed());
    m.put("simulated_ns", simulatedTime());
    if (interrupted()) {
      m.put("interrupted", true); // only then, so that a whole run's summary.json is unchanged
    }
    m.put("events", eventsExecuted());
    m.put("passed", passed());
    m.put("counters", counters());
    Map<String, Object> hosts = new LinkedHashMap<>();
    run.stacks().forEach((h, s) -> hosts.put(h, s.counters()));
    m.put("hosts", hosts);
    m.put("outcomes", outcomes());
    Map<String, Object> apps = new LinkedHashMap<>();
    run.appStats().forEach((name, a) -> apps.put(name, app(a)));
    m.put("apps", apps);
    List<Object> conns = new ArrayList<>();
    run.recorder().connections().forEach((k, c) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("host", k.host());
      x.put("conn", k.id().toString());
      x.put("state", c.state().toString());
      x.put("outcome", outcome(c));
      x.put("bytes_delivered", c.bytesDelivered());
      x.put("retransmitted", c.segmentsRetransmitted());
      conns.add(x);
    });
    m.put("connections", conns);
    List<Object> ex = new ArrayList<>();
    for (Result r : results) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("at", r.expectation().loc().toString());
      x.put("held", r.held());
      x.put("expected", r.expected());
      if (!r.held()) {
        x.put("got", r.actual());
      }
      ex.add(x);
    }
    m.put("expectations", ex);
    m.put("notes", run.notes());
    return m;
  }

  /** JSON has no NaN: a mean over nothing is null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Map<String, Object> app(AppStats a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opened", a.connectionsOpened());
    m.put("established", a.connectionsEstablished());
    m.put("closed", a.connectionsClosed());
    m.put("failed", a.connectionsFailed());
    m.put("bytes_sent", a.bytesSent());
    m.put("bytes_received", a.bytesReceived());
    m.put("completions", a.completions());
    m.put("handshake_time_mean_ns", finite(a.meanHandshakeTime()));
    m.put("completion_time_mean_ns", finite(a.meanCompletionTime()));
    return m;
  }
}
