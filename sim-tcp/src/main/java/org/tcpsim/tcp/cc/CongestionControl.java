package org.tcpsim.tcp.cc;

/**
 * A sender's congestion control algorithm, driven by the connection through hooks (in the manner
 * of OMNeT++ INET's TCP algorithms): the connection detects the events (new ACK, duplicate ACK,
 * timeout) and does all sending; the algorithm keeps cwnd and ssthresh and says when a
 * retransmission is due. One instance serves one connection; get a fresh one from {@link
 * CongestionAlgorithm#create()}.
 *
 * <p>Byte counts are {@code int} octets; sequence numbers are raw 32-bit values compared with
 * {@link org.tcpsim.tcp.SeqNum}. Implementations compute in {@code long} and never let cwnd or
 * ssthresh exceed {@link Integer#MAX_VALUE}.
 */
public interface CongestionControl {
  /** {@code "none"}, {@code "reno"} or {@code "newreno"}. */
  String name();

  /**
   * Connection reached ESTABLISHED; smss is the effective send MSS. Sets the initial window (RFC
   * 5681 3.1, RFC 3390 formula) and ssthresh (initially "arbitrarily high": Integer.MAX_VALUE).
   * The ACK of the SYN is not passed to {@link #onNewAck}: RFC 5681 3.1 says it "MUST NOT
   * increase the size of the congestion window".
   */
  void established(int smss);

  /**
   * As {@link #established(int)}, for a connection whose SYN or SYN-ACK was retransmitted. RFC
   * 5681 3.1: "if the SYN or SYN/ACK is lost, the initial window used by a sender after a
   * correctly transmitted SYN MUST be one segment consisting of at most SMSS bytes". {@code
   * established(smss)} is {@code established(smss, false)}.
   */
  default void established(int smss, boolean synWasRetransmitted) {
    established(smss);
  }

  /**
   * Optional: the connection's ISS, given before or at {@link #established(int)}. RFC 6582 3.2
   * step 1: "When the TCP protocol control block is initialized, recover is set to the initial
   * send sequence number." Only NewReno uses it; if it is never called, NewReno treats recover
   * as unset and lets the first three duplicate ACKs enter fast retransmit whatever their ACK
   * value (the literal rule would refuse when the very first data segment is lost).
   */
  default void initialSendSequence(int iss) {}

  /** Bytes; Integer.MAX_VALUE for "none"; for reno and newreno 0 before {@link #established}. */
  int cwnd();

  /** Bytes; Integer.MAX_VALUE until the first congestion signal. */
  int ssthresh();

  /** Between a fast retransmit and the ACK that ends fast recovery (RFC 5681 3.2 steps 2-6). */
  boolean inFastRecovery();

  /**
   * A new ACK advanced SND.UNA by ackedBytes (>0). flightSizeBefore = SND.NXT-SND.UNA before this
   * ACK; ack = SEG.ACK (sequence number, compare with org.tcpsim.tcp.SeqNum); sndNxt = SND.NXT
   * now.
   *
   * @return true when the sender must retransmit the first unacknowledged segment right now
   *     (NewReno partial ACK, RFC 6582 3.2 step 3)
   */
  boolean onNewAck(int ackedBytes, int flightSizeBefore, int ack, int sndNxt);

  /**
   * A duplicate ACK as RFC 5681 section 2 defines it (the caller checks the five conditions).
   * flightSize = SND.NXT-SND.UNA.
   *
   * @param sndNxt the highest sequence number sent plus one (SND.NXT, or SND.MAX if the
   *     connection ever moves SND.NXT back); NewReno records {@code sndNxt - 1} in recover
   * @return true when the sender must retransmit the segment at SND.UNA right now (fast
   *     retransmit on the third duplicate, RFC 5681 3.2 steps 2-3; NewReno enters only when the
   *     ACK covers more than recover, RFC 6582 3.2 step 2)
   */
  boolean onDuplicateAck(int flightSize, int ack, int sndNxt);

  /**
   * The retransmission timer expired (RFC 5681 3.1 eq. (4) and loss window; RFC 6582 section 3.2
   * step 4 on recover). flightSize = SND.NXT-SND.UNA before the timeout.
   *
   * @param sndNxt as for {@link #onDuplicateAck}: before any go-back-N rewind of SND.NXT
   */
  void onRetransmissionTimeout(int flightSize, int sndNxt);

  /**
   * RFC 5681 4.1 restart after idle: call before sending, with {@code idleNs} the time since data
   * was last sent and {@code rtoNs} the current RTO. The default does nothing (no restart).
   */
  default void onIdleRestart(long idleNs, long rtoNs) {}
}
