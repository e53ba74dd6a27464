package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.gt;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpState.CLOSED;
import static org.tcpsim.tcp.TcpState.ESTABLISHED;
import static org.tcpsim.tcp.TcpState.LISTEN;
import static org.tcpsim.tcp.TcpState.SYN_RECEIVED;
import static org.tcpsim.tcp.TcpState.SYN_SENT;
import static org.tcpsim.tcp.TcpState.TIME_WAIT;

import org.tcpsim.tcp.cc.CongestionControl;

/**
 * One TCP connection, driven by three kinds of input: a segment arrives ({@link
 * #segmentArrives}), the user calls ({@link #send}, {@link #close}, {@link #abort}, ...), a timer
 * expires ({@link #timerExpired}). Its effects leave through its {@link TcpHost} only, so a test
 * can drive one connection with no simulator and no network.
 *
 * <p>The work is split by concern: the {@link Tcb} holds RFC 9293 3.3.1's variables, {@link
 * SegmentArrives} is RFC 9293 3.10.7 check by check, the {@link Sender} and {@link Receiver} are
 * the two halves of the data transfer, and every state change is a row of {@link Transition}.
 * This class holds the state, the user calls of RFC 9293 3.10.1 to 3.10.6, the keep-alive and
 * TIME-WAIT timers, and the connection's life from OPEN to the deleted TCB.
 */
public final class Connection extends Tcb {
  /** Bytes of IPv4 + TCP header that every segment costs on the wire (no IP options). */
  static final int HEADERS = 40;

  private final TcpHost host;
  private final TcpConfig cfg;
  private final ConnectionId id;
  /** The listener this connection came from (a passive OPEN), or null (an active OPEN, MUST-11). */
  private final Listener listener;
  private final Sender sender;
  private final Receiver receiver;
  /** Null unless the application turned keep-alive on (RFC 1122 4.2.3.6: off by default). */
  private final Keepalive keepalive;
  /** The timers by kind, each made when first set: most connections never use most of them. */
  private final Timer[] timers = new Timer[TimerKind.ARMED.length];

  private SocketHandler handler;
  private TcpState state = CLOSED;
  /** How the user was told the connection ended; null until then (it is told once). */
  private TcpSignal ending;
  private long establishedAt = -1;
  /** The TIME-WAIT incarnation this one reopened (RFC 9293 MAY-2), or null. */
  private Reopened reopened;
  private final long openedAt;

  /**
   * A connection in CLOSED, about to be opened: actively ({@link #openActive}, {@code listener}
   * null) or by the listener it came from.
   */
  public Connection(TcpHost host, TcpConfig cfg, ConnectionId id, Listener listener, SocketHandler handler) {
    this.host = host;
    this.cfg = cfg;
    this.id = id;
    this.listener = listener;
    this.handler = handler;
    this.sender = new Sender(this, this, cfg);
    this.receiver = new Receiver(this, this, cfg, handler != null);
    this.keepalive = cfg.keepalive() ? new Keepalive(this, this, cfg) : null;
    this.openedAt = host.now();
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

  public RttEstimator rtt() {
    return sender.rtt();
  }

  public CongestionControl congestionControl() {
    return sender.cc();
  }

  /** How the user was told this connection ended, or null while it has not ended. */
  public TcpSignal ending() {
    return ending;
  }

  public long bytesDelivered() {
    return receiver.bytesDelivered();
  }

  public long bytesAcked() {
    return sender.bytesAcked();
  }

  public long segmentsRetransmitted() {
    return sender.segmentsRetransmitted();
  }

  /** Octets given to SEND and not yet acknowledged. */
  public long sendQueue() {
    return sender.queued();
  }

  /** Octets received in order that the application has not read. */
  public long unread() {
    return receiver.unread();
  }

  /** Time from OPEN to ESTABLISHED in ns, or -1 while not established. */
  public long handshakeTime() {
    return establishedAt < 0 ? -1 : establishedAt - openedAt;
  }

  /** The RFC 9293 3.10.6 STATUS call. */
  public ConnectionStatus status() {
    if (state == CLOSED) {
      throw new TcpError(TcpError.DOES_NOT_EXIST);
    }
    return ConnectionStatus.of(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Opening (RFC 9293 3.10.1, 3.10.7.2; RFC 4987 3.6)

  /** Active OPEN from CLOSED with the ISS {@code iss}: send the SYN and enter SYN-SENT. */
  public void openActive(int iss) {
    Opening.active(this, iss);
  }

  /** A SYN reached the listener: enter SYN-RECEIVED with ISS {@code iss} and answer it. */
  void openPassive(Segment syn, int iss) {
    state = LISTEN; // the listener's state, which this connection leaves now
    Opening.passive(this, syn, iss);
  }

  /** A SYN cookie came back valid (RFC 4987 3.6) in an ACK announcing the MSS {@code mss}. */
  void openFromCookie(Segment ack, int mss) {
    state = LISTEN;
    Opening.fromCookie(this, ack, mss);
  }

  // ---------------------------------------------------------------------------------------------
  // User calls (RFC 9293 3.10.2 to 3.10.5)

  /** SEND (RFC 9293 3.10.2): queue {@code length} octets ({@code data} null to simulate only the length). */
  public void send(int length, byte[] data) {
    if (length < 0 || (data != null && data.length != length)) {
      throw new IllegalArgumentException("bad SEND length " + length);
    }
    switch (state) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new TcpError(TcpError.FOREIGN_SOCKET_UNSPECIFIED);
      // SYN-SENT, SYN-RECEIVED: "queue the data for transmission after entering ESTABLISHED".
      case SYN_SENT, SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT -> {
        if (sender.finQueued) {
          throw new TcpError(TcpError.CLOSING);
        }
        sender.append(length, data);
        if (state.canSendData()) {
          sender.output();
        }
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
    receiver.setReading(on);
  }

  /** CLOSE (RFC 9293 3.10.4). */
  public void close() {
    Closing.close(this);
  }

  /** ABORT (RFC 9293 3.10.5). */
  public void abort() {
    Closing.abort(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs from the network and the timers

  /** A segment for this connection's 4-tuple arrived (RFC 9293 3.10.7.3, 3.10.7.4). */
  public void segmentArrives(Segment seg) {
    if (keepalive != null) {
      keepalive.heard(host.now());
    }
    switch (state) {
      case SYN_SENT -> SegmentArrives.inSynSent(this, seg);
      case CLOSED, LISTEN -> throw new IllegalStateException("no TCB processing in " + state);
      default -> SegmentArrives.inOtherStates(this, seg);
    }
  }

  /** The timer {@code kind} expired (the host calls this when its deadline comes). */
  public void timerExpired(TimerKind kind) {
    if (kind != TimerKind.KEEPALIVE) {
      host.timerFired(id, kind, null);
    }
    switch (kind) {
      case RETRANSMIT -> sender.retransmitTimeout();
      case PERSIST -> sender.persistTimeout();
      case DELAYED_ACK -> receiver.delayedAckTimeout();
      case KEEPALIVE -> keepalive.expired(); // set only by a Keepalive
      case TIME_WAIT -> {
        transition(Transition.TIME_WAIT_EXPIRED);
        ended(TcpSignal.CLOSED);
      }
      case R1 -> throw new IllegalArgumentException("R1 is a threshold, not a timer");
    }
  }

  /** TIME-WAIT begins, or a retransmitted FIN restarts it: 2 MSL from now (MUST-13). */
  void startTimeWait() {
    sender.stopTimers();
    cancelTimer(TimerKind.KEEPALIVE);
    setTimer(TimerKind.TIME_WAIT, host.now() + 2 * cfg.msl());
  }

  /** Retransmissions or probes gave up (RFC 1122 4.2.3.5): the connection ends in "timeout". */
  void giveUp(Transition t) {
    if (state == SYN_RECEIVED && returnsToTimeWait()) {
      return; // no answer to the SYN,ACK of a reopened TIME-WAIT: the SYN was an old duplicate
    }
    if (isPassive() && state == SYN_RECEIVED) {
      listener.synAckTimeout();
    }
    transition(t);
    ended(TcpSignal.TIMEOUT);
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /** <SEQ=seq><CTL=RST>. */
  void sendReset(int seq, String cause) {
    host.transmit(id.local(), id.remote(), segment(seq, RST).build(), cause);
  }

  /** A segment of this connection's 4-tuple. */
  Segment.Builder segment(int seq, int flags) {
    return Segment.builder().ports(id.local().port(), id.remote().port()).seq(seq).flags(flags);
  }

  void transmit(Segment s, String cause) {
    if (s.has(ACK)) {
      receiver.ackSent();
    }
    host.transmit(id.local(), id.remote(), s, cause);
  }

  void drop(Segment seg, TcpDropReason reason, String cause) {
    host.dropped(id.remote(), id.local(), seg, reason, cause);
  }

  // ---------------------------------------------------------------------------------------------
  // State changes and signals

  /** Takes the transition {@code t}: the state becomes {@code t.to()}; CLOSED deletes the TCB. */
  void transition(Transition t) {
    TcpState from = state;
    TcpState to = t.to();
    if (from == to) {
      return; // a user call from a callback got there first (a CLOSE on "connected", say)
    }
    if (!t.from().contains(from)) {
      throw new IllegalStateException(t + " in " + from);
    }
    state = to;
    if (to == ESTABLISHED) {
      host.counts().established++;
    }
    host.stateChanged(id, from, to, t.cause());
    if (to == CLOSED) {
      destroy();
    }
  }

  /** ESTABLISHED is entered; the user hears of it from {@link #announceEstablished()}. */
  void becomeEstablished(Transition t) {
    establishedAt = host.now();
    reopened = null; // the new incarnation is real: the old TIME-WAIT is gone for good
    if (isPassive()) {
      listener.established();
    }
    transition(t);
    sender.established();
    if (keepalive != null) {
      keepalive.start();
    }
  }

  void announceEstablished() {
    signal(TcpSignal.CONNECTED);
    if (isPassive()) {
      listener.offer(this);
    }
    if (handler != null) {
      handler.connected(this);
    }
  }

  /** The TIME-WAIT {@code old} was reopened by this incarnation's SYN; it would have ended at {@code until}. */
  private record Reopened(Connection old, long until) {}

  void reopened(Connection old, long until) {
    reopened = new Reopened(old, until);
  }

  /** When this connection's TIME-WAIT ends (now if it is not in TIME-WAIT). */
  long timeWaitDeadline() {
    Timer t = timers[TimerKind.TIME_WAIT.ordinal()];
    return t != null && t.isSet() ? t.deadline() : host.now();
  }

  /**
   * The SYN that reopened TIME-WAIT turned out to be an old duplicate: an acceptable RST answered
   * our SYN,ACK, the SYN,ACK retries ran out, or a SYN arrived in the window. RFC 9293 3.6.1's
   * MAY-2 asks the connection to "return to TIME-WAIT state". This incarnation goes (the trace
   * shows it as the return) and the old TCB comes back with the rest of its 2 MSL.
   *
   * @return false when this connection did not reopen a TIME-WAIT
   */
  boolean returnsToTimeWait() {
    if (reopened == null) {
      return false;
    }
    listener.halfOpenGone();
    transition(Transition.OLD_DUPLICATE_SYN_BACK_TO_TIME_WAIT);
    cancelTimers();
    state = CLOSED;
    host.connectionReleased(this);
    Connection old = reopened.old();
    old.state = TIME_WAIT;
    host.connectionCreated(old);
    old.setTimer(TimerKind.TIME_WAIT, Math.max(reopened.until(), host.now()));
    return true;
  }

  /** A passive SYN-RECEIVED goes back to LISTEN: the listener forgets it (RFC 1122 4.2.2.20 (e)). */
  void returnToListen(Transition t) {
    listener.halfOpenGone();
    transition(t);
    destroy();
  }

  /** The user hears how the connection ended, once (RFC 9293 MUST-12). */
  void ended(TcpSignal signal) {
    if (ending != null) {
      return;
    }
    ending = signal;
    if (signal.isReset()) {
      host.counts().resets++;
    }
    signal(signal);
    if (handler != null) {
      handler.closed(this, signal);
    }
  }

  /** R1 was reached (RFC 9293 3.8.3 (e), SHLD-9): the user hears of it; the connection goes on. */
  void deliveryProblem() {
    signal(TcpSignal.DELIVERY_PROBLEM);
    if (handler != null) {
      handler.deliveryProblem(this);
    }
  }

  void signal(TcpSignal signal) {
    host.signalled(id, signal);
  }

  /** Deletes the TCB: cancels every timer and forgets the 4-tuple. Sends nothing. */
  void destroy() {
    cancelTimers();
    if (state != CLOSED && state != LISTEN) {
      state = CLOSED;
    }
    host.connectionReleased(this);
  }

  /** The host crashed: the TCB vanishes without a trace on the wire (for half-open scenarios). */
  void crash() {
    cancelTimers();
    state = CLOSED;
  }

  private void cancelTimers() {
    for (Timer t : timers) {
      if (t != null) {
        t.cancel();
      }
    }
    receiver.clear();
  }

  /** Arms the timer {@code kind} to expire at {@code at}, replacing any earlier setting. */
  void setTimer(TimerKind kind, long at) {
    Timer t = timers[kind.ordinal()];
    if (t == null) {
      t = host.timer(this, kind);
      timers[kind.ordinal()] = t;
    }
    t.setAt(at);
  }

  void cancelTimer(TimerKind kind) {
    Timer t = timers[kind.ordinal()];
    if (t != null) {
      t.cancel();
    }
  }

  boolean isTimerSet(TimerKind kind) {
    Timer t = timers[kind.ordinal()];
    return t != null && t.isSet();
  }

  // ---------------------------------------------------------------------------------------------
  // For the parts of this connection

  TcpHost host() {
    return host;
  }

  Listener listener() {
    return listener;
  }

  Receiver receiver() {
    return receiver;
  }

  Sender sender() {
    return sender;
  }

  TcpConfig config() {
    return cfg;
  }

  long now() {
    return host.now();
  }

  /** For the invariant checks of the tests: SND.UNA =< SND.NXT =< SND.MAX, RCV.WND >= 0, ... */
  public String checkInvariants() {
    if (state == CLOSED || state == LISTEN || state == SYN_SENT) {
      return null;
    }
    return sender.queued() < 0 || receiver.unread() < 0 ? "negative buffer" : invariantViolation();
  }

  @Override
  public String toString() {
    return id + " " + state;
  }
}
