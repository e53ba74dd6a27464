package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.tcpsim.core.Time.MINUTE;
import static org.tcpsim.core.Time.MS;

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
    return new Transfer(s, closer).run();
  }

  /**
   * One transfer: the client sends {@code up}, the server {@code down}, and both close, the one
   * {@code closer} names first. A quarter of the server applications stop reading for up to 3 s
   * as soon as they accept, so the client's window closes and the persist timer runs (RFC 9293
   * 3.8.6.1).
   */
  private static final class Transfer {
    private final Setup s;
    private final Closer closer;
    private final byte[] up;
    private final byte[] down;
    private final boolean pauseReading;
    private final long pause;
    /** The server application is not reading (and so does not close yet). */
    private boolean paused;
    private Connection server;
    private final App serverApp;
    private final App clientApp;

    Transfer(Setup s, Closer closer) {
      this.s = s;
      this.closer = closer;
      Random rnd = s.rnd;
      up = bytes(rnd);
      down = bytes(rnd);
      pauseReading = rnd.nextInt(4) == 0;
      pause = rnd.nextInt(3000) * MS;
      serverApp = new App() {
        @Override
        public void peerClosed(Connection c) {
          super.peerClosed(c);
          // The application closes once it has read everything: at once, or when it reads again.
          if (!paused && c.state() == TcpState.CLOSE_WAIT) {
            c.close();
          }
        }
      };
      clientApp = endApp(up, closer != Closer.SERVER);
    }

    /** Runs the transfer; returns what went wrong or null. */
    String run() {
      s.server.listen(80, this::accept);
      Connection client = s.client.open(0, s.serverEp, clientApp);
      try {
        s.sim.runUntil(60 * MINUTE);
      } catch (RuntimeException e) {
        return "threw " + e;
      }
      if (server == null) {
        return "never accepted; client " + client.state() + " closes " + clientApp.closes;
      }
      String why = checkData();
      return why != null ? why : checkClosed(client);
    }

    private SocketHandler accept(Connection c) {
      server = c;
      if (pauseReading) {
        pauseThenResume(c);
      }
      c.send(down);
      // A server that closes first does so at once, or, if it stopped reading, when it reads
      // again: closing with unread data and then being reset (see assassinated()) would lose it.
      if (closer != Closer.CLIENT && !pauseReading) {
        c.close();
      }
      return serverApp;
    }

    /** The server application stops reading for a while: the window closes (persist timer). */
    private void pauseThenResume(Connection c) {
      paused = true;
      s.sim.schedule(0, () -> c.setReading(false));
      s.sim.schedule(pause, () -> {
        paused = false;
        if (c.state() != TcpState.CLOSED) {
          c.setReading(true);
        }
        if (c.state() == TcpState.CLOSE_WAIT
            || (closer != Closer.CLIENT && c.state() == TcpState.ESTABLISHED)) {
          c.close();
        }
      });
    }

    /** Every byte arrived exactly once, in order, with its content. */
    private String checkData() {
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
      return null;
    }

    /** Both ends closed normally and are gone; a reset only where RFC 1337 allows for one. */
    private String checkClosed(Connection client) {
      if (client.state() != TcpState.CLOSED || server.state() != TcpState.CLOSED) {
        return "not CLOSED: client " + client.state() + ", server " + server.state();
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
        injections += Fuzzer.fuzz(s, fuzzed);
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
}
