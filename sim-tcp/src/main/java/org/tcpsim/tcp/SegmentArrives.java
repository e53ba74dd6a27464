package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;
import static org.tcpsim.tcp.SeqNum.geq;
import static org.tcpsim.tcp.SeqNum.gt;
import static org.tcpsim.tcp.SeqNum.leq;
import static org.tcpsim.tcp.SeqNum.lt;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.RST;
import static org.tcpsim.tcp.TcpFlags.SYN;
import static org.tcpsim.tcp.TcpFlags.URG;
import static org.tcpsim.tcp.TcpState.CLOSED;
import static org.tcpsim.tcp.TcpState.ESTABLISHED;
import static org.tcpsim.tcp.TcpState.FIN_WAIT_1;
import static org.tcpsim.tcp.TcpState.FIN_WAIT_2;
import static org.tcpsim.tcp.TcpState.SYN_RECEIVED;
import static org.tcpsim.tcp.TcpState.TIME_WAIT;

/**
 * SEGMENT ARRIVES for a connection, RFC 9293 3.10.7.3 (SYN-SENT) and 3.10.7.4 (every later
 * state), one method per check in the RFC's order. LISTEN (3.10.7.2) is {@link Listener}'s (with
 * {@link Opening} for the connection it makes) and
 * CLOSED (3.10.7.1) is {@link TcpStack}'s. State changes go through {@link
 * Connection#transition}; the checks only decide which row of {@link Transition} applies.
 *
 * <p>It keeps no state: each check is given the connection, whose {@link Tcb}, {@link Sender} and
 * {@link Receiver} hold everything, so a segment touches no object of this class.
 */
final class SegmentArrives {
  private SegmentArrives() {}



  // ---------------------------------------------------------------------------------------------
  // RFC 9293 3.10.7.3: SYN-SENT STATE

  static void inSynSent(Connection c, Segment seg) {
    Tcb tcb = c;
    Sender sender = c.sender();
    Receiver receiver = c.receiver();
    boolean ackOn = seg.has(ACK);
    // First check the ACK bit. Acceptable: ISS < SEG.ACK =< SND.NXT (errata 3300).
    if (ackOn && (leq(seg.ack(), tcb.iss) || gt(seg.ack(), tcb.sndMax))) {
      if (!seg.has(RST)) {
        c.sendReset(seg.ack(), "unacceptable ACK in SYN-SENT: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 "
            + "3.10.7.3, first check)");
      }
      c.drop(seg, TcpDropReason.UNACCEPTABLE_ACK,
          "SEG.ACK =< ISS or SEG.ACK > SND.NXT in SYN-SENT (RFC 9293 3.10.7.3, first check)");
      return;
    }
    // Second check the RST bit (the RCV.NXT sentence was removed by errata 8167).
    if (seg.has(RST)) {
      if (ackOn) {
        c.transition(Transition.RST_IN_SYN_SENT);
        c.ended(TcpSignal.CONNECTION_RESET);
      } else {
        c.drop(seg, TcpDropReason.RST, "RST without ACK in SYN-SENT is dropped (RFC 9293 3.10.7.3, second check)");
      }
      return;
    }
    // Fourth check the SYN bit (the third, security, has no compartments to compare here).
    if (!seg.has(SYN)) {
      c.drop(seg, TcpDropReason.NO_SYN, "neither SYN nor RST in SYN-SENT (RFC 9293 3.10.7.3, fifth check)");
      return;
    }
    tcb.initReceive(seg.seq());
    receiver.openWindow();
    tcb.sndMss = TcpStack.effectiveMss(seg.options(), c.config());
    if (ackOn) {
      sender.ackAdvances(seg.ack());
    }
    if (gt(tcb.sndUna, tcb.iss)) {
      synAcknowledged(c, seg);
    } else {
      // Simultaneous open (RFC 9293 Figure 7).
      tcb.sndWnd = seg.window();
      c.transition(Transition.SIMULTANEOUS_OPEN);
      if (seg.dataLength() > 0) {
        c.drop(seg, TcpDropReason.SYN_DATA, "data on a SYN is not kept; the peer retransmits it (docs/rfc-notes.md A32)");
      }
      sender.sendSyn("simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (RFC 9293 3.10.7.3, fourth check)");
    }
  }

  /** Our SYN is acknowledged by the peer's SYN,ACK: ESTABLISHED (RFC 9293 3.10.7.3, fourth check). */
  private static void synAcknowledged(Connection c, Segment seg) {
    Tcb tcb = c;
    Sender sender = c.sender();
    Receiver receiver = c.receiver();
    // The window variables are set on entering ESTABLISHED (RFC 1122 4.2.2.20 (c); docs/rfc-notes.md A6).
    tcb.updateWindow(seg, seg.ack());
    c.becomeEstablished(Transition.SYN_ACK_IN_SYN_SENT);
    receiver.sendAck("<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> completes the handshake (RFC 9293 3.10.7.3, fourth check)");
    c.announceEstablished();
    if (c.state() == CLOSED) {
      return; // the application aborted on "connected"
    }
    if (sender.finQueued) {
      c.transition(Transition.CLOSE_QUEUED_IN_SYN_SENT);
    }
    if (seg.dataLength() > 0 || seg.has(FIN) || seg.has(URG)) {
      // "continue processing at the sixth step below where the URG bit is checked"
      processText(c, seg, add(seg.seq(), 1), 0, seg.dataLength(), seg.has(FIN));
    }
    sender.output();
    // Data or a FIN on the SYN,ACK advanced RCV.NXT past what the handshake ACK acknowledged:
    // acknowledge it too (RFC 9293 3.10.7.4, seventh and eighth checks).
    receiver.flushAck();
  }

  // ---------------------------------------------------------------------------------------------
  // RFC 9293 3.10.7.4: every state from SYN-RECEIVED on

  static void inOtherStates(Connection c, Segment seg) {
    Sender sender = c.sender();
    Receiver receiver = c.receiver();
    if (seg.has(RST)) {
      rstArrives(c, seg);
      return;
    }
    TcpState initial = c.state();
    FirstCheck.Accepted a = FirstCheck.accept(c, seg);
    if (a == null) {
      return;
    }
    // Fourth check the SYN bit (the second, RST, was handled above; the third, security, has no
    // compartments here). A SYN still present after trimming lies in the window.
    if (a.syn()) {
      synInWindow(c, seg);
      return;
    }
    // Fifth check the ACK field.
    if (!seg.has(ACK)) {
      c.drop(seg, TcpDropReason.NO_ACK, "segment without ACK (RFC 9293 3.10.7.4, fifth check)");
      return;
    }
    if (!ackArrives(c, seg) || c.state() == CLOSED) {
      return;
    }
    // The retransmitted FIN of a peer that did not hear our ACK (docs/rfc-notes.md A20): ACK it
    // again and restart the 2 MSL wait.
    if (c.state() == TIME_WAIT && seg.has(FIN)) {
      c.startTimeWait();
      receiver.sendAck("retransmitted FIN in TIME-WAIT: ACK it and restart 2 MSL (RFC 9293 3.10.7.4, eighth check)");
      return;
    }
    if (a.trimmed() && initial.isSynchronized() && c.state() != TIME_WAIT) {
      // Octets we already had: the peer missed our ACK. Duplicates get an immediate ACK (RFC 5681 4.2).
      receiver.ackNow();
    }
    processText(c, seg, a.seq(), a.skip(), a.len(), a.fin());
    sender.output();
    receiver.flushAck();
  }

  /** The first and second checks for a segment with RST (RFC 9293 3.10.7.4; RFC 5961 3.2). */
  private static void rstArrives(Connection c, Segment seg) {
    Tcb tcb = c;
    TcpConfig cfg = c.config();
    Receiver receiver = c.receiver();
    int wnd = tcb.rcvWnd();
    int seq = seg.seq();
    boolean inWindow = wnd == 0 ? seq == tcb.rcvNxt : geq(seq, tcb.rcvNxt) && lt(seq, add(tcb.rcvNxt, wnd));
    if (!inWindow) {
      c.drop(seg, TcpDropReason.OUT_OF_WINDOW, "RST outside the receive window is dropped (RFC 9293 3.10.7.4, first check)");
      return;
    }
    if (cfg.rfc5961Rst() && seq != tcb.rcvNxt) {
      c.drop(seg, TcpDropReason.RST, "RST in the window but not at RCV.NXT: challenge ACK (RFC 5961 3.2)");
      receiver.challengeAck("challenge ACK for an in-window RST (RFC 5961 3.2)");
      return;
    }
    switch (c.state()) {
      case SYN_RECEIVED -> {
        if (c.returnsToTimeWait()) {
          return; // the SYN that reopened TIME-WAIT was an old duplicate (RFC 9293 MAY-2)
        }
        if (c.isPassive()) {
          c.returnToListen(Transition.RST_IN_PASSIVE_SYN_RECEIVED);
        } else {
          c.transition(Transition.RST_IN_ACTIVE_SYN_RECEIVED);
          c.ended(TcpSignal.CONNECTION_REFUSED);
        }
      }
      case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
        c.transition(cfg.rfc5961Rst() ? Transition.RST_AT_RCV_NXT : Transition.RST_IN_WINDOW);
        c.ended(TcpSignal.CONNECTION_RESET);
      }
      case CLOSING, LAST_ACK -> {
        c.transition(Transition.RST_AFTER_FIN);
        c.ended(TcpSignal.CONNECTION_RESET);
      }
      case TIME_WAIT -> {
        if (cfg.rfc1337()) {
          c.drop(seg, TcpDropReason.RST, "RST in TIME-WAIT is ignored: TIME-WAIT assassination protection (RFC 1337, F1)");
        } else {
          c.transition(Transition.RST_IN_TIME_WAIT);
          c.ended(TcpSignal.CONNECTION_RESET);
        }
      }
      default -> throw new IllegalStateException(c.state().toString());
    }
  }

  /** A SYN inside the window (RFC 9293 3.10.7.4, fourth check). */
  private static void synInWindow(Connection c, Segment seg) {
    TcpConfig cfg = c.config();
    Receiver receiver = c.receiver();
    if (c.state() == SYN_RECEIVED && c.isPassive()) {
      // RFC 1122 4.2.2.20 (e): a passive SYN-RECEIVED returns to LISTEN, silently.
      c.drop(seg, TcpDropReason.SYN, "SYN in window in SYN-RECEIVED after a passive OPEN (RFC 9293 3.10.7.4, fourth check)");
      if (!c.returnsToTimeWait()) {
        c.returnToListen(Transition.SYN_IN_PASSIVE_SYN_RECEIVED);
      }
      return;
    }
    if (c.state() == TIME_WAIT && cfg.timeWaitReuse() && !cfg.rfc5961Syn()) {
      // docs/rfc-notes.md A19: a SYN that did not reopen the connection (MAY-2, TcpStack) gets
      // the ACK, never a RST. Only the literal rfc793 profile (no MAY-2) resets below.
      c.drop(seg, TcpDropReason.SYN, "SYN in TIME-WAIT that cannot reopen: ACK, never RST (RFC 9293 3.10.7.4, fourth check; MAY-2)");
      receiver.challengeAck("SYN in TIME-WAIT: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, fourth check)");
      return;
    }
    if (cfg.rfc5961Syn()) {
      c.drop(seg, TcpDropReason.SYN, "SYN in a synchronized state: challenge ACK (RFC 5961 4.2; RFC 9293 3.10.7.4, fourth check)");
      receiver.challengeAck("challenge ACK for a SYN (RFC 5961 4.2)");
      return;
    }
    // Without RFC 5961: reset and abort. The reset's form when the SYN has no ACK (docs/rfc-notes.md A12).
    if (seg.has(ACK)) {
      c.sendReset(seg.ack(), "SYN in window: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.4, fourth check)");
    } else {
      c.host().transmit(c.id().local(), c.id().remote(),
          c.segment(0, RST).ack(add(seg.seq(), seg.segLen())).build(), "SYN in window: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> "
          + "(RFC 9293 3.10.7.4, fourth check; docs/rfc-notes.md A12)");
    }
    c.transition(Transition.SYN_IN_WINDOW);
    c.ended(TcpSignal.CONNECTION_RESET);
  }

  /**
   * The fifth check, the ACK field (RFC 9293 3.10.7.4).
   *
   * @return false when the segment was dropped, or the connection ended
   */
  private static boolean ackArrives(Connection c, Segment seg) {
    Tcb tcb = c;
    TcpConfig cfg = c.config();
    Sender sender = c.sender();
    Receiver receiver = c.receiver();
    if (c.state() == SYN_RECEIVED) {
      return ackInSynReceived(c, seg);
    }
    int ack = seg.ack();
    if (tcb.sndUna == tcb.iss && !ackOfOurSyn(c, seg)) {
      return false;
    }
    // RFC 5961 5.2 / MAY-12: an ACK older than SND.UNA - MAX.SND.WND is discarded with an ACK.
    if (cfg.rfc5961Ack() && lt(ack, add(tcb.sndUna, -Math.max(tcb.maxSndWnd, 1)))) {
      c.drop(seg, TcpDropReason.OLD_ACK, "SEG.ACK < SND.UNA - MAX.SND.WND (RFC 5961 5.2; RFC 9293 MAY-12)");
      receiver.challengeAck("ACK for an ACK too old (RFC 5961 5.2)");
      return false;
    }
    if (gt(ack, tcb.sndMax)) {
      // "If the ACK acks something not yet sent (SEG.ACK > SND.NXT) then send an ACK, drop the
      // segment, and return" (from the challenge-ACK budget, counted apart: docs/rfc-notes.md A27).
      c.drop(seg, TcpDropReason.UNACCEPTABLE_ACK, "ACK for data not yet sent (RFC 9293 3.10.7.4, fifth check)");
      receiver.unsentDataAck("ACK of data not yet sent: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4, fifth check)");
      return false;
    }
    int oldSndWnd = tcb.sndWnd;
    boolean newAck = lt(tcb.sndUna, ack);
    // Window update: SND.UNA =< SEG.ACK =< SND.NXT and the WL1/WL2 test (RFC 1122 4.2.2.20 (g)).
    if (geq(ack, tcb.sndUna)
        && (lt(tcb.sndWl1, seg.seq()) || (tcb.sndWl1 == seg.seq() && leq(tcb.sndWl2, ack)))) {
      tcb.updateWindow(seg, ack);
    }
    if (newAck) {
      sender.ackAdvances(ack);
    } else if (ack == tcb.sndUna && sender.hasOutstanding() && seg.dataLength() == 0
        && !seg.has(SYN) && !seg.has(FIN) && seg.window() == oldSndWnd && seg.window() > 0) {
      // A duplicate ACK as RFC 5681 section 2 defines it (a zero window's answers to probes are not).
      sender.duplicateAck(ack);
    }
    sender.ackHeard();
    sender.windowOpened();
    return ourFinAcknowledged(c);
  }

  /**
   * FIN-WAIT-1 entered from SYN-RECEIVED by a CLOSE (RFC 9293 3.10.4), our SYN still
   * unacknowledged: the ACK must meet SYN-RECEIVED's test, SND.UNA < SEG.ACK =< SND.NXT (errata
   * 3301), and the window variables are set from it as on entering ESTABLISHED
   * (docs/rfc-notes.md A6).
   *
   * @return false when the segment was answered with a RST and dropped
   */
  private static boolean ackOfOurSyn(Connection c, Segment seg) {
    int ack = seg.ack();
    if (!(lt(c.sndUna, ack) && leq(ack, c.sndMax))) {
      c.sendReset(ack, "ACK not acknowledging our SYN after CLOSE in SYN-RECEIVED: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.4, fifth check)");
      c.drop(seg, TcpDropReason.UNACCEPTABLE_ACK, "ACK outside SND.UNA < SEG.ACK =< SND.NXT while our SYN is unacknowledged (RFC 9293 3.10.7.4, fifth check)");
      return false;
    }
    c.updateWindow(seg, ack);
    return true;
  }

  /** The fifth check in SYN-RECEIVED: SND.UNA < SEG.ACK =< SND.NXT (errata 3301). */
  private static boolean ackInSynReceived(Connection c, Segment seg) {
    Tcb tcb = c;
    Sender sender = c.sender();
    int ack = seg.ack();
    if (!(lt(tcb.sndUna, ack) && leq(ack, tcb.sndMax))) {
      c.sendReset(ack, "unacceptable ACK in SYN-RECEIVED: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 3.10.7.4, fifth check)");
      c.drop(seg, TcpDropReason.UNACCEPTABLE_ACK, "ACK outside SND.UNA < SEG.ACK =< SND.NXT in SYN-RECEIVED (RFC 9293 3.10.7.4, fifth check)");
      return false;
    }
    if (c.isPassive() && !c.listener().hasAcceptRoom()) {
      // The accept queue is full: ignore the ACK and stay half-open; the SYN,ACK is
      // retransmitted later (what Linux does; RFC 4987 2 leaves it open).
      c.listener().acceptOverflow();
      c.drop(seg, TcpDropReason.BACKLOG, "accept queue full: the completing ACK is ignored (RFC 4987 2)");
      return false;
    }
    tcb.updateWindow(seg, ack);
    sender.ackAdvances(ack);
    c.becomeEstablished(Transition.ACK_IN_SYN_RECEIVED);
    c.announceEstablished();
    if (c.state() == CLOSED) {
      return false; // the application aborted on "connected"
    }
    if (sender.finQueued) {
      // A CLOSE that came in SYN-RECEIVED with data still queued takes effect now.
      c.transition(Transition.CLOSE_QUEUED_IN_SYN_RECEIVED);
    }
    return true;
  }

  /** Our FIN acknowledged moves FIN-WAIT-1, CLOSING and LAST-ACK on (fifth check). */
  private static boolean ourFinAcknowledged(Connection c) {
    Sender sender = c.sender();
    if (!sender.finAcked()) {
      return true;
    }
    switch (c.state()) {
      case FIN_WAIT_1 -> c.transition(Transition.FIN_ACKED_IN_FIN_WAIT_1);
      case CLOSING -> {
        c.transition(Transition.FIN_ACKED_IN_CLOSING);
        c.startTimeWait();
      }
      case LAST_ACK -> {
        c.transition(Transition.FIN_ACKED_IN_LAST_ACK);
        c.ended(TcpSignal.CLOSED);
        return false;
      }
      default -> { }
    }
    return true;
  }

  /**
   * The sixth to eighth checks (URG, text, FIN) on the accepted part of a segment: {@code len}
   * octets from {@code seq}, {@code skip} octets into its data, and its FIN if it kept one. (The
   * parts of {@link FirstCheck.Accepted}, passed apart so that the record never leaves the method that made
   * it, and the JIT's escape analysis can leave it unallocated.)
   */
  private static void processText(Connection c, Segment seg, int seq, int skip, int len, boolean fin) {
    Tcb tcb = c;
    Receiver receiver = c.receiver();
    TcpState state = c.state();
    boolean receiving = state == ESTABLISHED || state == FIN_WAIT_1 || state == FIN_WAIT_2;
    // Sixth, check the URG bit: RCV.UP <- max(RCV.UP, SEG.UP), pointing past the urgent data
    // (RFC 6093; docs/rfc-notes.md A21). Urgent data is legacy (SHLD-13): noted, not signalled.
    if (seg.has(URG) && receiving) {
      int up = add(seg.seq(), seg.urgentPointer());
      if (gt(up, tcb.rcvUp)) {
        tcb.rcvUp = up;
      }
    }
    // Seventh, process the segment text.
    if (len > 0) {
      if (receiving) {
        if (receiver.receiveText(seg, seq, skip, len)) {
          finArrives(c);
        }
      } else {
        // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT: "This should not occur since a FIN has been
        // received from the remote side. Ignore the segment text."
        fin = false;
      }
    }
    // Eighth, check the FIN bit.
    if (fin && receiver.finAt(tcb.rcvNxtOffset + diff(add(seq, len), tcb.rcvNxt))) {
      finArrives(c);
    }
  }

  /** The FIN is next in sequence (RFC 9293 3.10.7.4, eighth check). */
  private static void finArrives(Connection c) {
    Sender sender = c.sender();
    Receiver receiver = c.receiver();
    receiver.consumeFin();
    switch (c.state()) {
      case SYN_RECEIVED -> c.transition(Transition.FIN_IN_SYN_RECEIVED);
      case ESTABLISHED -> c.transition(Transition.FIN_IN_ESTABLISHED);
      case FIN_WAIT_1 -> {
        if (sender.finAcked()) {
          c.transition(Transition.FIN_IN_FIN_WAIT_1_ACKED);
          c.startTimeWait();
        } else {
          c.transition(Transition.SIMULTANEOUS_CLOSE);
        }
      }
      case FIN_WAIT_2 -> {
        c.transition(Transition.FIN_IN_FIN_WAIT_2);
        c.startTimeWait();
      }
      default -> { }
    }
    c.signal(TcpSignal.CLOSING);
    if (c.handler() != null) {
      c.handler().peerClosed(c);
    }
  }
}
