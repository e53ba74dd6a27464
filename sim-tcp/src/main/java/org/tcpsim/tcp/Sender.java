package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;
import static org.tcpsim.tcp.SeqNum.geq;
import static org.tcpsim.tcp.SeqNum.gt;
import static org.tcpsim.tcp.SeqNum.lt;
import static org.tcpsim.tcp.TcpFlags.ACK;
import static org.tcpsim.tcp.TcpFlags.FIN;
import static org.tcpsim.tcp.TcpFlags.PSH;
import static org.tcpsim.tcp.TcpFlags.SYN;

import org.tcpsim.tcp.cc.CongestionControl;

/**
 * The sending half of a connection: the send buffer (which is also the retransmission queue),
 * the output routine with the send window, Nagle and sender silly-window avoidance (RFC 1122
 * 4.2.3.4), retransmission (RFC 6298, RFC 5681), zero-window probing (RFC 9293 3.8.6.1) and the
 * RTT measurement. It moves SND.UNA, SND.NXT and SND.MAX in the {@link Tcb}.
 */
final class Sender {
  private final Connection c;
  private final Tcb tcb;
  private final TcpConfig cfg;
  private final SendBuffer buffer = new SendBuffer();
  private final RttEstimator rtt;
  private final CongestionControl cc;

  /** Sequence number of the send buffer's first octet. */
  private int dataUna;
  /** The user called CLOSE: a FIN follows the data. */
  boolean finQueued;
  private boolean finSent;
  private int finSeq;
  private boolean rttTiming;
  private int rttSeq;
  private long rttStart;
  /** Consecutive timeouts of the same data (R1 and R2, RFC 1122 4.2.3.5). */
  private int retransmits;
  private long outstandingSince;
  private boolean synRetransmitted;
  private long persistInterval;
  /** Zero-window probes sent since the last acceptable ACK. */
  private int probesUnanswered;
  /** When data (not a pure ACK or FIN) last went out; Long.MIN_VALUE before any. */
  private long lastDataSent = Long.MIN_VALUE;
  private long bytesAcked;
  private long segmentsRetransmitted;

  Sender(Connection c, Tcb tcb, TcpConfig cfg) {
    this.c = c;
    this.tcb = tcb;
    this.cfg = cfg;
    this.rtt = new RttEstimator(cfg.rtoInitial(), cfg.rtoMin(), cfg.rtoMax(), cfg.clockGranularity());
    this.cc = cfg.congestion().create();
  }

  RttEstimator rtt() {
    return rtt;
  }

  CongestionControl cc() {
    return cc;
  }

  long queued() {
    return buffer.length();
  }

  /** Whether the user ever called SEND (RFC 9293 3.10.4's "no SENDs have been issued"). */
  boolean sendsIssued() {
    return buffer.totalQueued() > 0;
  }

  long bytesAcked() {
    return bytesAcked;
  }

  long segmentsRetransmitted() {
    return segmentsRetransmitted;
  }

  boolean synRetransmitted() {
    return synRetransmitted;
  }

  boolean probing() {
    return c.isTimerSet(TimerKind.PERSIST);
  }

  /** The ISS is chosen: the first data octet will be ISS+1 (a SYN cookie's data starts at ack). */
  void start(int firstDataSeq) {
    dataUna = firstDataSeq;
    outstandingSince = c.now();
  }

  void append(int length, byte[] data) {
    buffer.append(length, data);
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /** Sends our SYN, or our SYN,ACK in SYN-RECEIVED, and arms the retransmission timer. */
  void sendSyn(String cause) {
    Segment.Builder b = Segment.builder()
        .ports(c.id().local().port(), c.id().remote().port())
        .seq(tcb.iss)
        .flags(SYN)
        .window(c.receiver().announceWindow())
        .options(TcpOptions.NONE.withMss(cfg.mss()));
    if (c.state() != TcpState.SYN_SENT) {
      b.ack(tcb.rcvNxt); // the peer's SYN is known: SYN,ACK (in FIN-WAIT-1 after CLOSE, too)
    }
    Segment s = b.build();
    if (tcb.sndMax == tcb.iss) {
      tcb.sndMax = add(tcb.iss, 1);
      startTiming(tcb.iss);
    }
    tcb.sndNxt = add(tcb.iss, 1);
    c.transmit(s, cause);
    if (!c.isTimerSet(TimerKind.RETRANSMIT)) {
      c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
    }
  }

  /**
   * The output routine: sends as much new (or, after a timeout, re-sent) data as the send window
   * (min of SND.WND and cwnd), Nagle and silly-window avoidance allow, then the FIN after the last
   * octet.
   *
   * @return how many of the segments sent were retransmissions
   */
  int output() {
    return output(false);
  }

  /**
   * The output routine; {@code persistExpired} lets a partial segment past sender SWS avoidance,
   * as RFC 1122 4.2.3.4 allows when the persist timer forces a send.
   */
  private int output(boolean persistExpired) {
    if (!c.state().canSendData()) {
      return 0;
    }
    restartAfterIdle();
    long before = segmentsRetransmitted;
    while (true) {
      long sentData = Math.max(0, (long) diff(tcb.sndNxt, dataUna));
      long unsent = Math.max(0, buffer.length() - sentData);
      boolean finReady = finQueued && unsent == 0 && (!finSent || tcb.sndNxt == finSeq);
      int inFlight = diff(tcb.sndNxt, tcb.sndUna);
      long window = Math.min((long) tcb.sndWnd, cc.cwnd());
      long usable = window - inFlight;
      int len = (int) Math.max(0, Math.min(Math.min(unsent, tcb.sndMss), usable));
      if (len == 0 && !finReady) {
        if (unsent > 0 && tcb.sndWnd == 0 && tcb.sndNxt == tcb.sndMax && !c.isTimerSet(TimerKind.RETRANSMIT)) {
          startPersist();
        }
        break;
      }
      if (len > 0 && len < tcb.sndMss && len < unsent && len < tcb.maxSndWnd / 2 && !persistExpired) {
        // Sender SWS avoidance (RFC 1122 4.2.3.4): more data waits than the window allows; send a
        // partial segment only if it is at least half of the largest window seen.
        if (tcb.sndWnd == 0 || inFlight == 0) {
          startPersist();
        }
        break;
      }
      if (len > 0 && len < tcb.sndMss && len == unsent && cfg.nagle() && inFlight > 0 && !finQueued) {
        // Nagle (RFC 896; RFC 1122 4.2.3.4): hold a small segment while data is unacknowledged.
        break;
      }
      boolean fin = finQueued && len == unsent && (!finSent || add(tcb.sndNxt, len) == finSeq);
      sendData(tcb.sndNxt, len, fin, lt(tcb.sndNxt, tcb.sndMax)
          ? "retransmission after timeout (RFC 6298 5.4; RFC 5681 3.1)" : "new data");
      tcb.sndNxt = add(tcb.sndNxt, len + (fin ? 1 : 0));
      armRetransmit();
      if (fin) {
        break;
      }
    }
    return (int) (segmentsRetransmitted - before);
  }

  /**
   * Puts [seq, seq+len) of the send buffer on the wire, with a FIN after it when {@code fin}, and
   * keeps SND.MAX, the RTT measurement and the retransmission count. SND.NXT is the caller's.
   */
  private void sendData(int seq, int len, boolean fin, String cause) {
    long offset = diff(seq, dataUna);
    int flags = ACK;
    if (fin) {
      flags |= FIN;
    }
    if (len > 0 && offset + len == buffer.length()) {
      flags |= PSH; // the last octet the user gave us: push it (RFC 9293 3.9.1.2)
    }
    Segment.Builder b = Segment.builder()
        .ports(c.id().local().port(), c.id().remote().port())
        .seq(seq)
        .ack(tcb.rcvNxt)
        .flags(flags)
        .window(c.receiver().announceWindow())
        .dataLength(len);
    if (len > 0 && buffer.hasContent()) {
      b.payload(buffer.copy(offset, len));
    }
    int end = add(seq, len + (fin ? 1 : 0));
    if (len > 0) {
      lastDataSent = c.now();
    }
    boolean retransmission = lt(seq, tcb.sndMax);
    if (retransmission) {
      segmentsRetransmitted++;
      c.host().counts().retransmissions++;
      if (rttTiming && geq(rttSeq, seq) && lt(rttSeq, end)) {
        rttTiming = false; // Karn: no sample from a retransmitted segment
      }
    }
    if (fin && !finSent) {
      finSent = true;
      finSeq = add(seq, len);
    }
    if (gt(end, tcb.sndMax)) {
      if (tcb.sndMax == tcb.sndUna) {
        outstandingSince = c.now();
      }
      if (!retransmission) {
        startTiming(seq);
      }
      tcb.sndMax = end;
    }
    c.transmit(b.build(), cause);
  }

  /** Re-sends one segment from SND.UNA (fast retransmit, NewReno partial ACK, RFC 6298 5.4). */
  private void retransmitFirst(String cause) {
    if (!c.state().canSendData()) {
      return;
    }
    long outstandingData = Math.max(0, Math.min(buffer.length(), (long) diff(tcb.sndMax, dataUna)));
    int len = (int) Math.min(outstandingData, tcb.sndMss);
    boolean fin = finSent && add(tcb.sndUna, len) == finSeq;
    if (len == 0 && !fin) {
      return;
    }
    sendData(tcb.sndUna, len, fin, cause);
    armRetransmit();
  }

  /**
   * RFC 5681 4.1: "a TCP SHOULD set cwnd to no more than RW before beginning transmission if the
   * TCP has not sent data in an interval exceeding the retransmission timeout", RW being
   * min(IW, cwnd). Only with nothing in flight: a connection waiting for ACKs is not idle.
   */
  private void restartAfterIdle() {
    if (cfg.slowStartAfterIdle() && lastDataSent != Long.MIN_VALUE && !hasOutstanding()) {
      long idle = c.now() - lastDataSent;
      if (idle > rtt.rto()) {
        cc.onIdleRestart(idle, rtt.rto());
      }
    }
  }

  /** RFC 6298 5.1: a segment with data went out; the timer runs if it was not running. */
  private void armRetransmit() {
    if (!c.isTimerSet(TimerKind.RETRANSMIT)) {
      c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
    }
  }

  private void startTiming(int seq) {
    if (!rttTiming) {
      rttTiming = true;
      rttSeq = seq;
      rttStart = c.now();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Acknowledgments (RFC 9293 3.10.7.4, fifth check)

  /** SND.UNA advances to {@code ack} (SND.UNA < ack =< SND.MAX). */
  void ackAdvances(int ack) {
    int acked = diff(ack, tcb.sndUna);
    int flightBefore = diff(tcb.sndMax, tcb.sndUna);
    boolean synWasOutstanding = tcb.sndUna == tcb.iss;
    tcb.sndUna = ack;
    if (lt(tcb.sndNxt, ack)) {
      tcb.sndNxt = ack;
    }
    int dataAcked = (int) Math.min(Math.max(0, diff(ack, dataUna)), buffer.length());
    if (dataAcked > 0) {
      buffer.acknowledge(dataAcked);
      dataUna = add(dataUna, dataAcked);
      bytesAcked += dataAcked;
    }
    // RTT sample, never from a retransmitted segment (Karn; RFC 6298 3).
    if (rttTiming && gt(ack, rttSeq)) {
      rtt.sample(c.now() - rttStart);
      rttTiming = false;
    }
    if (synWasOutstanding) {
      rtt.handshakeCompleted(synRetransmitted);
    }
    retransmits = 0;
    outstandingSince = c.now();
    // RFC 6298 5.2 and 5.3: stop the timer when all is acknowledged, else restart it.
    if (tcb.sndUna == tcb.sndMax) {
      c.cancelTimer(TimerKind.RETRANSMIT);
    } else {
      c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
    }
    if (c.state().isSynchronized() && !synWasOutstanding
        && cc.onNewAck(dataAcked > 0 ? dataAcked : acked, flightBefore, ack, tcb.sndMax)) {
      retransmitFirst("partial ACK in fast recovery: retransmit (RFC 6582 3.2)");
    }
    if (dataAcked > 0 && buffer.length() == 0 && c.handler() != null) {
      c.handler().sendBufferEmpty(c);
    }
  }

  /** A duplicate ACK as RFC 5681 section 2 defines it: the third starts fast retransmit. */
  void duplicateAck(int ack) {
    if (cc.onDuplicateAck(diff(tcb.sndMax, tcb.sndUna), ack, tcb.sndMax)) {
      retransmitFirst("third duplicate ACK: fast retransmit (RFC 5681 3.2)");
    }
  }

  /** Whether anything is unacknowledged (SND.MAX != SND.UNA). */
  boolean hasOutstanding() {
    return tcb.sndMax != tcb.sndUna;
  }

  /** An acceptable ACK arrived (RFC 9293 3.10.7.4, fifth check): the peer answers probes. */
  void ackHeard() {
    probesUnanswered = 0;
  }

  /** The peer opened its window: a persist wait is over. */
  void windowOpened() {
    if (tcb.sndWnd > 0 && c.isTimerSet(TimerKind.PERSIST)) {
      c.cancelTimer(TimerKind.PERSIST);
    }
  }

  boolean finAcked() {
    return finSent && gt(tcb.sndUna, finSeq);
  }

  /** ESTABLISHED: the congestion window starts (RFC 5681 3.1; RFC 6582 3.2 step 1). */
  void established() {
    cc.initialSendSequence(tcb.iss);
    cc.established(tcb.sndMss, synRetransmitted);
  }

  /** TIME-WAIT or CLOSED: nothing is sent again. */
  void stopTimers() {
    c.cancelTimer(TimerKind.RETRANSMIT);
    c.cancelTimer(TimerKind.PERSIST);
  }

  // ---------------------------------------------------------------------------------------------
  // Timers

  /** RFC 6298 5.4 to 5.7, with R1 and R2 of RFC 1122 4.2.3.5. */
  void retransmitTimeout() {
    long elapsed = c.now() - outstandingSince;
    TcpState state = c.state();
    switch (state) {
      case SYN_SENT, SYN_RECEIVED -> {
        boolean passive = c.isPassive();
        int limit = state == TcpState.SYN_RECEIVED && passive ? cfg.synackRetries() : cfg.synRetries();
        if (retransmits >= limit || (!passive && elapsed >= cfg.r2Syn())) {
          c.giveUp(state == TcpState.SYN_SENT
              ? Transition.SYN_RETRIES_EXHAUSTED : Transition.SYN_ACK_RETRIES_EXHAUSTED);
          return;
        }
        retransmits++;
        synRetransmitted = true;
        rtt.backoff();
        rttTiming = false;
        segmentsRetransmitted++;
        c.host().counts().retransmissions++;
        sendSyn(state == TcpState.SYN_SENT
            ? "SYN retransmission (RFC 6298 5.4, 5.5)"
            : "SYN,ACK retransmission (RFC 6298 5.4, 5.5)");
        c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
      }
      case FIN_WAIT_1 -> {
        if (tcb.sndUna == tcb.iss) {
          synAckAndFinTimeout(elapsed);
        } else {
          dataTimeout(elapsed);
        }
      }
      case ESTABLISHED, CLOSE_WAIT, CLOSING, LAST_ACK -> dataTimeout(elapsed);
      default -> { }
    }
  }

  /**
   * A CLOSE in SYN-RECEIVED sent the FIN before our SYN was acknowledged (RFC 9293 3.10.4): both
   * are outstanding, and both go again, the SYN,ACK under its own retry limit.
   */
  private void synAckAndFinTimeout(long elapsed) {
    int limit = c.isPassive() ? cfg.synackRetries() : cfg.synRetries();
    if (retransmits >= limit || (!c.isPassive() && elapsed >= cfg.r2Syn())) {
      c.giveUp(Transition.SYN_ACK_RETRIES_EXHAUSTED_AFTER_CLOSE);
      return;
    }
    retransmits++;
    synRetransmitted = true;
    rtt.backoff();
    rttTiming = false;
    segmentsRetransmitted++;
    c.host().counts().retransmissions++;
    sendSyn("SYN,ACK retransmission (RFC 6298 5.4, 5.5)");
    sendData(finSeq, 0, true, "FIN retransmission after the SYN,ACK (RFC 6298 5.4)");
    tcb.sndNxt = add(finSeq, 1);
    c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
  }

  private void dataTimeout(long elapsed) {
    if (retransmits >= cfg.retries() || elapsed >= cfg.r2()) {
      c.giveUp(Transition.R2_REACHED);
      return;
    }
    retransmits++;
    boolean r1 = retransmits == cfg.r1();
    if (r1) {
      c.host().timerFired(c.id(), TimerKind.R1, "R1 reached: negative advice to IP (RFC 1122 4.2.3.5)");
    }
    // RFC 5681 3.1 eq. (4) and the loss window; RFC 6298 5.5 back off; 5.4 retransmit the
    // earliest unacknowledged segment: go back to SND.UNA.
    cc.onRetransmissionTimeout(diff(tcb.sndMax, tcb.sndUna), tcb.sndMax);
    rtt.backoff();
    rttTiming = false;
    tcb.sndNxt = tcb.sndUna;
    if (output() == 0) {
      // Nothing went out (a zero window): the probe keeps the connection alive.
      retransmitFirst("retransmission after timeout (RFC 6298 5.4)");
    }
    c.setTimer(TimerKind.RETRANSMIT, c.now() + rtt.rto());
    if (r1 && cfg.r1Signal()) {
      // Last: the application may CLOSE or ABORT from the callback.
      c.deliveryProblem();
    }
  }

  private void startPersist() {
    if (c.isTimerSet(TimerKind.PERSIST)) {
      return;
    }
    // SHLD-29: the first probe after one RTO; SHLD-30: then exponentially backed off.
    persistInterval = persistInterval == 0 ? rtt.rto() : persistInterval;
    c.setTimer(TimerKind.PERSIST, c.now() + persistInterval);
  }

  void persistTimeout() {
    if (!c.state().canSendData()) {
      return;
    }
    long sentData = Math.max(0, (long) diff(tcb.sndNxt, dataUna));
    if (buffer.length() - sentData <= 0 || tcb.sndWnd > 0) {
      persistInterval = 0;
      output(true);
      return;
    }
    // RFC 9293 3.8.6.1: the connection is kept while the receiver answers; probes that go
    // unanswered count as retransmissions do (Linux's tcp_probe_timer), or a dead peer behind a
    // zero window would hold the connection for ever (keep-alive cannot help: MUST-26).
    if (++probesUnanswered > cfg.retries()) {
      c.giveUp(Transition.ZERO_WINDOW_PROBES_UNANSWERED);
      return;
    }
    // A zero-window probe: one octet beyond the window (RFC 9293 3.8.6.1; MUST-36). SND.NXT does
    // not move, so the octet is sent again as ordinary data when the window opens. It is not
    // data sent for RFC 5681 4.1's idle test: the sender was blocked, not idle.
    long lastData = lastDataSent;
    sendData(tcb.sndNxt, 1, false, "zero-window probe (RFC 9293 3.8.6.1, MUST-36)");
    lastDataSent = lastData;
    persistInterval = Math.min(persistInterval * 2, cfg.rtoMax());
    c.setTimer(TimerKind.PERSIST, c.now() + persistInterval);
  }
}
