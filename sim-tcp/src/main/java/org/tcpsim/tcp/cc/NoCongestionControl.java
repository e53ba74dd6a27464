package org.tcpsim.tcp.cc;

/**
 * No congestion control: the RFC 793 sender, limited only by the receiver's window. cwnd and
 * ssthresh are always {@link Integer#MAX_VALUE} and duplicate ACKs never cause a retransmission;
 * losses are repaired by the retransmission timer alone.
 */
public final class NoCongestionControl implements CongestionControl {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public void established(int smss) {
    if (smss <= 0) {
      throw new IllegalArgumentException("SMSS must be positive, got " + smss);
    }
  }

  @Override
  public int cwnd() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int ssthresh() {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean inFastRecovery() {
    return false;
  }

  @Override
  public boolean onNewAck(int ackedBytes, int flightSizeBefore, int ack, int sndNxt) {
    return false;
  }

  @Override
  public boolean onDuplicateAck(int flightSize, int ack, int sndNxt) {
    return false;
  }

  @Override
  public void onRetransmissionTimeout(int flightSize, int sndNxt) {}

  @Override
  public String toString() {
    return "none";
  }
}
