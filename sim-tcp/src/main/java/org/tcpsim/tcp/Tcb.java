package org.tcpsim.tcp;

import static org.tcpsim.tcp.SeqNum.add;
import static org.tcpsim.tcp.SeqNum.diff;

/**
 * The sequence variables of the transmission control block (RFC 9293 3.3.1) under the RFC's
 * names, as raw 32-bit values compared with {@link SeqNum}. The state, the queues and the timers
 * live with the {@link Connection}, its {@link Sender} and its {@link Receiver}.
 *
 * <p>{@link Connection} extends this class rather than holding one: every segment reads these
 * variables, and in a run with many connections a separate object was one more cache miss per
 * segment (W3 ran 17% slower; README, Performance). The parts of a connection see it as a Tcb.
 *
 * <p>Besides the RFC's variables the sender keeps {@code sndMax}, the highest sequence number sent
 * plus one (BSD's snd_max): after a retransmission timeout SND.NXT goes back to SND.UNA (RFC 5681
 * 3.1's go-back-N), and ACKs up to SND.MAX stay acceptable.
 */
abstract class Tcb {
  // Send sequence variables.
  int iss;
  int sndUna;
  int sndNxt;
  int sndWnd;
  int sndUp;
  int sndWl1;
  int sndWl2;
  int sndMax;
  /** MAX.SND.WND, the largest window the peer has offered (RFC 5961 5.2; RFC 1122 4.2.3.4). */
  int maxSndWnd;
  /** Eff.snd.MSS (RFC 9293 3.7.1, MUST-16). */
  int sndMss = TcpStack.DEFAULT_MSS;

  // Receive sequence variables. RCV.WND is the window last announced, from RCV.NXT to the right
  // edge; the edge never moves left (RFC 9293 3.8.6: a window is not shrunk).
  int irs;
  int rcvNxt;
  int rcvUp;
  int rcvRightEdge;
  /** Octets of sequence space received in order since IRS+1 (RCV.NXT without the wrap). */
  long rcvNxtOffset;

  public final int iss() {
    return iss;
  }

  public final int irs() {
    return irs;
  }

  public final int sndUna() {
    return sndUna;
  }

  public final int sndNxt() {
    return sndNxt;
  }

  public final int sndWnd() {
    return sndWnd;
  }

  public final int rcvNxt() {
    return rcvNxt;
  }

  /** Eff.snd.MSS, the MSS this connection sends with. */
  public final int sndMss() {
    return sndMss;
  }

  /** RCV.WND: the window last announced, measured from RCV.NXT. */
  public final int rcvWnd() {
    return Math.max(0, diff(rcvRightEdge, rcvNxt));
  }

  /** Our SYN: SND.UNA = SND.NXT = SND.MAX = ISS, nothing sent yet. */
  void initSend(int issValue) {
    iss = issValue;
    sndUna = iss;
    sndNxt = iss;
    sndMax = iss;
  }

  /**
   * A SYN cookie's ACK (RFC 4987 3.6): the peer's SYN was SEG.SEQ-1 and ours, whose ISS the
   * cookie was, SEG.ACK-1; both are acknowledged.
   */
  void initFromCookie(Segment ack) {
    irs = add(ack.seq(), -1);
    rcvNxt = ack.seq();
    iss = add(ack.ack(), -1);
    sndUna = ack.ack();
    sndNxt = ack.ack();
    sndMax = ack.ack();
  }

  /** The peer's SYN with sequence number {@code seq}: IRS, and RCV.NXT just past it. */
  void initReceive(int seq) {
    irs = seq;
    rcvNxt = add(irs, 1);
    rcvNxtOffset = 0;
  }

  /** What is wrong with these variables (SND.UNA =< SND.NXT =< SND.MAX, RCV.WND >= 0), or null. */
  String invariantViolation() {
    if (SeqNum.gt(sndUna, sndNxt)) {
      return "SND.UNA > SND.NXT";
    }
    if (SeqNum.gt(sndNxt, sndMax)) {
      return "SND.NXT > SND.MAX";
    }
    return rcvWnd() < 0 ? "RCV.WND < 0" : null;
  }

  /** SND.WND, SND.WL1, SND.WL2 from a segment (RFC 9293 3.10.7.4, fifth check). */
  void updateWindow(Segment seg, int ack) {
    sndWnd = seg.window();
    sndWl1 = seg.seq();
    sndWl2 = ack;
    maxSndWnd = Math.max(maxSndWnd, sndWnd);
  }
}
