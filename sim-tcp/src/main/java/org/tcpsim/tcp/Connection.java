package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;
import static org.tcpsim.tcp.SeqNum.geq;
import static org.tcpsim.tcp.SeqNum.gt;
import static org.tcpsim.tcp.SeqNum.leq;
import static org.tcpsim.tcp.SeqNum.lt;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.PSH;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.TcpFlags.URG;
import static org.tcpsim.tcp.TcpState.CLOSED;
import static org.tcpsim.tcp.TcpState.CLOSE_WAIT;
import static org.tcpsim.tcp.TcpState.CLOSING;
import static org.tcpsim.tcp.TcpState.ESTABLISHED;
import static org.tcpsim.tcp.TcpState.FIN_WAIT_1;
import static org.tcpsim.tcp.TcpState.FIN_WAIT_2;
import static org.tcpsim.tcp.TcpState.LAST_ACK;
import static org.tcpsim.tcp.TcpState.LISTEN;
import static org.tcpsim.tcp.TcpState.SYN_RECEIVED;
import static org.tcpsim.tcp.TcpState.SYN_SENT;
import static org.tcpsim.tcp.TcpState.TIME_WAIT;

import java.util.ArrayDeque;
import org.tcpsim.tcp.cc.CongestionControl;

/**
 * One TCP connection: the transmission control block of RFC 9293 3.3.1 under the RFC's names,
 * the user calls of 3.10.1 to 3.10.6, and SEGMENT ARRIVES of 3.10.7 step by step, one method per
 * step. The connection never reads a clock of its own: its {@link TcpStack} gives the simulated
 * time and carries its segments to the network.
 *
 * <p>Sequence variables are raw 32-bit values compared with {@link SeqNum}. Besides the RFC's
 * variables the sender keeps {@code sndMax}, the highest sequence number sent plus one (BSD's
 * snd_max): after a retransmission timeout SND.NXT goes back to SND.UNA (go-back-N, RFC 5681 3.1's
 * "retransmit the earliest segment" followed by slow start), and ACKs up to SND.MAX stay
 * acceptable.
 */
public final class Connection {
  /** Bytes of IPv4 + TCP header that every segment costs on the wire (no IP options). */
  static final int HEADERS = 40;

  final TcpStack stack;
  final TcpConfig cfg;
  final ConnectionId id;
  /** The listener this connection came from (a passive OPEN), or null (an active OPEN, MUST-11). */
  final Listener listener;

  private SocketHandler handler;
  private TcpState state = CLOSED;

  // RFC 9293 3.3.1, send sequence variables.
  int iss;
  int sndUna;
  int sndNxt;
  int sndWnd;
  int sndUp;
  int sndWl1;
  int sndWl2;
  int sndMax;
  int maxSndWnd;
  /** Effective send MSS (RFC 9293 3.7.1, MUST-16). */
  int sndMss;

  // RFC 9293 3.3.1, receive sequence variables. RCV.WND is the window last announced: see rcvWnd().
  int irs;
  int rcvNxt;
  int rcvUp;
  private int rcvRightEdge;
  private long rcvNxtOffset;

  // Send side.
  private final SendBuffer sendBuffer = new SendBuffer();
  private int dataUna; // sequence number of the send buffer's first octet
  private boolean finQueued; // the user called CLOSE: a FIN follows the data
  private boolean finSent;
  private int finSeq;
  private final RttEstimator rtt;
  private final CongestionControl cc;
  private boolean rttTiming;
  private int rttSeq;
  private long rttStart;
  private int retransmits; // consecutive timeouts of the same data (R1/R2)
  private long outstandingSince;
  private boolean synRetransmitted;
  private long persistInterval;

  // Receive side.
  private final ReassemblyQueue reassembly = new ReassemblyQueue();
  private long unread; // in-order octets the application has not read yet
  /** The content of unread octets, when content is simulated; null until some arrives. */
  private ArrayDeque<byte[]> unreadContent;
  private boolean reading = true;
  private int segmentsUnacked;
  private boolean peerFinReceived;
  /** How the user was told the connection ended; null until then (it is told once). */
  private String ending;

  // Timers (RFC 9293 3.8; RFC 6298; RFC 1122 4.2.2.17, 4.2.3.2, 4.2.3.6).
  private final Timer retransmitTimer;
  private final Timer persistTimer;
  private final Timer delayedAckTimer;
  private final Timer keepaliveTimer;
  private final Timer timeWaitTimer;
  private long lastHeard;
  private int keepalivesUnanswered;

  // Statistics.
  private long bytesDelivered;
  private long bytesAcked;
  private long segmentsRetransmitted;
  private long establishedAt = -1;
  private long openedAt;

  Connection(TcpStack stack, ConnectionId id, Listener listener, SocketHandler handler) {
    this.stack = stack;
    this.cfg = stack.config();
    this.id = id;
    this.listener = listener;
    this.handler = handler;
    this.rtt = new RttEstimator(cfg.rtoInitial(), cfg.rtoMin(), cfg.rtoMax(), cfg.clockGranularity());
    this.cc = cfg.congestion().create();
    this.retransmitTimer = new Timer(stack.simulator()) {
      @Override
      void expired() {
        retransmitTimeout();
      }
    };
    this.persistTimer = new Timer(stack.simulator()) {
      @Override
      void expired() {
        persistTimeout();
      }
    };
    this.delayedAckTimer = new Timer(stack.simulator()) {
      @Override
      void expired() {
        delayedAckTimeout();
      }
    };
    this.keepaliveTimer = new Timer(stack.simulator()) {
      @Override
      void expired() {
        keepaliveTimeout();
      }
    };
    this.timeWaitTimer = new Timer(stack.simulator()) {
      @Override
      void expired() {
        timeWaitTimeout();
      }
    };
    this.sndMss = TcpStack.DEFAULT_MSS;
    this.openedAt = stack.now();
    this.reading = handler != null;
  }

  // ---------------------------------------------------------------------------------------------
  // Accessors

  public ConnectionId id() {
    return id;
  }

  public TcpState state() {
    return state;
  }

  /** True when this connection came from a passive OPEN (RFC 9293 MUST-11). */
  public boolean isPassive() {
    return listener != null;
  }

  public SocketHandler handler() {
    return handler;
  }

  public void setHandler(SocketHandler handler) {
    this.handler = handler;
  }

  public int iss() {
    return iss;
  }

  public int irs() {
    return irs;
  }

  public int sndUna() {
    return sndUna;
  }

  public int sndNxt() {
    return sndNxt;
  }

  public int sndWnd() {
    return sndWnd;
  }

  public int rcvNxt() {
    return rcvNxt;
  }

  /** RCV.WND: the window last announced, measured from RCV.NXT. */
  public int rcvWnd() {
    return Math.max(0, diff(rcvRightEdge, rcvNxt));
  }

  public int sndMss() {
    return sndMss;
  }

  public RttEstimator rtt() {
    return rtt;
  }

  public CongestionControl congestionControl() {
    return cc;
  }

  /**
   * The signal that told the user this connection ended ({@code closed}, {@code connection
   * reset}, {@code connection refused}, {@code connection aborted} or {@code timeout}), or null
   * while it has not ended.
   */
  public String ending() {
    return ending;
  }

  public long bytesDelivered() {
    return bytesDelivered;
  }

  public long bytesAcked() {
    return bytesAcked;
  }

  public long segmentsRetransmitted() {
    return segmentsRetransmitted;
  }

  /** Octets given to SEND and not yet acknowledged. */
  public long sendQueue() {
    return sendBuffer.length();
  }

  /** Octets received in order that the application has not read. */
  public long unread() {
    return unread;
  }

  /** Time from OPEN to ESTABLISHED in ns, or -1 while not established. */
  public long handshakeTime() {
    return establishedAt < 0 ? -1 : establishedAt - openedAt;
  }

  /** The RFC 9293 3.10.6 STATUS call. */
  public Status status() {
    if (state == CLOSED) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    return new Status(id, state, sndUna, sndNxt, sndWnd, rcvNxt, rcvWnd(), sendBuffer.length(),
        unread, rtt.rto(), cc.cwnd(), cc.ssthresh());
  }

  /** What STATUS reports (RFC 9293 3.10.6). */
  public record Status(
      ConnectionId id,
      TcpState state,
      int sndUna,
      int sndNxt,
      int sndWnd,
      int rcvNxt,
      int rcvWnd,
      long sendQueue,
      long unread,
      long rto,
      int cwnd,
      int ssthresh) {}

  // ---------------------------------------------------------------------------------------------
  // User calls (RFC 9293 3.10.1 to 3.10.5)

  /** Active OPEN from CLOSED (RFC 9293 3.10.1): send the SYN and enter SYN-SENT. */
  void openActive(int issValue) {
    iss = issValue;
    sndUna = iss;
    sndNxt = iss;
    sndMax = iss;
    dataUna = add(iss, 1);
    outstandingSince = stack.now();
    setState(SYN_SENT, "active OPEN: <SEQ=ISS><CTL=SYN> sent (RFC 9293 3.10.1)");
    sendSyn(false, "active OPEN (RFC 9293 3.10.1)");
  }

  /** A SYN reached a listener: enter SYN-RECEIVED and answer it (RFC 9293 3.10.7.2, third check). */
  void openPassive(Segment syn, int issValue) {
    state = LISTEN; // the listener's state, which this connection leaves now
    irs = syn.seq();
    rcvNxt = add(irs, 1);
    rcvRightEdge = add(rcvNxt, announceableWindow());
    rcvNxtOffset = 0;
    sndMss = stack.effectiveMss(syn.options());
    iss = issValue;
    sndUna = iss;
    sndNxt = iss;
    sndMax = iss;
    dataUna = add(iss, 1);
    sndWnd = syn.window(); // remembered until ESTABLISHED sets it properly (spec-notes A6)
    outstandingSince = stack.now();
    setState(SYN_RECEIVED, "SYN in LISTEN: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> sent (RFC 9293 3.10.7.2, third check)");
    sendSyn(true, "SYN in LISTEN (RFC 9293 3.10.7.2, third check)");
  }

  /**
   * A SYN cookie came back valid (RFC 4987 3.6): the connection starts in ESTABLISHED from the
   * ACK alone, with the MSS the cookie encoded.
   */
  void openFromCookie(Segment ack, int mss) {
    state = LISTEN;
    irs = add(ack.seq(), -1);
    rcvNxt = ack.seq();
    rcvRightEdge = add(rcvNxt, announceableWindow());
    iss = add(ack.ack(), -1);
    sndUna = ack.ack();
    sndNxt = ack.ack();
    sndMax = ack.ack();
    dataUna = ack.ack();
    sndMss = Math.min(mss, cfg.mss());
    sndWnd = ack.window();
    maxSndWnd = sndWnd;
    sndWl1 = ack.seq();
    sndWl2 = ack.ack();
    enterEstablished("ACK carries a valid SYN cookie: connection created in ESTABLISHED (RFC 4987 3.6)");
  }

  /**
   * SEND (RFC 9293 3.10.2): queue {@code length} octets ({@code data} null to simulate only the
   * length).
   */
  public void send(int length, byte[] data) {
    if (length < 0 || (data != null && data.length != length)) {
      throw new IllegalArgumentException("bad SEND length " + length);
    }
    switch (state) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new TcpError(TcpError.FOREIGN_SOCKET_UNSPECIFIED);
      // SYN-SENT, SYN-RECEIVED: "queue the data for transmission after entering ESTABLISHED".
      case SYN_SENT, SYN_RECEIVED -> {
        if (finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        sendBuffer.append(length, data);
      }
      case ESTABLISHED, CLOSE_WAIT -> {
        if (finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        sendBuffer.append(length, data);
        output();
      }
      case FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK, TIME_WAIT -> throw new TcpError(TcpError.CLOSING);
    }
  }

  public void send(int length) {
    send(length, null);
  }

  public void send(byte[] data) {
    send(data.length, data);
  }

  /**
   * RECEIVE (RFC 9293 3.10.3), as the switch between reading and not reading: while the
   * application does not read, in-order data waits in the receive buffer and the window shrinks
   * (this is how a zero window is made). Turning reading on hands the waiting data to the
   * handler.
   */
  public void setReading(boolean on) {
    if (state == CLOSED) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    reading = on;
    if (on && handler != null && unread > 0) {
      long n = unread;
      unread = 0;
      if (unreadContent == null || unreadContent.isEmpty()) {
        while (n > 0) {
          int chunk = (int) Math.min(n, Integer.MAX_VALUE);
          handler.data(this, chunk, null);
          n -= chunk;
        }
      } else {
        while (!unreadContent.isEmpty()) {
          byte[] b = unreadContent.poll();
          handler.data(this, b.length, b);
        }
      }
      windowMayHaveOpened();
    }
  }

  /** CLOSE (RFC 9293 3.10.4). */
  public void close() {
    switch (state) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new IllegalStateException("a connection is never in LISTEN");
      // "Delete the TCB and return 'error: closing' responses to any queued SENDs, or RECEIVEs."
      case SYN_SENT -> {
        setState(CLOSED, "CLOSE in SYN-SENT: TCB deleted (RFC 9293 3.10.4)");
        notifyClosed("closed");
      }
      // "If no SENDs have been issued and there is no pending data to send, then form a FIN
      // segment and send it, and enter FIN-WAIT-1 state; otherwise, queue for processing after
      // entering ESTABLISHED state."
      // Our FIN needs our SYN acknowledged first, so it is always queued until ESTABLISHED.
      case SYN_RECEIVED -> {
        if (finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        finQueued = true;
      }
      case ESTABLISHED -> {
        if (finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        finQueued = true;
        setState(FIN_WAIT_1, "CLOSE in ESTABLISHED: FIN queued after the data (RFC 9293 3.10.4)");
        output();
      }
      case FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK, TIME_WAIT -> throw new TcpError(TcpError.CLOSING);
      // RFC 1122 4.2.2.20 (a): CLOSE-WAIT goes to LAST-ACK, not CLOSING as RFC 793 p.61 says.
      case CLOSE_WAIT -> {
        if (finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        finQueued = true;
        setState(LAST_ACK, "CLOSE in CLOSE-WAIT: FIN queued after the data (RFC 9293 3.10.4; RFC 1122 4.2.2.20 (a))");
        output();
      }
    }
  }

  /** ABORT (RFC 9293 3.10.5). */
  public void abort() {
    switch (state) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new IllegalStateException("a connection is never in LISTEN");
      case SYN_SENT -> {
        setState(CLOSED, "ABORT in SYN-SENT: TCB deleted (RFC 9293 3.10.5)");
        notifyClosed("connection aborted");
      }
      // "Send a reset segment: <SEQ=SND.NXT><CTL=RST>". After the RST the TCB is deleted and the
      // 4-tuple answers as CLOSED would (spec-notes A16).
      case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
        if (state == SYN_RECEIVED && isPassive()) {
          listener.halfOpenGone(this); // its SYN queue slot is free again
        }
        transmit(Segment.builder().ports(id.local().port(), id.remote().port())
                .seq(sndMax).flags(RST).build(),
            "ABORT: <SEQ=SND.NXT><CTL=RST> (RFC 9293 3.10.5)");
        setState(CLOSED, "ABORT: reset sent, TCB deleted (RFC 9293 3.10.5)");
        notifyClosed("connection aborted");
      }
      case CLOSING, LAST_ACK, TIME_WAIT -> {
        setState(CLOSED, "ABORT after our FIN: TCB deleted, no reset (RFC 9293 3.10.5)");
        notifyClosed("connection aborted");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SEGMENT ARRIVES (RFC 9293 3.10.7)

  /** A segment for this connection's 4-tuple arrived. */
  void segmentArrives(Segment seg) {
    lastHeard = stack.now();
    keepalivesUnanswered = 0;
    switch (state) {
      case SYN_SENT -> synSentArrives(seg);
      case CLOSED, LISTEN -> throw new IllegalStateException("no TCB processing in " + state);
      default -> otherStatesArrive(seg);
    }
  }

  /** RFC 9293 3.10.7.3: SYN-SENT STATE. */
  private void synSentArrives(Segment seg) {
    boolean ackOn = seg.has(ACK);
    // First check the ACK bit. Acceptable: ISS < SEG.ACK =< SND.NXT (errata 3300).
    if (ackOn && (leq(seg.ack(), iss) || gt(seg.ack(), sndMax))) {
      if (!seg.has(RST)) {
        stack.sendReset(id.local(), id.remote(), seg.ack(), 0, false,
            "unacceptable ACK in SYN-SENT: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.3, first check)");
      }
      drop(seg, "unacceptable-ack",
          "SEG.ACK =< ISS or SEG.ACK > SND.NXT in SYN-SENT (RFC 9293 3.10.7.3, first check)");
      return;
    }
    // Second check the RST bit (the RCV.NXT sentence was removed by errata 8167).
    if (seg.has(RST)) {
      if (ackOn) {
        setState(CLOSED, "RST acknowledging our SYN in SYN-SENT (RFC 9293 3.10.7.3, second check)");
        notifyClosed("connection reset");
      } else {
        drop(seg, "rst", "RST without ACK in SYN-SENT is dropped (RFC 9293 3.10.7.3, second check)");
      }
      return;
    }
    // Fourth check the SYN bit (the third, security, has no compartments to compare here).
    if (!seg.has(SYN)) {
      drop(seg, "no-syn", "neither SYN nor RST in SYN-SENT (RFC 9293 3.10.7.3, fifth check)");
      return;
    }
    irs = seg.seq();
    rcvNxt = add(irs, 1);
    rcvNxtOffset = 0;
    rcvRightEdge = add(rcvNxt, announceableWindow());
    sndMss = stack.effectiveMss(seg.options());
    if (ackOn) {
      ackAdvances(seg.ack(), seg);
    }
    if (gt(sndUna, iss)) {
      // Our SYN is acknowledged: ESTABLISHED, with the window variables set (RFC 1122
      // 4.2.2.20 (c); spec-notes A6).
      sndWnd = seg.window();
      maxSndWnd = Math.max(maxSndWnd, sndWnd);
      sndWl1 = seg.seq();
      sndWl2 = seg.ack();
      becomeEstablished("SYN,ACK acknowledging our SYN in SYN-SENT (RFC 9293 3.10.7.3, fourth check)");
      sendAck("<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> completes the handshake (RFC 9293 3.10.7.3, fourth check)");
      announceEstablished();
      if (finQueued) {
        setState(FIN_WAIT_1, "CLOSE was queued before ESTABLISHED (RFC 9293 3.10.4)");
      }
      if (seg.dataLength() > 0 || seg.has(FIN) || seg.has(URG)) {
        // "continue processing at the sixth step below where the URG bit is checked"
        int seq = add(seg.seq(), 1);
        processText(seg, seq, 0, seg.dataLength(), seg.has(FIN));
      }
      output();
      // Data or a FIN on the SYN,ACK advanced RCV.NXT past what the handshake ACK acknowledged:
      // acknowledge it too (RFC 9293 3.10.7.4, seventh and eighth checks).
      flushAck();
    } else {
      // Simultaneous open (RFC 9293 Figure 7).
      sndWnd = seg.window();
      setState(SYN_RECEIVED, "SYN without ACK in SYN-SENT: simultaneous open (RFC 9293 3.10.7.3, fourth check)");
      if (seg.dataLength() > 0) {
        drop(seg, "syn-data", "data on a SYN is not kept; the peer retransmits it (spec-notes A32)");
      }
      sendSyn(true, "simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (RFC 9293 3.10.7.3, fourth check)");
    }
  }

  /** RFC 9293 3.10.7.4: every state from SYN-RECEIVED on. */
  private void otherStatesArrive(Segment seg) {
    if (seg.has(RST)) {
      rstArrives(seg);
      return;
    }
    final TcpState initial = state;
    final int wnd = rcvWnd();
    // First check the sequence number, trimming first (spec-notes A1): cut off whatever lies
    // before RCV.NXT, including an old SYN or FIN, then test what remains.
    int seq = seg.seq();
    int len = seg.dataLength();
    int skip = 0; // data octets trimmed off the front
    boolean syn = seg.has(SYN);
    boolean fin = seg.has(FIN);
    boolean trimmed = false;
    int before = diff(rcvNxt, seq);
    if (before > 0) {
      trimmed = true;
      if (syn) {
        syn = false;
        seq = add(seq, 1);
        before--;
      }
      int cut = Math.min(before, len);
      skip += cut;
      len -= cut;
      seq = add(seq, cut);
      before -= cut;
      if (before > 0 && fin) {
        fin = false;
        seq = add(seq, 1);
        before--;
      }
    }
    boolean acceptable;
    if (before > 0) {
      acceptable = false; // wholly before RCV.NXT
    } else if (wnd == 0) {
      // Table 6 with RCV.WND = 0: only SEG.SEQ = RCV.NXT is acceptable; its data is thrown
      // away but its ACK, window and URG are processed (spec-notes A3).
      acceptable = seq == rcvNxt;
      if (acceptable && (len > 0 || syn || fin)) {
        len = 0;
        syn = false;
        fin = false;
        trimmed = true;
      }
    } else {
      // What remains starts at or after RCV.NXT: acceptable when it starts inside the window.
      acceptable = lt(seq, add(rcvNxt, wnd));
      if (acceptable) {
        // Trim what lies beyond the window (spec-notes A2), a FIN there too.
        int room = diff(add(rcvNxt, wnd), seq) - (syn ? 1 : 0);
        if (len >= room) {
          // A FIN right after the last octet that fits lies at RCV.NXT+RCV.WND: outside too.
          if (len > room) {
            len = Math.max(0, room);
          }
          fin = false;
        }
      }
    }
    if (!acceptable) {
      // "If an incoming segment is not acceptable, an acknowledgment should be sent in reply
      // (unless the RST bit is set ...): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
      drop(seg, "out-of-window", "segment outside the receive window (RFC 9293 3.10.7.4, first check)");
      if (seg.dataLength() == 0 && !seg.has(SYN) && !seg.has(FIN)) {
        // An unacceptable pure ACK is answered at most once per OUT_OF_WINDOW_ACK_INTERVAL: two
        // desynchronized ends would otherwise answer each other's ACKs for ever (the ACK loop
        // of RFC 1337 H2 and spec-notes A27; Linux's tcp_invalid_ratelimit). Segments with data,
        // SYN or FIN are never part of such a loop and are always answered.
        long now = stack.now();
        if (lastOutOfWindowAck != Long.MIN_VALUE && now - lastOutOfWindowAck < OUT_OF_WINDOW_ACK_INTERVAL) {
          return;
        }
        lastOutOfWindowAck = now;
      }
      sendAck("unacceptable segment: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, first check)");
      return;
    }
    // Fourth check the SYN bit (the second, RST, was handled above; the third, security, has no
    // compartments here). A SYN still present after trimming lies in the window.
    if (syn) {
      synInWindow(seg);
      return;
    }
    // Fifth check the ACK field.
    if (!seg.has(ACK)) {
      drop(seg, "no-ack", "segment without ACK (RFC 9293 3.10.7.4, fifth check)");
      return;
    }
    if (!ackArrives(seg)) {
      return;
    }
    if (state == CLOSED) {
      return;
    }
    // The retransmitted FIN of a peer that did not hear our ACK (spec-notes A20): ACK it again
    // and restart the 2 MSL wait.
    if (state == TIME_WAIT && seg.has(FIN)) {
      startTimeWait();
      sendAck("retransmitted FIN in TIME-WAIT: ACK it and restart 2 MSL (RFC 9293 3.10.7.4, eighth check)");
      return;
    }
    if (trimmed && initial.isSynchronized() && state != TIME_WAIT) {
      // Octets we already had: the peer missed our ACK. Duplicates get an immediate ACK (RFC 5681 4.2).
      needAckNow = true;
    }
    processText(seg, seq, skip, len, fin);
    output();
    flushAck();
  }

  private boolean needAckNow;

  /** Least time between two ACKs for unacceptable pure ACKs (Linux: tcp_invalid_ratelimit, 500 ms). */
  static final long OUT_OF_WINDOW_ACK_INTERVAL = 500_000_000L;

  private long lastOutOfWindowAck = Long.MIN_VALUE;

  /** The sixth to eighth checks (URG, text, FIN) on the accepted part of a segment. */
  private void processText(Segment seg, int seq, int skip, int len, boolean fin) {
    // Sixth, check the URG bit: RCV.UP <- max(RCV.UP, SEG.UP), pointing past the urgent data
    // (RFC 6093; spec-notes A21). Urgent data is legacy (SHLD-13): it is noted, not signalled.
    if (seg.has(URG) && (state == ESTABLISHED || state == FIN_WAIT_1 || state == FIN_WAIT_2)) {
      int up = add(seg.seq(), seg.urgentPointer());
      if (gt(up, rcvUp)) {
        rcvUp = up;
      }
    }
    // Seventh, process the segment text.
    if (len > 0) {
      if (state == ESTABLISHED || state == FIN_WAIT_1 || state == FIN_WAIT_2) {
        receiveText(seg, seq, skip, len);
      } else {
        // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT: "This should not occur since a FIN has been
        // received from the remote side. Ignore the segment text."
        fin = false;
      }
    }
    // Eighth, check the FIN bit.
    if (fin) {
      long finOffset = rcvNxtOffset + diff(add(seq, len), rcvNxt);
      if (finOffset == rcvNxtOffset) {
        finArrives();
      } else {
        reassembly.addFin(finOffset);
        needAckNow = true;
      }
    }
  }

  /** Data octets [seq, seq+len) of {@code seg} (skipping {@code skip}) lie in the window. */
  private void receiveText(Segment seg, int seq, int skip, int len) {
    byte[] payload = seg.hasPayload() ? seg.payload() : null;
    if (seq == rcvNxt) {
      boolean filledGap = !reassembly.isEmpty();
      byte[] d = payload == null ? null : slice(payload, skip, len);
      deliverInOrder(len, d);
      if (filledGap) {
        rcvNxtOffset = reassembly.drainFrom(rcvNxtOffset, this::deliverFromQueue);
        rcvNxt = add(irs, 1 + (int) rcvNxtOffset);
        // RFC 5681 4.2: an ACK SHOULD be sent at once when a segment fills a gap.
        needAckNow = true;
        if (reassembly.finOffset() == rcvNxtOffset) {
          finArrives();
        }
      } else if (!cfg.delayedAck() || ++segmentsUnacked >= 2) {
        // RFC 1122 4.2.3.2 / RFC 5681 4.2: an ACK for at least every second full-sized segment
        // (every second segment of any size, which is stricter).
        needAckNow = true;
      } else if (!delayedAckTimer.isSet()) {
        delayedAckTimer.setIn(cfg.delayedAckTimeout());
      }
    } else {
      // Out of order: queue it (SHLD-31) and send a duplicate ACK at once (MAY-13, RFC 5681 4.2).
      long offset = rcvNxtOffset + diff(seq, rcvNxt);
      reassembly.add(offset, len, payload == null ? null : slice(payload, skip, len));
      needAckNow = true;
    }
  }

  private static byte[] slice(byte[] b, int from, int len) {
    return from == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, from, from + len);
  }

  private void deliverFromQueue(int len, byte[] data) {
    bytesDelivered += len;
    hand(len, data);
  }

  private void deliverInOrder(int len, byte[] data) {
    rcvNxt = add(rcvNxt, len);
    rcvNxtOffset += len;
    bytesDelivered += len;
    hand(len, data);
  }

  private void hand(int len, byte[] data) {
    if (reading && handler != null && unread == 0) {
      handler.data(this, len, data);
    } else {
      unread += len;
      if (data != null) {
        if (unreadContent == null) {
          unreadContent = new ArrayDeque<>();
        }
        unreadContent.add(data);
      }
    }
  }

  /** The FIN is next in sequence (RFC 9293 3.10.7.4, eighth check). */
  private void finArrives() {
    rcvNxt = add(rcvNxt, 1);
    rcvNxtOffset++;
    rcvRightEdge = add(rcvNxt, Math.max(0, diff(rcvRightEdge, rcvNxt)));
    needAckNow = true;
    peerFinReceived = true;
    switch (state) {
      case SYN_RECEIVED, ESTABLISHED -> setState(CLOSE_WAIT,
          state == SYN_RECEIVED ? "FIN received in SYN-RECEIVED (RFC 9293 3.10.7.4, eighth check)"
              : "FIN received in ESTABLISHED (RFC 9293 3.10.7.4, eighth check)");
      case FIN_WAIT_1 -> {
        if (finAcked()) {
          setState(TIME_WAIT, "FIN received and our FIN acknowledged in FIN-WAIT-1 (RFC 9293 3.10.7.4, eighth check)");
          startTimeWait();
        } else {
          setState(CLOSING, "FIN received in FIN-WAIT-1 before our FIN was acknowledged: simultaneous close (RFC 9293 3.10.7.4, eighth check)");
        }
      }
      case FIN_WAIT_2 -> {
        setState(TIME_WAIT, "FIN received in FIN-WAIT-2 (RFC 9293 3.10.7.4, eighth check)");
        startTimeWait();
      }
      default -> { }
    }
    signal("closing");
    if (handler != null) {
      handler.peerClosed(this);
    }
  }

  /** A SYN inside the window (RFC 9293 3.10.7.4, fourth check). */
  private void synInWindow(Segment seg) {
    if (state == SYN_RECEIVED && isPassive()) {
      // RFC 1122 4.2.2.20 (e): a passive SYN-RECEIVED returns to LISTEN, silently.
      drop(seg, "syn", "SYN in window in SYN-RECEIVED after a passive OPEN (RFC 9293 3.10.7.4, fourth check)");
      returnToListen("SYN in window after a passive OPEN: back to LISTEN (RFC 9293 3.10.7.4, fourth check; RFC 1122 4.2.2.20 (e))");
      return;
    }
    if (state == TIME_WAIT && cfg.timeWaitReuse() && !cfg.rfc5961Syn()) {
      // spec-notes A19: a SYN that did not reopen the connection (MAY-2, TcpStack) gets the ACK,
      // never a RST. Only the literal rfc793 profile (no MAY-2) resets below.
      drop(seg, "syn", "SYN in TIME-WAIT that cannot reopen: ACK, never RST (RFC 9293 3.10.7.4, fourth check; MAY-2)");
      challengeAck("SYN in TIME-WAIT: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, fourth check)");
      return;
    }
    if (cfg.rfc5961Syn()) {
      drop(seg, "syn", "SYN in a synchronized state: challenge ACK (RFC 5961 4.2; RFC 9293 3.10.7.4, fourth check)");
      challengeAck("challenge ACK for a SYN (RFC 5961 4.2)");
      return;
    }
    // Without RFC 5961: reset and abort. The reset's form when the SYN has no ACK (spec-notes A12).
    if (seg.has(ACK)) {
      stack.sendReset(id.local(), id.remote(), seg.ack(), 0, false,
          "SYN in window: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.4, fourth check)");
    } else {
      stack.sendReset(id.local(), id.remote(), 0, add(seg.seq(), seg.segLen()), true,
          "SYN in window: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293 3.10.7.4, fourth check; spec-notes A12)");
    }
    setState(CLOSED, "SYN in window in a synchronized state: reset and abort (RFC 9293 3.10.7.4, fourth check)");
    notifyClosed("connection reset");
  }

  /** RFC 9293 3.10.7.4, first and second checks for a segment with RST. */
  private void rstArrives(Segment seg) {
    int wnd = rcvWnd();
    int seq = seg.seq();
    boolean inWindow = wnd == 0 ? seq == rcvNxt : geq(seq, rcvNxt) && lt(seq, add(rcvNxt, wnd));
    if (!inWindow) {
      drop(seg, "out-of-window", "RST outside the receive window is dropped (RFC 9293 3.10.7.4, first check)");
      return;
    }
    if (cfg.rfc5961Rst() && seq != rcvNxt) {
      drop(seg, "rst", "RST in the window but not at RCV.NXT: challenge ACK (RFC 5961 3.2)");
      challengeAck("challenge ACK for an in-window RST (RFC 5961 3.2)");
      return;
    }
    switch (state) {
      case SYN_RECEIVED -> {
        if (isPassive()) {
          returnToListen("acceptable RST in SYN-RECEIVED after a passive OPEN: back to LISTEN (RFC 9293 3.10.7.4, second check)");
        } else {
          setState(CLOSED, "acceptable RST in SYN-RECEIVED after an active OPEN: connection refused (RFC 9293 3.10.7.4, second check)");
          notifyClosed("connection refused");
        }
      }
      case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
        setState(CLOSED, cfg.rfc5961Rst()
            ? "RST at exactly RCV.NXT: connection reset (RFC 5961 3.2; RFC 9293 3.10.7.4, second check)"
            : "RST in the window: connection reset (RFC 9293 3.10.7.4, second check)");
        notifyClosed("connection reset");
      }
      case CLOSING, LAST_ACK -> {
        setState(CLOSED, "RST in the window after our FIN: TCB deleted (RFC 9293 3.10.7.4, second check)");
        notifyClosed("connection reset");
      }
      case TIME_WAIT -> {
        if (cfg.rfc1337()) {
          drop(seg, "rst", "RST in TIME-WAIT is ignored: TIME-WAIT assassination protection (RFC 1337, F1)");
        } else {
          setState(CLOSED, "acceptable RST in TIME-WAIT: TCB deleted (RFC 9293 3.10.7.4, second check; see RFC 1337)");
          notifyClosed("connection reset");
        }
      }
      default -> throw new IllegalStateException(state.toString());
    }
  }

  /**
   * The fifth check, the ACK field (RFC 9293 3.10.7.4).
   *
   * @return false when the segment was dropped
   */
  private boolean ackArrives(Segment seg) {
    int ack = seg.ack();
    if (state == SYN_RECEIVED) {
      // Acceptable: SND.UNA < SEG.ACK =< SND.NXT (errata 3301).
      if (!(lt(sndUna, ack) && leq(ack, sndMax))) {
        stack.sendReset(id.local(), id.remote(), ack, 0, false,
            "unacceptable ACK in SYN-RECEIVED: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.4, fifth check)");
        drop(seg, "unacceptable-ack", "ACK outside SND.UNA < SEG.ACK =< SND.NXT in SYN-RECEIVED (RFC 9293 3.10.7.4, fifth check)");
        return false;
      }
      if (isPassive() && !listener.hasAcceptRoom()) {
        // The accept queue is full: ignore the ACK and stay half-open; the SYN,ACK is
        // retransmitted later (what Linux does; RFC 4987 2 leaves it open).
        listener.acceptOverflow(this);
        drop(seg, "backlog", "accept queue full: the completing ACK is ignored (RFC 4987 2)");
        return false;
      }
      sndWnd = seg.window();
      maxSndWnd = Math.max(maxSndWnd, sndWnd);
      sndWl1 = seg.seq();
      sndWl2 = ack;
      ackAdvances(ack, seg);
      enterEstablished("ACK acceptable in SYN-RECEIVED (RFC 9293 3.10.7.4, fifth check)");
      if (finQueued) {
        // A CLOSE that came in SYN-RECEIVED with data still queued takes effect now.
        setState(FIN_WAIT_1, "CLOSE was queued in SYN-RECEIVED (RFC 9293 3.10.4)");
      }
      return true;
    }
    // RFC 5961 5.2 / MAY-12: an ACK older than SND.UNA - MAX.SND.WND is discarded with an ACK.
    if (cfg.rfc5961Ack() && lt(ack, add(sndUna, -Math.max(maxSndWnd, 1)))) {
      drop(seg, "old-ack", "SEG.ACK < SND.UNA - MAX.SND.WND (RFC 5961 5.2; RFC 9293 MAY-12)");
      challengeAck("ACK for an ACK too old (RFC 5961 5.2)");
      return false;
    }
    if (gt(ack, sndMax)) {
      // "If the ACK acks something not yet sent (SEG.ACK > SND.NXT) then send an ACK, drop the
      // segment, and return" (rate-limited like challenge ACKs, spec-notes A27).
      drop(seg, "unacceptable-ack", "ACK for data not yet sent (RFC 9293 3.10.7.4, fifth check)");
      challengeAck("ACK of data not yet sent: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, fifth check)");
      return false;
    }
    int oldSndWnd = sndWnd;
    boolean newAck = lt(sndUna, ack);
    boolean duplicate = !newAck && ack == sndUna;
    // Window update: SND.UNA =< SEG.ACK =< SND.NXT and the WL1/WL2 test (RFC 1122 4.2.2.20 (g)).
    if (geq(ack, sndUna) && (lt(sndWl1, seg.seq()) || (sndWl1 == seg.seq() && leq(sndWl2, ack)))) {
      sndWnd = seg.window();
      sndWl1 = seg.seq();
      sndWl2 = ack;
      maxSndWnd = Math.max(maxSndWnd, sndWnd);
    }
    if (newAck) {
      ackAdvances(ack, seg);
    } else if (duplicate && sndMax != sndUna && seg.dataLength() == 0 && !seg.has(SYN)
        && !seg.has(FIN) && seg.window() == oldSndWnd && seg.window() > 0) {
      // (A zero window's answers to probes are not duplicate ACKs.)
      // A duplicate ACK as RFC 5681 section 2 defines it.
      if (cc.onDuplicateAck(diff(sndMax, sndUna), ack, sndMax)) {
        retransmitFirst("third duplicate ACK: fast retransmit (RFC 5681 3.2)");
      }
    }
    if (sndWnd > 0 && persistTimer.isSet()) {
      persistTimer.cancel();
    }
    switch (state) {
      case FIN_WAIT_1 -> {
        if (finAcked()) {
          setState(FIN_WAIT_2, "our FIN acknowledged in FIN-WAIT-1 (RFC 9293 3.10.7.4, fifth check)");
        }
      }
      case CLOSING -> {
        if (finAcked()) {
          setState(TIME_WAIT, "our FIN acknowledged in CLOSING (RFC 9293 3.10.7.4, fifth check)");
          startTimeWait();
        }
      }
      case LAST_ACK -> {
        if (finAcked()) {
          setState(CLOSED, "our FIN acknowledged in LAST-ACK: TCB deleted (RFC 9293 3.10.7.4, fifth check)");
          notifyClosed("closed");
          return false;
        }
      }
      default -> { }
    }
    return true;
  }

  /** SND.UNA advances to {@code ack} (SND.UNA < ack =< SND.MAX). */
  private void ackAdvances(int ack, Segment seg) {
    int acked = diff(ack, sndUna);
    int flightBefore = diff(sndMax, sndUna);
    boolean synWasOutstanding = sndUna == iss;
    sndUna = ack;
    if (lt(sndNxt, ack)) {
      sndNxt = ack;
    }
    int dataAcked = (int) Math.min(Math.max(0, diff(ack, dataUna)), sendBuffer.length());
    if (dataAcked > 0) {
      sendBuffer.acknowledge(dataAcked);
      dataUna = add(dataUna, dataAcked);
      bytesAcked += dataAcked;
    }
    // RTT sample, never from a retransmitted segment (Karn; RFC 6298 3).
    if (rttTiming && gt(ack, rttSeq)) {
      rtt.sample(stack.now() - rttStart);
      rttTiming = false;
    }
    if (synWasOutstanding) {
      rtt.handshakeCompleted(synRetransmitted);
    }
    retransmits = 0;
    outstandingSince = stack.now();
    // RFC 6298 5.2 and 5.3: stop the timer when all is acknowledged, else restart it.
    if (sndUna == sndMax) {
      retransmitTimer.cancel();
    } else {
      retransmitTimer.setIn(rtt.rto());
    }
    if (state.isSynchronized() && !synWasOutstanding && cc.onNewAck(dataAcked > 0 ? dataAcked : acked, flightBefore, ack, sndMax)) {
      retransmitFirst("partial ACK in fast recovery: retransmit (RFC 6582 3.2)");
    }
    if (dataAcked > 0 && sendBuffer.length() == 0 && handler != null) {
      handler.sendBufferEmpty(this);
    }
  }

  private boolean finAcked() {
    return finSent && gt(sndUna, finSeq);
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  private void sendSyn(boolean withAck, String cause) {
    Segment.Builder b = Segment.builder()
        .ports(id.local().port(), id.remote().port())
        .seq(iss)
        .flags(SYN)
        .window(announceWindow())
        .options(TcpOptions.NONE.withMss(cfg.mss()));
    if (withAck) {
      b.ack(rcvNxt);
    }
    Segment s = b.build();
    if (sndMax == iss) {
      sndMax = add(iss, 1);
      if (!rttTiming) {
        rttTiming = true;
        rttSeq = iss;
        rttStart = stack.now();
      }
    }
    sndNxt = add(iss, 1);
    transmit(s, cause);
    if (!retransmitTimer.isSet()) {
      retransmitTimer.setIn(rtt.rto());
    }
  }

  /**
   * The output routine: sends as much new (or, after a timeout, re-sent) data as the send window
   * (min of SND.WND and cwnd), Nagle and silly-window avoidance allow, then the FIN after the last
   * octet.
   */
  void output() {
    if (!canSendData()) {
      return;
    }
    while (true) {
      long sentData = Math.max(0, (long) diff(sndNxt, dataUna));
      long unsent = Math.max(0, sendBuffer.length() - sentData);
      boolean finReady = finQueued && unsent == 0 && (!finSent || sndNxt == finSeq);
      int inFlight = diff(sndNxt, sndUna);
      long window = Math.min((long) sndWnd, cc.cwnd());
      long usable = window - inFlight;
      int len = (int) Math.max(0, Math.min(Math.min(unsent, sndMss), usable));
      if (len == 0 && !finReady) {
        if (unsent > 0 && sndWnd == 0 && sndNxt == sndMax && !retransmitTimer.isSet()) {
          startPersist();
        }
        return;
      }
      if (len > 0 && len < sndMss && len < unsent) {
        // Sender SWS avoidance (RFC 1122 4.2.3.4): more data waits than the window allows; send a
        // partial segment only if it is at least half of the largest window seen.
        if (len < maxSndWnd / 2 && !swsOverride) {
          if (sndWnd == 0 || inFlight == 0) {
            startPersist();
          }
          return;
        }
      }
      if (len > 0 && len < sndMss && len == unsent && cfg.nagle() && inFlight > 0 && !finQueued) {
        // Nagle (RFC 896; RFC 1122 4.2.3.4): hold a small segment while data is unacknowledged.
        return;
      }
      boolean fin = finQueued && len == unsent && (!finSent || add(sndNxt, len) == finSeq);
      sendData(sndNxt, len, fin, false,
          isRetransmission(sndNxt, len) ? "retransmission after timeout (RFC 6298 5.4; RFC 5681 3.1)" : "new data");
      if (fin) {
        return;
      }
    }
  }

  /** Set while the persist timer forces a segment past sender SWS avoidance (RFC 1122 4.2.3.4). */
  private boolean swsOverride;

  private boolean isRetransmission(int seq, int len) {
    return lt(seq, sndMax);
  }

  private boolean canSendData() {
    return switch (state) {
      case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> true;
      default -> false;
    };
  }

  /** Sends [seq, seq+len) of the send buffer, with a FIN after it when {@code fin}. */
  private void sendData(int seq, int len, boolean fin, boolean probe, String cause) {
    long offset = diff(seq, dataUna);
    byte[] content = len > 0 ? sendBuffer.copy(offset, len) : null;
    int flags = ACK;
    if (fin) {
      flags |= FIN;
    }
    long sentThrough = offset + len;
    if (len > 0 && sentThrough == sendBuffer.length()) {
      flags |= PSH; // the last octet the user gave us: push it (RFC 9293 3.9.1.2)
    }
    Segment.Builder b = Segment.builder()
        .ports(id.local().port(), id.remote().port())
        .seq(seq)
        .ack(rcvNxt)
        .flags(flags)
        .window(announceWindow())
        .dataLength(len);
    if (content != null) {
      b.payload(content);
    }
    Segment s = b.build();
    int end = add(seq, len + (fin ? 1 : 0));
    boolean retransmission = lt(seq, sndMax);
    if (retransmission) {
      segmentsRetransmitted++;
      stack.countRetransmission();
      if (rttTiming && geq(rttSeq, seq) && lt(rttSeq, end)) {
        rttTiming = false; // Karn: no sample from a retransmitted segment
      }
    }
    if (fin && !finSent) {
      finSent = true;
      finSeq = add(seq, len);
    }
    if (!probe) {
      sndNxt = end;
    }
    if (gt(end, sndMax)) {
      if (sndMax == sndUna) {
        outstandingSince = stack.now();
      }
      if (!rttTiming && !retransmission) {
        rttTiming = true;
        rttSeq = seq;
        rttStart = stack.now();
      }
      sndMax = end;
    }
    transmit(s, cause);
    if (!retransmitTimer.isSet() && !probe) {
      retransmitTimer.setIn(rtt.rto()); // RFC 6298 5.1
    }
  }

  /** Re-sends one segment from SND.UNA (fast retransmit, NewReno partial ACK). */
  private void retransmitFirst(String cause) {
    long outstandingData = Math.max(0, Math.min(sendBuffer.length(), (long) diff(sndMax, dataUna)));
    int len = (int) Math.min(outstandingData, sndMss);
    boolean fin = finSent && add(sndUna, len) == finSeq;
    if (len == 0 && !fin) {
      return;
    }
    sendData(sndUna, len, fin, true, cause);
    if (!retransmitTimer.isSet()) {
      retransmitTimer.setIn(rtt.rto());
    }
  }

  private void sendAck(String cause) {
    // <SEQ=SND.NXT> in the RFC's sense is the next new sequence number, our SND.MAX: after a
    // timeout rewinds sndNxt (go-back-N), an ACK stamped with the rewound value lies before the
    // peer's RCV.NXT, is unacceptable there (RFC 9293 3.10.7.4, first check, Table 6), and its
    // ACK field is never processed; both ends then trade unacceptable-segment ACKs for ever. BSD
    // stamps pure ACKs with snd_max for this reason, and with snd_nxt only while probing a zero
    // window (the probe octet lies beyond the window: SND.MAX would be out of window too).
    Segment s = Segment.builder()
        .ports(id.local().port(), id.remote().port())
        .seq(persistTimer.isSet() ? sndNxt : sndMax)
        .ack(rcvNxt)
        .flags(ACK)
        .window(announceWindow())
        .build();
    transmit(s, cause);
  }

  /** Sends the pending ACK now if one is due and no other segment carried it. */
  private void flushAck() {
    if (needAckNow) {
      sendAck("ACK (RFC 9293 3.10.7.4, seventh check; RFC 5681 4.2)");
    }
  }

  /** RFC 5961 challenge ACK, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, within the host's rate limit (section 7). */
  private void challengeAck(String cause) {
    if (stack.challengeAckAllowed()) {
      sendAck(cause);
    } else {
      stack.countChallengeAckSuppressed();
    }
  }

  private void transmit(Segment s, String cause) {
    if (s.has(ACK)) {
      needAckNow = false;
      segmentsUnacked = 0;
      delayedAckTimer.cancel();
    }
    stack.transmit(this, s, cause);
  }

  /** The window to announce now, with receiver SWS avoidance (RFC 1122 4.2.3.3); never shrinks. */
  private int announceWindow() {
    int current = Math.max(0, diff(rcvRightEdge, rcvNxt));
    int available = announceableWindow();
    int step = Math.min(cfg.window() / 2, sndMss);
    if (available >= current + step || (available > current && available == cfg.window())) {
      rcvRightEdge = add(rcvNxt, available);
      return available;
    }
    return current;
  }

  private int announceableWindow() {
    long free = cfg.window() - unread - reassembly.bytes();
    return (int) Math.max(0, Math.min(free, 65535));
  }

  /** The application read data: tell the peer if the window grew enough to matter (RFC 1122 4.2.3.3). */
  private void windowMayHaveOpened() {
    if (!state.isSynchronized() || state == TIME_WAIT) {
      return;
    }
    int before = rcvWnd();
    int step = Math.min(cfg.window() / 2, sndMss);
    if (announceableWindow() >= before + step) {
      sendAck("window update after the application read (RFC 1122 4.2.3.3)");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Timers

  private void retransmitTimeout() {
    stack.timerFired(this, "retransmit", null);
    long elapsed = stack.now() - outstandingSince;
    switch (state) {
      case SYN_SENT, SYN_RECEIVED -> {
        int limit = state == SYN_RECEIVED && isPassive() ? cfg.synackRetries() : cfg.synRetries();
        if (retransmits >= limit || (!isPassive() && elapsed >= cfg.r2Syn())) {
          giveUp(state == SYN_SENT
              ? "SYN retransmissions exhausted (RFC 1122 4.2.3.5; RFC 9293 MUST-23)"
              : "SYN,ACK retransmissions exhausted (RFC 4987 2)");
          return;
        }
        retransmits++;
        synRetransmitted = true;
        rtt.backoff();
        rttTiming = false;
        segmentsRetransmitted++;
        stack.countRetransmission();
        sendSyn(state == SYN_RECEIVED, state == SYN_SENT
            ? "SYN retransmission (RFC 6298 5.4, 5.5)"
            : "SYN,ACK retransmission (RFC 6298 5.4, 5.5)");
        retransmitTimer.setIn(rtt.rto());
      }
      case ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK -> {
        if (retransmits >= cfg.retries() || elapsed >= cfg.r2()) {
          giveUp("R2 reached: retransmissions exhausted (RFC 1122 4.2.3.5; RFC 9293 MUST-20)");
          return;
        }
        retransmits++;
        if (retransmits == cfg.r1()) {
          stack.timerFired(this, "r1", "R1 reached: negative advice to IP (RFC 1122 4.2.3.5)");
        }
        // RFC 5681 3.1 eq. (4) and the loss window; RFC 6298 5.5 back off; 5.4 retransmit the
        // earliest unacknowledged segment: go back to SND.UNA.
        cc.onRetransmissionTimeout(diff(sndMax, sndUna), sndMax);
        rtt.backoff();
        rttTiming = false;
        sndNxt = sndUna;
        int before = (int) stack.retransmissions();
        output();
        if (stack.retransmissions() == before) {
          // Nothing went out (a zero window): the probe keeps the connection alive.
          retransmitFirst("retransmission after timeout (RFC 6298 5.4)");
        }
        retransmitTimer.setIn(rtt.rto());
      }
      default -> { }
    }
  }

  private void giveUp(String cause) {
    if (isPassive() && state == SYN_RECEIVED) {
      listener.synAckTimeout(this);
    }
    setState(CLOSED, cause);
    notifyClosed("timeout");
  }

  private void startPersist() {
    if (persistTimer.isSet()) {
      return;
    }
    // SHLD-29: the first probe after one RTO; SHLD-30: then exponentially backed off.
    persistInterval = persistInterval == 0 ? rtt.rto() : persistInterval;
    persistTimer.setIn(persistInterval);
  }

  private void persistTimeout() {
    stack.timerFired(this, "persist", null);
    if (!canSendData()) {
      return;
    }
    long sentData = Math.max(0, (long) diff(sndNxt, dataUna));
    if (sendBuffer.length() - sentData <= 0 || sndWnd > 0) {
      persistInterval = 0;
      swsOverride = true;
      output();
      swsOverride = false;
      return;
    }
    // A zero-window probe: one octet beyond the window (RFC 9293 3.8.6.1; MUST-36). SND.NXT does
    // not move, so the octet is sent again as ordinary data when the window opens.
    sendData(sndNxt, 1, false, true, "zero-window probe (RFC 9293 3.8.6.1, MUST-36)");
    persistInterval = Math.min(persistInterval * 2, cfg.rtoMax());
    persistTimer.setIn(persistInterval);
  }

  private void delayedAckTimeout() {
    stack.timerFired(this, "delayed-ack", null);
    if (state.isSynchronized() && state != TIME_WAIT) {
      sendAck("delayed ACK timer (RFC 1122 4.2.3.2; RFC 9293 MUST-40)");
    }
  }

  private void keepaliveTimeout() {
    if (!cfg.keepalive() || !state.isSynchronized() || state == TIME_WAIT) {
      return;
    }
    long idle = stack.now() - lastHeard;
    if (keepalivesUnanswered == 0 && idle < cfg.keepaliveIdle()) {
      keepaliveTimer.setAt(lastHeard + cfg.keepaliveIdle());
      return;
    }
    stack.timerFired(this, "keepalive", null);
    if (keepalivesUnanswered >= cfg.keepaliveProbes()) {
      giveUp("keep-alive probes unanswered (RFC 1122 4.2.3.6)");
      return;
    }
    keepalivesUnanswered++;
    // <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>: an old sequence number draws an ACK (RFC 1122 4.2.3.6).
    transmit(Segment.builder().ports(id.local().port(), id.remote().port())
            .seq(add(sndNxt, -1)).ack(rcvNxt).flags(ACK).window(announceWindow()).build(),
        "keep-alive probe (RFC 1122 4.2.3.6; RFC 9293 MUST-24)");
    keepaliveTimer.setIn(cfg.keepaliveInterval());
  }

  private void startTimeWait() {
    retransmitTimer.cancel();
    persistTimer.cancel();
    keepaliveTimer.cancel();
    timeWaitTimer.setIn(2 * cfg.msl()); // MUST-13
  }

  private void timeWaitTimeout() {
    stack.timerFired(this, "time-wait", null);
    setState(CLOSED, "2 MSL elapsed in TIME-WAIT (RFC 9293 3.10.8)");
    notifyClosed("closed");
  }

  // ---------------------------------------------------------------------------------------------
  // State changes and signals

  private void enterEstablished(String cause) {
    becomeEstablished(cause);
    announceEstablished();
  }

  private void becomeEstablished(String cause) {
    establishedAt = stack.now();
    if (isPassive()) {
      listener.established(this);
    }
    setState(ESTABLISHED, cause);
    cc.initialSendSequence(iss);
    cc.established(sndMss, synRetransmitted);
    stack.countEstablished();
    if (cfg.keepalive()) {
      keepaliveTimer.setIn(cfg.keepaliveIdle());
    }
  }

  private void announceEstablished() {
    signal("connected");
    if (isPassive()) {
      listener.offer(this);
    }
    if (handler != null) {
      handler.connected(this);
    }
  }

  private void returnToListen(String cause) {
    listener.halfOpenGone(this);
    setState(LISTEN, cause);
    destroy();
  }

  void setState(TcpState to, String cause) {
    TcpState from = state;
    if (from == to) {
      return;
    }
    state = to;
    stack.stateChanged(this, from, to, cause);
    if (to == CLOSED) {
      destroy();
    }
  }

  private void notifyClosed(String signal) {
    if (ending != null) {
      return;
    }
    ending = signal;
    if (signal.startsWith("connection reset") || signal.equals("connection refused")) {
      stack.countReset();
    }
    signal(signal);
    if (handler != null) {
      handler.closed(this, signal);
    }
  }

  private void signal(String signal) {
    stack.userSignal(this, signal);
  }

  /** Deletes the TCB: cancels every timer and forgets the 4-tuple. Sends nothing. */
  void destroy() {
    cancelTimers();
    reassembly.clear();
    if (state != CLOSED && state != LISTEN) {
      state = CLOSED;
    }
    stack.forget(this);
  }

  /** The host crashed: the TCB vanishes without a trace on the wire (for half-open scenarios). */
  void crash() {
    cancelTimers();
    state = CLOSED;
  }

  private void cancelTimers() {
    retransmitTimer.cancel();
    persistTimer.cancel();
    delayedAckTimer.cancel();
    keepaliveTimer.cancel();
    timeWaitTimer.cancel();
  }

  private void drop(Segment seg, String reason, String cause) {
    stack.dropped(this, seg, reason, cause);
  }

  /** For the invariant checks of the tests: SND.UNA =< SND.NXT =< SND.MAX, RCV.WND >= 0, ... */
  public String checkInvariants() {
    if (state == CLOSED || state == LISTEN || state == SYN_SENT) {
      return null;
    }
    if (gt(sndUna, sndNxt)) {
      return "SND.UNA > SND.NXT";
    }
    if (gt(sndNxt, sndMax)) {
      return "SND.NXT > SND.MAX";
    }
    if (rcvWnd() < 0) {
      return "RCV.WND < 0";
    }
    if (sendBuffer.length() < 0 || unread < 0) {
      return "negative buffer";
    }
    return null;
  }

  @Override
  public String toString() {
    return id + " " + state;
  }
}
