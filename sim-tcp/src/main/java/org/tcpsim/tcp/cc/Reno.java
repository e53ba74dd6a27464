package org.tcpsim.tcp.cc;

/**
 * Reno: the congestion control of RFC 5681 (slow start, congestion avoidance, fast retransmit,
 * fast recovery). Every third duplicate ACK outside fast recovery starts fast retransmit, and
 * the first ACK of new data ends fast recovery, even if it covers only part of the data that
 * was outstanding (which is why Reno handles several losses in one window poorly; see {@link
 * NewReno}).
 */
public final class Reno extends RenoFamily {
  @Override
  public String name() {
    return "reno";
  }

  @Override
  boolean mayEnterFastRetransmit(int ack) {
    return true;
  }

  @Override
  boolean newAckInFastRecovery(int ackedBytes, int flightSizeAfter, int ack) {
    // RFC 5681 3.2 step 6: "set cwnd to ssthresh ... This is termed 'deflating' the window."
    exitFastRecovery(ssthreshBytes());
    return false;
  }
}
