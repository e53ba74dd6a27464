package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;

/**
 * Properties over many seeds, each seed drawing its own link impairments (loss, duplication,
 * reordering, corruption), profile, window, delays and data sizes.
 *
 * <ul>
 *   <li>Transfer: real bytes both ways arrive exactly once, in order, byte for byte; both ends
 *       close normally and end CLOSED after TIME-WAIT; nobody gives up or resets.
 *   <li>Fuzz: random segments injected into connections in every state never throw and never
 *       break {@link Connection#checkInvariants()}.
 * </ul>
 */
class PropertyTest {
  private static final int SEEDS = 1000;

  /** Per seed: impairments small enough that R2 (100 s of backed-off retransmissions) can't be reached. */
  record Setup(Simulator sim, TcpStack client, TcpStack server, Endpoint serverEp, Random rnd,
      TcpConfig cfg, String description) {}

  private static Setup setup(long seed, boolean impaired) {
    return setup(seed, impaired, new TraceBus());
  }

  static Setup setup(long seed, boolean impaired, TraceBus trace) {
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 17);
    Simulator sim = new Simulator();
    Network net = new Network(sim, new RandomStreams(seed), trace);
    Host a = net.addHost("A", Ipv4.parse("10.0.0.1"));
    Host b = net.addHost("B", Ipv4.parse("10.0.0.2"));
    long delay = (1 + rnd.nextInt(30)) * MS;
    long rate = new long[] {1_000_000, 10_000_000, 100_000_000}[rnd.nextInt(3)];
    ChannelConfig ch = ChannelConfig.of(rate, delay);
    String impair = "";
    if (impaired) {
      double loss = rnd.nextDouble() * 0.10;
      double dup = rnd.nextDouble() * 0.05;
      double reorder = rnd.nextDouble() * 0.05;
      long reorderDelay = (1 + rnd.nextInt(40)) * MS;
      double corrupt = rnd.nextDouble() * 0.02;
      ch = ch.withLoss(loss).withDuplicate(dup).withReorder(reorder, reorderDelay).withCorrupt(corrupt);
      impair = String.format(" loss=%.3f dup=%.3f reorder=%.3f/%dms corrupt=%.3f", loss, dup, reorder,
          reorderDelay / MS, corrupt);
    }
    net.connect(a, b, ch);
    Profile profile = Profile.values()[rnd.nextInt(Profile.values().length)];
    int window = rnd.nextInt(4) == 0 ? 1000 + rnd.nextInt(8000) : 65535;
    int mss = new int[] {536, 1460, 100 + rnd.nextInt(1400)}[rnd.nextInt(3)];
    TcpConfig cfg = profile.config().with("window", Integer.toString(window))
        .with("mss", Integer.toString(mss));
    TcpStack ta = TcpStack.install(net, a, cfg);
    TcpStack tb = TcpStack.install(net, b, cfg);
    String d = "seed " + seed + ": " + profile + " window=" + window + " mss=" + mss + " delay=" + delay / MS + "ms rate="
        + rate + impair;
    return new Setup(sim, ta, tb, new Endpoint(b.address(), 80), rnd, cfg, d);
  }

  /** One end's application: records data and signals. */
  private static class App implements SocketHandler {
    final ByteArrayOutputStream got = new ByteArrayOutputStream();
    final List<String> closes = new ArrayList<>();
    long nullData;
    boolean peerClosedSeen;
    /** This end closed before the peer's FIN came: it goes through TIME-WAIT. */
    boolean closedFirst;

    @Override
    public void data(Connection c, int n, byte[] d) {
      if (d == null) {
        nullData += n;
      } else {
        assertThat(d).hasSize(n);
        got.writeBytes(d);
      }
    }

    @Override
    public void peerClosed(Connection c) {
      peerClosedSeen = true;
      closedFirst = c.state() == TcpState.TIME_WAIT || c.state() == TcpState.CLOSING;
    }

    @Override
    public void closed(Connection c, TcpSignal signal) {
      closes.add(signal.text());
    }
  }

  private static byte[] bytes(Random rnd) {
    byte[] b = new byte[2000 + rnd.nextInt(18_001)];
    rnd.nextBytes(b);
    return b;
  }

  @Test
  void everyByteArrivesExactlyOnceInOrderAndBothEndsClose() {
    List<String> failures = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      Setup s = setup(seed, true);
      String why = transfer(s);
      if (why != null) {
        failures.add(s.description + ": " + why);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + SEEDS + " seeds failed, e.g.\n"
          + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
  }

  @Test
  void everyByteArrivesWhoeverClosesFirst() {
    List<String> failures = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      Setup s = setup(100_000 + seed, true);
      Closer closer = Closer.values()[(int) (seed % 3)];
      String why = transfer(s, closer);
      if (why != null) {
        failures.add(s.description + " closer=" + closer + ": " + why);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + SEEDS + " seeds failed, e.g.\n"
          + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
  }

  @Test
  void everyByteArrivesAfterASimultaneousOpen() {
    List<String> failures = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      Setup s = setup(200_000 + seed, true);
      String why = simultaneous(s);
      if (why != null) {
        failures.add(s.description + ": " + why);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + SEEDS + " seeds failed, e.g.\n"
          + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
  }

  /** Both ends open actively at about the same time (RFC 9293 Figure 7), then transfer and close. */
  static String simultaneous(Setup s) {
    Random rnd = s.rnd;
    byte[] up = bytes(rnd);
    byte[] down = bytes(rnd);
    Closer closer = Closer.values()[rnd.nextInt(3)];
    Endpoint epA = new Endpoint(s.client.address(), 5000);
    Endpoint epB = new Endpoint(s.server.address(), 6000);
    App appA = endApp(up, closer != Closer.SERVER);
    App appB = endApp(down, closer != Closer.CLIENT);
    Connection[] conns = new Connection[2];
    conns[0] = s.client.open(epA.port(), epB, appA);
    // B's SYN leaves within the first millisecond, long before A's can arrive (delay >= 1 ms
    // plus serialization), so the two SYNs cross.
    s.sim.schedule(rnd.nextInt(1000) * 1000L, () -> conns[1] = s.server.open(epB.port(), epA, appB));
    try {
      s.sim.runUntil(60 * MINUTE);
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    if (!java.util.Arrays.equals(appB.got.toByteArray(), up)) {
      return "B got " + appB.got.size() + " of " + up.length + " bytes; A " + appA.closes + " B " + appB.closes;
    }
    if (!java.util.Arrays.equals(appA.got.toByteArray(), down)) {
      return "A got " + appA.got.size() + " of " + down.length + " bytes; A " + appA.closes + " B " + appB.closes;
    }
    if (conns[0].state() != TcpState.CLOSED || conns[1].state() != TcpState.CLOSED) {
      return "not CLOSED: A " + conns[0].state() + ", B " + conns[1].state();
    }
    boolean aReset = assassinated(s, appA);
    boolean bReset = assassinated(s, appB);
    if (!(appA.closes.equals(List.of("closed")) || aReset)
        || !(appB.closes.equals(List.of("closed")) || bReset)) {
      return "close signals A " + appA.closes + " B " + appB.closes;
    }
    if (!s.client.connections().isEmpty() || !s.server.connections().isEmpty()) {
      return "TCBs left over";
    }
    return null;
  }

  /** An end that sends {@code data} once connected, closes after it if {@code closeFirst}, and closes when the peer does. */
  private static App endApp(byte[] data, boolean closeFirst) {
    return new App() {
      @Override
      public void connected(Connection c) {
        c.send(data);
        if (closeFirst) {
          c.close();
        }
      }

      @Override
      public void peerClosed(Connection c) {
        super.peerClosed(c);
        if (c.state() == TcpState.CLOSE_WAIT) {
          c.close();
        }
      }
    };
  }

  /** Runs one transfer; returns what went wrong or null. */
  static String transfer(Setup s) {
    return transfer(s, Closer.CLIENT);
  }

  /** Who closes first: the client after sending, the server after sending, or both at once. */
  enum Closer { CLIENT, SERVER, BOTH }

  static String transfer(Setup s, Closer closer) {
    Random rnd = s.rnd;
    byte[] up = bytes(rnd);
    byte[] down = bytes(rnd);
    boolean pauseReading = rnd.nextInt(4) == 0;
    long pause = rnd.nextInt(3000) * MS;
    boolean[] paused = new boolean[1];
    App serverApp = new App() {
      @Override
      public void peerClosed(Connection c) {
        super.peerClosed(c);
        // The application closes once it has read everything: at once, or when it reads again.
        if (!paused[0] && c.state() == TcpState.CLOSE_WAIT) {
          c.close();
        }
      }
    };
    Connection[] server = new Connection[1];
    s.server.listen(80, c -> {
      server[0] = c;
      if (pauseReading) {
        // The server application stops reading for a while: the window closes (persist timer).
        paused[0] = true;
        s.sim.schedule(0, () -> c.setReading(false));
        s.sim.schedule(pause, () -> {
          paused[0] = false;
          if (c.state() != TcpState.CLOSED) {
            c.setReading(true);
          }
          if (c.state() == TcpState.CLOSE_WAIT
              || (closer != Closer.CLIENT && c.state() == TcpState.ESTABLISHED)) {
            c.close();
          }
        });
      }
      c.send(down);
      // A server that closes first does so at once, or, if it stopped reading, when it reads
      // again: closing with unread data and then being reset (see assassinated()) would lose it.
      if (closer != Closer.CLIENT && !pauseReading) {
        c.close();
      }
      return serverApp;
    });
    App clientApp = new App() {
      @Override
      public void connected(Connection c) {
        c.send(up);
        if (closer != Closer.SERVER) {
          c.close();
        }
      }

      @Override
      public void peerClosed(Connection c) {
        super.peerClosed(c);
        if (c.state() == TcpState.CLOSE_WAIT) {
          c.close();
        }
      }
    };
    Connection client = s.client.open(0, s.serverEp, clientApp);
    try {
      s.sim.runUntil(60 * MINUTE);
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    if (server[0] == null) {
      return "never accepted; client " + client.state() + " closes " + clientApp.closes;
    }
    if (!java.util.Arrays.equals(serverApp.got.toByteArray(), up)) {
      return "server got " + serverApp.got.size() + " of " + up.length + " bytes (content "
          + (prefixEquals(serverApp.got.toByteArray(), up) ? "a prefix" : "WRONG") + ")";
    }
    if (!java.util.Arrays.equals(clientApp.got.toByteArray(), down)) {
      return "client got " + clientApp.got.size() + " of " + down.length + " bytes (content "
          + (prefixEquals(clientApp.got.toByteArray(), down) ? "a prefix" : "WRONG") + ")";
    }
    if (serverApp.nullData + clientApp.nullData != 0) {
      return "data without content";
    }
    if (client.state() != TcpState.CLOSED || server[0].state() != TcpState.CLOSED) {
      return "not CLOSED: client " + client.state() + ", server " + server[0].state();
    }
    // The end that closes first waits in TIME-WAIT. Without RFC 1337 protection (rfc793,
    // rfc9293, linux) a duplicated or reordered old segment arriving there draws an ACK, the
    // closed server answers <SEQ=SEG.ACK><CTL=RST>, and that RST, exactly at RCV.NXT, ends
    // TIME-WAIT early: the TIME-WAIT assassination of RFC 1337 (hazard H1..H3). All data was
    // delivered by then; only that end's last signal says so.
    boolean clientAssassinated = assassinated(s, clientApp);
    boolean serverAssassinated = assassinated(s, serverApp);
    if (!(clientApp.closes.equals(List.of("closed")) || clientAssassinated)
        || !(serverApp.closes.equals(List.of("closed")) || serverAssassinated)) {
      return "close signals client " + clientApp.closes + " server " + serverApp.closes;
    }
    if (!s.client.connections().isEmpty() || !s.server.connections().isEmpty()) {
      return "TCBs left over";
    }
    if (s.client.counters().get("connections.reset") != (clientAssassinated ? 1 : 0)
        || s.server.counters().get("connections.reset") != (serverAssassinated ? 1 : 0)) {
      return "resets counted";
    }
    return null;
  }

  /** The end closed first and its TIME-WAIT (or CLOSING) was ended by a RST, see above. */
  private static boolean assassinated(Setup s, App app) {
    return !s.cfg.rfc1337() && app.peerClosedSeen && app.closedFirst
        && app.closes.equals(List.of("connection reset"));
  }

  private static boolean prefixEquals(byte[] got, byte[] want) {
    if (got.length > want.length) {
      return false;
    }
    for (int i = 0; i < got.length; i++) {
      if (got[i] != want[i]) {
        return false;
      }
    }
    return true;
  }

  // -----------------------------------------------------------------------------------------------
  // Fuzz

  @Test
  void randomSegmentsInEveryStateNeverThrowOrBreakInvariants() {
    Set<TcpState> fuzzed = EnumSet.noneOf(TcpState.class);
    List<String> failures = new ArrayList<>();
    long injections = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      Setup s = setup(seed, seed % 2 == 0);
      try {
        injections += fuzz(s, fuzzed);
      } catch (RuntimeException | AssertionError e) {
        failures.add(s.description + ": " + e);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + SEEDS + " seeds failed, e.g.\n"
          + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
    assertThat(fuzzed).containsAll(EnumSet.of(TcpState.LISTEN, TcpState.SYN_SENT, TcpState.SYN_RECEIVED,
        TcpState.ESTABLISHED, TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2, TcpState.CLOSE_WAIT,
        TcpState.CLOSING, TcpState.LAST_ACK, TcpState.TIME_WAIT));
    assertThat(injections).isGreaterThan(SEEDS * 10L);
  }

  static int fuzz(Setup s, Set<TcpState> fuzzed) {
    Random rnd = s.rnd;
    List<Connection> conns = new ArrayList<>();
    boolean simultaneousClose = rnd.nextBoolean();
    long serverCloseDelay = rnd.nextInt(500) * MS;
    int up = rnd.nextInt(20_000);
    int down = rnd.nextInt(20_000);
    s.server.listen(80, c -> {
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
            s.sim.schedule(serverCloseDelay, () -> {
              if (c.state() == TcpState.CLOSE_WAIT) {
                c.close();
              }
            });
          }
        }
      };
    });
    Connection client = s.client.open(0, s.serverEp, new SocketHandler() {
      @Override
      public void connected(Connection c) {
        c.send(up);
        c.close();
      }
    });
    conns.add(client);
    int injected = 0;
    long step = MS;
    long end = 3 * SECOND;
    double p = 0.02 + rnd.nextDouble() * 0.1;
    for (long t = 0; t < end; t += step) {
      s.sim.runUntil(t);
      checkAll(s);
      if (rnd.nextDouble() < p) {
        injected += injectOne(s, conns, rnd, fuzzed);
        checkAll(s);
      }
    }
    // Whatever is left (TIME-WAIT, retransmissions): a few more, then run everything out.
    for (int i = 0; i < 5; i++) {
      s.sim.runUntil(s.sim.now() + rnd.nextInt(60) * SECOND);
      injected += injectOne(s, conns, rnd, fuzzed);
      checkAll(s);
    }
    long before = s.sim.eventsExecuted();
    s.sim.runUntil(s.sim.now() + 2 * 60 * MINUTE);
    checkAll(s);
    long quiet = s.sim.eventsExecuted() - before;
    // Afterwards the pair settles: no endless exchange of ACKs (RFC 1337 H2, docs/rfc-notes.md A27).
    if (quiet > 10_000) {
      throw new AssertionError(quiet + " events in the last two quiet hours");
    }
    return injected;
  }

  private static void checkAll(Setup s) {
    for (TcpStack st : List.of(s.client, s.server)) {
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
    for (Connection c : s.server.connections()) {
      if (!live.contains(c)) {
        live.add(c);
      }
    }
    if (live.isEmpty() || rnd.nextInt(10) == 0) {
      // A random segment for the listener, from a client port it has no connection for.
      Endpoint from = new Endpoint(s.client.address(), 30000 + rnd.nextInt(1000));
      Segment seg = new Segment(from.port(), 80, rnd.nextInt(), rnd.nextInt(), rnd.nextInt(0x100),
          rnd.nextInt(0x10000), 0, org.tcpsim.tcp.TcpOptions.NONE, rnd.nextInt(3) == 0 ? 10 : 0, null);
      s.server.segmentArrives(from, s.serverEp, seg);
      fuzzed.add(TcpState.LISTEN);
      return 1;
    }
    Connection c = live.get(rnd.nextInt(live.size()));
    fuzzed.add(c.state());
    Segment seg = randomSegment(c, rnd);
    TcpStack stack = c.id().local().address() == s.client.address() ? s.client : s.server;
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
