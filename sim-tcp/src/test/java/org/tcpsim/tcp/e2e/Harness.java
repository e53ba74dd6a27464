package org.tcpsim.tcp.e2e;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.net.PacketHandler;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.isn.IsnGenerator;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * A small end-to-end test bench: a simulator, a network and a recorder of every trace event, plus
 * the views the assertions need (segments in RFC notation, state sequences, user signals).
 */
final class Harness {
  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final Network net;
  final List<TraceEvent> events = new ArrayList<>();

  Harness(long seed) {
    net = new Network(sim, new RandomStreams(seed), trace);
    trace.subscribe(events::add);
  }

  Host host(String name, String address) {
    return net.addHost(name, Ipv4.parse(address));
  }

  /**
   * A segment in the notation of RFC 9293's figures: {@code <SEQ=100><ACK=301><CTL=SYN,ACK>},
   * with {@code <DATA=n>} after it when it carries data. PSH is not shown (the figures never
   * show it); the control bits appear in the figures' order SYN, FIN, RST, URG, then ACK.
   */
  static String rfc(Segment s) {
    StringBuilder b = new StringBuilder();
    b.append("<SEQ=").append(SeqNum.format(s.seq())).append('>');
    if (s.has(TcpFlags.ACK)) {
      b.append("<ACK=").append(SeqNum.format(s.ack())).append('>');
    }
    List<String> ctl = new ArrayList<>();
    int[] order = {TcpFlags.SYN, TcpFlags.FIN, TcpFlags.RST, TcpFlags.URG, TcpFlags.ACK};
    String[] names = {"SYN", "FIN", "RST", "URG", "ACK"};
    for (int i = 0; i < order.length; i++) {
      if (s.has(order[i])) {
        ctl.add(names[i]);
      }
    }
    b.append("<CTL=").append(String.join(",", ctl)).append('>');
    if (s.dataLength() > 0) {
      b.append("<DATA=").append(s.dataLength()).append('>');
    }
    return b.toString();
  }

  /** Segments {@code host}'s TCP sent (not injected ones) at or after {@code since}, in RFC notation. */
  List<String> sent(String host, long since) {
    List<String> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof SegmentSent s && s.host().equals(host) && !s.injected() && s.time() >= since) {
        out.add(rfc(s.segment()));
      }
    }
    return out;
  }

  List<String> sent(String host) {
    return sent(host, 0);
  }

  /** Segments injected at {@code host}. */
  List<String> injected(String host) {
    List<String> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof SegmentSent s && s.host().equals(host) && s.injected()) {
        out.add(rfc(s.segment()));
      }
    }
    return out;
  }

  List<SegmentSent> sentEvents(String host) {
    List<SegmentSent> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof SegmentSent s && s.host().equals(host) && !s.injected()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The states connection {@code id} of {@code host} went through from {@code since} on: the
   * first change's "from" state, then every "to" state (and a "from" that does not continue the
   * previous "to", as when a listener makes a new TCB for the same 4-tuple).
   */
  List<String> states(String host, ConnectionId id, long since) {
    List<String> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof StateChanged c && c.host().equals(host) && c.conn().equals(id)
          && c.time() >= since) {
        // A new incarnation (a fresh TCB from a listener) starts where the old one did not end.
        if (out.isEmpty() || !out.get(out.size() - 1).equals(c.from().toString())) {
          out.add(c.from().toString());
        }
        out.add(c.to().toString());
      }
    }
    return out;
  }

  List<String> states(String host, ConnectionId id) {
    return states(host, id, 0);
  }

  List<StateChanged> stateEvents(String host, ConnectionId id) {
    List<StateChanged> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof StateChanged c && c.host().equals(host) && c.conn().equals(id)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The user signals of {@code host} (all its connections), from {@code since} on. */
  List<String> signals(String host, long since) {
    List<String> out = new ArrayList<>();
    for (TraceEvent e : events) {
      if (e instanceof UserSignal u && u.host().equals(host) && u.time() >= since) {
        out.add(u.signal().text());
      }
    }
    return out;
  }

  List<String> signals(String host) {
    return signals(host, 0);
  }

  /** An ISN generator that hands out the given ISSs in turn (then repeats the last). */
  static IsnGenerator isns(int... values) {
    ArrayDeque<Integer> q = new ArrayDeque<>();
    for (int v : values) {
      q.add(v);
    }
    return new IsnGenerator() {
      private int last = values[values.length - 1];

      @Override
      public int isn(long now, int la, int lp, int ra, int rp) {
        Integer v = q.poll();
        if (v != null) {
          last = v;
        }
        return last;
      }
    };
  }

  /**
   * Wraps {@code host}'s packet handler so that the first packet matching {@code which} is held
   * for {@code extra} ns before the TCP sees it: a segment delayed in the network (the "..." of
   * the RFC figures).
   */
  void holdFirst(Host host, Predicate<Segment> which, long extra) {
    PacketHandler inner = host.handler();
    boolean[] done = new boolean[1];
    host.setHandler(p -> {
      if (!done[0] && p.payload() instanceof Segment s && which.test(s)) {
        done[0] = true;
        Packet held = p;
        sim.schedule(extra, () -> inner.receive(held));
        return;
      }
      inner.receive(p);
    });
  }
}
