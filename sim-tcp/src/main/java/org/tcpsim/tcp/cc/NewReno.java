package org.tcpsim.tcp.cc;

import org.tcpsim.tcp.SeqNum;

/**
 * NewReno: RFC 5681 with the fast recovery of RFC 6582, which stays in fast recovery across
 * partial ACKs and retransmits one lost segment per partial ACK.
 *
 * <p>{@code recover} holds, as in RFC 6582 3.2, "the highest sequence number transmitted": the
 * last octet sent, {@code SND.NXT - 1}. Hence:
 *
 * <ul>
 *   <li>the third duplicate ACK enters fast retransmit only when it "covers more than recover",
 *       {@code ack - 1 > recover} (RFC 6582 3.2 step 2, spelled out in its section 4). This also
 *       stops the go-back-N retransmissions after a timeout, which elicit duplicate ACKs below
 *       recover, from triggering a second, false fast retransmit (RFC 6582 section 4.1's
 *       problem; the optional ACK heuristic of that section is not implemented). A consequence
 *       of the literal rule: when the segment starting exactly at the old recover + 1 is lost,
 *       its duplicate ACKs (ack == recover + 1) do not enter fast retransmit, and the
 *       retransmission timer repairs the loss.
 *   <li>an ACK during fast recovery is a full ACK when it acknowledges "all of the data up to
 *       and including recover", {@code ack - 1 >= recover}, and otherwise a partial ACK.
 * </ul>
 *
 * <p>The connection restarts the retransmission timer on each ACK of new data (RFC 6298 5.3),
 * which includes the RFC 6582 3.2 step 3 reset on the first partial ACK.
 */
public final class NewReno extends RenoFamily {
  private boolean recoverSet;
  private int recover;

  @Override
  public String name() {
    return "newreno";
  }

  /** RFC 6582 3.2 step 1: recover starts at the ISS. */
  @Override
  public void initialSendSequence(int iss) {
    recover = iss;
    recoverSet = true;
  }

  /** recover as a raw sequence number; meaningful only when {@link #hasRecover()}. */
  public int recover() {
    return recover;
  }

  /** Whether recover has been set (by the ISS, a fast retransmit or a timeout). */
  public boolean hasRecover() {
    return recoverSet;
  }

  @Override
  boolean mayEnterFastRetransmit(int ack) {
    // RFC 6582 3.2 step 2: "If not, the TCP does not enter fast retransmit and does not reset
    // ssthresh." Without an ISS there is nothing to guard: no retransmission has happened yet.
    return !recoverSet || SeqNum.gt(ack - 1, recover);
  }

  @Override
  void enteredFastRetransmit(int sndNxt) {
    // RFC 6582 3.2 step 2: recover becomes the highest sequence number transmitted so far.
    recover = sndNxt - 1;
    recoverSet = true;
  }

  @Override
  void timedOut(int sndNxt) {
    // RFC 6582 3.2 step 4: "After a retransmit timeout, record the highest sequence number
    // transmitted in the variable recover, and exit the fast recovery procedure if applicable."
    recover = sndNxt - 1;
    recoverSet = true;
  }

  @Override
  boolean newAckInFastRecovery(int ackedBytes, int flightSizeAfter, int ack) {
    long smss = smss();
    if (SeqNum.geq(ack - 1, recover)) {
      // RFC 6582 3.2 step 3, full acknowledgment, option (1): cwnd = min(ssthresh,
      // max(FlightSize, SMSS) + SMSS) with the FlightSize now outstanding. Chosen over option (2),
      // cwnd = ssthresh, because it cannot release a burst when little data is outstanding, so
      // the connection needs no extra burst limiting.
      exitFastRecovery(Math.min(ssthreshBytes(), Math.max(flightSizeAfter, smss) + smss));
      return false;
    }
    // RFC 6582 3.2 step 3, partial acknowledgment: retransmit the first unacknowledged segment,
    // deflate cwnd by the newly acknowledged data, add back SMSS if at least SMSS was acknowledged
    // (that segment left the network), stay in fast recovery. cwnd is kept at one segment or more
    // so that the sender is never left with a window smaller than the loss window.
    long deflated = cwndBytes() - ackedBytes + (ackedBytes >= smss ? smss : 0);
    setCwnd(Math.max(deflated, smss));
    return true;
  }
}
