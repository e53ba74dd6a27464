package org.tcpsim.tcp.e2e;

import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.e2e.PropertyTest.Setup;

/**
 * {@link PropertyTest}'s fuzz property: random segments injected into a connection pair as it
 * opens, transfers and closes, checking {@link Connection#checkInvariants()} after every step.
 * Its own class so PropertyTest stays readable; it holds no test itself.
 */
final class Fuzzer {
  private Fuzzer() {}

  /** Fuzzes one seed's connection pair; returns the segments injected. */
  static int fuzz(Setup s, Set<TcpState> fuzzed) {
    Random rnd = s.rnd();
    List<Connection> conns = openPair(s, rnd);
    int injected = 0;
    long step = MS;
    long end = 3 * SECOND;
    double p = 0.02 + rnd.nextDouble() * 0.1;
    for (long t = 0; t < end; t += step) {
      s.sim().runUntil(t);
      checkAll(s);
      if (rnd.nextDouble() < p) {
        injected += injectOne(s, conns, rnd, fuzzed);
        checkAll(s);
      }
    }
    // Whatever is left (TIME-WAIT, retransmissions): a few more, then run everything out.
    for (int i = 0; i < 5; i++) {
      s.sim().runUntil(s.sim().now() + rnd.nextInt(60) * SECOND);
      injected += injectOne(s, conns, rnd, fuzzed);
      checkAll(s);
    }
    long before = s.sim().eventsExecuted();
    s.sim().runUntil(s.sim().now() + 2 * 60 * MINUTE);
    checkAll(s);
    long quiet = s.sim().eventsExecuted() - before;
    // Afterwards the pair settles: no endless exchange of ACKs (RFC 1337 H2, docs/rfc-notes.md A27).
    if (quiet > 10_000) {
      throw new AssertionError(quiet + " events in the last two quiet hours");
    }
    return injected;
  }

  /**
   * The server listens and the client opens; each sends some bytes. The client closes after
   * sending; the server closes at once (a simultaneous close) or a while after the client's FIN.
   * Returns the connections to fuzz: the client's, then the server's once it is accepted.
   */
  private static List<Connection> openPair(Setup s, Random rnd) {
    List<Connection> conns = new ArrayList<>();
    boolean simultaneousClose = rnd.nextBoolean();
    long serverCloseDelay = rnd.nextInt(500) * MS;
    int up = rnd.nextInt(20_000);
    int down = rnd.nextInt(20_000);
    s.server().listen(80, c -> {
      conns.add(c);
      c.send(down);
      return new SocketHandler() {
        @Override
        public void connected(Connection c) {
          if (simultaneousClose) {
            c.close();
          }
        }

        @Override
        public void peerClosed(Connection c) {
          if (!simultaneousClose) {
            s.sim().schedule(serverCloseDelay, () -> {
              if (c.state() == TcpState.CLOSE_WAIT) {
                c.close();
              }
            });
          }
        }
      };
    });
    Connection client = s.client().open(0, s.serverEp(), new SocketHandler() {
      @Override
      public void connected(Connection c) {
        c.send(up);
        c.close();
      }
    });
    conns.add(client);
    return conns;
  }

  private static void checkAll(Setup s) {
    for (TcpStack st : List.of(s.client(), s.server())) {
      for (Connection c : st.connections()) {
        String bad = c.checkInvariants();
        if (bad != null) {
          throw new AssertionError(c + ": " + bad);
        }
      }
    }
  }

  /** Injects one random segment into a random live connection; returns 1 if it did. */
  private static int injectOne(Setup s, List<Connection> conns, Random rnd, Set<TcpState> fuzzed) {
    List<Connection> live = new ArrayList<>();
    for (Connection c : conns) {
      if (c.state() != TcpState.CLOSED) {
        live.add(c);
      }
    }
    // Also the server's other connections (a listener may have made new ones from fuzz SYNs).
    for (Connection c : s.server().connections()) {
      if (!live.contains(c)) {
        live.add(c);
      }
    }
    if (live.isEmpty() || rnd.nextInt(10) == 0) {
      // A random segment for the listener, from a client port it has no connection for.
      Endpoint from = new Endpoint(s.client().address(), 30000 + rnd.nextInt(1000));
      Segment seg = new Segment(from.port(), 80, rnd.nextInt(), rnd.nextInt(), rnd.nextInt(0x100),
          rnd.nextInt(0x10000), 0, org.tcpsim.tcp.TcpOptions.NONE, rnd.nextInt(3) == 0 ? 10 : 0, null);
      s.server().segmentArrives(from, s.serverEp(), seg);
      fuzzed.add(TcpState.LISTEN);
      return 1;
    }
    Connection c = live.get(rnd.nextInt(live.size()));
    fuzzed.add(c.state());
    Segment seg = randomSegment(c, rnd);
    TcpStack stack = c.id().local().address() == s.client().address() ? s.client() : s.server();
    stack.segmentArrives(c.id().remote(), c.id().local(), seg);
    return 1;
  }

  private static Segment randomSegment(Connection c, Random rnd) {
    int rcvNxt = c.rcvNxt();
    int wnd = Math.max(1, c.rcvWnd());
    int seq = switch (rnd.nextInt(6)) {
      case 0 -> rcvNxt;
      case 1 -> SeqNum.add(rcvNxt, rnd.nextInt(wnd + 1));
      case 2 -> SeqNum.add(rcvNxt, -rnd.nextInt(3000));
      case 3 -> SeqNum.add(rcvNxt, wnd + rnd.nextInt(3000));
      case 4 -> SeqNum.add(c.irs(), rnd.nextInt(3) - 1);
      default -> rnd.nextInt();
    };
    int ack = switch (rnd.nextInt(6)) {
      case 0 -> c.sndUna();
      case 1 -> c.sndNxt();
      case 2 -> SeqNum.add(c.sndUna(), rnd.nextInt(Math.max(1, SeqNum.diff(c.sndNxt(), c.sndUna()) + 2)));
      case 3 -> SeqNum.add(c.sndUna(), -rnd.nextInt(70_000));
      case 4 -> SeqNum.add(c.sndNxt(), 1 + rnd.nextInt(3000));
      default -> rnd.nextInt();
    };
    int len = switch (rnd.nextInt(3)) {
      case 0 -> 0;
      case 1 -> 1 + rnd.nextInt(10);
      default -> rnd.nextInt(1500);
    };
    byte[] payload = null;
    if (len > 0 && rnd.nextBoolean()) {
      payload = new byte[len];
      rnd.nextBytes(payload);
    }
    return new Segment(c.id().remote().port(), c.id().local().port(), seq, ack, rnd.nextInt(0x100),
        rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(0x10000), rnd.nextInt(0x10000),
        org.tcpsim.tcp.TcpOptions.NONE, len, payload);
  }
}
