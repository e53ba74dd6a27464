package org.tcpsim.tcp;

/**
 * CLOSE and ABORT of a connection (RFC 9293 3.10.4, 3.10.5), state by state: which FIN or RST
 * goes out, and which {@link Transition} is taken. Static steps given the connection, like
 * {@link Opening} and {@link SegmentArrives}.
 */
final class Closing {
  private Closing() {}

  /** CLOSE (RFC 9293 3.10.4). */
  static void close(Connection c) {
    Sender sender = c.sender();
    switch (c.state()) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new IllegalStateException("a connection is never in LISTEN");
      // "Delete the TCB and return 'error: closing' responses to any queued SENDs, or RECEIVEs."
      case SYN_SENT -> {
        c.transition(Transition.CLOSE_IN_SYN_SENT);
        c.ended(TcpSignal.CLOSED);
      }
      // "If no SENDs have been issued and there is no pending data to send, then form a FIN
      // segment and send it, and enter FIN-WAIT-1 state; otherwise, queue for processing after
      // entering ESTABLISHED state." The FIN takes ISS+1 and needs no ACK of our SYN first.
      case SYN_RECEIVED -> {
        queueFin(sender);
        if (sender.sendsIssued()) {
          return;
        }
        if (c.isPassive()) {
          c.listener().halfOpenGone(); // closed before it was accepted: its SYN queue slot is free
        }
        c.transition(Transition.CLOSE_IN_SYN_RECEIVED);
        sender.established(); // the congestion window starts, for the FIN's retransmissions
        sender.output();
      }
      case ESTABLISHED -> {
        queueFin(sender);
        c.transition(Transition.CLOSE_IN_ESTABLISHED);
        sender.output();
      }
      // RFC 1122 4.2.2.20 (a): CLOSE-WAIT goes to LAST-ACK, not CLOSING as RFC 793 p.61 says.
      case CLOSE_WAIT -> {
        queueFin(sender);
        c.transition(Transition.CLOSE_IN_CLOSE_WAIT);
        sender.output();
      }
      case FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK, TIME_WAIT -> throw new TcpError(TcpError.CLOSING);
    }
  }

  private static void queueFin(Sender sender) {
    if (sender.finQueued) {
      throw new TcpError(TcpError.CLOSING);
    }
    sender.finQueued = true;
  }

  /** ABORT (RFC 9293 3.10.5). */
  static void abort(Connection c) {
    TcpState state = c.state();
    switch (state) {
      case CLOSED -> throw new TcpError(TcpError.DOES_NOT_EXIST);
      case LISTEN -> throw new IllegalStateException("a connection is never in LISTEN");
      case SYN_SENT -> c.transition(Transition.ABORT_IN_SYN_SENT);
      // "Send a reset segment: <SEQ=SND.NXT><CTL=RST>". After the RST the TCB is deleted and the
      // 4-tuple answers as CLOSED would (docs/rfc-notes.md A16).
      case SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
        if (state == TcpState.SYN_RECEIVED && c.isPassive()) {
          c.listener().halfOpenGone(); // its SYN queue slot is free again
        }
        c.sendReset(c.sndMax, "ABORT: <SEQ=SND.NXT><CTL=RST> (RFC 9293 3.10.5)");
        c.transition(Transition.ABORT_WITH_RESET);
      }
      case CLOSING, LAST_ACK, TIME_WAIT -> c.transition(Transition.ABORT_AFTER_FIN);
    }
    c.ended(TcpSignal.CONNECTION_ABORTED);
  }
}
