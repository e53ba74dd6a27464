package org.tcpsim.tcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import org.junit.jupiter.api.Test;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Host;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.StateChanged;

/**
 * The eight connection figures of RFC 9293 sections 3.5 and 3.6 (Figures 6 to 13), reproduced
 * over a simulated 10 ms link with the figures' sequence numbers. Each test asserts the exact
 * segments each host's TCP sent, in the RFC's notation, the states each connection went through
 * and what each application was told. Where RFC 793's figures were wrong the corrected 9293
 * figures are followed (docs/rfc-notes.md A1, A22).
 */
class Rfc9293FiguresTest {
  private static final long DELAY = 10 * MS;
  private static final int PORT_A = 1024;
  private static final int PORT_B = 80;

  private final Harness h = new Harness(1);
  private final Host a = h.host("A", "10.0.0.1");
  private final Host b = h.host("B", "10.0.0.2");
  private final Endpoint epA = new Endpoint(a.address(), PORT_A);
  private final Endpoint epB = new Endpoint(b.address(), PORT_B);
  private final ConnectionId idA = new ConnectionId(epA, epB);
  private final ConnectionId idB = new ConnectionId(epB, epA);

  {
    h.net.connect(a, b, ChannelConfig.of(10_000_000, DELAY));
  }

  private static TcpConfig cfg(int iss) {
    return Profile.RFC9293.config().with("iss", Integer.toString(iss));
  }

  /** B listens; A opens with ISS 99 against B's ISS 299: both then stand at "send 100/300". */
  private Connection[] established(TcpStack ta, TcpStack tb) {
    Connection[] conns = new Connection[2];
    tb.listen(PORT_B, c -> {
      conns[1] = c;
      return new SocketHandler() {};
    });
    conns[0] = ta.open(PORT_A, epB, new SocketHandler() {}, 99);
    h.sim.runUntil(SECOND);
    assertThat(conns[0].state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(conns[1].state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(conns[0].sndNxt()).isEqualTo(100);
    assertThat(conns[1].sndNxt()).isEqualTo(300);
    return conns;
  }

  @Test
  void figure6BasicThreeWayHandshake() {
    TcpStack ta = TcpStack.install(h.net, a, cfg(100));
    TcpStack tb = TcpStack.install(h.net, b, cfg(300));
    tb.listen(PORT_B, c -> new SocketHandler() {});
    Connection ca = ta.open(PORT_A, epB, new SocketHandler() {
      @Override
      public void connected(Connection c) {
        c.send(10); // line 5: data with the third segment's numbers
      }
    });
    h.sim.runUntil(SECOND);

    assertThat(h.sent("A")).containsExactly(
        "<SEQ=100><CTL=SYN>", // line 2
        "<SEQ=101><ACK=301><CTL=ACK>", // line 4
        "<SEQ=101><ACK=301><CTL=ACK><DATA=10>"); // line 5
    assertThat(h.sent("B")).containsExactly(
        "<SEQ=300><ACK=101><CTL=SYN,ACK>", // line 3
        "<SEQ=301><ACK=111><CTL=ACK>"); // the (delayed) ACK of the data, after the figure
    assertThat(h.states("A", idA)).containsExactly("CLOSED", "SYN-SENT", "ESTABLISHED");
    assertThat(h.states("B", idB)).containsExactly("LISTEN", "SYN-RECEIVED", "ESTABLISHED");
    assertThat(h.signals("A")).containsExactly("connected");
    assertThat(h.signals("B")).containsExactly("connected");
    assertThat(ca.sndUna()).isEqualTo(111);
    assertThat(ca.handshakeTime()).isEqualTo(2 * DELAY + 2 * serialization(44));
  }

  private static long serialization(int bytes) {
    return ChannelConfig.of(10_000_000, DELAY).serialization(bytes);
  }

  @Test
  void figure7SimultaneousConnectionSynchronization() {
    TcpStack ta = TcpStack.install(h.net, a, cfg(100));
    TcpStack tb = TcpStack.install(h.net, b, cfg(300));
    Connection ca = ta.open(PORT_A, epB, new SocketHandler() {});
    Connection cb = tb.open(PORT_B, epA, new SocketHandler() {});
    h.sim.runUntil(10 * SECOND);

    // Corrected line 7 (docs/rfc-notes.md C1, RFC 1122 4.2.2.10): the SYN,ACK of line 5 arrives; no
    // extra ACK is sent, each side's SYN,ACK acknowledges the other's SYN.
    assertThat(h.sent("A")).containsExactly(
        "<SEQ=100><CTL=SYN>", // line 2
        "<SEQ=100><ACK=301><CTL=SYN,ACK>"); // line 5
    assertThat(h.sent("B")).containsExactly(
        "<SEQ=300><CTL=SYN>", // line 3
        "<SEQ=300><ACK=101><CTL=SYN,ACK>"); // line 6
    assertThat(h.states("A", idA)).containsExactly("CLOSED", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED");
    assertThat(h.states("B", idB)).containsExactly("CLOSED", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED");
    assertThat(h.signals("A")).containsExactly("connected");
    assertThat(h.signals("B")).containsExactly("connected");
    assertThat(ca.isPassive()).isFalse();
    assertThat(cb.isPassive()).isFalse();
    assertThat(ca.sndUna()).isEqualTo(101);
    assertThat(ca.rcvNxt()).isEqualTo(301);
    assertThat(cb.sndUna()).isEqualTo(301);
    assertThat(cb.rcvNxt()).isEqualTo(101);
  }

  @Test
  void figure8RecoveryFromOldDuplicateSyn() {
    TcpStack ta = TcpStack.install(h.net, a, cfg(100));
    TcpStack tb = TcpStack.install(h.net, b, cfg(300));
    tb.setIsnGenerator(Harness.isns(300, 400));
    tb.listen(PORT_B, c -> new SocketHandler() {});
    // Line 2's SYN is delayed in the network: it reaches B only after the old duplicate has been
    // dealt with (line 6).
    h.holdFirst(b, s -> s.has(TcpFlags.SYN) && s.seq() == 100, 100 * MS);
    // Line 3: an old duplicate SYN from an earlier incarnation of A's connection.
    ta.inject(epA, epB, Segment.builder().ports(PORT_A, PORT_B).seq(90).flags(TcpFlags.SYN)
        .window(65535).build(), "old duplicate SYN (RFC 9293 Figure 8, line 3)");
    h.sim.schedule(MS, () -> ta.open(PORT_A, epB, new SocketHandler() {}));
    h.sim.runUntil(10 * SECOND);

    assertThat(h.injected("A")).containsExactly("<SEQ=90><CTL=SYN>");
    assertThat(h.sent("A")).containsExactly(
        "<SEQ=100><CTL=SYN>", // line 2
        "<SEQ=91><CTL=RST>", // line 5
        "<SEQ=101><ACK=401><CTL=ACK>"); // line 8
    assertThat(h.sent("B")).containsExactly(
        "<SEQ=300><ACK=91><CTL=SYN,ACK>", // line 4
        "<SEQ=400><ACK=101><CTL=SYN,ACK>"); // line 7
    // Corrected line 7 (docs/rfc-notes.md C2): A goes to ESTABLISHED on B's second SYN,ACK.
    assertThat(h.states("A", idA)).containsExactly("CLOSED", "SYN-SENT", "ESTABLISHED");
    assertThat(h.states("B", idB)).containsExactly(
        "LISTEN", "SYN-RECEIVED", "LISTEN", "SYN-RECEIVED", "ESTABLISHED");
    assertThat(h.signals("A")).containsExactly("connected");
    assertThat(h.signals("B")).containsExactly("connected");
    assertThat(ta.counters().get("segments.retransmitted")).isZero();
  }

  /** Figure 9 needs A's new SYN (SEQ=400) to fall outside B's window: a 100-octet window. */
  @Test
  void figure9HalfOpenConnectionDiscovery() {
    figure9(Profile.RFC9293.config().with("window", "100"));
  }

  /** With RFC 5961 any SYN in a synchronized state draws a challenge ACK of the same form. */
  @Test
  void figure9HalfOpenConnectionDiscoveryWithRfc5961() {
    figure9(TcpConfig.defaults());
  }

  private void figure9(TcpConfig base) {
    TcpStack ta = TcpStack.install(h.net, a, base);
    TcpStack tb = TcpStack.install(h.net, b, base);
    tb.setIsnGenerator(Harness.isns(299, 700));
    Connection halfOpen = established(ta, tb)[1];
    long crash = h.sim.now();
    // Line 1: A crashes, and comes back without memory of the connection.
    ta.crash();
    a.setUp(false);
    h.sim.runUntil(crash + 5 * SECOND);
    a.setUp(true);
    long reopen = h.sim.now();
    Connection again = ta.open(PORT_A, epB, new SocketHandler() {}, 400); // line 3
    h.sim.runUntil(reopen + 10 * SECOND);

    assertThat(h.sent("A", reopen)).containsExactly(
        "<SEQ=400><CTL=SYN>", // line 3
        "<SEQ=100><CTL=RST>", // line 5
        "<SEQ=400><CTL=SYN>", // line 7 (the retransmission, after one RTO)
        "<SEQ=401><ACK=701><CTL=ACK>"); // the handshake completes
    assertThat(h.sent("B", reopen)).containsExactly(
        "<SEQ=300><ACK=100><CTL=ACK>", // line 4
        "<SEQ=700><ACK=401><CTL=SYN,ACK>");
    assertThat(h.states("A", idA, reopen)).containsExactly("CLOSED", "SYN-SENT", "ESTABLISHED");
    assertThat(h.states("B", idB, reopen)).containsExactly(
        "ESTABLISHED", "CLOSED", // line 5: "(Abort!!)"
        "LISTEN", "SYN-RECEIVED", "ESTABLISHED");
    assertThat(h.signals("A", reopen)).containsExactly("connected");
    assertThat(h.signals("B", reopen)).containsExactly("connection reset", "connected");
    assertThat(halfOpen.state()).isEqualTo(TcpState.CLOSED);
    assertThat(again.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(tb.counters().get("connections.reset")).isEqualTo(1);
  }

  @Test
  void figure10ActiveSideCausesHalfOpenDiscovery() {
    TcpStack ta = TcpStack.install(h.net, a, Profile.RFC9293.config());
    TcpStack tb = TcpStack.install(h.net, b, Profile.RFC9293.config());
    tb.setIsnGenerator(Harness.isns(299));
    Connection[] conns = established(ta, tb);
    ta.crash(); // line 1: A crashes and restarts at once, remembering nothing
    a.setUp(false);
    a.setUp(true);
    long t = h.sim.now();
    conns[1].send(10); // line 2
    h.sim.runUntil(t + 10 * SECOND);

    assertThat(h.sent("B", t)).containsExactly("<SEQ=300><ACK=100><CTL=ACK><DATA=10>"); // line 2
    assertThat(h.sent("A", t)).containsExactly("<SEQ=100><CTL=RST>"); // line 3
    assertThat(h.states("B", idB, t)).containsExactly("ESTABLISHED", "CLOSED");
    assertThat(h.signals("B", t)).containsExactly("connection reset");
    assertThat(h.signals("A", t)).isEmpty();
    assertThat(conns[1].state()).isEqualTo(TcpState.CLOSED);
  }

  @Test
  void figure11OldDuplicateSynInitiatesResetBetweenTwoPassiveSockets() {
    TcpStack ta = TcpStack.install(h.net, a, cfg(300));
    TcpStack tb = TcpStack.install(h.net, b, cfg(300));
    Listener la = ta.listen(PORT_A, c -> new SocketHandler() {});
    Listener lb = tb.listen(PORT_B, c -> new SocketHandler() {});
    // Line 2: an old duplicate SYN <SEQ=Z> with Z = 90, from A's port to B's.
    ta.inject(epA, epB, Segment.builder().ports(PORT_A, PORT_B).seq(90).flags(TcpFlags.SYN)
        .window(65535).build(), "old duplicate SYN (RFC 9293 Figure 11, line 2)");
    h.sim.runUntil(5 * 60 * SECOND); // long enough for any SYN,ACK retransmission to show

    assertThat(h.sent("B")).containsExactly("<SEQ=300><ACK=91><CTL=SYN,ACK>"); // line 3, X = 300
    assertThat(h.sent("A")).containsExactly("<SEQ=91><CTL=RST>"); // line 4
    assertThat(h.states("B", idB)).containsExactly("LISTEN", "SYN-RECEIVED", "LISTEN"); // line 4
    assertThat(h.states("A", idA)).isEmpty(); // A's listener never made a connection
    assertThat(h.signals("A")).isEmpty();
    assertThat(h.signals("B")).isEmpty();
    assertThat(la.isOpen()).isTrue(); // line 5: both still LISTEN
    assertThat(lb.isOpen()).isTrue();
    assertThat(lb.synQueueLength()).isZero();
    assertThat(tb.connections()).isEmpty();
    assertThat(ta.connections()).isEmpty();
  }

  @Test
  void figure12NormalCloseSequence() {
    TcpConfig cfg = Profile.RFC9293.config();
    TcpStack ta = TcpStack.install(h.net, a, cfg);
    TcpStack tb = TcpStack.install(h.net, b, cfg);
    tb.setIsnGenerator(Harness.isns(299));
    Connection[] conns = established(ta, tb);
    long t = h.sim.now();
    conns[0].close(); // line 2
    h.sim.schedule(100 * MS, conns[1]::close); // line 4: B's user closes later
    h.sim.runUntil(t + 2 * cfg.msl() + SECOND);

    assertThat(h.sent("A", t)).containsExactly(
        "<SEQ=100><ACK=300><CTL=FIN,ACK>", // line 2
        "<SEQ=101><ACK=301><CTL=ACK>"); // line 5
    assertThat(h.sent("B", t)).containsExactly(
        "<SEQ=300><ACK=101><CTL=ACK>", // line 3
        "<SEQ=300><ACK=101><CTL=FIN,ACK>"); // line 4
    assertThat(h.states("A", idA, t)).containsExactly(
        "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED");
    assertThat(h.states("B", idB, t)).containsExactly(
        "ESTABLISHED", "CLOSE-WAIT", "LAST-ACK", "CLOSED");
    assertThat(h.signals("A", t)).containsExactly("closing", "closed");
    assertThat(h.signals("B", t)).containsExactly("closing", "closed");
    assertTimeWaitLasts2Msl("A", idA, cfg.msl());
  }

  @Test
  void figure13SimultaneousCloseSequence() {
    TcpConfig cfg = Profile.RFC9293.config();
    TcpStack ta = TcpStack.install(h.net, a, cfg);
    TcpStack tb = TcpStack.install(h.net, b, cfg);
    tb.setIsnGenerator(Harness.isns(299));
    Connection[] conns = established(ta, tb);
    long t = h.sim.now();
    conns[0].close(); // line 2, both at once
    conns[1].close();
    h.sim.runUntil(t + 2 * cfg.msl() + SECOND);

    assertThat(h.sent("A", t)).containsExactly(
        "<SEQ=100><ACK=300><CTL=FIN,ACK>", // line 2
        "<SEQ=101><ACK=301><CTL=ACK>"); // line 3
    assertThat(h.sent("B", t)).containsExactly(
        "<SEQ=300><ACK=100><CTL=FIN,ACK>", // line 2
        "<SEQ=301><ACK=101><CTL=ACK>"); // line 3
    assertThat(h.states("A", idA, t)).containsExactly(
        "ESTABLISHED", "FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED");
    assertThat(h.states("B", idB, t)).containsExactly(
        "ESTABLISHED", "FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED");
    assertThat(h.signals("A", t)).containsExactly("closing", "closed");
    assertThat(h.signals("B", t)).containsExactly("closing", "closed");
    assertTimeWaitLasts2Msl("A", idA, cfg.msl());
    assertTimeWaitLasts2Msl("B", idB, cfg.msl());
  }

  private void assertTimeWaitLasts2Msl(String host, ConnectionId id, long msl) {
    long entered = -1;
    long left = -1;
    for (StateChanged c : h.stateEvents(host, id)) {
      if (c.to() == TcpState.TIME_WAIT) {
        entered = c.time();
      }
      if (c.from() == TcpState.TIME_WAIT) {
        left = c.time();
      }
    }
    assertThat(entered).isPositive();
    assertThat(left - entered).isEqualTo(2 * msl);
  }
}
