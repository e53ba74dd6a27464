package org.tcpsim.scenario.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * What a run remembers for its expectations and summary: every connection each host had (the
 * last incarnation of each 4-tuple, kept after it closed so its counters can still be read),
 * the user signals each one got, drops by reason, and the segments of the connections whose
 * ladder an expectation checks.
 */
final class Recorder implements TraceSink {
  /** A connection as seen from one host. */
  record Key(String host, ConnectionId id) {}

  /** A segment put on the wire, for ladders. */
  record Sent(long time, Endpoint src, Endpoint dst, Segment segment) {}

  private final Map<String, TcpStack> stacks;
  private final Map<Key, Connection> connections = new LinkedHashMap<>();
  private final Map<Key, List<String>> signals = new HashMap<>();
  /** The same signals by incarnation: a 4-tuple reopened after a reset starts afresh. */
  private final Map<Connection, List<String>> signalsByIncarnation = new IdentityHashMap<>();
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

  @Override
  public void accept(TraceEvent e) {
    if (e instanceof SegmentSent s) {
      if (!laddered.isEmpty()) {
        Set<Endpoint> pair = Set.of(s.src(), s.dst());
        if (laddered.contains(pair)) {
          ladders.computeIfAbsent(pair, k -> new ArrayList<>())
              .add(new Sent(s.time(), s.src(), s.dst(), s.segment()));
        }
      }
    } else if (e instanceof StateChanged s) {
      if (!s.conn().isListening()) {
        TcpStack stack = stacks.get(s.host());
        Connection c = stack == null ? null : stack.connection(s.conn());
        if (c != null) {
          connections.put(new Key(s.host(), s.conn()), c);
        }
      }
    } else if (e instanceof UserSignal u) {
      Key key = new Key(u.host(), u.conn());
      signals.computeIfAbsent(key, k -> new ArrayList<>()).add(u.signal());
      // A connection changes state before its application hears of it, so the incarnation
      // recorded for the key is the one the signal is about.
      Connection c = connections.get(key);
      if (c != null) {
        signalsByIncarnation.computeIfAbsent(c, k -> new ArrayList<>()).add(u.signal());
      }
    } else if (e instanceof PacketDropped d) {
      drops.merge(d.reason(), 1L, Long::sum);
    } else if (e instanceof SegmentDropped d) {
      drops.merge(d.reason(), 1L, Long::sum);
    }
  }

  /** Every connection of every host, in the order they first changed state. */
  Map<Key, Connection> connections() {
    return connections;
  }

  Connection connection(String host, ConnectionId id) {
    return connections.get(new Key(host, id));
  }

  /** Every signal the applications of this 4-tuple on this host got, in every incarnation. */
  List<String> signals(String host, ConnectionId id) {
    return signals.getOrDefault(new Key(host, id), List.of());
  }

  /** The signals the application of this incarnation of a connection got. */
  List<String> signals(Connection c) {
    return signalsByIncarnation.getOrDefault(c, List.of());
  }

  /** Drops by reason, network and TCP together, by name. */
  Map<String, Long> drops() {
    return drops;
  }

  List<Sent> ladder(Endpoint a, Endpoint b) {
    return ladders.getOrDefault(Set.of(a, b), List.of());
  }
}
