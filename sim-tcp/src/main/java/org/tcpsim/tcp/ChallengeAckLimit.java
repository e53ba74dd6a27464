package org.tcpsim.tcp;

/**
 * RFC 5961 7: at most {@code limit} challenge ACKs per second, for the whole host, so that an
 * attacker cannot use them to learn or to amplify. One per host, shared by its connections.
 *
 * <p>The same budget paces RFC 9293's ACK for a segment acknowledging data not yet sent
 * (3.10.7.4, fifth check), which two desynchronized ends can otherwise trade for ever
 * (docs/rfc-notes.md A27). That ACK is no RFC 5961 challenge ACK, so it is counted on its own
 * (README "Counters"): {@code challenge-acks.*} and {@code unsent-data-acks.*}.
 */
public final class ChallengeAckLimit {
  private static final long SECOND = 1_000_000_000L;

  private final int limit;
  private long windowStart = Long.MIN_VALUE;
  private int inWindow;
  private long sent;
  private long suppressed;
  private long unsentDataSent;
  private long unsentDataSuppressed;

  public ChallengeAckLimit(int limit) {
    this.limit = limit;
  }

  /** Whether an RFC 5961 challenge ACK may go at {@code now}; counts it as sent or suppressed. */
  boolean allow(long now) {
    boolean ok = take(now);
    if (ok) {
      sent++;
    } else {
      suppressed++;
    }
    return ok;
  }

  /**
   * Whether the ACK for an ACK of unsent data may go at {@code now}, from the same budget
   * (docs/rfc-notes.md A27); counts it as sent or suppressed.
   */
  boolean allowUnsentDataAck(long now) {
    boolean ok = take(now);
    if (ok) {
      unsentDataSent++;
    } else {
      unsentDataSuppressed++;
    }
    return ok;
  }

  /** One ACK from this second's budget, if any is left. */
  private boolean take(long now) {
    if (windowStart == Long.MIN_VALUE || now - windowStart >= SECOND) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= limit) {
      return false;
    }
    inWindow++;
    return true;
  }

  public long sent() {
    return sent;
  }

  public long suppressed() {
    return suppressed;
  }

  public long unsentDataSent() {
    return unsentDataSent;
  }

  public long unsentDataSuppressed() {
    return unsentDataSuppressed;
  }
}
