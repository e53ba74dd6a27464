package org.tcpsim.tcp;

import org.tcpsim.core.Time;
import org.tcpsim.tcp.isn.SipHash24;

/**
 * Stateless SYN cookies (RFC 4987 section 3.6 and appendix A): a listener under a SYN flood can
 * answer a SYN without keeping a SYN-RECEIVED TCB by putting what it must remember into the ISS of
 * its SYN,ACK. When the handshake-completing ACK arrives, its acknowledgment number gives the ISS
 * back, and the listener checks that it really made that ISS for this connection, recently.
 *
 * <h2>Layout of the cookie (the server's ISS)</h2>
 *
 * <pre>
 *   bit 31      27 26  24 23                                          0
 *      +----------+------+---------------------------------------------+
 *      |  t mod 32| mss  |  low 24 bits of SipHash-2-4 under the key   |
 *      +----------+------+---------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>{@code t} is a slow counter, {@code floor(now / period)} (default period 64 s); only its
 *       low 5 bits travel in the cookie.
 *   <li>{@code mss} is the index into {@link #MSS_TABLE} of the largest entry not above the MSS
 *       the client announced: 3 bits stand for 8 common values instead of the full 16-bit MSS.
 *   <li>The low 24 bits are a keyed hash of the 4-tuple, the client's ISN, the full counter
 *       {@code t} and the MSS index. Without the key an attacker can only guess them (one chance
 *       in 2^24 per forged ACK). Covering the client's ISN ties the cookie to one SYN; covering
 *       {@code t} and the MSS index means that no bit of the top 8 can be changed either.
 * </ul>
 *
 * <p>This is the classic arrangement described in RFC 4987 appendix A, with SipHash-2-4 in place
 * of MD5 and the MSS index authenticated by the hash rather than added to it. As there, the top
 * bits come from a counter, so successive cookies for a listener grow slowly over time as ISNs
 * should; options other than MSS (window scale, SACK-permitted, timestamps) are not kept.
 *
 * <h2>Age</h2>
 *
 * <p>A cookie made while the counter was {@code t} is accepted while the current counter {@code
 * c} satisfies {@code 0 <= c - t < maxAgePeriods}. With the defaults (period 64 s, {@code
 * maxAgePeriods} 2) that is the period in which it was made and the whole next one: a lifetime
 * between 64 s and 128 s, depending on where in its period it was made. Because the cookie holds
 * only {@code t mod 32}, the age is recovered as {@code (c - (t mod 32)) mod 32}, which is exact
 * as long as {@code maxAgePeriods <= 32}; a cookie exactly 32 periods old looks like a fresh one
 * in its top bits and is then rejected by the hash, which covers the full {@code t}.
 *
 * <p>Instances are immutable and never read a clock; the time is passed in.
 */
public final class SynCookies {
  /** The default length of one counter period: 64 seconds, as in RFC 4987 appendix A. */
  public static final long DEFAULT_PERIOD_NS = 64 * Time.SECOND;

  /** By default a cookie is good in the period it was made and in the next one. */
  public static final int DEFAULT_MAX_AGE_PERIODS = 2;

  /**
   * The 8 MSS values a cookie can carry, ascending. 536 is the default MSS of RFC 9293 section
   * 3.7.1; 1460 is Ethernet's 1500-octet MTU less 40 octets of IPv4 and TCP headers; the values
   * between cover common tunnels and PPPoE. Package-private because arrays are mutable; read it
   * through {@link #tableMss(int)}.
   */
  static final int[] MSS_TABLE = {536, 1024, 1220, 1300, 1360, 1440, 1452, 1460};

  /** Hashed first, so the cookie hash differs from other uses of the same key. "SYNC" in ASCII. */
  private static final int DOMAIN = 0x53594e43;

  private static final int COUNTER_BITS = 5;
  private static final int COUNTER_MASK = (1 << COUNTER_BITS) - 1;
  private static final int MSS_SHIFT = 24;
  private static final int HASH_MASK = (1 << MSS_SHIFT) - 1;

  private final SipHash24 mac;
  private final long periodNs;
  private final int maxAgePeriods;

  /**
   * SYN cookies with the default period (64 s) and age limit (2 periods).
   *
   * @param k0 first half of the run's 128-bit secret key
   * @param k1 second half of the key
   */
  public SynCookies(long k0, long k1) {
    this(k0, k1, DEFAULT_PERIOD_NS, DEFAULT_MAX_AGE_PERIODS);
  }

  /**
   * @param k0 first half of the run's 128-bit secret key
   * @param k1 second half of the key
   * @param periodNs how long the counter {@code t} keeps one value, in nanoseconds (positive)
   * @param maxAgePeriods a cookie is accepted while the counter has advanced by less than this
   *     since it was made: 1 means only in its own period, 2 also in the next one (1..32)
   * @throws IllegalArgumentException if {@code periodNs} or {@code maxAgePeriods} is out of range
   */
  public SynCookies(long k0, long k1, long periodNs, int maxAgePeriods) {
    if (periodNs <= 0) {
      throw new IllegalArgumentException(
          "SYN cookie period must be positive, got " + periodNs + " ns");
    }
    if (maxAgePeriods < 1 || maxAgePeriods > COUNTER_MASK + 1) {
      throw new IllegalArgumentException(
          "SYN cookie age limit must be 1..32 periods (the cookie keeps 5 bits of the counter),"
              + " got "
              + maxAgePeriods);
    }
    this.mac = new SipHash24(k0, k1);
    this.periodNs = periodNs;
    this.maxAgePeriods = maxAgePeriods;
  }

  public long periodNs() {
    return periodNs;
  }

  public int maxAgePeriods() {
    return maxAgePeriods;
  }

  /**
   * The index of the largest {@link #MSS_TABLE} entry that is not above {@code mss}; 0 when
   * {@code mss} is below the smallest entry (536), so such a client is treated as announcing 536,
   * the RFC 9293 default.
   */
  public static int mssIndex(int mss) {
    for (int i = MSS_TABLE.length - 1; i > 0; i--) {
      if (MSS_TABLE[i] <= mss) {
        return i;
      }
    }
    return 0;
  }

  /**
   * The MSS that index {@code index} stands for.
   *
   * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= index < 8}
   */
  public static int tableMss(int index) {
    return MSS_TABLE[index];
  }

  /**
   * The cookie to send as the ISS of the SYN,ACK that answers a SYN.
   *
   * @param now the current simulated time (nanoseconds, not negative)
   * @param localAddr the listener's address (the SYN's destination)
   * @param localPort the listener's port
   * @param remoteAddr the client's address (the SYN's source)
   * @param remotePort the client's port
   * @param clientIsn the client's ISN: the SYN's SEG.SEQ
   * @param mss the MSS the SYN announced (536 if it had no MSS option)
   */
  public int encode(
      long now,
      int localAddr,
      int localPort,
      int remoteAddr,
      int remotePort,
      int clientIsn,
      int mss) {
    long t = counter(now);
    int index = mssIndex(mss);
    int hash = hash(localAddr, localPort, remoteAddr, remotePort, clientIsn, t, index);
    return (((int) t & COUNTER_MASK) << (32 - COUNTER_BITS)) | (index << MSS_SHIFT) | hash;
  }

  /**
   * Checks the ACK that should complete a handshake answered with a cookie.
   *
   * @param now the current simulated time (nanoseconds, not negative)
   * @param localAddr the listener's address (the ACK's destination)
   * @param localPort the listener's port
   * @param remoteAddr the client's address (the ACK's source)
   * @param remotePort the client's port
   * @param clientIsn the client's ISN: the ACK's SEG.SEQ - 1 (its SYN took one sequence number)
   * @param cookie the cookie sent in the SYN,ACK: the ACK's SEG.ACK - 1
   * @return the MSS from {@link #MSS_TABLE} encoded in the cookie if the cookie was made by this
   *     key for this 4-tuple and client ISN and is not older than the age limit, else -1
   */
  public int validate(
      long now,
      int localAddr,
      int localPort,
      int remoteAddr,
      int remotePort,
      int clientIsn,
      int cookie) {
    long current = counter(now);
    int sentCounter = cookie >>> (32 - COUNTER_BITS);
    // Periods since the cookie was made, from the 5 bits it kept; exact because maxAge <= 32.
    long age = (current - sentCounter) & COUNTER_MASK;
    if (age >= maxAgePeriods) {
      return -1;
    }
    long t = current - age;
    if (t < 0) {
      return -1; // claims to come from before time zero
    }
    int index = (cookie >>> MSS_SHIFT) & 0x7;
    int expected = hash(localAddr, localPort, remoteAddr, remotePort, clientIsn, t, index);
    return (cookie & HASH_MASK) == expected ? MSS_TABLE[index] : -1;
  }

  private long counter(long now) {
    return Math.floorDiv(now, periodNs);
  }

  /** The low 24 bits of SipHash-2-4 under the key over everything the cookie stands for. */
  private int hash(
      int localAddr,
      int localPort,
      int remoteAddr,
      int remotePort,
      int clientIsn,
      long t,
      int mssIndex) {
    long h =
        mac.start()
            .putInt(DOMAIN)
            .putInt(localAddr)
            .putInt(localPort)
            .putInt(remoteAddr)
            .putInt(remotePort)
            .putInt(clientIsn)
            .putLong(t)
            .putInt(mssIndex)
            .finish();
    return (int) h & HASH_MASK;
  }

  @Override
  public String toString() {
    return "SynCookies[period="
        + Time.format(periodNs)
        + ", maxAgePeriods="
        + maxAgePeriods
        + ", key hidden]";
  }
}
