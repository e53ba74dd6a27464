package org.tcpsim.tcp;

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

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every state change a connection or listener makes, in one table: the event, the states it may
 * happen in, the state it leads to, and the cause the trace prints with its RFC rule. The code
 * that detects an event names its row ({@link Connection} checks the row's {@code from}); nothing
 * else assigns a state. ARCHITECTURE.md's state diagram is this table, and a test checks that
 * they agree.
 */
public enum Transition {
  // User calls (RFC 9293 3.10.1 to 3.10.5).
  PASSIVE_OPEN(LISTEN, "passive OPEN (RFC 9293 3.10.1)", CLOSED),
  CLOSE_LISTEN(CLOSED, "CLOSE in LISTEN (RFC 9293 3.10.4)", LISTEN),
  ABORT_LISTEN(CLOSED, "ABORT in LISTEN (RFC 9293 3.10.5)", LISTEN),
  ACTIVE_OPEN(SYN_SENT, "active OPEN: <SEQ=ISS><CTL=SYN> sent (RFC 9293 3.10.1)", CLOSED),
  CLOSE_IN_SYN_SENT(CLOSED, "CLOSE in SYN-SENT: TCB deleted (RFC 9293 3.10.4)", SYN_SENT),
  CLOSE_IN_ESTABLISHED(FIN_WAIT_1,
      "CLOSE in ESTABLISHED: FIN queued after the data (RFC 9293 3.10.4)", ESTABLISHED),
  CLOSE_IN_SYN_RECEIVED(FIN_WAIT_1, "CLOSE in SYN-RECEIVED with nothing to send: FIN sent "
      + "(RFC 9293 3.10.4)", SYN_RECEIVED),
  CLOSE_IN_CLOSE_WAIT(LAST_ACK,
      "CLOSE in CLOSE-WAIT: FIN queued after the data (RFC 9293 3.10.4; RFC 1122 4.2.2.20 (a))",
      CLOSE_WAIT),
  CLOSE_QUEUED_IN_SYN_SENT(FIN_WAIT_1, "CLOSE was queued before ESTABLISHED (RFC 9293 3.10.4)",
      ESTABLISHED),
  CLOSE_QUEUED_IN_SYN_RECEIVED(FIN_WAIT_1, "CLOSE was queued in SYN-RECEIVED (RFC 9293 3.10.4)",
      ESTABLISHED),
  ABORT_IN_SYN_SENT(CLOSED, "ABORT in SYN-SENT: TCB deleted (RFC 9293 3.10.5)", SYN_SENT),
  ABORT_WITH_RESET(CLOSED, "ABORT: reset sent, TCB deleted (RFC 9293 3.10.5)",
      SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT),
  ABORT_AFTER_FIN(CLOSED, "ABORT after our FIN: TCB deleted, no reset (RFC 9293 3.10.5)",
      CLOSING, LAST_ACK, TIME_WAIT),

  // The handshake (RFC 9293 3.10.7.2, 3.10.7.3; RFC 4987 3.6).
  SYN_IN_LISTEN(SYN_RECEIVED,
      "SYN in LISTEN: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> sent (RFC 9293 3.10.7.2, third check)",
      LISTEN),
  SYN_COOKIE_VALID(ESTABLISHED,
      "ACK carries a valid SYN cookie: connection created in ESTABLISHED (RFC 4987 3.6)", LISTEN),
  SYN_ACK_IN_SYN_SENT(ESTABLISHED,
      "SYN,ACK acknowledging our SYN in SYN-SENT (RFC 9293 3.10.7.3, fourth check)", SYN_SENT),
  SIMULTANEOUS_OPEN(SYN_RECEIVED,
      "SYN without ACK in SYN-SENT: simultaneous open (RFC 9293 3.10.7.3, fourth check)",
      SYN_SENT),
  RST_IN_SYN_SENT(CLOSED,
      "RST acknowledging our SYN in SYN-SENT (RFC 9293 3.10.7.3, second check)", SYN_SENT),
  ACK_IN_SYN_RECEIVED(ESTABLISHED,
      "ACK acceptable in SYN-RECEIVED (RFC 9293 3.10.7.4, fifth check)", SYN_RECEIVED),

  // Resets and SYNs in the window (RFC 9293 3.10.7.4, second and fourth checks).
  RST_IN_PASSIVE_SYN_RECEIVED(LISTEN, "acceptable RST in SYN-RECEIVED after a passive OPEN: back "
      + "to LISTEN (RFC 9293 3.10.7.4, second check)", SYN_RECEIVED),
  RST_IN_ACTIVE_SYN_RECEIVED(CLOSED, "acceptable RST in SYN-RECEIVED after an active OPEN: "
      + "connection refused (RFC 9293 3.10.7.4, second check)", SYN_RECEIVED),
  RST_IN_WINDOW(CLOSED, "RST in the window: connection reset (RFC 9293 3.10.7.4, second check)",
      ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT),
  RST_AT_RCV_NXT(CLOSED, "RST at exactly RCV.NXT: connection reset (RFC 5961 3.2; RFC 9293 "
      + "3.10.7.4, second check)", ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT),
  RST_AFTER_FIN(CLOSED,
      "RST in the window after our FIN: TCB deleted (RFC 9293 3.10.7.4, second check)",
      CLOSING, LAST_ACK),
  RST_IN_TIME_WAIT(CLOSED, "acceptable RST in TIME-WAIT: TCB deleted (RFC 9293 3.10.7.4, second "
      + "check; see RFC 1337)", TIME_WAIT),
  SYN_IN_PASSIVE_SYN_RECEIVED(LISTEN, "SYN in window after a passive OPEN: back to LISTEN (RFC "
      + "9293 3.10.7.4, fourth check; RFC 1122 4.2.2.20 (e))", SYN_RECEIVED),
  SYN_IN_WINDOW(CLOSED, "SYN in window in a synchronized state: reset and abort (RFC 9293 "
      + "3.10.7.4, fourth check)", SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT,
      CLOSING, LAST_ACK, TIME_WAIT),
  SYN_REOPENS_TIME_WAIT(CLOSED, "new SYN with SEG.SEQ > RCV.NXT ends TIME-WAIT early (RFC 9293 "
      + "MAY-2; RFC 1122 4.2.2.13)", TIME_WAIT),
  OLD_DUPLICATE_SYN_BACK_TO_TIME_WAIT(TIME_WAIT, "the SYN that reopened TIME-WAIT was an old "
      + "duplicate: back to TIME-WAIT (RFC 9293 3.6.1 MAY-2; RFC 1122 4.2.2.13)", SYN_RECEIVED),

  // The close (RFC 9293 3.10.7.4, fifth and eighth checks).
  FIN_ACKED_IN_FIN_WAIT_1(FIN_WAIT_2,
      "our FIN acknowledged in FIN-WAIT-1 (RFC 9293 3.10.7.4, fifth check)", FIN_WAIT_1),
  FIN_ACKED_IN_CLOSING(TIME_WAIT,
      "our FIN acknowledged in CLOSING (RFC 9293 3.10.7.4, fifth check)", CLOSING),
  FIN_ACKED_IN_LAST_ACK(CLOSED,
      "our FIN acknowledged in LAST-ACK: TCB deleted (RFC 9293 3.10.7.4, fifth check)", LAST_ACK),
  FIN_IN_SYN_RECEIVED(CLOSE_WAIT,
      "FIN received in SYN-RECEIVED (RFC 9293 3.10.7.4, eighth check)", SYN_RECEIVED),
  FIN_IN_ESTABLISHED(CLOSE_WAIT,
      "FIN received in ESTABLISHED (RFC 9293 3.10.7.4, eighth check)", ESTABLISHED),
  FIN_IN_FIN_WAIT_1_ACKED(TIME_WAIT, "FIN received and our FIN acknowledged in FIN-WAIT-1 (RFC "
      + "9293 3.10.7.4, eighth check)", FIN_WAIT_1),
  SIMULTANEOUS_CLOSE(CLOSING, "FIN received in FIN-WAIT-1 before our FIN was acknowledged: "
      + "simultaneous close (RFC 9293 3.10.7.4, eighth check)", FIN_WAIT_1),
  FIN_IN_FIN_WAIT_2(TIME_WAIT, "FIN received in FIN-WAIT-2 (RFC 9293 3.10.7.4, eighth check)",
      FIN_WAIT_2),

  // Timeouts (RFC 9293 3.8.3, 3.10.8; RFC 1122 4.2.3.5, 4.2.3.6; RFC 4987 2).
  SYN_RETRIES_EXHAUSTED(CLOSED,
      "SYN retransmissions exhausted (RFC 1122 4.2.3.5; RFC 9293 MUST-23)", SYN_SENT),
  SYN_ACK_RETRIES_EXHAUSTED(CLOSED, "SYN,ACK retransmissions exhausted (RFC 4987 2)",
      SYN_RECEIVED),
  SYN_ACK_RETRIES_EXHAUSTED_AFTER_CLOSE(CLOSED, "SYN,ACK and FIN retransmissions exhausted after "
      + "CLOSE in SYN-RECEIVED (RFC 1122 4.2.3.5)", FIN_WAIT_1),
  R2_REACHED(CLOSED,
      "R2 reached: retransmissions exhausted (RFC 1122 4.2.3.5; RFC 9293 MUST-20)",
      ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK),
  ZERO_WINDOW_PROBES_UNANSWERED(CLOSED, "zero-window probes unanswered: retries exhausted (RFC "
      + "9293 3.8.6.1; RFC 1122 4.2.3.5)", ESTABLISHED, FIN_WAIT_1, CLOSE_WAIT, CLOSING, LAST_ACK),
  KEEPALIVE_UNANSWERED(CLOSED, "keep-alive probes unanswered (RFC 1122 4.2.3.6)",
      ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK),
  TIME_WAIT_EXPIRED(CLOSED, "2 MSL elapsed in TIME-WAIT (RFC 9293 3.10.8)", TIME_WAIT);

  private final Set<TcpState> from;
  private final TcpState to;
  private final String cause;

  Transition(TcpState to, String cause, TcpState first, TcpState... rest) {
    this.from = Collections.unmodifiableSet(EnumSet.of(first, rest));
    this.to = to;
    this.cause = cause;
  }

  /** The states this event may happen in. */
  public Set<TcpState> from() {
    return from;
  }

  /** The state it leads to. */
  public TcpState to() {
    return to;
  }

  /** The trace's {@code cause}: what happened, with the RFC rule. */
  public String cause() {
    return cause;
  }
}
