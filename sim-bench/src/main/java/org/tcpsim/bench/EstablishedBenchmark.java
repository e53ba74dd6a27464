package org.tcpsim.bench;

import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.Connection;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;

/**
 * The ESTABLISHED receive fast path: one connection, opened by a real passive handshake (the
 * benchmark plays the peer with crafted segments, as the sim-tcp state tests do), receives one
 * in-sequence full-sized (1460-octet) data segment per operation and makes its ACK decision. The
 * application reads everything at once, so the window stays at 65535; the peer's window is
 * 65535 too and the stack has nothing to send, so the only output is ACKs, which go to a sink
 * that keeps the last one and counts them.
 *
 * <p>One operation: the clock advances 1.2 us (a 1500-octet packet at 10 Gbit/s) and the
 * simulator runs whatever fell due ({@link Simulator#runUntil}), the peer builds the segment,
 * and {@link TcpStack#segmentArrives} delivers it: demultiplexing, RFC 9293 3.10.7.4's checks,
 * delivery to the application, and the ACK decision.
 *
 * <ul>
 *   <li>{@code segment}: the whole operation.
 *   <li>{@code baseline}: the same clock step and segment building without the delivery;
 *       subtract it from {@code segment} for the stack's own cost (time and allocation).
 * </ul>
 *
 * <p>{@code delayedAck}: true (the default profile's RFC 1122 delayed ACK: an ACK for every
 * second segment, the first arming the 200 ms delayed-ACK timer, the second sending the ACK and
 * cancelling it), or false (an ACK for every segment).
 *
 * <p>Every iteration ends with a check that the connection is still ESTABLISHED with RCV.NXT
 * where the peer's next octet is, that the application got every octet, that exactly the
 * expected number of ACKs went out and that no timer events pile up; any failure throws.
 *
 * <p>Run: {@code java -jar sim-bench/target/benchmarks.jar Established -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class EstablishedBenchmark {
  static final int LOCAL_ADDR = Ipv4.parse("10.0.0.2");
  static final int REMOTE_ADDR = Ipv4.parse("10.0.0.1");
  static final int LOCAL_PORT = 80;
  static final int REMOTE_PORT = 40000;
  static final Endpoint LOCAL = new Endpoint(LOCAL_ADDR, LOCAL_PORT);
  static final Endpoint REMOTE = new Endpoint(REMOTE_ADDR, REMOTE_PORT);
  static final ConnectionId ID = new ConnectionId(LOCAL, REMOTE);
  static final int MSS = 1460;
  static final int WINDOW = 65535;
  /** The peer's ISS. */
  static final int IRS = 1_000_000;
  /** Simulated time between two arriving segments: 1500 octets at 10 Gbit/s. */
  static final long GAP_NS = 1_200;

  @Param({"true", "false"})
  public boolean delayedAck;

  Simulator sim;
  TcpStack stack;
  Connection conn;
  final Wire wire = new Wire();
  final App app = new App();

  /** SEG.SEQ of the next data segment, and SEG.ACK (our ISS + 1, as we send no data). */
  int seq;
  int ack;
  long clock;
  long delivered; // data segments delivered since the handshake
  long handshakePackets; // what we sent during the handshake (the SYN,ACK)

  /** The application: reads every octet as it arrives, so the receive window never closes. */
  static final class App implements SocketHandler {
    long bytes;

    @Override
    public void data(Connection c, int length, byte[] data) {
      bytes += length;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    TcpConfig cfg = TcpConfig.defaults()
        .with("mss", Integer.toString(MSS))
        .with("window", Integer.toString(WINDOW))
        .with("delayed-ack", Boolean.toString(delayedAck));
    sim = new Simulator();
    stack = new TcpStack(sim, new TraceBus(), new RandomStreams(1), "B", LOCAL_ADDR, cfg, wire);
    stack.listen(LOCAL_PORT, c -> app);

    // Passive OPEN, then the peer's SYN, our SYN,ACK, the peer's ACK (RFC 9293 3.10.7.2, 3.10.7.4).
    stack.segmentArrives(REMOTE, LOCAL, Segment.builder().ports(REMOTE_PORT, LOCAL_PORT)
        .seq(IRS).flags(SYN).window(WINDOW).options(TcpOptions.NONE.withMss(MSS)).build());
    Segment synAck = wire.lastSegment();
    check(wire.packets == 1 && synAck.has(SYN | ACK) && synAck.ack() == IRS + 1,
        "expected our SYN,ACK, got " + synAck);
    ack = synAck.seq() + 1;
    seq = IRS + 1;
    stack.segmentArrives(REMOTE, LOCAL, Segment.builder().ports(REMOTE_PORT, LOCAL_PORT)
        .seq(seq).ack(ack).window(WINDOW).build());
    conn = stack.connection(ID);
    check(conn != null && conn.state() == TcpState.ESTABLISHED,
        "handshake did not reach ESTABLISHED: " + conn);
    check(conn.handler() == app, "the application did not accept the connection");
    check(conn.sndMss() == MSS && conn.rcvWnd() == WINDOW, "unexpected MSS or window: " + conn.status());

    handshakePackets = wire.packets;

    // Two data segments: exactly the expected ACKs, the last acknowledging everything.
    segment();
    segment();
    Segment lastAck = wire.lastSegment();
    check(lastAck.has(ACK) && lastAck.ack() == seq && lastAck.dataLength() == 0,
        "no ACK for both segments: " + lastAck);
    verify();
  }

  @TearDown(Level.Iteration)
  public void verify() {
    check(conn.state() == TcpState.ESTABLISHED, "left ESTABLISHED: " + conn);
    check(stack.connection(ID) == conn, "the stack no longer finds the connection");
    check(conn.rcvNxt() == seq, "RCV.NXT " + Integer.toUnsignedString(conn.rcvNxt())
        + " but the peer's next octet is " + Integer.toUnsignedString(seq));
    check(app.bytes == delivered * MSS, "the application read " + app.bytes + " octets of "
        + delivered * MSS);
    check(conn.unread() == 0 && conn.rcvWnd() > 0, "the receive window is closing: " + conn.status());
    // Delayed ACK: every second segment is acknowledged at once (RFC 1122 4.2.3.2).
    long acks = wire.packets - handshakePackets;
    check(acks == (delayedAck ? delivered / 2 : delivered),
        "sent " + acks + " ACKs for " + delivered + " segments");
    // At most the delayed-ACK timer (and no retransmission timer: we sent no data).
    check(sim.pendingEvents() <= 1, sim.pendingEvents() + " events pending");
  }

  @Benchmark
  public Packet segment() {
    sim.runUntil(clock += GAP_NS);
    Segment s = Segment.builder().ports(REMOTE_PORT, LOCAL_PORT)
        .seq(seq).ack(ack).window(WINDOW).dataLength(MSS).build();
    seq += MSS;
    delivered++;
    stack.segmentArrives(REMOTE, LOCAL, s);
    return wire.last;
  }

  @Benchmark
  public Segment baseline() {
    sim.runUntil(clock += GAP_NS);
    Segment s = Segment.builder().ports(REMOTE_PORT, LOCAL_PORT)
        .seq(seq).ack(ack).window(WINDOW).dataLength(MSS).build();
    return s;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
