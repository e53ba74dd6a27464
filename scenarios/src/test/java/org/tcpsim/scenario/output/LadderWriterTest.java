package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpSettings;
import org.tcpsim.tcp.app.AppStats;
import org.tcpsim.tcp.app.Client;
import org.tcpsim.tcp.app.ClosePolicy;
import org.tcpsim.tcp.app.Server;

/**
 * Ladders of real runs against RFC 9293's figures 6 to 13 (section 3.5 and 3.6). Host A has ISS
 * 100 and host B ISS 300, as in the figures; the link has 5 ms each way unless a test says.
 */
class LadderWriterTest {

  private static ChannelConfig delay(String d) {
    return ChannelConfig.of(0, Time.parse(d));
  }

  /** A connects from port 1024 to B's sink at port 80 at time 0 and sends nothing itself. */
  private static void connect(TwoPeers n) {
    Server.sink(n.sb, 80);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
  }

  private static LadderWriter ladder(TwoPeers n) {
    LadderWriter l = new LadderWriter(n.hostName);
    n.trace.subscribe(l);
    return l;
  }

  @Test
  void basicThreeWayHandshakeIsFigure6() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    connect(n);
    // The data leaves after the ACK arrived, so each segment is one line as in the figure; the
    // run stops before B's delayed ACK (200 ms).
    n.at("20ms", () -> n.connA().send(10));
    n.runUntil("30ms");

    assertThat(ladder.render()).isEqualTo("""
              TCP Peer A (10.0.0.1:1024)                               TCP Peer B (10.0.0.2:80)

          1.  CLOSED                                                   LISTEN

          2.  SYN-SENT    --> <SEQ=100><CTL=SYN>                   --> SYN-RECEIVED

          3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK>      <-- SYN-RECEIVED

          4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>          --> ESTABLISHED

          5.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK><DATA=10> --> ESTABLISHED
        """);
  }

  @Test
  void listenerOpenedBeforeTheTraceStillShowsListenOnLineOne() {
    TwoPeers n = new TwoPeers();
    Server.sink(n.sb, 80); // its CLOSED -> LISTEN is not traced
    LadderWriter ladder = ladder(n);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.runUntil("12ms");

    assertThat(ladder.render()).isEqualTo("""
              TCP Peer A (10.0.0.1:1024)                          TCP Peer B (10.0.0.2:80)

          1.  CLOSED                                              LISTEN

          2.  SYN-SENT    --> <SEQ=100><CTL=SYN>              --> SYN-RECEIVED

          3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN-RECEIVED

          4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>     ...
        """);
  }

  @Test
  void simultaneousOpenIsFigure7WithDelayedSegments() {
    // A's SYN takes 10 ms, B's 1 ms: B's SYN overtakes A's, as in the figure.
    TwoPeers n = new TwoPeers(delay("10ms"), delay("1ms"));
    LadderWriter ladder = ladder(n);
    n.at("0s", () -> n.sa.open(1024, n.b80, null));
    n.at("2ms", () -> n.sb.open(80, n.a1024, null));
    n.runUntil("1s");

    // Figure 7 with lines 4 and 5 in the order they happen: A answers B's SYN at once (line 4),
    // before its own SYN reaches B (line 5).
    assertThat(ladder.render()).isEqualTo("""
              TCP Peer A (10.0.0.1:1024)                           TCP Peer B (10.0.0.2:80)

          1.  CLOSED                                               CLOSED

          2.  SYN-SENT     --> <SEQ=100><CTL=SYN>              ...

          3.  SYN-RECEIVED <-- <SEQ=300><CTL=SYN>              <-- SYN-SENT

          4.  SYN-RECEIVED --> <SEQ=100><ACK=301><CTL=SYN,ACK> ...

          5.               ... <SEQ=100><CTL=SYN>              --> SYN-RECEIVED

          6.  ESTABLISHED  <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN-RECEIVED

          7.               ... <SEQ=100><ACK=301><CTL=SYN,ACK> --> ESTABLISHED
        """);
  }

  @Test
  void segmentsLostOnTheLinkEndInXxxUntilTheOpenTimesOut() {
    TwoPeers n = new TwoPeers(delay("5ms").withLoss(1.0), delay("5ms"),
        TcpSettings.apply(Profile.RFC9293.config(), "syn-retries", "2"));
    LadderWriter ladder = ladder(n);
    connect(n);
    n.runUntil("60s");

    assertThat(ladder.render()).isEqualTo("""
              TCP Peer A (10.0.0.1:1024)           TCP Peer B (10.0.0.2:80)

          1.  CLOSED                               LISTEN

          2.  SYN-SENT  --> <SEQ=100><CTL=SYN> XXX         (lost on A-B)

          3.  SYN-SENT  --> <SEQ=100><CTL=SYN> XXX         (retransmission) (lost on A-B)

          4.  SYN-SENT  --> <SEQ=100><CTL=SYN> XXX         (retransmission) (lost on A-B)

          5.  (timeout)
              CLOSED
        """);
  }

  @Test
  void lostSynIsRetransmittedAndBackToBackSegmentsShareTheirLines() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    Server.sink(n.sb, 80);
    n.b.setUp(false);
    n.at("500ms", () -> n.b.setUp(true));
    new Client(n.sa, n.b80, 1024, null, 10, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.runUntil("5s");

    // Lines 5 and 6 leave A at the same instant and arrive in order with nothing else in
    // between, so each is one line, as lines 4 and 5 of RFC 9293 Figure 6 are.
    assertThat(ladder.render()).isEqualTo("""
              TCP Peer A (10.0.0.1:1024)                               TCP Peer B (10.0.0.2:80)

          1.  CLOSED                                                   LISTEN

          2.  SYN-SENT    --> <SEQ=100><CTL=SYN>                   XXX               (B is down)

          3.  SYN-SENT    --> <SEQ=100><CTL=SYN>                   --> SYN-RECEIVED  (retransmission)

          4.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK>      <-- SYN-RECEIVED

          5.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>          --> ESTABLISHED

          6.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK><DATA=10> --> ESTABLISHED

          7.  ESTABLISHED <-- <SEQ=301><ACK=111><CTL=ACK>          <-- ESTABLISHED
        """);
  }

  @Test
  void normalCloseIsFigure12WithTheTimeColumn() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = new LadderWriter(n.hostName, new LadderWriter.Options(true));
    n.trace.subscribe(ladder);
    connect(n); // B's sink closes when A does
    n.at("1s", () -> n.connA().close());
    n.runUntil("600s");

    // B acknowledges A's FIN and sends its own in one segment (line 6), where Figure 12 has two.
    assertThat(ladder.render()).isEqualTo("""
                 time      TCP Peer A (10.0.0.1:1024)                          TCP Peer B (10.0.0.2:80)

                       1.  CLOSED                                              LISTEN

          0.000000000  2.  SYN-SENT    --> <SEQ=100><CTL=SYN>              --> SYN-RECEIVED

          0.005000000  3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN-RECEIVED

          0.010000000  4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>     --> ESTABLISHED

          1.000000000  5.  (Close)
                           FIN-WAIT-1  --> <SEQ=101><ACK=301><CTL=FIN,ACK> --> CLOSE-WAIT

          1.005000000  6.                                                      (Close)
                           TIME-WAIT   <-- <SEQ=301><ACK=102><CTL=FIN,ACK> <-- LAST-ACK

          1.010000000  7.  TIME-WAIT   --> <SEQ=102><ACK=302><CTL=ACK>     --> CLOSED

        241.010000000  8.  (2 MSL)
                           CLOSED
        """);
  }

  @Test
  void simultaneousCloseIsFigure13() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    new Server(n.sb, 80, Server.Behaviour.SINK, 0, ClosePolicy.NEVER);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.at("1s", () -> {
      n.connA().close();
      n.connB().close();
    });
    n.runUntil("600s");

    assertThat(ladder.render()).isEqualTo("""
               TCP Peer A (10.0.0.1:1024)                          TCP Peer B (10.0.0.2:80)

           1.  CLOSED                                              LISTEN

           2.  SYN-SENT    --> <SEQ=100><CTL=SYN>              --> SYN-RECEIVED

           3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK> <-- SYN-RECEIVED

           4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>     --> ESTABLISHED

           5.  (Close)
               FIN-WAIT-1  --> <SEQ=101><ACK=301><CTL=FIN,ACK> ...

           6.                                                      (Close)
                           ... <SEQ=301><ACK=101><CTL=FIN,ACK> <-- FIN-WAIT-1

           7.              ... <SEQ=101><ACK=301><CTL=FIN,ACK> --> CLOSING

           8.              ... <SEQ=302><ACK=102><CTL=ACK>     <-- CLOSING

           9.  CLOSING     <-- <SEQ=301><ACK=101><CTL=FIN,ACK> ...

          10.  CLOSING     --> <SEQ=102><ACK=302><CTL=ACK>     ...

          11.  TIME-WAIT   <-- <SEQ=302><ACK=102><CTL=ACK>     ...

          12.              ... <SEQ=102><ACK=302><CTL=ACK>     --> TIME-WAIT

          13.  (2 MSL)                                             (2 MSL)
               CLOSED                                              CLOSED
        """);
  }

  @Test
  void injectedSegmentIsLabelledAndItsDiscardNoted() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    connect(n);
    // A RST far outside B's window, spoofed from A:1024: B discards it (RFC 9293 3.10.7.4).
    n.at("1s", () -> n.sa.inject(n.a1024, n.b80,
        Segment.builder().ports(1024, 80).seq(200_000).flags(TcpFlags.RST).build(), "test"));
    n.runUntil("2s");

    assertThat(ladder.render()).endsWith("""
          4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>     --> ESTABLISHED

          5.  (injected)  --> <SEQ=200000><CTL=RST>           --> ESTABLISHED   (discarded: out-of-window)
        """);
  }

  @Test
  void halfOpenConnectionAfterACrashIsFigure10() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    connect(n);
    n.at("1s", () -> n.sa.crash()); // A's TCB vanishes without a trace event
    n.at("2s", () -> n.connB().send(10));
    n.runUntil("3s");

    assertThat(ladder.render()).endsWith("""
          4.  ESTABLISHED --> <SEQ=101><ACK=301><CTL=ACK>          --> ESTABLISHED

          5.  (TCB lost)
              CLOSED      <-- <SEQ=301><ACK=101><CTL=ACK><DATA=10> <-- ESTABLISHED   (discarded: no-listener)

          6.  CLOSED      --> <SEQ=101><CTL=RST>                   --> CLOSED
        """);
  }

  @Test
  void connectionsAreInOrderOfFirstAppearanceWithTheActiveOpenerFirst() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    Server.sink(n.sb, 80);
    new Client(n.sa, n.b80, 1025, 700, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(1000);
    new Client(n.sa, n.b80, 1024, null, 0, 0, ClosePolicy.NEVER, new AppStats()).startAt(0);
    n.runUntil("12ms");

    ConnectionId second = new ConnectionId(new Endpoint(n.a.address(), 1025), n.b80);
    assertThat(ladder.connections()).containsExactly(n.ab, second);
    assertThat(ladder.render()).isEqualTo(
        ladder.render(n.ab) + "\n" + ladder.render(second));
    assertThat(ladder.render(second)).contains("SYN-SENT    --> <SEQ=700><CTL=SYN>");
  }

  @Test
  void aConnectionIsNamedInEitherOrientation() throws Exception {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    connect(n);
    n.runUntil("12ms");

    assertThat(ladder.render(n.ba)).isEqualTo(ladder.render(n.ab)).isEqualTo(ladder.render());
    StringWriter out = new StringWriter();
    ladder.writeTo(out, n.ba);
    assertThat(out.toString()).isEqualTo(ladder.render());
  }

  @Test
  void anUnknownConnectionIsAnErrorThatNamesTheKnownOnes() {
    TwoPeers n = new TwoPeers();
    LadderWriter ladder = ladder(n);
    connect(n);
    n.runUntil("12ms");

    ConnectionId other = new ConnectionId(new Endpoint(n.a.address(), 4000), n.b80);
    assertThatThrownBy(() -> ladder.render(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no connection A:4000>B:80 in this run; connections: A:1024>B:80");
    assertThatThrownBy(() -> ladder.render(ConnectionId.listening(n.b80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both ends");
  }

  @Test
  void noEventsNoLadder() {
    LadderWriter ladder = new LadderWriter(address -> null);
    assertThat(ladder.render()).isEmpty();
    assertThat(ladder.connections()).isEmpty();
  }
}
