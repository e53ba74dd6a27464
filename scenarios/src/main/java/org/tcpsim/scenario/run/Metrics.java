package org.tcpsim.scenario.run;

import java.util.EnumMap;
import java.util.HashMap;
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
  /** Each counted connection's state, so a crash can take its connections off the counts. */
  private final Map<Recorder.Key, TcpState> current = new HashMap<>();

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
    Recorder.Key key = new Recorder.Key(s.host(), s.conn());
    if (counted(s.from())) {
      states.get(s.from()).add(s.time(), -1);
      current.remove(key);
    }
    if (counted(s.to())) {
      states.get(s.to()).add(s.time(), 1);
      current.put(key, s.to());
    }
    if (s.from() == TcpState.LISTEN && s.to() == TcpState.SYN_RECEIVED) {
      halfOpen.add(key);
      synQueue.add(s.time(), 1);
    } else if (s.from() == TcpState.SYN_RECEIVED && halfOpen.remove(key)) {
      synQueue.add(s.time(), -1);
    }
  }

  /**
   * A host crashed: its connections are gone without a state change (their TCBs are lost, RFC
   * 9293 3.10 has no event for it), so they leave the counts here.
   */
  void crashed(String host, long now) {
    current.entrySet().removeIf(e -> {
      if (!e.getKey().host().equals(host)) {
        return false;
      }
      states.get(e.getValue()).add(now, -1);
      if (halfOpen.remove(e.getKey())) {
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
