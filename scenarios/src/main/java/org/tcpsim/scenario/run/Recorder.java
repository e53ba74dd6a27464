package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * What a run remembers for its expectations and summary: every connection each host had (the
 * last incarnation of each 4-tuple, kept after it closed so its counters can still be read),
 * the signals the applications of the connections an expectation asks about got, drops by
 * reason, and the segments of the connections whose ladder an expectation checks.
 *
 * <p>It runs on every run, so it wants only the event types it needs (signals and segments only
 * when an expectation watches them), and looks a connection up once, when it first changes
 * state, rather than on every event.
 */
final class Recorder implements TraceSink {
  /** A connection as seen from one host. */
  record Key(String host, ConnectionId id) {
    // Written out for start-up time, as in Endpoint; the values are the generated ones.

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(k.host, host) && Objects.equals(k.id, id);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(host) + Objects.hashCode(id);
    }
  }

  /** A segment put on the wire, for ladders. */
  record Sent(long time, Endpoint src, Endpoint dst, Segment segment) {}

  private final Map<String, TcpStack> stacks;
  private final Map<Key, Connection> connections = new LinkedHashMap<>();
  /** Every signal of the 4-tuples an expectation asks about, across incarnations. */
  private final Map<Key, List<String>> signals = new HashMap<>();
  private final Set<Key> signalsWatched = new HashSet<>();
  private final Map<String, Long> drops = new TreeMap<>();
  private final Set<Set<Endpoint>> laddered = new HashSet<>();
  private final Map<Set<Endpoint>, List<Sent>> ladders = new HashMap<>();

  Recorder(Map<String, TcpStack> stacks) {
    this.stacks = stacks;
  }

  /** Keeps the segments exchanged between {@code a} and {@code b}, in either direction. */
  void watchLadder(Endpoint a, Endpoint b) {
    laddered.add(Set.of(a, b));
  }

  /** Keeps every signal the applications of this 4-tuple on this host get. */
  void watchSignals(String host, ConnectionId id) {
    signalsWatched.add(new Key(host, id));
  }

  @Override
  public boolean wants(Class<? extends TraceEvent> type) {
    return type == StateChanged.class
        || type == PacketDropped.class || type == SegmentDropped.class
        || (type == UserSignal.class && !signalsWatched.isEmpty())
        || (type == SegmentSent.class && !laddered.isEmpty());
  }

  @Override
  public void accept(TraceEvent e) {
    if (e instanceof SegmentSent s) {
      Set<Endpoint> pair = Set.of(s.src(), s.dst());
      if (laddered.contains(pair)) {
        ladders.computeIfAbsent(pair, k -> new ArrayList<>())
            .add(new Sent(s.time(), s.src(), s.dst(), s.segment()));
      }
    } else if (e instanceof StateChanged s) {
      // Every incarnation starts from CLOSED (an active OPEN) or from its listener's LISTEN (a
      // SYN, or a SYN cookie's ACK): the first change is where a new one is met.
      if (!s.conn().isListening()
          && (s.from() == TcpState.CLOSED || s.from() == TcpState.LISTEN)) {
        TcpStack stack = stacks.get(s.host());
        Connection c = stack == null ? null : stack.connection(s.conn());
        if (c != null) {
          connections.put(new Key(s.host(), s.conn()), c);
        }
      }
    } else if (e instanceof UserSignal u) {
      Key key = new Key(u.host(), u.conn());
      if (signalsWatched.contains(key)) {
        signals.computeIfAbsent(key, k -> new ArrayList<>()).add(u.signal().text());
      }
    } else if (e instanceof PacketDropped d) {
      drops.merge(d.reason(), 1L, Long::sum);
    } else if (e instanceof SegmentDropped d) {
      drops.merge(d.reason().text(), 1L, Long::sum);
    }
  }

  /** Every connection of every host, in the order they first changed state. */
  Map<Key, Connection> connections() {
    return connections;
  }

  Connection connection(String host, ConnectionId id) {
    return connections.get(new Key(host, id));
  }

  /**
   * Every signal the applications of this 4-tuple on this host got, in every incarnation; only
   * for 4-tuples {@linkplain #watchSignals watched} before the run.
   */
  List<String> signals(String host, ConnectionId id) {
    return signals.getOrDefault(new Key(host, id), List.of());
  }

  /** Drops by reason, network and TCP together, by name. */
  Map<String, Long> drops() {
    return drops;
  }

  List<Sent> ladder(Endpoint a, Endpoint b) {
    return ladders.getOrDefault(Set.of(a, b), List.of());
  }
}
