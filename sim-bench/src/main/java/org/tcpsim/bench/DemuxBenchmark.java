package org.tcpsim.bench;

import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.tcpsim.tcp.Listener;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SocketHandler;
import org.tcpsim.tcp.TcpConfig;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.TcpState;

/**
 * Listener demultiplexing on a server with {@code connections} established connections to
 * port 80 and the listener on port 80. The connections come from real passive handshakes (SYN,
 * our SYN,ACK, ACK), from distinct random remote endpoints, in the trial's setup.
 *
 * <ul>
 *   <li>{@code lookup}: {@link TcpStack#connection} for the 4-tuple of an established connection
 *       chosen at random: the map lookup alone, as far as the public API exposes it (the same
 *       {@code HashMap<Long, Connection>} get that {@link TcpStack#segmentArrives} does, plus an
 *       Endpoint comparison).
 *   <li>{@code ackToExisting}: {@link TcpStack#segmentArrives} of a pure ACK for an established
 *       connection chosen at random: demultiplexing plus the cheapest complete processing (the
 *       segment is acceptable, acknowledges nothing new and elicits nothing, so it can be
 *       repeated for ever). This is where 1,000,000 connections cost cache misses.
 *   <li>{@code lookupMiss}: what {@link TcpStack#segmentArrives} does for a SYN from a new 4-tuple
 *       before the listener takes over: a connection lookup that misses, then the listener
 *       lookup.
 *   <li>{@code synThenRst}: a SYN from a new 4-tuple (the listener creates a connection in
 *       SYN-RECEIVED and answers SYN,ACK), then the peer's RST at RCV.NXT, which sends it back to
 *       LISTEN (RFC 9293 3.10.7.4, second check) and removes it, so the table stays at {@code
 *       connections}. Two demultiplexings, a map insert and a removal, and the whole cost of
 *       creating a connection.
 * </ul>
 *
 * <p>The random choices are precomputed; the objects each operation reads (4-tuple, segment) are
 * allocated in the order the operations read them, so the harness itself streams through memory
 * and the cache misses measured are the stack's. Every iteration ends with a check that nothing
 * was dropped, that exactly the expected segments were sent, that the table still holds exactly
 * {@code connections} connections, all ESTABLISHED, and that no timers pile up; any failure
 * throws.
 *
 * <p>Run: {@code java -jar sim-bench/target/benchmarks.jar Demux -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// 1,000,000 connections keep about 1.1 GB live. Pre-touching the heap matters here: without it
// every fresh eden page costs a page fault, which showed up as microseconds per operation.
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class DemuxBenchmark {
  static final int LOCAL_ADDR = Ipv4.parse("10.0.0.2");
  static final int LOCAL_PORT = 80;
  static final Endpoint LOCAL = new Endpoint(LOCAL_ADDR, LOCAL_PORT);
  static final int MSS = 1460;
  static final int WINDOW = 65535;
  /** New 4-tuples for the SYN benchmarks, used round-robin. */
  static final int FRESH = 1 << 12;

  @Param({"1000", "1000000"})
  public int connections;

  Simulator sim;
  TcpStack stack;
  Listener listener;
  final Wire wire = new Wire();
  Connection[] conns;

  // One entry per operation, read in order; the length is a power of two.
  int[] pickIndex;
  ConnectionId[] pickId;
  Endpoint[] pickSrc;
  Segment[] pickAck;
  int pick;

  // New 4-tuples: their SYN and the RST that follows it.
  ConnectionId[] freshId;
  Endpoint[] freshSrc;
  Segment[] freshSyn;
  Segment[] freshRst;
  int fresh;

  long packetsAtIteration;
  long synsSent; // synThenRst operations in this iteration

  static final SocketHandler APP = new SocketHandler() { };

  @Setup(Level.Trial)
  public void setUp() {
    long t0 = System.nanoTime();
    TcpConfig cfg = TcpConfig.defaults()
        .with("mss", Integer.toString(MSS))
        .with("window", Integer.toString(WINDOW));
    sim = new Simulator();
    stack = new TcpStack(sim, new TraceBus(), new RandomStreams(1), "server", LOCAL_ADDR, cfg, wire);
    listener = stack.listen(LOCAL_PORT, c -> APP);

    // Distinct random remote endpoints: connections established ones, then FRESH new ones. The
    // order of the draws from rnd (peers, picks, fresh 4-tuples) fixes every trial's workload.
    SplittableRandom rnd = new SplittableRandom(42);
    Set<Long> used = new HashSet<>(2 * (connections + FRESH));
    Peers peers = establish(rnd, used);
    preparePicks(rnd, peers);
    prepareFresh(rnd, used);
    checkPrepared();

    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("%n%d connections established in %.1f s; heap used %d MB%n", connections,
        (System.nanoTime() - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  /** The established connections' remote endpoints and sequence numbers, by index. */
  private record Peers(Endpoint[] remotes, int[] irs, int[] iss) {}

  /** {@code connections} passive handshakes from new remote endpoints, each checked. */
  private Peers establish(SplittableRandom rnd, Set<Long> used) {
    Endpoint[] remotes = new Endpoint[connections];
    int[] irs = new int[connections];
    int[] iss = new int[connections];
    conns = new Connection[connections];
    for (int i = 0; i < connections; i++) {
      remotes[i] = newRemote(rnd, used);
      irs[i] = rnd.nextInt();
      iss[i] = handshake(remotes[i], irs[i]);
      conns[i] = stack.connection(new ConnectionId(LOCAL, remotes[i]));
      check(conns[i] != null && conns[i].state() == TcpState.ESTABLISHED,
          "handshake " + i + " did not reach ESTABLISHED: " + conns[i]);
    }
    check(stack.connections().size() == connections, "the stack holds "
        + stack.connections().size() + " connections, not " + connections);
    return new Peers(remotes, irs, iss);
  }

  /**
   * The random picks, each with its own objects (a fresh Endpoint and ConnectionId, not the
   * connection's), allocated in pick order so the harness streams through memory.
   */
  private void preparePicks(SplittableRandom rnd, Peers peers) {
    int picks = Math.min(1 << 18, Integer.highestOneBit(connections * 16 - 1) << 1);
    pickIndex = new int[picks];
    pickId = new ConnectionId[picks];
    pickSrc = new Endpoint[picks];
    pickAck = new Segment[picks];
    for (int p = 0; p < picks; p++) {
      int i = rnd.nextInt(connections);
      Endpoint r = new Endpoint(peers.remotes()[i].address(), peers.remotes()[i].port());
      pickIndex[p] = i;
      pickId[p] = new ConnectionId(new Endpoint(LOCAL_ADDR, LOCAL_PORT), r);
      pickSrc[p] = r;
      pickAck[p] = Segment.builder().ports(r.port(), LOCAL_PORT)
          .seq(peers.irs()[i] + 1).ack(peers.iss()[i] + 1).window(WINDOW).build();
    }
  }

  /** New 4-tuples with their SYN and the RST at RCV.NXT that follows our SYN,ACK. */
  private void prepareFresh(SplittableRandom rnd, Set<Long> used) {
    freshId = new ConnectionId[FRESH];
    freshSrc = new Endpoint[FRESH];
    freshSyn = new Segment[FRESH];
    freshRst = new Segment[FRESH];
    for (int j = 0; j < FRESH; j++) {
      Endpoint r = newRemote(rnd, used);
      int seq = rnd.nextInt();
      freshId[j] = new ConnectionId(LOCAL, r);
      freshSrc[j] = r;
      freshSyn[j] = Segment.builder().ports(r.port(), LOCAL_PORT)
          .seq(seq).flags(SYN).window(WINDOW).options(TcpOptions.NONE.withMss(MSS)).build();
      freshRst[j] = Segment.builder().ports(r.port(), LOCAL_PORT).seq(seq + 1).flags(RST).build();
    }
  }

  /** Every pick finds its connection and no new 4-tuple does; then one of each operation. */
  private void checkPrepared() {
    for (int p = 0; p < pickId.length; p++) {
      check(stack.connection(pickId[p]) == conns[pickIndex[p]], "lookup " + p + " failed");
    }
    for (int j = 0; j < FRESH; j++) {
      check(stack.connection(freshId[j]) == null, "new 4-tuple " + j + " already exists");
    }
    startIteration();
    ackToExisting();
    check(wire.packets == packetsAtIteration, "a pure ACK to an established connection was answered");
    Segment synAck = synThenRstChecked();
    check(synAck.has(SYN | ACK) && synAck.ack() == freshSyn[0].seq() + 1,
        "the SYN was not answered with SYN,ACK: " + synAck);
    verify();
    pick = 0;
    fresh = 0;
  }

  /** A remote endpoint not used before: a random address and an ephemeral port. */
  private static Endpoint newRemote(SplittableRandom rnd, Set<Long> used) {
    while (true) {
      int addr = rnd.nextInt();
      int port = 1024 + rnd.nextInt(65536 - 1024);
      if (addr != LOCAL_ADDR && used.add(((addr & 0xFFFF_FFFFL) << 16) | port)) {
        return new Endpoint(addr, port);
      }
    }
  }

  /** SYN from {@code remote}, our SYN,ACK, the peer's ACK; returns our ISS. */
  private int handshake(Endpoint remote, int irs) {
    long before = wire.packets;
    stack.segmentArrives(remote, LOCAL, Segment.builder().ports(remote.port(), LOCAL_PORT)
        .seq(irs).flags(SYN).window(WINDOW).options(TcpOptions.NONE.withMss(MSS)).build());
    Segment synAck = wire.lastSegment();
    check(wire.packets == before + 1 && synAck.has(SYN | ACK) && synAck.ack() == irs + 1,
        "expected our SYN,ACK, got " + synAck);
    stack.segmentArrives(remote, LOCAL, Segment.builder().ports(remote.port(), LOCAL_PORT)
        .seq(irs + 1).ack(synAck.seq() + 1).window(WINDOW).build());
    return synAck.seq();
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    packetsAtIteration = wire.packets;
    synsSent = 0;
  }

  @TearDown(Level.Iteration)
  public void verify() {
    check(wire.packets - packetsAtIteration == synsSent, (wire.packets - packetsAtIteration)
        + " segments sent for " + synsSent + " SYNs");
    Map<String, Long> counters = stack.counters();
    check(counters.get("segments.dropped") == 0, counters.get("segments.dropped") + " dropped");
    check(stack.connections().size() == connections, "the stack holds "
        + stack.connections().size() + " connections, not " + connections);
    check(listener.synQueueLength() == 0, "SYN queue " + listener.synQueueLength());
    for (int i = 0; i < connections; i += Math.max(1, connections / 1000)) {
      check(conns[i].state() == TcpState.ESTABLISHED, "connection " + i + " left ESTABLISHED");
    }
    check(sim.pendingEvents() == 0, sim.pendingEvents() + " events pending");
  }

  @Benchmark
  public Connection lookup() {
    int p = pick;
    pick = (p + 1) & (pickId.length - 1);
    return stack.connection(pickId[p]);
  }

  @Benchmark
  public Segment ackToExisting() {
    int p = pick;
    pick = (p + 1) & (pickId.length - 1);
    Segment s = pickAck[p];
    stack.segmentArrives(pickSrc[p], LOCAL, s);
    return s;
  }

  @Benchmark
  public Listener lookupMiss() {
    int j = fresh;
    fresh = (j + 1) & (FRESH - 1);
    if (stack.connection(freshId[j]) != null) {
      return null;
    }
    return stack.listener(LOCAL_PORT);
  }

  @Benchmark
  public Packet synThenRst() {
    int j = fresh;
    fresh = (j + 1) & (FRESH - 1);
    synsSent++;
    stack.segmentArrives(freshSrc[j], LOCAL, freshSyn[j]);
    stack.segmentArrives(freshSrc[j], LOCAL, freshRst[j]);
    return wire.last;
  }

  /** {@link #synThenRst} once, checking that the connection came and went. */
  private Segment synThenRstChecked() {
    int j = fresh;
    long before = wire.packets;
    synsSent++;
    stack.segmentArrives(freshSrc[j], LOCAL, freshSyn[j]);
    Connection c = stack.connection(freshId[j]);
    check(c != null && c.state() == TcpState.SYN_RECEIVED, "the SYN did not create a connection");
    check(wire.packets == before + 1, "no SYN,ACK");
    Segment synAck = wire.lastSegment();
    stack.segmentArrives(freshSrc[j], LOCAL, freshRst[j]);
    check(stack.connection(freshId[j]) == null, "the RST did not remove the connection");
    fresh = (j + 1) & (FRESH - 1);
    return synAck;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
