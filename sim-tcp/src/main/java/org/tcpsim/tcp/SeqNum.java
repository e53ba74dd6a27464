package org.tcpsim.tcp;

/**
 * Arithmetic and comparisons on 32-bit TCP sequence numbers.
 *
 * <p>A sequence number is held in a Java {@code int} as its raw 32 bits; its meaning is the
 * unsigned value 0..2^32-1. RFC 9293 section 3.4: "all arithmetic dealing with sequence numbers
 * must be performed modulo 2^32". Every comparison in the TCP code goes through this class so
 * that the wrap from 2^32-1 to 0 is handled in one tested place.
 *
 * <p>Ordering uses the usual signed-difference rule (RFC 1982 serial number arithmetic, as in
 * BSD's {@code SEQ_LT}): {@code a < b} when the 32-bit difference {@code a - b}, read as a signed
 * number, is negative. This is meaningful only when the two numbers are less than 2^31 apart,
 * which TCP guarantees by keeping windows far below 2^31. When they are exactly 2^31 apart the
 * order is undefined in RFC 1982; here {@code lt(a, b)} and {@code lt(b, a)} are then both true.
 */
public final class SeqNum {
  private SeqNum() {}

  /** {@code a < b} modulo 2^32 (RFC 9293 3.4, "<"). */
  public static boolean lt(int a, int b) {
    return a - b < 0;
  }

  /** {@code a =< b} modulo 2^32 (RFC 9293 3.4, "=<"). */
  public static boolean leq(int a, int b) {
    return a - b <= 0;
  }

  /** {@code a > b} modulo 2^32. */
  public static boolean gt(int a, int b) {
    return a - b > 0;
  }

  /** {@code a >= b} modulo 2^32. */
  public static boolean geq(int a, int b) {
    return a - b >= 0;
  }

  /**
   * {@code seq + n} modulo 2^32. {@code n} may be negative or larger than 2^32; only its value
   * modulo 2^32 matters (e.g. {@code add(snd.una, segLen)}, {@code add(rcv.nxt, rcvWnd)}).
   */
  public static int add(int seq, long n) {
    return (int) (seq + n);
  }

  /**
   * The signed distance {@code a - b}: the {@code d} in [-2^31, 2^31) with {@code b + d == a}
   * modulo 2^32. Positive when {@code a} is after {@code b}. For example {@code diff(ack, sndUna)}
   * is the number of newly acknowledged octets. Only meaningful when the true distance is below
   * 2^31 in magnitude.
   */
  public static int diff(int a, int b) {
    return a - b;
  }

  /**
   * {@code lo =< x < hi} modulo 2^32: whether {@code x} lies in the half-open range that starts
   * at {@code lo} and runs forward to just before {@code hi}. This is the shape of the RFC 9293
   * 3.4 window tests, e.g. {@code RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND} is {@code inRange(rcvNxt,
   * seg.seq(), add(rcvNxt, rcvWnd))}.
   *
   * <p>The range is measured forward from {@code lo}, so it may straddle 2^32, and it may hold up
   * to 2^32-1 numbers (not only 2^31). When {@code lo == hi} the range is empty and the answer is
   * always false: a zero receive window accepts no sequence number.
   */
  public static boolean inRange(int lo, int x, int hi) {
    return Integer.compareUnsigned(x - lo, hi - lo) < 0;
  }

  /** The unsigned value 0..2^32-1 of a sequence number. */
  public static long toLong(int seq) {
    return Integer.toUnsignedLong(seq);
  }

  /** Unsigned decimal, as in the trace ({@code 4294967295}, never {@code -1}). */
  public static String format(int seq) {
    return Integer.toUnsignedString(seq);
  }
}
