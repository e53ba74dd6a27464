package org.tcpsim.scenario.run;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.StateChanged;

/**
 * Occupancies over a run, for sweep measures: how many connections were in each state, and how
 * many half-open connections listeners held (their SYN queues: connections a SYN moved from
 * LISTEN to SYN-RECEIVED, RFC 9293 3.10.7.2, until they leave SYN-RECEIVED).
 */
final class Metrics implements TraceSink {
  /** A counted connection: its host, its state, and whether it sits in a SYN queue. */
  private static final class Tracked {
    final String host;
    TcpState state;
    boolean halfOpen;

    Tracked(String host) {
      this.host = host;
    }
  }

  private final Map<TcpState, Occupancy> states = new EnumMap<>(TcpState.class);
  private final Occupancy synQueue = new Occupancy();
  /**
   * Each counted connection, by the identity of its id object (each incarnation has its own),
   * so a crash can take its connections off the counts.
   */
  private final Map<ConnectionId, Tracked> current = new IdentityHashMap<>();

  Metrics() {
    for (TcpState s : TcpState.values()) {
      states.put(s, new Occupancy());
    }
  }

  @Override
  public boolean wants(Class<? extends TraceEvent> type) {
    return type == StateChanged.class;
  }

  @Override
  public void accept(TraceEvent e) {
    if (!(e instanceof StateChanged s) || s.conn().isListening()) {
      return;
    }
    Tracked t = current.get(s.conn());
    if (counted(s.from())) {
      states.get(s.from()).add(s.time(), -1);
    }
    if (counted(s.to())) {
      states.get(s.to()).add(s.time(), 1);
      if (t == null) {
        t = new Tracked(s.host());
        current.put(s.conn(), t);
      }
      t.state = s.to();
    } else if (t != null) {
      current.remove(s.conn());
    }
    if (s.from() == TcpState.LISTEN && s.to() == TcpState.SYN_RECEIVED) {
      t.halfOpen = true;
      synQueue.add(s.time(), 1);
    } else if (s.from() == TcpState.SYN_RECEIVED && t != null && t.halfOpen) {
      t.halfOpen = false;
      synQueue.add(s.time(), -1);
    }
  }

  /**
   * A host crashed: its connections are gone without a state change (their TCBs are lost, RFC
   * 9293 3.10 has no event for it), so they leave the counts here.
   */
  void crashed(String host, long now) {
    current.values().removeIf(t -> {
      if (!t.host.equals(host)) {
        return false;
      }
      states.get(t.state).add(now, -1);
      if (t.halfOpen) {
        synQueue.add(now, -1);
      }
      return true;
    });
  }

  /**
   * A connection's CLOSED is no connection, and its LISTEN is the listener it came from or went
   * back to (RFC 9293 3.10.7.4: a reset passive half-open connection returns to LISTEN).
   */
  private static boolean counted(TcpState s) {
    return s != TcpState.CLOSED && s != TcpState.LISTEN;
  }

  /** Connections in {@code state} over time; none is ever counted in CLOSED or LISTEN. */
  Occupancy state(TcpState state) {
    return states.get(state);
  }

  Occupancy synQueue() {
    return synQueue;
  }
}
