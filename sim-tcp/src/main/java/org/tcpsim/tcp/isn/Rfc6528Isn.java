package org.tcpsim.tcp.isn;


/**
 * RFC 6528 section 3 (SHLD-1 in RFC 9293 section 3.4.1): {@code ISN = M + F(localip, localport,
 * remoteip, remoteport, secretkey)}.
 *
 * <p>M is the 4 microsecond clock of {@link ClockIsn} with no offset. F is SipHash-2-4, keyed with
 * the 128-bit secret, over the 4-tuple, truncated to its low 32 bits. SipHash is a pseudorandom
 * function: without the key its output cannot be computed or predicted from other outputs, which
 * is what RFC 9293 MUST-9 asks of F. Each 4-tuple thus gets its own clock, offset by a secret
 * amount: an off-path attacker who opens a connection of its own learns nothing about the ISN of
 * another 4-tuple, while successive incarnations of the same 4-tuple still get increasing ISNs
 * (250,000 per second), as the RFC 793 clock intends.
 *
 * <p>The key comes from the run's seed, so a run is reproducible. RFC 6528 suggests changing the
 * key from time to time; within one simulated run it stays fixed, which keeps the per-4-tuple
 * ISNs monotonic.
 */
public final class Rfc6528Isn implements IsnGenerator {
  /**
   * Hashed ahead of the 4-tuple so that F differs from any other use of the same key (such as SYN
   * cookies) even for equal-looking input. "6528" in ASCII.
   */
  private static final int DOMAIN = 0x36353238;

  private final SipHash24 f;

  /**
   * @param k0 first half of the 128-bit secret key
   * @param k1 second half of the 128-bit secret key
   */
  public Rfc6528Isn(long k0, long k1) {
    this.f = new SipHash24(k0, k1);
  }

  @Override
  public int isn(long now, int localAddr, int localPort, int remoteAddr, int remotePort) {
    return ClockIsn.ticks(now) + f(localAddr, localPort, remoteAddr, remotePort);
  }

  /** F: the secret, per-4-tuple offset (low 32 bits of the SipHash-2-4 value). */
  int f(int localAddr, int localPort, int remoteAddr, int remotePort) {
    long h = f.start().putInt(DOMAIN).putInt(localAddr).putInt(localPort).putInt(remoteAddr)
        .putInt(remotePort).finish();
    return (int) h;
  }


  @Override
  public String toString() {
    return "Rfc6528Isn[key hidden]";
  }
}
