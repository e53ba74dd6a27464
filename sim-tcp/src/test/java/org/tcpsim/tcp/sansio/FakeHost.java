package org.tcpsim.tcp.sansio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tcpsim.tcp.ChallengeAckLimit;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SynCookies;
import org.tcpsim.tcp.TcpCounters;
import org.tcpsim.tcp.TcpDropReason;
import org.tcpsim.tcp.TcpHost;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.Timer;
import org.tcpsim.tcp.TimerKind;

/**
 * A {@link TcpHost} made of lists and a clock the test moves: no simulator, no network, no stack.
 * What the core does is recorded; timers are deadlines that {@link #advanceTo} fires in order.
 * It uses only the core's public interface, as the packetdrill runner will.
 */
final class FakeHost implements TcpHost {
  record Sent(long time, Endpoint src, Endpoint dst, Segment segment, String cause) {}

  record StateChange(ConnectionId id, TcpState from, TcpState to, String cause) {}

  record Dropped(Segment segment, TcpDropReason reason) {}

  /** A timer as a deadline; the test fires it by moving the clock. */
  final class FakeTimer extends Timer {
    final Connection connection;
    final TimerKind kind;

    FakeTimer(Connection connection, TimerKind kind) {
      this.connection = connection;
      this.kind = kind;
    }

    @Override
    protected void scheduled(long at) {}

    @Override
    protected void unscheduled() {}

    long at() {
      return deadline();
    }

    boolean fireIfDue() {
      if (!due(now)) {
        return false;
      }
      connection.timerExpired(kind);
      return true;
    }
  }

  long now;
  int nextIss = 5000;
  final List<Sent> sent = new ArrayList<>();
  final List<StateChange> states = new ArrayList<>();
  final List<TcpSignal> signals = new ArrayList<>();
  final List<Dropped> drops = new ArrayList<>();
  final List<String> listenerEvents = new ArrayList<>();
  final List<TimerKind> fired = new ArrayList<>();
  final List<Connection> created = new ArrayList<>();
  final List<Connection> released = new ArrayList<>();
  final List<Listener> listenersClosed = new ArrayList<>();
  final List<FakeTimer> timers = new ArrayList<>();
  final SynCookies cookies = new SynCookies(1, 2);
  final ChallengeAckLimit challengeAcks = new ChallengeAckLimit(1000);
  final TcpCounters counts = new TcpCounters();

  /** Moves the clock to {@code t}, firing every timer whose deadline comes first, in order. */
  void advanceTo(long t) {
    while (true) {
      FakeTimer next = timers.stream().filter(Timer::isSet).filter(x -> x.at() <= t)
          .min(Comparator.comparingLong(FakeTimer::at)).orElse(null);
      if (next == null) {
        break;
      }
      now = next.at();
      next.fireIfDue();
    }
    now = t;
  }

  /** The timer {@code kind} of {@code c}. */
  FakeTimer timerOf(Connection c, TimerKind kind) {
    return timers.stream().filter(x -> x.connection == c && x.kind == kind).findFirst().orElseThrow();
  }

  /** The segments sent so far, and forgets them. */
  List<Segment> takeSent() {
    List<Segment> out = sent.stream().map(Sent::segment).toList();
    sent.clear();
    return out;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public Timer timer(Connection c, TimerKind kind) {
    FakeTimer t = new FakeTimer(c, kind);
    timers.add(t);
    return t;
  }

  @Override
  public void transmit(Endpoint src, Endpoint dst, Segment s, String cause) {
    sent.add(new Sent(now, src, dst, s, cause));
  }

  @Override
  public void stateChanged(ConnectionId id, TcpState from, TcpState to, String cause) {
    states.add(new StateChange(id, from, to, cause));
  }

  @Override
  public void signalled(ConnectionId id, TcpSignal signal) {
    signals.add(signal);
  }

  @Override
  public void timerFired(ConnectionId id, TimerKind kind, String detail) {
    fired.add(kind);
  }

  @Override
  public void dropped(Endpoint src, Endpoint dst, Segment seg, TcpDropReason reason, String cause) {
    drops.add(new Dropped(seg, reason));
  }

  @Override
  public void listenerEvent(Listener l, String what) {
    listenerEvents.add(what);
  }

  @Override
  public void connectionCreated(Connection c) {
    created.add(c);
  }

  @Override
  public void connectionReleased(Connection c) {
    released.add(c);
  }

  @Override
  public void listenerClosed(Listener l) {
    listenersClosed.add(l);
  }

  @Override
  public int iss(ConnectionId id) {
    return nextIss;
  }

  @Override
  public SynCookies synCookies() {
    return cookies;
  }

  @Override
  public ChallengeAckLimit challengeAcks() {
    return challengeAcks;
  }

  @Override
  public TcpCounters counts() {
    return counts;
  }
}
