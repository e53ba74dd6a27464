package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.scenario.model.ConnId;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Expectation;
import org.tcpsim.scenario.model.LadderLine;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;

/** Checks a scenario's {@code expect:} entries, each at its time or at the end of the run. */
final class Expectations {
  /** One expectation's outcome: what was expected, in words, and what happened. */
  record Result(Expectation expectation, boolean held, String expected, String actual) {
    /** {@code file:line:col: expected ...; got ...}. */
    String describe() {
      return expectation.loc() + ": expected " + expected + (held ? "" : "\n    got " + actual);
    }
  }

  private final Simulation run;
  /**
   * By identity: each expectation is one entry of the file, and results() takes the file's order
   * from the scenario's list. A record's generated hashCode would walk every component (and cost
   * a method-handle bootstrap per record type at start-up).
   */
  private final Map<Expectation, Result> results = new IdentityHashMap<>();

  Expectations(Simulation run) {
    this.run = run;
    for (Expectation e : run.scenario().expect()) {
      if (e.check() instanceof Expectation.SignalGot && e.conn().isPresent()) {
        run.recorder().watchSignals(e.host().orElse(null), Simulation.connectionId(e.conn().get()));
      }
      if (e.check() instanceof Expectation.LadderIs && e.conn().isPresent()) {
        ConnectionId id = Simulation.connectionId(e.conn().get());
        if (id.remote() != null) {
          run.recorder().watchLadder(id.local(), id.remote());
        }
      }
    }
  }

  void schedule() {
    for (Expectation e : run.scenario().expect()) {
      if (e.at().isPresent()) {
        run.simulator().scheduleAt(e.at().getAsLong(), () -> results.put(e, check(e)));
      }
    }
  }

  void checkAtEnd() {
    for (Expectation e : run.scenario().expect()) {
      if (e.at().isEmpty()) {
        results.put(e, check(e));
      }
    }
  }

  /** In the order the file gives them; an {@code at} the run never reached counts as failed. */
  List<Result> results() {
    List<Result> out = new ArrayList<>();
    for (Expectation e : run.scenario().expect()) {
      Result r = results.get(e);
      out.add(r != null ? r : new Result(e, false, "a check " + when(e),
          "the run ended at " + Time.format(run.simulator().now()) + " before that time"));
    }
    return out;
  }

  private static String when(Expectation e) {
    return e.at().isPresent() ? "at " + Time.format(e.at().getAsLong()) : "at the end";
  }

  private Result check(Expectation e) {
    String host = e.host().orElse(null);
    Expectation.Check c = e.check();
    if (c instanceof Expectation.StateIs s) {
      TcpState actual = state(host, e.conn().orElseThrow());
      return new Result(e, actual == s.state(),
          show(e.conn().get()) + " on " + host + " in state " + s.state() + " " + when(e),
          actual.toString());
    }
    if (c instanceof Expectation.CounterCompare cc) {
      Map<String, Long> counters = run.counters(host);
      Long v = counters.get(cc.counter());
      String what = "counter " + cc.counter() + (host == null ? "" : " on " + host) + " "
          + cc.op().symbol() + " " + number(cc.value()) + " " + when(e);
      if (v == null) {
        return new Result(e, false, what,
            "no such counter; the counters are " + String.join(", ", counters.keySet()));
      }
      return new Result(e, cc.op().test(v, cc.value()), what, Long.toString(v));
    }
    if (c instanceof Expectation.SignalGot sg) {
      ConnectionId id = Simulation.connectionId(e.conn().orElseThrow());
      List<String> got = run.recorder().signals(host, id);
      return new Result(e, got.contains(sg.signal().text()),
          "the application of " + show(e.conn().get()) + " on " + host + " to be told \""
              + sg.signal().text() + "\" " + when(e),
          got.isEmpty() ? "no signal" : "signals " + String.join(", ", got));
    }
    if (c instanceof Expectation.DeliveredBytes d) {
      ConnectionId id = Simulation.connectionId(e.conn().orElseThrow());
      Connection conn = run.recorder().connection(host, id);
      long got = conn == null ? 0 : conn.bytesDelivered();
      return new Result(e, got == d.bytes(),
          d.bytes() + " bytes delivered in order on " + show(e.conn().get()) + " " + when(e),
          got + " bytes" + (conn == null ? " (the connection never existed)" : ""));
    }
    if (c instanceof Expectation.LadderIs l) {
      return ladder(e, l);
    }
    throw new IllegalStateException("unknown check " + c);
  }

  /** {@code A:1024>B:80}, as the file wrote it. */
  private static String show(ConnId c) {
    return c.local().display() + ">" + c.remote().map(EndpointRef::display).orElse("*");
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private TcpState state(String host, ConnId conn) {
    TcpStack stack = run.stacks().get(host);
    ConnectionId id = Simulation.connectionId(conn);
    if (id.remote() == null) {
      return stack.listener(id.local().port()) != null ? TcpState.LISTEN : TcpState.CLOSED;
    }
    Connection c = stack.connection(id);
    return c == null ? TcpState.CLOSED : c.state();
  }

  private Result ladder(Expectation e, Expectation.LadderIs l) {
    ConnectionId id = Simulation.connectionId(e.conn().orElseThrow());
    List<Recorder.Sent> sent = run.recorder().ladder(id.local(), id.remote());
    List<String> actual = new ArrayList<>();
    for (Recorder.Sent s : sent) {
      actual.add(line(s));
    }
    String expected = "the segments of " + show(e.conn().get()) + " " + when(e) + " to be\n"
        + indent(l.lines().stream().map(LadderLine::text).toList());
    int n = Math.min(l.lines().size(), sent.size());
    for (int i = 0; i < n; i++) {
      LadderLine want = l.lines().get(i);
      if (!matches(want, sent.get(i))) {
        return new Result(e, false, expected, "line " + (i + 1) + " differs: " + actual.get(i)
            + " (" + want.loc() + " says " + want.text() + "); the run sent\n" + indent(actual));
      }
    }
    if (l.lines().size() != sent.size()) {
      return new Result(e, false, expected, sent.size() + " segments, not "
          + l.lines().size() + "; the run sent\n" + indent(actual));
    }
    return new Result(e, true, expected, "");
  }

  private static String indent(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String s : lines) {
      b.append("        ").append(s).append('\n');
    }
    return b.toString().stripTrailing();
  }

  private boolean matches(LadderLine want, Recorder.Sent got) {
    Segment s = got.segment();
    return names(want.from(), got.src()) && names(want.to(), got.dst())
        && want.flags() == s.flags()
        && same(want.seq(), s.seq())
        && (want.ack().isEmpty() || (s.has(TcpFlags.ACK) && same(want.ack(), s.ack())))
        && (want.len().isEmpty() || want.len().getAsLong() == s.dataLength())
        && (want.window().isEmpty() || want.window().getAsLong() == s.window());
  }

  private static boolean same(OptionalLong want, int got) {
    return want.isEmpty() || want.getAsLong() == SeqNum.toLong(got);
  }

  private boolean names(String written, Endpoint e) {
    String host = run.hostName(e.address());
    return written.equals(host) || written.equals(Ipv4.format(e.address()));
  }

  /** A segment in the notation of {@code ladder:} lines, so it can be pasted into a file. */
  String line(Recorder.Sent s) {
    Segment seg = s.segment();
    String from = run.hostName(s.src().address());
    String to = run.hostName(s.dst().address());
    StringBuilder b = new StringBuilder();
    b.append(from != null ? from : Ipv4.format(s.src().address())).append(" > ")
        .append(to != null ? to : Ipv4.format(s.dst().address())).append(' ')
        .append(TcpFlags.join(seg.flags()))
        .append(" seq=").append(SeqNum.toLong(seg.seq()));
    if (seg.has(TcpFlags.ACK)) {
      b.append(" ack=").append(SeqNum.toLong(seg.ack()));
    }
    if (seg.dataLength() > 0) {
      b.append(" len=").append(seg.dataLength());
    }
    return b.toString();
  }
}
