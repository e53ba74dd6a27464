package org.tcpsim.tcp.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.PSH;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Profile;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * One TCP (the host under test, "A" of the RFC figures) whose wire is captured and whose peer
 * ("B") is played by the test: segments are injected with {@link #inject} and what A sends is
 * checked with {@link #expectSent} / {@link #expectNothingSent}. The state factories drive the
 * real connection with real segments, with the numbers of RFC 9293's figures: A's ISS is 100,
 * B's ISS is 300, both windows 1000, MSS 536, delayed ACKs off (so every ACK is immediate and
 * exact).
 */
final class TcpHarness {
  static final int LOCAL_ADDR = Ipv4.parse("10.0.0.1");
  static final int REMOTE_ADDR = Ipv4.parse("10.0.0.2");
  static final int LOCAL_PORT = 80;
  static final int REMOTE_PORT = 4000;
  static final Endpoint LOCAL = new Endpoint(LOCAL_ADDR, LOCAL_PORT);
  static final Endpoint REMOTE = new Endpoint(REMOTE_ADDR, REMOTE_PORT);
  static final ConnectionId ID = new ConnectionId(LOCAL, REMOTE);

  static final int ISS = 100; // A
  static final int IRS = 300; // B
  static final int WINDOW = 1000;
  static final int MSS = 536;
  /** The least time between two ACKs answering unacceptable pure ACKs (500 ms, like Linux). */
  static final long RATE_LIMIT = 500 * org.tcpsim.core.Time.MS;

  /** The profiles with RFC 5961 (challenge ACKs for in-window RST and SYN). */
  static boolean is5961(Profile p) {
    return p == Profile.RFC5961 || p == Profile.LINUX;
  }

  final Simulator sim = new Simulator();
  final TraceBus trace = new TraceBus();
  final TcpConfig config;
  final TcpStack stack;
  final List<Segment> sent = new ArrayList<>();
  final List<Long> sentTimes = new ArrayList<>();
  final List<TraceEvent> events = new ArrayList<>();
  final Recorder app = new Recorder();
  /** Called for every segment A sends (after it is recorded): a test may answer from here. */
  Consumer<Segment> onSend = s -> { };

  Connection conn;
  Listener listener;

  /** The application's side: what the connection told it. */
  static final class Recorder implements SocketHandler {
    final List<Integer> data = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    int connected;
    int peerClosed;

    long bytes() {
      return data.stream().mapToLong(Integer::longValue).sum();
    }

    @Override
    public void connected(Connection c) {
      connected++;
    }

    @Override
    public void data(Connection c, int length, byte[] d) {
      data.add(length);
    }

    @Override
    public void peerClosed(Connection c) {
      peerClosed++;
    }

    @Override
    public void closed(Connection c, TcpSignal signal) {
      closed.add(signal.text());
    }
  }

  TcpHarness() {
    this(Profile.RFC5961);
  }

  TcpHarness(Profile profile) {
    this(profile.config());
  }

  /** {@code base} with the harness's fixed numbers (ISS, window, MSS, no delayed ACK). */
  TcpHarness(TcpConfig base) {
    this(base, false);
  }

  /** As above, keeping the profile's delayed ACKs when {@code delayedAck}. */
  TcpHarness(TcpConfig base, boolean delayedAck) {
    TcpConfig c = base.with("iss", Integer.toString(ISS))
        .with("window", Integer.toString(WINDOW))
        .with("mss", Integer.toString(MSS))
        .with("nagle", "false");
    this.config = delayedAck ? c : c.with("delayed-ack", "false");
    trace.subscribe(events::add);
    stack = new TcpStack(sim, trace, new RandomStreams(1), "A", LOCAL_ADDR, config, this::wire);
  }

  static TcpHarness with(Profile profile, String key, String value) {
    return new TcpHarness(profile.config().with(key, value));
  }

  private void wire(Packet p) {
    assertThat(p.src()).isEqualTo(LOCAL_ADDR);
    assertThat(p.dst()).isEqualTo(REMOTE_ADDR);
    Segment s = (Segment) p.payload();
    sent.add(s);
    sentTimes.add(sim.now());
    onSend.accept(s);
  }

  // -----------------------------------------------------------------------------------------
  // Segments

  /** A segment from B to A: ports set, window 1000. */
  static Segment.Builder in(int seq) {
    return Segment.builder().ports(REMOTE_PORT, LOCAL_PORT).seq(seq).window(WINDOW);
  }

  /** A segment from A to B as A should send it: ports set, window 1000. */
  static Segment.Builder out(int seq) {
    return Segment.builder().ports(LOCAL_PORT, REMOTE_PORT).seq(seq).window(WINDOW);
  }

  /** <SEQ=seq><ACK=ack><CTL=ACK> from A, window 1000. */
  static Segment ackOut(int seq, int ack) {
    return out(seq).ack(ack).build();
  }

  /** <SEQ=seq><ACK=ack><CTL=ACK> from B, window 1000. */
  static Segment ackIn(int seq, int ack) {
    return in(seq).ack(ack).build();
  }

  /** <SEQ=seq><CTL=RST> from A. */
  static Segment rstOut(int seq) {
    return Segment.builder().ports(LOCAL_PORT, REMOTE_PORT).seq(seq)
        .flags(org.tcpsim.tcp.TcpFlags.RST).build();
  }

  /** <SEQ=seq><ACK=ack><CTL=RST,ACK> from A. */
  static Segment rstAckOut(int seq, int ack) {
    return Segment.builder().ports(LOCAL_PORT, REMOTE_PORT).seq(seq).ack(ack)
        .flags(org.tcpsim.tcp.TcpFlags.RST).build();
  }

  /** A's SYN (or SYN,ACK when ack != null) with the MSS option. */
  static Segment synOut(Integer ack) {
    Segment.Builder b = out(ISS).flags(SYN).options(TcpOptions.NONE.withMss(MSS));
    if (ack != null) {
      b.ack(ack);
    }
    return b.build();
  }

  /** A data segment A sends: ACK and PSH (the last octet the user gave), window 1000. */
  static Segment dataOut(int seq, int ack, int len) {
    return out(seq).ack(ack).flags(PSH).dataLength(len).build();
  }

  /** A data segment from B: ACK, window 1000. */
  static Segment dataIn(int seq, int ack, int len) {
    return in(seq).ack(ack).dataLength(len).build();
  }

  /** <SEQ=seq><ACK=ack><CTL=FIN,ACK> from B. */
  static Segment finIn(int seq, int ack) {
    return in(seq).ack(ack).flags(FIN).build();
  }

  /** <SEQ=seq><ACK=ack><CTL=FIN,ACK> from A. */
  static Segment finOut(int seq, int ack) {
    return out(seq).ack(ack).flags(FIN).build();
  }

  // -----------------------------------------------------------------------------------------
  // Driving and checking

  void inject(Segment s) {
    stack.segmentArrives(REMOTE, LOCAL, s);
    checkSanity();
  }

  void runUntil(long t) {
    sim.runUntil(t);
    checkSanity();
  }

  void runFor(long d) {
    runUntil(sim.now() + d);
  }

  /** A sent exactly these segments, in this order, since the last check. */
  void expectSent(Segment... expected) {
    List<Segment> got = List.copyOf(sent);
    sent.clear();
    sentTimes.clear();
    assertThat(got).as("segments sent").containsExactly(expected);
  }

  void expectNothingSent() {
    expectSent();
  }

  /** Forgets what was sent so far. */
  void clearSent() {
    sent.clear();
    sentTimes.clear();
  }

  TcpState state() {
    Connection c = stack.connection(ID);
    return c == null ? TcpState.CLOSED : c.state();
  }

  void expectState(TcpState s) {
    assertThat(conn == null ? state() : conn.state()).as("state of the connection").isEqualTo(s);
    if (s != TcpState.CLOSED) {
      assertThat(stack.connection(ID)).as("the stack knows the connection").isSameAs(conn);
    }
  }

  /** TCB sanity: the connection's own invariants hold. */
  void checkSanity() {
    if (conn != null) {
      assertThat(conn.checkInvariants()).as("TCB invariants of " + conn).isNull();
    }
    // Every state change says which RFC rule caused it.
    for (StateChanged c : stateChanges()) {
      assertThat(c.cause()).as("cause of " + c).containsPattern("RFC \\d+");
    }
    for (SegmentDropped d : drops()) {
      assertThat(d.reason().text()).as("reason of " + d).isNotBlank();
    }
  }

  List<String> signals() {
    return events.stream().filter(e -> e instanceof UserSignal).map(e -> ((UserSignal) e).signal().text())
        .toList();
  }

  List<StateChanged> stateChanges() {
    return events.stream().filter(e -> e instanceof StateChanged).map(e -> (StateChanged) e).toList();
  }

  List<SegmentDropped> drops() {
    return events.stream().filter(e -> e instanceof SegmentDropped).map(e -> (SegmentDropped) e)
        .toList();
  }

  // -----------------------------------------------------------------------------------------
  // State factories. Each leaves nothing in the sent list.

  /** No connection and no listener: every segment is answered as RFC 9293 3.10.7.1 says. */
  TcpHarness closed() {
    return this;
  }

  TcpHarness listen() {
    listener = stack.listen(LOCAL_PORT, c -> app);
    return this;
  }

  /** Active OPEN: A sent <SEQ=100><CTL=SYN>. */
  TcpHarness synSent() {
    conn = stack.open(LOCAL_PORT, REMOTE, app, ISS);
    expectSent(synOut(null));
    expectState(TcpState.SYN_SENT);
    return this;
  }

  /** Passive: LISTEN got <SEQ=300><CTL=SYN> and answered <SEQ=100><ACK=301><CTL=SYN,ACK>. */
  TcpHarness synReceived() {
    listen();
    inject(in(IRS).flags(SYN).options(TcpOptions.NONE.withMss(MSS)).build());
    conn = stack.connection(ID);
    assertThat(conn).isNotNull();
    expectSent(synOut(IRS + 1));
    expectState(TcpState.SYN_RECEIVED);
    assertThat(conn.isPassive()).isTrue();
    return this;
  }

  /** Simultaneous open (RFC 9293 Figure 7): SYN-SENT got B's SYN and answered SYN,ACK. */
  TcpHarness synReceivedActive() {
    synSent();
    inject(in(IRS).flags(SYN).options(TcpOptions.NONE.withMss(MSS)).build());
    expectSent(synOut(IRS + 1));
    expectState(TcpState.SYN_RECEIVED);
    assertThat(conn.isPassive()).isFalse();
    return this;
  }

  /** Active open completed: SND.NXT = 101, RCV.NXT = 301, both windows 1000. */
  TcpHarness established() {
    synSent();
    inject(in(IRS).ack(ISS + 1).flags(SYN).options(TcpOptions.NONE.withMss(MSS)).build());
    expectSent(ackOut(ISS + 1, IRS + 1));
    expectState(TcpState.ESTABLISHED);
    return this;
  }

  /** Passive open completed: SND.NXT = 101, RCV.NXT = 301. */
  TcpHarness establishedPassive() {
    synReceived();
    inject(ackIn(IRS + 1, ISS + 1));
    expectNothingSent();
    expectState(TcpState.ESTABLISHED);
    return this;
  }

  /** ESTABLISHED, then CLOSE: A sent <SEQ=101><ACK=301><CTL=FIN,ACK>; SND.NXT = 102. */
  TcpHarness finWait1() {
    established();
    conn.close();
    expectSent(finOut(ISS + 1, IRS + 1));
    expectState(TcpState.FIN_WAIT_1);
    return this;
  }

  /** FIN-WAIT-1, then B acknowledged the FIN. */
  TcpHarness finWait2() {
    finWait1();
    inject(ackIn(IRS + 1, ISS + 2));
    expectNothingSent();
    expectState(TcpState.FIN_WAIT_2);
    return this;
  }

  /** ESTABLISHED, then B's FIN: A acknowledged it; RCV.NXT = 302. */
  TcpHarness closeWait() {
    established();
    inject(finIn(IRS + 1, ISS + 1));
    expectSent(ackOut(ISS + 1, IRS + 2));
    expectState(TcpState.CLOSE_WAIT);
    return this;
  }

  /** Simultaneous close: FIN-WAIT-1, then B's FIN that does not acknowledge A's FIN. */
  TcpHarness closing() {
    finWait1();
    inject(finIn(IRS + 1, ISS + 1));
    expectSent(ackOut(ISS + 2, IRS + 2));
    expectState(TcpState.CLOSING);
    return this;
  }

  /** CLOSE-WAIT, then CLOSE: A sent <SEQ=101><ACK=302><CTL=FIN,ACK>. */
  TcpHarness lastAck() {
    closeWait();
    conn.close();
    expectSent(finOut(ISS + 1, IRS + 2));
    expectState(TcpState.LAST_ACK);
    return this;
  }

  /** FIN-WAIT-2, then B's FIN: A acknowledged it; SND.NXT = 102, RCV.NXT = 302. */
  TcpHarness timeWait() {
    finWait2();
    inject(finIn(IRS + 1, ISS + 2));
    expectSent(ackOut(ISS + 2, IRS + 2));
    expectState(TcpState.TIME_WAIT);
    return this;
  }

  /**
   * ESTABLISHED with a zero receive window: reading turned off and B's 1000 octets filled the
   * buffer. A answered <SEQ=101><ACK=1301><WND=0>; RCV.NXT = 1301, RCV.WND = 0.
   */
  TcpHarness establishedZeroWindow() {
    established();
    conn.setReading(false);
    inject(dataIn(IRS + 1, ISS + 1, WINDOW));
    expectSent(out(ISS + 1).ack(IRS + 1 + WINDOW).window(0).build());
    assertThat(conn.rcvWnd()).isZero();
    assertThat(conn.rcvNxt()).isEqualTo(IRS + 1 + WINDOW);
    return this;
  }

  /** A sends {@code len} octets in ESTABLISHED (one segment); returns SND.NXT after it. */
  int sendData(int len) {
    return sendData(len, WINDOW);
  }

  /** As {@link #sendData(int)}, the segment announcing {@code window}. */
  int sendData(int len, int window) {
    int seq = conn.sndNxt();
    conn.send(len);
    expectSent(out(seq).ack(conn.rcvNxt()).flags(PSH).dataLength(len).window(window).build());
    return seq + len;
  }
}
