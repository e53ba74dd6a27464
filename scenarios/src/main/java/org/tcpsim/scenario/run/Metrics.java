package org.tcpsim.scenario.run;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
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
  private final Set<Recorder.Key> halfOpen = new HashSet<>();

  Metrics() {
    for (TcpState s : TcpState.values()) {
      states.put(s, new Occupancy());
    }
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
    Recorder.Key key = new Recorder.Key(s.host(), s.conn());
    if (s.from() == TcpState.LISTEN && s.to() == TcpState.SYN_RECEIVED) {
      halfOpen.add(key);
      synQueue.add(s.time(), 1);
    } else if (s.from() == TcpState.SYN_RECEIVED && halfOpen.remove(key)) {
      synQueue.add(s.time(), -1);
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
