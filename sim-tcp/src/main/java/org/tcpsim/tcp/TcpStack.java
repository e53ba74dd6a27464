package org.tcpsim.tcp;

import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Network;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.net.PacketHandler;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.TraceBus;
import org.tcpsim.tcp.isn.FixedIsn;
import org.tcpsim.tcp.isn.IsnGenerator;
import org.tcpsim.tcp.trace.ListenerEvent;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.TimerFired;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * The TCP of one host, as the I/O around the connections: demultiplexes arriving segments to
 * connections and listeners, answers segments for no connection (RFC 9293 3.10.7.1), opens
 * connections, and as their {@link TcpHost} carries their segments to the wire, their timers to
 * the simulator and what they report to the trace bus. It owns the host-wide state: the ISN
 * generator, the SYN cookie key, the challenge-ACK rate limit and the counters. It makes no TCP
 * decision of its own but which connection or listener a segment is for.
 */
public final class TcpStack implements PacketHandler, TcpHost {
  /** RFC 9293 MUST-15: the send MSS when the peer announces none (IPv4). */
  public static final int DEFAULT_MSS = 536;

  private static final int EPHEMERAL_FIRST = 49152;

  private final Simulator sim;
  /** One trace topic per event type: an event nobody wants is never built. */
  private final TraceBus.Topic<StateChanged> stateTrace;
  private final TraceBus.Topic<UserSignal> signalTrace;
  private final TraceBus.Topic<TimerFired> timerTrace;
  private final TraceBus.Topic<SegmentSent> sentTrace;
  private final TraceBus.Topic<SegmentReceived> receivedTrace;
  private final TraceBus.Topic<SegmentDropped> droppedTrace;
  private final TraceBus.Topic<ListenerEvent> listenerTrace;
  private final String hostName;
  private final int address;
  private final TcpConfig cfg;
  private final Consumer<Packet> wire;
  private final SynCookies synCookies;
  private final long isnKey0;
  private final long isnKey1;
  private IsnGenerator isn;

  private final LongMap<Connection> connections = new LongMap<>();
  private final TreeMap<Integer, Listener> listeners = new TreeMap<>();
  private final List<Listener> closedListeners = new ArrayList<>();
  private int nextEphemeral = EPHEMERAL_FIRST;
  private final ChallengeAckLimit challengeAcks;
  private final TcpCounters counters = new TcpCounters();

  // The stack's own counters; the connections' are in counters.
  private long segmentsSent;
  private long segmentsReceived;
  private long segmentsDropped;
  private long resetsSent;
  private long checksumErrors;

  /**
   * A TCP for a host with address {@code address}. {@code wire} carries packets to the network;
   * {@code streams} gives the secret keys (ISN, SYN cookies) for this run.
   */
  public TcpStack(Simulator sim, TraceBus trace, RandomStreams streams, String hostName, int address,
      TcpConfig cfg, Consumer<Packet> wire) {
    this.sim = Objects.requireNonNull(sim);
    this.stateTrace = trace.topic(StateChanged.class);
    this.signalTrace = trace.topic(UserSignal.class);
    this.timerTrace = trace.topic(TimerFired.class);
    this.sentTrace = trace.topic(SegmentSent.class);
    this.receivedTrace = trace.topic(SegmentReceived.class);
    this.droppedTrace = trace.topic(SegmentDropped.class);
    this.listenerTrace = trace.topic(ListenerEvent.class);
    this.hostName = Objects.requireNonNull(hostName);
    this.address = address;
    this.cfg = Objects.requireNonNull(cfg);
    this.wire = Objects.requireNonNull(wire);
    UniformRandomProvider isnKeys = streams.stream("host/" + hostName + "/isn");
    this.isnKey0 = isnKeys.nextLong();
    this.isnKey1 = isnKeys.nextLong();
    UniformRandomProvider cookieKeys = streams.stream("host/" + hostName + "/syn-cookies");
    this.synCookies = new SynCookies(cookieKeys.nextLong(), cookieKeys.nextLong());
    this.isn = cfg.iss() != null ? new FixedIsn(cfg.iss()) : cfg.isn().generator(isnKey0, isnKey1);
    this.challengeAcks = new ChallengeAckLimit(cfg.challengeAckLimit());
  }

  /** Installs a TCP on {@code host}: arriving packets go to it and it sends through the host. */
  public static TcpStack install(Network network, Host host, TcpConfig cfg) {
    TcpStack stack = new TcpStack(network.simulator(), network.trace(), network.streams(),
        host.name(), host.address(), cfg, host::send);
    host.setHandler(stack);
    return stack;
  }

  public TcpConfig config() {
    return cfg;
  }

  public Simulator simulator() {
    return sim;
  }

  @Override
  public long now() {
    return sim.now();
  }

  public String hostName() {
    return hostName;
  }

  public int address() {
    return address;
  }

  @Override
  public SynCookies synCookies() {
    return synCookies;
  }

  @Override
  public ChallengeAckLimit challengeAcks() {
    return challengeAcks;
  }

  @Override
  public TcpCounters counts() {
    return counters;
  }

  /** Replaces the ISN generator (a scenario's list of fixed ISNs, say). */
  public void setIsnGenerator(IsnGenerator generator) {
    this.isn = Objects.requireNonNull(generator);
  }

  // ---------------------------------------------------------------------------------------------
  // User calls

  /** Passive OPEN (RFC 9293 3.10.1) on {@code port}. */
  public Listener listen(int port, ListenHandler handler) {
    if (listeners.containsKey(port)) {
      throw new TcpError(TcpError.ALREADY_EXISTS);
    }
    Listener l = new Listener(this, cfg, new Endpoint(address, port), handler);
    listeners.put(port, l);
    stateChanged(l.id(), TcpState.CLOSED, TcpState.LISTEN, Transition.PASSIVE_OPEN.cause());
    return l;
  }

  /** Active OPEN (RFC 9293 3.10.1) from {@code localPort} (0 picks an ephemeral port). */
  public Connection open(int localPort, Endpoint remote, SocketHandler handler) {
    return open(localPort, remote, handler, null);
  }

  /** Active OPEN with a fixed ISS for this connection ({@code iss} null: the host's generator). */
  public Connection open(int localPort, Endpoint remote, SocketHandler handler, Integer iss) {
    int port = localPort == 0 ? ephemeralPort(remote) : localPort;
    ConnectionId id = new ConnectionId(new Endpoint(address, port), remote);
    if (connections.containsKey(key(port, remote))) {
      // Also while the 4-tuple is in TIME-WAIT (RFC 9293 3.10.1: "connection already exists").
      throw new TcpError(TcpError.ALREADY_EXISTS);
    }
    Connection c = new Connection(this, cfg, id, null, handler);
    connectionCreated(c);
    c.openActive(iss != null ? iss : iss(id));
    return c;
  }

  private int ephemeralPort(Endpoint remote) {
    for (int i = 0; i < 16384; i++) {
      int p = nextEphemeral;
      nextEphemeral = nextEphemeral == 65535 ? EPHEMERAL_FIRST : nextEphemeral + 1;
      if (!connections.containsKey(key(p, remote)) && !listeners.containsKey(p)) {
        return p;
      }
    }
    throw new TcpError(TcpError.INSUFFICIENT_RESOURCES);
  }

  @Override
  public int iss(ConnectionId id) {
    return isn.isn(now(), id.local().address(), id.local().port(), id.remote().address(),
        id.remote().port());
  }

  @Override
  public void connectionCreated(Connection c) {
    connections.put(key(c.id().local().port(), c.id().remote()), c);
  }

  @Override
  public void connectionReleased(Connection c) {
    long k = key(c.id().local().port(), c.id().remote());
    if (connections.get(k) == c) {
      connections.remove(k);
    }
  }

  @Override
  public void listenerClosed(Listener l) {
    listeners.remove(l.port(), l);
    closedListeners.add(l);
  }

  @Override
  public Timer timer(Connection c, TimerKind kind) {
    return new SimulatorTimer(sim, c, kind);
  }

  /**
   * The host crashed: every connection and listener vanishes without sending anything (RFC 9293
   * 3.5.1's "loss of memory"). After a restart the host's TCP is empty.
   */
  public void crash() {
    for (Connection c : connections.values()) {
      c.crash();
    }
    connections.clear();
    closedListeners.addAll(listeners.values());
    listeners.clear();
  }

  /** How many connections (every state but LISTEN and CLOSED) this TCP holds now. */
  public int connectionCount() {
    return connections.size();
  }

  public Collection<Connection> connections() {
    return connections.values();
  }

  public Connection connection(ConnectionId id) {
    if (!id.local().equals(new Endpoint(address, id.local().port())) || id.remote() == null) {
      return null;
    }
    return connections.get(key(id.local().port(), id.remote()));
  }

  public Listener listener(int port) {
    return listeners.get(port);
  }

  public Collection<Listener> listeners() {
    return List.copyOf(listeners.values());
  }

  private static long key(int localPort, Endpoint remote) {
    return ((remote.address() & 0xFFFF_FFFFL) << 32) | ((long) remote.port() << 16) | localPort;
  }

  // ---------------------------------------------------------------------------------------------
  // Arriving segments

  @Override
  public void receive(Packet p) {
    if (!(p.payload() instanceof Segment seg)) {
      segmentsDropped++;
      return;
    }
    Endpoint src = new Endpoint(p.src(), seg.srcPort());
    Endpoint dst = new Endpoint(p.dst(), seg.dstPort());
    if (p.corrupted()) {
      checksumErrors++;
      segmentsDropped++;
      if (droppedTrace.active()) {
        droppedTrace.publish(new SegmentDropped(now(), hostName, src, dst, seg, TcpDropReason.CHECKSUM,
            "checksum failed: the segment was damaged on a link (RFC 9293 3.1)"));
      }
      return;
    }
    segmentArrives(src, dst, seg);
  }

  /** A segment from {@code src} to this host's {@code dst} (RFC 9293 3.10.7). */
  public void segmentArrives(Endpoint src, Endpoint dst, Segment seg) {
    segmentsReceived++;
    if (receivedTrace.active()) {
      receivedTrace.publish(new SegmentReceived(now(), hostName, src, dst, seg));
    }
    Connection c = connections.get(key(dst.port(), src));
    if (c != null) {
      if (c.state() == TcpState.TIME_WAIT && reopensFromTimeWait(c, seg)) {
        return;
      }
      c.segmentArrives(seg);
      return;
    }
    Listener l = listeners.get(dst.port());
    if (l != null) {
      l.segmentArrives(src, seg);
      return;
    }
    closedArrives(src, dst, seg);
  }

  /**
   * RFC 9293 3.10.7.4 MAY-2 (RFC 1122 4.2.2.13): a new SYN with SEG.SEQ > RCV.NXT for a
   * connection in TIME-WAIT may open a new incarnation, with an ISS above the old SND.NXT so that
   * old duplicates cannot be confused (docs/rfc-notes.md A19). The old incarnation is kept: if
   * the SYN turns out to be an old duplicate, the connection returns to it (MAY-2's condition 2).
   */
  private boolean reopensFromTimeWait(Connection c, Segment seg) {
    if (!cfg.timeWaitReuse() || !seg.has(SYN) || seg.has(ACK) || seg.has(RST)
        || !SeqNum.gt(seg.seq(), c.rcvNxt())) {
      return false;
    }
    Listener l = listeners.get(c.id().local().port());
    if (l == null || !l.hasSynRoom()) {
      // A full backlog would drop the SYN or answer with a cookie (whose ISS is not above the old
      // SND.NXT): either way MAY-2's conditions fail, and TIME-WAIT stays.
      return false;
    }
    int oldSndNxt = c.sndNxt();
    long timeWaitEnds = c.timeWaitDeadline();
    c.transition(Transition.SYN_REOPENS_TIME_WAIT);
    int generated = iss(c.id());
    int iss = SeqNum.gt(generated, oldSndNxt) ? generated : SeqNum.add(oldSndNxt, 65537);
    l.segmentArrives(c.id().remote(), seg, OptionalInt.of(iss));
    Connection fresh = connections.get(key(c.id().local().port(), c.id().remote()));
    if (fresh != null) {
      fresh.reopened(c, timeWaitEnds);
    }
    return true;
  }

  /** RFC 9293 3.10.7.1: CLOSED, the segment belongs to no connection. */
  private void closedArrives(Endpoint src, Endpoint dst, Segment seg) {
    if (seg.has(RST)) {
      dropped(src, dst, seg, TcpDropReason.NO_LISTENER, "RST for no connection is discarded (RFC 9293 3.10.7.1)");
      return;
    }
    Segment.Builder rst = Segment.builder().ports(dst.port(), src.port()).flags(RST);
    if (!seg.has(ACK)) {
      transmit(dst, src, rst.seq(0).ack(SeqNum.add(seg.seq(), seg.segLen())).build(),
          "no connection: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293 3.10.7.1)");
    } else {
      transmit(dst, src, rst.seq(seg.ack()).build(),
          "no connection: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.1)");
    }
    dropped(src, dst, seg, TcpDropReason.NO_LISTENER, "no connection and no listener (RFC 9293 3.10.7.1)");
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  @Override
  public void transmit(Endpoint src, Endpoint dst, Segment s, String cause) {
    put(src, dst, s, false, cause);
  }

  /**
   * Sends a crafted segment from any (spoofed) source: the scenario's {@code inject} and the
   * attackers. It is traced as {@code injected}.
   */
  public void inject(Endpoint src, Endpoint dst, Segment s, String cause) {
    put(src, dst, s, true, cause);
  }

  private void put(Endpoint src, Endpoint dst, Segment s, boolean injected, String cause) {
    segmentsSent++;
    if (s.has(RST)) {
      resetsSent++;
    }
    if (sentTrace.active()) {
      sentTrace.publish(new SegmentSent(now(), hostName, src, dst, s, injected, cause));
    }
    wire.accept(new Packet(src.address(), dst.address(), packetSize(s), s));
  }

  static int packetSize(Segment s) {
    return Connection.HEADERS + s.options().length() + s.dataLength();
  }

  /** The MSS the peer announced, or the default 536 (RFC 9293 MUST-15). */
  static int peerMss(TcpOptions options) {
    return options.hasMss() ? options.mss() : DEFAULT_MSS;
  }

  /** Eff.snd.MSS (RFC 9293 3.7.1, MUST-16): the peer's MSS, capped by our own setting. */
  static int effectiveMss(TcpOptions options, TcpConfig cfg) {
    return Math.max(1, Math.min(peerMss(options), cfg.mss()));
  }

  // ---------------------------------------------------------------------------------------------
  // Tracing and counting

  @Override
  public void stateChanged(ConnectionId id, TcpState from, TcpState to, String cause) {
    if (stateTrace.active()) {
      stateTrace.publish(new StateChanged(now(), hostName, id, from, to, cause));
    }
  }

  @Override
  public void signalled(ConnectionId id, TcpSignal signal) {
    if (signalTrace.active()) {
      signalTrace.publish(new UserSignal(now(), hostName, id, signal));
    }
  }

  @Override
  public void timerFired(ConnectionId id, TimerKind kind, String detail) {
    if (timerTrace.active()) {
      timerTrace.publish(new TimerFired(now(), hostName, id, kind, detail));
    }
  }

  @Override
  public void dropped(Endpoint src, Endpoint dst, Segment seg, TcpDropReason reason, String cause) {
    segmentsDropped++;
    if (droppedTrace.active()) {
      droppedTrace.publish(new SegmentDropped(now(), hostName, src, dst, seg, reason, cause));
    }
  }

  @Override
  public void listenerEvent(Listener l, String what) {
    if (listenerTrace.active()) {
      listenerTrace.publish(new ListenerEvent(now(), hostName, l.id(), what, l.synQueueLength(),
          l.acceptQueueLength()));
    }
  }

  /**
   * Every counter of this host by name: {@code connections.established}, {@code
   * connections.reset}, {@code segments.sent}, {@code segments.retransmitted}, {@code
   * listen.syn-dropped}, {@code listen.syn-cookies-sent}, ... (listener counters summed over the
   * host's listeners, past and present).
   */
  public Map<String, Long> counters() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("connections.established", counters.established);
    m.put("connections.reset", counters.resets);
    m.put("segments.sent", segmentsSent);
    m.put("segments.received", segmentsReceived);
    m.put("segments.dropped", segmentsDropped);
    m.put("segments.retransmitted", counters.retransmissions);
    m.put("segments.checksum-errors", checksumErrors);
    m.put("resets.sent", resetsSent);
    m.put("challenge-acks.sent", challengeAcks.sent());
    m.put("challenge-acks.suppressed", challengeAcks.suppressed());
    m.put("unsent-data-acks.sent", challengeAcks.unsentDataSent());
    m.put("unsent-data-acks.suppressed", challengeAcks.unsentDataSuppressed());
    ListenerCounters listen = new ListenerCounters();
    closedListeners.forEach(l -> listen.add(l.counters()));
    listeners.values().forEach(l -> listen.add(l.counters()));
    listen.putInto(m);
    return m;
  }

  @Override
  public String toString() {
    return "TCP@" + hostName;
  }
}
