package org.tcpsim.tcp;

import org.tcpsim.core.Time;

/**
 * The retransmission timeout of RFC 6298: SRTT, RTTVAR and RTO of one connection, with the
 * exponential backoff of section 5.5 and the 3-second rule of section 5.7.
 *
 * <p>All times are nanoseconds. The estimator never reads a clock: the connection measures an
 * RTT and passes it to {@link #sample(long)}. Choosing which segments may be timed (Karn's
 * algorithm, RFC 6298 section 3) is the connection's job; every value given to {@code sample}
 * is taken as a valid measurement.
 *
 * <p>Arithmetic is exact {@code long} arithmetic in nanoseconds so that tests can predict every
 * value. With alpha = 1/8 and beta = 1/4 (RFC 6298 2.3) the updates are
 *
 * <pre>
 *   rttvar = (3 * rttvar + |srtt - r|) / 4     // with the old srtt
 *   srtt   = (7 * srtt + r) / 8
 * </pre>
 *
 * and the first measurement sets {@code rttvar = r / 2}. Each division truncates (all operands
 * are non-negative, so this is rounding down); at nanosecond resolution the error is below one
 * nanosecond per update.
 */
public final class RttEstimator {
  /** K of RFC 6298 2.2 and 2.3. */
  private static final long K = 4;

  /** RFC 6298 5.7: the RTO once data transmission begins after a SYN timed out. */
  public static final long RTO_AFTER_SYN_TIMEOUT = 3 * Time.SECOND;

  /**
   * The largest RTT sample accepted: with it, {@code 7 * srtt + r} and {@code srtt + K *
   * rttvar} cannot overflow a {@code long}. It is about 36 years.
   */
  public static final long MAX_SAMPLE = Long.MAX_VALUE / 8;

  private final long initialRto;
  private final long minRto;
  private final long maxRto;
  private final long clockGranularity;

  private boolean hasSample;
  private long srtt;
  private long rttvar;
  private long rto;
  private int backoffCount;

  /**
   * @param initialRto the RTO before the first measurement (RFC 6298 2.1 recommends 1 s); must
   *     lie in [minRto, maxRto]
   * @param minRto the lower bound of every computed RTO (RFC 6298 2.4: 1 s); must be positive
   * @param maxRto the upper bound of the RTO, also of the backoff (RFC 6298 2.5 allows one of at
   *     least 60 s; not enforced here so that experiments may use other values)
   * @param clockGranularity G of RFC 6298 section 2; 0 models a perfect clock
   * @throws IllegalArgumentException when a value is out of range, saying which
   */
  public RttEstimator(long initialRto, long minRto, long maxRto, long clockGranularity) {
    if (minRto <= 0) {
      throw new IllegalArgumentException("minimum RTO must be positive, got " + minRto + " ns");
    }
    if (maxRto < minRto) {
      throw new IllegalArgumentException(
          "maximum RTO " + Time.format(maxRto) + " is below the minimum RTO "
              + Time.format(minRto));
    }
    if (initialRto < minRto || initialRto > maxRto) {
      throw new IllegalArgumentException(
          "initial RTO " + Time.format(initialRto) + " must lie between the minimum RTO "
              + Time.format(minRto) + " and the maximum RTO " + Time.format(maxRto));
    }
    if (clockGranularity < 0) {
      throw new IllegalArgumentException(
          "clock granularity must not be negative, got " + clockGranularity + " ns");
    }
    this.initialRto = initialRto;
    this.minRto = minRto;
    this.maxRto = maxRto;
    this.clockGranularity = clockGranularity;
    this.rto = initialRto;
  }

  /** The RFC 6298 recommendations: initial RTO 1 s, minimum 1 s, maximum 60 s, given G. */
  public static RttEstimator rfc6298Defaults(long clockGranularity) {
    return new RttEstimator(Time.SECOND, Time.SECOND, 60 * Time.SECOND, clockGranularity);
  }

  /** The current RTO in ns, including any backoff (RFC 6298 5.5). */
  public long rto() {
    return rto;
  }

  /** Whether an RTT measurement has been made (RFC 6298 2.1 versus 2.2). */
  public boolean hasSample() {
    return hasSample;
  }

  /** SRTT in ns; 0 until {@link #hasSample()}. */
  public long srtt() {
    return srtt;
  }

  /** RTTVAR in ns; 0 until {@link #hasSample()}. */
  public long rttvar() {
    return rttvar;
  }

  /** How many times {@link #backoff()} doubled the RTO since it was last computed or reset. */
  public int backoffCount() {
    return backoffCount;
  }

  /**
   * Takes one RTT measurement {@code r} (ns): RFC 6298 2.2 for the first, 2.3 afterwards, then
   * the bounds of 2.4 and 2.5. A measurement replaces a backed-off RTO with the computed one
   * (RFC 6298 section 5, the note after 5.7: the RTO "collapses" back down).
   *
   * @throws IllegalArgumentException if {@code r} is negative or above {@link #MAX_SAMPLE}
   */
  public void sample(long r) {
    if (r < 0 || r > MAX_SAMPLE) {
      throw new IllegalArgumentException(
          "RTT sample must lie between 0 and " + MAX_SAMPLE + " ns, got " + r + " ns");
    }
    if (!hasSample) {
      // RFC 6298 2.2: SRTT <- R, RTTVAR <- R/2.
      srtt = r;
      rttvar = r / 2;
      hasSample = true;
    } else {
      // RFC 6298 2.3: RTTVAR first, with the SRTT from before this sample ("MUST be computed in
      // the above order"); beta = 1/4, alpha = 1/8.
      rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
      srtt = (7 * srtt + r) / 8;
    }
    // RFC 6298 2.2 and 2.3: RTO <- SRTT + max(G, K*RTTVAR); then 2.4 and 2.5.
    rto = clamp(srtt + Math.max(clockGranularity, K * rttvar));
    backoffCount = 0;
  }

  /**
   * The retransmission timer expired: RFC 6298 5.5, RTO <- RTO * 2, bounded by the maximum RTO
   * (2.5). Applies before the first measurement too (2.1: "the backing off ... still applies").
   */
  public void backoff() {
    // Compared with maxRto / 2 rather than doubling first, so that 2 * rto cannot overflow.
    rto = rto > maxRto / 2 ? maxRto : 2 * rto;
    backoffCount++;
  }

  /**
   * The three-way handshake completed; call once, when data transmission may begin.
   *
   * <p>RFC 6298 5.7: "If the timer expires awaiting the ACK of a SYN segment and the TCP
   * implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to 3
   * seconds when data transmission begins". So when {@code synWasRetransmitted} (our SYN, or
   * our SYN-ACK, timed out) and no measurement has been made, the RTO becomes {@code max(3 s,
   * initial RTO)}, bounded by the minimum and maximum RTO, and the backoff is cleared: the
   * backed-off handshake RTO is not carried into the data phase. An implementation whose
   * initial RTO is already 3 s or more is not "using an RTO less than 3 seconds" and returns to
   * its initial RTO.
   *
   * <p>When a measurement exists (e.g. taken by the timestamp option despite the retransmission)
   * the computed RTO stands, and when the SYN was not retransmitted nothing changes.
   */
  public void handshakeCompleted(boolean synWasRetransmitted) {
    if (synWasRetransmitted && !hasSample) {
      rto = clamp(Math.max(RTO_AFTER_SYN_TIMEOUT, initialRto));
      backoffCount = 0;
    }
  }

  private long clamp(long value) {
    return Math.min(Math.max(value, minRto), maxRto);
  }

  @Override
  public String toString() {
    String rtt =
        hasSample
            ? "srtt=" + Time.format(srtt) + ", rttvar=" + Time.format(rttvar)
            : "no sample";
    return "RttEstimator{" + rtt + ", rto=" + Time.format(rto) + ", backoff=" + backoffCount
        + "}";
  }
}
