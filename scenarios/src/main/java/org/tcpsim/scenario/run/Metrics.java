package org.tcpsim.scenario.run;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.StateChanged;

/**
 * Occupancies over a run, for sweep measures: how many connections were in each state, and how
 * many half-open connections listeners held (their SYN queues: connections a SYN moved from
 * LISTEN to SYN-RECEIVED, RFC 9293 3.10.7.2, until they leave SYN-RECEIVED).
 */
final class Metrics implements TraceSink {
  private final Map<TcpState, Occupancy> states = new EnumMap<>(TcpState.class);
  private final Occupancy synQueue = new Occupancy();
  /**
   * The connections in a SYN queue now, by the identity of their id object (each incarnation
   * has its own): SYN-RECEIVED entered from LISTEN, not from SYN-SENT (a simultaneous open).
   */
  private final Set<ConnectionId> halfOpen = Collections.newSetFromMap(new IdentityHashMap<>());

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
    if (counted(s.from())) {
      states.get(s.from()).add(s.time(), -1);
    }
    if (counted(s.to())) {
      states.get(s.to()).add(s.time(), 1);
    }
    if (s.from() == TcpState.LISTEN && s.to() == TcpState.SYN_RECEIVED) {
      halfOpen.add(s.conn());
      synQueue.add(s.time(), 1);
    } else if (s.from() == TcpState.SYN_RECEIVED && halfOpen.remove(s.conn())) {
      synQueue.add(s.time(), -1);
    }
  }

  /**
   * A host is about to crash with these connections: they will be gone without a state change
   * (their TCBs are lost, RFC 9293 3.10 has no event for it), so they leave the counts here.
   */
  void crashing(Collection<Connection> connections, long now) {
    for (Connection c : connections) {
      if (counted(c.state())) {
        states.get(c.state()).add(now, -1);
      }
      if (halfOpen.remove(c.id())) {
        synQueue.add(now, -1);
      }
    }
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
