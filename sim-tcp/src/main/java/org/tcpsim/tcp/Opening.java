package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;

/**
 * How a connection's variables start: by an active OPEN (RFC 9293 3.10.1), by a SYN its listener
 * accepted (3.10.7.2, third check), or by a SYN cookie's ACK (RFC 4987 3.6). Static steps given
 * the connection, like {@link SegmentArrives}.
 */
final class Opening {
  private Opening() {}

  /** Active OPEN from CLOSED with the ISS {@code iss}: send the SYN and enter SYN-SENT. */
  static void active(Connection c, int iss) {
    c.initSend(iss);
    c.sender().start(add(iss, 1));
    c.transition(Transition.ACTIVE_OPEN);
    c.sender().sendSyn("active OPEN (RFC 9293 3.10.1)");
  }

  /**
   * LISTEN's third check, a SYN: RCV.NXT, IRS and ISS are set and
   * <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> is sent.
   */
  static void passive(Connection c, Segment syn, int iss) {
    c.initReceive(syn.seq());
    c.receiver().openWindow();
    c.sndMss = TcpStack.effectiveMss(syn.options(), c.config());
    c.initSend(iss);
    c.sender().start(add(iss, 1));
    c.sndWnd = syn.window(); // remembered until ESTABLISHED sets it properly (docs/rfc-notes.md A6)
    c.transition(Transition.SYN_IN_LISTEN);
    c.sender().sendSyn("SYN in LISTEN (RFC 9293 3.10.7.2, third check)");
  }

  /**
   * LISTEN's second check found a valid SYN cookie: the connection starts in ESTABLISHED from the
   * ACK alone, with the MSS {@code mss} the cookie encoded.
   */
  static void fromCookie(Connection c, Segment ack, int mss) {
    c.initFromCookie(ack);
    c.receiver().openWindow();
    c.sender().start(ack.ack());
    c.sndMss = Math.min(mss, c.config().mss());
    c.updateWindow(ack, ack.ack());
    c.becomeEstablished(Transition.SYN_COOKIE_VALID);
    c.announceEstablished();
  }
}
