package org.tcpsim.tcp.cc;

/**
 * What Reno and NewReno share: RFC 5681 slow start, congestion avoidance, fast retransmit and
 * the RFC 5681 3.2 fast recovery steps 2 to 5, and the response to a timeout. The subclasses
 * differ only in whether the third duplicate ACK may start fast retransmit and in how an ACK of
 * new data is handled during fast recovery (RFC 5681 3.2 step 6 versus RFC 6582 3.2 step 3).
 *
 * <p>cwnd and ssthresh are held in {@code long} so that no update can overflow; every update
 * clamps them to {@link Integer#MAX_VALUE}.
 */
abstract sealed class RenoFamily implements CongestionControl permits Reno, NewReno {
  /** RFC 5681 3.2: "the arrival of 3 duplicate ACKs" is taken as a loss. */
  static final int DUP_ACK_THRESHOLD = 3;

  private int smss; // 0 until established
  private long initialWindow;
  private long cwnd;
  private long ssthresh = Integer.MAX_VALUE; // RFC 5681 3.1: "arbitrarily high"
  private boolean inFastRecovery;
  private int dupAcks;
  private boolean timedOutSinceNewAck;

  /**
   * IW of RFC 5681 3.1 (the RFC 3390 formula): 2 segments above 2190 bytes, 3 segments above
   * 1095 bytes, otherwise 4 segments.
   */
  static int initialWindow(int smss) {
    if (smss > 2190) {
      return 2 * smss;
    }
    if (smss > 1095) {
      return 3 * smss;
    }
    return 4 * smss;
  }

  @Override
  public final void established(int smss) {
    established(smss, false);
  }

  @Override
  public final void established(int smss, boolean synWasRetransmitted) {
    if (smss <= 0) {
      throw new IllegalArgumentException("SMSS must be positive, got " + smss);
    }
    if (this.smss != 0) {
      throw new IllegalStateException(name() + ": established() called twice");
    }
    this.smss = smss;
    // RFC 5681 3.1: after a lost SYN or SYN/ACK the initial window is one segment.
    initialWindow = synWasRetransmitted ? smss : initialWindow(smss);
    cwnd = initialWindow;
  }

  @Override
  public final int cwnd() {
    return (int) cwnd;
  }

  @Override
  public final int ssthresh() {
    return (int) ssthresh;
  }

  @Override
  public final boolean inFastRecovery() {
    return inFastRecovery;
  }

  @Override
  public final boolean onNewAck(int ackedBytes, int flightSizeBefore, int ack, int sndNxt) {
    requireEstablished("onNewAck");
    if (ackedBytes <= 0 || ackedBytes > flightSizeBefore) {
      throw new IllegalArgumentException(
          "acked bytes must lie in 1.." + flightSizeBefore + " (the flight size), got "
              + ackedBytes);
    }
    // RFC 5681 3.2: duplicate ACKs count only "without any intervening ACKs which move SND.UNA".
    dupAcks = 0;
    timedOutSinceNewAck = false;
    if (inFastRecovery) {
      return newAckInFastRecovery(ackedBytes, flightSizeBefore - ackedBytes, ack);
    }
    if (cwnd < ssthresh) {
      // RFC 5681 3.1 slow start, eq. (2): cwnd += min(N, SMSS) (byte counting, at most SMSS).
      setCwnd(cwnd + Math.min(ackedBytes, smss));
    } else {
      // RFC 5681 3.1 congestion avoidance, eq. (3): cwnd += SMSS*SMSS/cwnd, rounded up to 1 byte
      // when the integer result is 0 (the implementation note below eq. (3)). At cwnd == ssthresh
      // the RFC allows either algorithm; this is the conservative one.
      setCwnd(cwnd + Math.max(1, (long) smss * smss / cwnd));
    }
    return false;
  }

  @Override
  public final boolean onDuplicateAck(int flightSize, int ack, int sndNxt) {
    requireEstablished("onDuplicateAck");
    if (flightSize <= 0) {
      // RFC 5681 section 2, condition (a): a duplicate ACK needs outstanding data.
      throw new IllegalArgumentException(
          "a duplicate ACK needs outstanding data, but the flight size is " + flightSize);
    }
    if (inFastRecovery) {
      // RFC 5681 3.2 step 4: each further duplicate ACK means one more segment left the network.
      setCwnd(cwnd + smss);
      return false;
    }
    dupAcks++;
    if (dupAcks != DUP_ACK_THRESHOLD || !mayEnterFastRetransmit(ack)) {
      // The first and second duplicates change nothing here (RFC 5681 3.2 step 1: limited
      // transmit "MUST NOT change cwnd"); later ones only matter once in fast recovery.
      return false;
    }
    // RFC 5681 3.2 step 2, eq. (4).
    ssthresh = reducedSsthresh(flightSize);
    // RFC 5681 3.2 step 3: retransmit, and inflate by the three segments the receiver holds.
    setCwnd(ssthresh + 3L * smss);
    inFastRecovery = true;
    enteredFastRetransmit(sndNxt);
    return true;
  }

  @Override
  public final void onRetransmissionTimeout(int flightSize, int sndNxt) {
    requireEstablished("onRetransmissionTimeout");
    if (flightSize < 0) {
      throw new IllegalArgumentException("flight size must not be negative, got " + flightSize);
    }
    // RFC 5681 3.1: eq. (4) applies when the segment "has not yet been resent by way of the
    // retransmission timer"; if it has, "the value of ssthresh is held constant". No new ACK
    // since the last timeout means SND.UNA, the segment that timed out, is the same segment.
    if (!timedOutSinceNewAck) {
      ssthresh = reducedSsthresh(flightSize);
    }
    // RFC 5681 3.1: cwnd becomes the loss window, LW = 1 full-sized segment.
    setCwnd(smss);
    inFastRecovery = false;
    dupAcks = 0;
    timedOutSinceNewAck = true;
    timedOut(sndNxt);
  }

  /**
   * RFC 5681 4.1: "a TCP SHOULD set cwnd to no more than RW before beginning transmission if the
   * TCP has not sent data in an interval exceeding the retransmission timeout", RW =
   * min(IW, cwnd). ssthresh is left alone.
   */
  @Override
  public final void onIdleRestart(long idleNs, long rtoNs) {
    requireEstablished("onIdleRestart");
    if (idleNs > rtoNs) {
      setCwnd(Math.min(initialWindow, cwnd));
    }
  }

  /** RFC 5681 eq. (4): max(FlightSize / 2, 2*SMSS). */
  private long reducedSsthresh(int flightSize) {
    return Math.max(flightSize / 2, 2L * smss);
  }

  /**
   * Whether the third duplicate ACK, carrying {@code ack}, may start fast retransmit. Reno:
   * always.
   */
  abstract boolean mayEnterFastRetransmit(int ack);

  /** Called once fast retransmit has been entered; {@code sndNxt} as given by the connection. */
  void enteredFastRetransmit(int sndNxt) {}

  /** Called at the end of {@link #onRetransmissionTimeout}, after fast recovery was left. */
  void timedOut(int sndNxt) {}

  /**
   * An ACK of new data arrived during fast recovery; must set cwnd and may call {@link
   * #exitFastRecovery}.
   *
   * @param flightSizeAfter SND.NXT - SND.UNA after this ACK
   * @return whether the first unacknowledged segment must be retransmitted now
   */
  abstract boolean newAckInFastRecovery(int ackedBytes, int flightSizeAfter, int ack);

  final void exitFastRecovery(long newCwnd) {
    setCwnd(newCwnd);
    inFastRecovery = false;
  }

  final void setCwnd(long newCwnd) {
    cwnd = Math.min(newCwnd, Integer.MAX_VALUE);
  }

  final long cwndBytes() {
    return cwnd;
  }

  final long ssthreshBytes() {
    return ssthresh;
  }

  final int smss() {
    return smss;
  }

  private void requireEstablished(String hook) {
    if (smss == 0) {
      throw new IllegalStateException(name() + ": " + hook + "() before established()");
    }
  }

  @Override
  public String toString() {
    return name() + "{cwnd=" + cwnd + ", ssthresh=" + ssthresh
        + (inFastRecovery ? ", fast recovery" : "") + "}";
  }
}
