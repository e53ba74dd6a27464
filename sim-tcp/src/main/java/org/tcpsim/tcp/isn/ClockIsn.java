package org.tcpsim.tcp.isn;

import org.tcpsim.core.Time;

/**
 * The ISN clock of RFC 793 section 3.3 (kept as MUST-8 in RFC 9293 section 3.4.1): a 32-bit
 * counter whose low-order bit advances every 4 microseconds, the same for every connection.
 *
 * <p>{@code isn = offset + floor(now / 4 us)} modulo 2^32. The counter wraps after 2^32 ticks,
 * that is 2^32 x 4 us = 17,179.87 s, about 4.77 hours ({@link #CYCLE_NS}). RFC 793 rounds this
 * to "approximately every 4.55 hours", which is 2^32 ticks of 2^-18 s (3.81 us); either way the
 * cycle is far longer than the Maximum Segment Lifetime, so a new incarnation of a connection
 * starts well away from sequence numbers still in flight from an old one.
 *
 * <p>Being the same for every connection, this ISN is predictable from any other connection's
 * ISN; that is the weakness {@link Rfc6528Isn} removes.
 */
public final class ClockIsn implements IsnGenerator {
  /** The clock ticks once per 4 microseconds. */
  public static final long TICK_NS = 4 * Time.US;

  /** After this long the clock is back where it started: 2^32 ticks of 4 us. */
  public static final long CYCLE_NS = (1L << 32) * TICK_NS;

  private final int offset;

  /**
   * @param offset the clock's value at time zero (unsigned 32-bit); the caller derives it from
   *     the run's seed so that runs are reproducible
   */
  public ClockIsn(int offset) {
    this.offset = offset;
  }

  /** The clock's value at time zero. */
  public int offset() {
    return offset;
  }

  @Override
  public int isn(long now, int localAddr, int localPort, int remoteAddr, int remotePort) {
    return offset + ticks(now);
  }

  /** The 4 us clock without offset, modulo 2^32: RFC 6528's M. */
  static int ticks(long now) {
    return (int) Math.floorDiv(now, TICK_NS);
  }


  @Override
  public String toString() {
    return "ClockIsn[offset=" + Integer.toUnsignedString(offset) + "]";
  }
}
