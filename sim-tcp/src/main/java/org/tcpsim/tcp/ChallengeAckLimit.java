package org.tcpsim.tcp;

/**
 * RFC 5961 7: at most {@code limit} challenge ACKs per second, for the whole host, so that an
 * attacker cannot use them to learn or to amplify. One per host, shared by its connections.
 */
public final class ChallengeAckLimit {
  private static final long SECOND = 1_000_000_000L;

  private final int limit;
  private long windowStart = Long.MIN_VALUE;
  private int inWindow;
  private long sent;
  private long suppressed;

  public ChallengeAckLimit(int limit) {
    this.limit = limit;
  }

  /** Whether a challenge ACK may go at {@code now}; counts it as sent or suppressed. */
  boolean allow(long now) {
    if (windowStart == Long.MIN_VALUE || now - windowStart >= SECOND) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= limit) {
      suppressed++;
      return false;
    }
    inWindow++;
    sent++;
    return true;
  }

  public long sent() {
    return sent;
  }

  public long suppressed() {
    return suppressed;
  }
}
