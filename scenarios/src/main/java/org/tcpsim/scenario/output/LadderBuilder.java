package org.tcpsim.scenario.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpState;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.TcpSegmentEvent;

/**
 * Turns one connection's events into the lines of an RFC 9293 ladder (3.5: "TCP connection
 * states represent the state AFTER the departure or arrival of the segment").
 *
 * <p>A segment that arrives before anything else happens on the ladder is one line, {@code
 * SYN-SENT --> <SEQ=100><CTL=SYN> --> SYN-RECEIVED}. Otherwise its departure line ends in {@code
 * ...} and its arrival gets its own line starting with {@code ...} (Figure 7). A segment the
 * network dropped ends in {@code XXX}; one the receiving TCP discarded arrives with a note.
 *
 * <p>A peer's state on a line is its state once the event and what it caused at the same instant
 * are done: a state change right after an arrival (or after a send, as ABORT's RST) belongs to
 * that line. A change made by a user's OPEN or CLOSE belongs to the segment the call sends next
 * at that instant (the SYN, the FIN), with a {@code (Close)} comment; a change that no line at
 * its instant takes (TIME-WAIT's end, a CLOSE whose FIN waits for data) gets a line of its own.
 */
final class LadderBuilder {
  private record FlightKey(Endpoint src, Endpoint dst, Segment segment) {
    // Written out, as in tcp.Endpoint, for start-up time; the values are the generated ones.

    @Override
    public boolean equals(Object o) {
      return o instanceof FlightKey k
          && k.src.equals(src) && k.dst.equals(dst) && k.segment.equals(segment);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * src.hashCode() + dst.hashCode()) + segment.hashCode();
    }
  }

  /** A segment in the network: its departure line and the label its sender shows. */
  private record Flight(LadderRow row, String senderLabel) {}

  private static final String INJECTED = "(injected)";
  private static final String TCB_LOST = "(TCB lost)";

  /** What the builder knows of one peer. */
  private static final class Peer {
    final Endpoint endpoint;
    final boolean isA;
    TcpState state;
    /** {@code state} was inferred from the absence of a TCB, not reported by one. */
    boolean inferred;
    boolean seen;
    TcpState initial;
    /** The peer's cell on its latest line; same-instant state changes still update it. */
    LadderCell open;
    long openTime;
    /** The peer's cells of the instant {@code instantTime}, oldest first. */
    final List<LadderCell> instant = new ArrayList<>();
    long instantTime = Long.MIN_VALUE;
    /** A state change no line has taken yet. */
    boolean pending;
    long pendingTime;
    String pendingComment;
    /** For spotting retransmissions: the sequence space sent so far. */
    boolean hasSent;
    int synSeq;
    /** The control bits of the last SYN sent: a SYN,ACK after a SYN (Figure 7) is no repeat. */
    int synFlags = -1;
    int sentEnd;

    Peer(Endpoint endpoint, boolean isA) {
      this.endpoint = endpoint;
      this.isA = isA;
    }
  }

  private final EndpointNames names;
  private final Peer a;
  private final Peer b;
  private final List<LadderRow> rows = new ArrayList<>();
  private final Map<FlightKey, ArrayDeque<Flight>> inFlight = new HashMap<>();
  private final Map<Endpoint, Boolean> listening = new HashMap<>();
  private FlightKey lastArrivalKey;
  private LadderRow lastArrivalRow;
  private long lastArrivalTime;

  LadderBuilder(Endpoint peerA, Endpoint peerB, EndpointNames names) {
    this.a = new Peer(peerA, true);
    this.b = new Peer(peerB, false);
    this.names = names;
  }

  /**
   * Peer A of RFC 9293's figures is the active opener: the sender of the first SYN. Failing that,
   * the peer a SYN,ACK goes to, then the first sender, then the first TCB.
   */
  static Endpoint activeOpener(ConnectionKey key, List<TraceEvent> events) {
    for (TraceEvent e : events) {
      if (e instanceof SegmentSent s && s.segment().has(TcpFlags.SYN)
          && !s.segment().has(TcpFlags.ACK)) {
        return s.src();
      }
    }
    for (TraceEvent e : events) {
      if (e instanceof TcpSegmentEvent t && t.segment().has(TcpFlags.SYN)) {
        return t.segment().has(TcpFlags.ACK) ? t.dst() : t.src();
      }
    }
    for (TraceEvent e : events) {
      if (e instanceof TcpSegmentEvent t) {
        return t.src();
      }
    }
    for (TraceEvent e : events) {
      if (e instanceof StateChanged s && !s.conn().isListening()) {
        return s.conn().local();
      }
    }
    return key.lo();
  }

  /** Builds the ladder from the connection's events (and its ports' listeners'), in order. */
  Ladder build(List<TraceEvent> events) {
    for (TraceEvent e : events) {
      flushPending(e.time());
      if (e instanceof SegmentSent s) {
        sent(s);
      } else if (e instanceof SegmentReceived r) {
        arrived(r.time(), r.src(), r.dst(), r.segment());
      } else if (e instanceof SegmentDropped d) {
        discarded(d);
      } else if (e instanceof PacketDropped d) {
        lost(d);
      } else if (e instanceof StateChanged s) {
        stateChanged(s);
      }
    }
    flushPending(Long.MAX_VALUE);
    for (Peer p : new Peer[] {a, b}) {
      if (!p.seen) {
        p.initial = stateWithoutTcb(p.endpoint); // it never took part: what it is in at the end
      }
    }
    return new Ladder(title(a), title(b), initial(a), initial(b), List.copyOf(rows));
  }

  // --- Segments ----------------------------------------------------------------------------------

  private void sent(SegmentSent s) {
    Peer from = peer(s.src());
    if (from == null) {
      return;
    }
    LadderRow row = newRow(s.time(), RfcNotation.of(s.segment()), from.isA);
    String label = null;
    if (s.injected()) {
      // The peer's TCB did not send it: show where it came from instead of a state, as Figure 8
      // writes "(duplicate)" for an old duplicate.
      label = INJECTED;
      row.cell(from.isA).text = label;
    } else {
      fill(from, s.time(), row);
      if (isRetransmission(from, s.segment())) {
        row.notes.add("(retransmission)");
      }
    }
    inFlight.computeIfAbsent(new FlightKey(s.src(), s.dst(), s.segment()), k -> new ArrayDeque<>())
        .add(new Flight(row, label));
  }

  /** The segment reached the receiver's TCP; returns the line that shows the arrival. */
  private LadderRow arrived(long t, Endpoint src, Endpoint dst, Segment seg) {
    Peer to = peer(dst);
    FlightKey key = new FlightKey(src, dst, seg);
    ArrayDeque<Flight> queue = inFlight.get(key);
    Flight f = queue == null ? null : queue.poll();
    LadderRow row;
    if (f != null && onlyLaterDeparturesSince(f.row())) {
      // Nothing happened in between but more segments leaving the same way behind it: one
      // line, as in Figure 6 (whose lines 4 and 5 are two segments sent back to back).
      row = f.row();
    } else {
      // Delayed (Figure 7 lines 2 and 4): the departure line keeps "...", the arrival has its own.
      row = newRow(t, RfcNotation.of(seg), !to.isA);
      row.senderMark = LadderRow.Mark.DELAYED;
      if (f != null && f.senderLabel() != null) {
        row.cell(!to.isA).text = f.senderLabel();
      }
      if (f == null && queue != null) {
        row.notes.add("(duplicate)");
      }
    }
    row.receiverMark = LadderRow.Mark.ARROW;
    fill(to, t, row);
    lastArrivalKey = key;
    lastArrivalRow = row;
    lastArrivalTime = t;
    return row;
  }

  /** The receiving TCP discarded the segment (after or, for a bad checksum, instead of recv). */
  private void discarded(SegmentDropped d) {
    Peer to = peer(d.dst());
    if (to == null) {
      return;
    }
    FlightKey key = new FlightKey(d.src(), d.dst(), d.segment());
    LadderRow row = key.equals(lastArrivalKey) && lastArrivalTime == d.time()
        ? lastArrivalRow
        : arrived(d.time(), d.src(), d.dst(), d.segment());
    row.notes.add("(discarded: " + d.reason() + ")");
    TcpState known = switch (d.reason()) {
      case NO_LISTENER -> TcpState.CLOSED; // RFC 9293 3.10.7.1: no TCB, no listener
      case NO_CONNECTION -> TcpState.LISTEN; // 3.10.7.2: only a listener
      default -> null;
    };
    if (known != null && to.state != known) {
      learnState(to, known, row.cell(to.isA));
    }
  }

  /**
   * The drop shows that the peer has no TCB although the ladder still showed one: its host lost
   * it (a crash leaves no trace of its own). Corrects the peer's cells of this instant from the
   * arrival on, which includes the RST it answered with.
   */
  private void learnState(Peer p, TcpState known, LadderCell arrival) {
    boolean lostTcb = holdsTcb(p.state);
    if (p.inferred && p.initial == p.state) {
      p.initial = known;
    }
    p.state = known;
    p.inferred = false;
    int from = p.instant.indexOf(arrival);
    if (from >= 0) {
      for (int i = from; i < p.instant.size(); i++) {
        p.instant.get(i).text = known.toString();
      }
    }
    if (lostTcb) {
      arrival.addComment(TCB_LOST);
    }
  }

  /** The network dropped it: XXX on its departure line, with where and why. */
  private void lost(PacketDropped d) {
    if (!(d.packet().payload() instanceof Segment seg)) {
      return;
    }
    Endpoint src = new Endpoint(d.packet().src(), seg.srcPort());
    Endpoint dst = new Endpoint(d.packet().dst(), seg.dstPort());
    Peer from = peer(src);
    if (from == null) {
      return;
    }
    ArrayDeque<Flight> queue = inFlight.get(new FlightKey(src, dst, seg));
    Flight f = queue == null ? null : queue.poll();
    LadderRow row = f != null ? f.row() : newRow(d.time(), RfcNotation.of(seg), from.isA);
    if (f == null) {
      row.senderMark = LadderRow.Mark.DELAYED;
    }
    row.receiverMark = LadderRow.Mark.LOST;
    row.notes.add(NetworkDrops.note(d));
  }

  /**
   * Wireshark's rule: a segment that occupies sequence space its sender already used. A SYN
   * starts the count again unless it repeats the last SYN exactly (same number, same ACK bit):
   * a new incarnation, or the SYN,ACK of a simultaneous open, is not a retransmission.
   */
  private static boolean isRetransmission(Peer p, Segment s) {
    int len = s.segLen();
    if (len == 0) {
      return false;
    }
    int end = SeqNum.add(s.seq(), len);
    int synFlags = s.flags() & (TcpFlags.SYN | TcpFlags.ACK);
    if (s.has(TcpFlags.SYN) && !(p.synFlags == synFlags && p.synSeq == s.seq())) {
      p.hasSent = true;
      p.synFlags = synFlags;
      p.synSeq = s.seq();
      p.sentEnd = end;
      return false;
    }
    if (!p.hasSent) {
      p.hasSent = true;
      p.sentEnd = end;
      return false;
    }
    boolean again = SeqNum.lt(s.seq(), p.sentEnd);
    if (SeqNum.gt(end, p.sentEnd)) {
      p.sentEnd = end;
    }
    return again;
  }

  // --- States ------------------------------------------------------------------------------------

  private void stateChanged(StateChanged s) {
    if (s.conn().isListening()) {
      listening.put(s.conn().local(), s.to() == TcpState.LISTEN);
      return;
    }
    Peer p = peer(s.conn().local());
    if (p == null) {
      return;
    }
    if (!p.seen || p.inferred) {
      // The TCB knows better than an inference: B's listener may have opened before the trace
      // was subscribed, and then only LISTEN -> SYN-RECEIVED tells that B:80 listened.
      if (!p.seen || p.initial == p.state) {
        p.initial = s.from();
      }
      p.seen = true;
      p.state = s.from();
      p.inferred = false;
    }
    String comment = StateComments.of(s.cause());
    if (holdsTcb(p.state) && p.state != s.from()
        && (s.from() == TcpState.CLOSED || s.from() == TcpState.LISTEN)) {
      comment = join(TCB_LOST, comment); // a crash lost the TCB without a state change
    }
    p.state = s.to();
    if (!StateComments.isUserCall(s.cause()) && p.open != null && p.openTime == s.time()) {
      p.open.text = s.to().toString();
      p.open.addComment(comment);
      return;
    }
    p.open = null;
    if (!p.pending) {
      p.pending = true;
      p.pendingTime = s.time();
      p.pendingComment = comment;
    } else {
      p.pendingComment = join(p.pendingComment, comment);
    }
  }

  /** Gives state changes that no line took, from instants before {@code now}, their own line. */
  private void flushPending(long now) {
    Peer first = a.pending && b.pending && b.pendingTime < a.pendingTime ? b : a;
    Peer second = first == a ? b : a;
    for (Peer p : new Peer[] {first, second}) {
      if (p.pending && p.pendingTime < now) {
        stateLine(p);
      }
    }
  }

  /**
   * A line of states only (Figure 12 line 6, {@code (2 MSL) CLOSED}). Both peers share a line
   * when nothing came between them (Figure 13 line 4).
   */
  private void stateLine(Peer p) {
    LadderRow last = last();
    LadderRow row = last != null && last.segment == null && last.cell(p.isA).isEmpty()
        ? last
        : newRow(p.pendingTime, null, true);
    LadderCell c = row.cell(p.isA);
    c.addComment(p.pendingComment);
    c.text = p.state == null ? null : p.state.toString();
    p.pending = false;
    p.pendingComment = null;
    p.open = c;
    p.openTime = p.pendingTime;
  }

  /** Fills peer {@code p}'s cell of {@code row} with its state now, and any pending comment. */
  private void fill(Peer p, long t, LadderRow row) {
    LadderCell c = row.cell(p.isA);
    if (p.pending) {
      c.addComment(p.pendingComment); // flushPending left only changes of this instant
      p.pending = false;
      p.pendingComment = null;
    }
    if (p.state == null) {
      p.state = stateWithoutTcb(p.endpoint);
      p.inferred = true;
    }
    if (!p.seen) {
      p.seen = true;
      p.initial = p.state;
    }
    c.text = p.state == null ? null : p.state.toString();
    p.open = c;
    p.openTime = t;
    if (p.instantTime != t) {
      p.instant.clear();
      p.instantTime = t;
    }
    p.instant.add(c);
  }

  /**
   * A peer with no TCB for the connection is in LISTEN if its port listens and CLOSED otherwise
   * (RFC 9293 3.5.2: "If the connection does not exist (CLOSED)"); an address that is no host's
   * (a spoofed source) has no state at all.
   */
  private TcpState stateWithoutTcb(Endpoint e) {
    if (Boolean.TRUE.equals(listening.get(e))) {
      return TcpState.LISTEN;
    }
    return names.hostOrNull(e.address()) != null ? TcpState.CLOSED : null;
  }

  private static boolean holdsTcb(TcpState s) {
    return s != null && s != TcpState.CLOSED && s != TcpState.LISTEN;
  }

  // --- Helpers -----------------------------------------------------------------------------------

  private LadderRow newRow(long t, String segment, boolean rightward) {
    LadderRow row = new LadderRow(t, segment, rightward);
    rows.add(row);
    return row;
  }

  /**
   * Whether every line after {@code row} is a segment sent the same way that is still in the
   * network; then {@code row}'s segment arrived before anything else happened at either end.
   */
  private boolean onlyLaterDeparturesSince(LadderRow row) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      LadderRow r = rows.get(i);
      if (r == row) {
        return true;
      }
      if (r.segment == null || r.rightward != row.rightward
          || r.receiverMark != LadderRow.Mark.DELAYED || r.senderMark != LadderRow.Mark.ARROW) {
        return false;
      }
    }
    return false;
  }

  private LadderRow last() {
    return rows.isEmpty() ? null : rows.get(rows.size() - 1);
  }

  private Peer peer(Endpoint e) {
    if (e.equals(a.endpoint)) {
      return a;
    }
    return e.equals(b.endpoint) ? b : null;
  }

  private String title(Peer p) {
    String host = names.hostOrNull(p.endpoint.address());
    String address = Ipv4.format(p.endpoint.address()) + ":" + p.endpoint.port();
    return host == null ? "TCP Peer " + address : "TCP Peer " + host + " (" + address + ")";
  }

  private static String initial(Peer p) {
    return p.initial == null ? null : p.initial.toString();
  }

  private static String join(String x, String y) {
    if (x == null) {
      return y;
    }
    return y == null ? x : x + " " + y;
  }
}
