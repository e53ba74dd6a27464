package org.tcpsim.tcp.isn;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012), the keyed hash behind RFC 6528's F and the SYN
 * cookies' MAC, over a message of 32- and 64-bit little-endian words. It gives the same value as
 * Guava's {@code Hashing.sipHash24(k0, k1)} fed the same {@code putInt}/{@code putLong} calls,
 * but one instance is reused for every message (no hasher, buffer or hash code object per SYN),
 * so it is for one thread: each TCP has its own.
 */
public final class SipHash24 {
  private final long k0;
  private final long k1;
  private long v0;
  private long v1;
  private long v2;
  private long v3;
  /** Up to 4 message bytes not yet compressed, little-endian in the low bits. */
  private long tail;
  private boolean halfWord;
  private int length;

  public SipHash24(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
    start();
  }

  /** Begins a new message. */
  public SipHash24 start() {
    v0 = 0x736f6d6570736575L ^ k0;
    v1 = 0x646f72616e646f6dL ^ k1;
    v2 = 0x6c7967656e657261L ^ k0;
    v3 = 0x7465646279746573L ^ k1;
    tail = 0;
    halfWord = false;
    length = 0;
    return this;
  }

  public SipHash24 putInt(int x) {
    length += 4;
    if (halfWord) {
      compress(tail | ((long) x << 32));
      tail = 0;
      halfWord = false;
    } else {
      tail = x & 0xFFFF_FFFFL;
      halfWord = true;
    }
    return this;
  }

  public SipHash24 putLong(long x) {
    return putInt((int) x).putInt((int) (x >>> 32));
  }

  /** The hash of the message; call {@link #start()} before the next one. */
  public long finish() {
    long last = ((long) (length & 0xFF) << 56) | tail;
    v3 ^= last;
    round();
    round();
    v0 ^= last;
    v2 ^= 0xFF;
    round();
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private void compress(long m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }

  private void round() {
    v0 += v1;
    v2 += v3;
    v1 = Long.rotateLeft(v1, 13);
    v3 = Long.rotateLeft(v3, 16);
    v1 ^= v0;
    v3 ^= v2;
    v0 = Long.rotateLeft(v0, 32);
    v2 += v1;
    v0 += v3;
    v1 = Long.rotateLeft(v1, 17);
    v3 = Long.rotateLeft(v3, 21);
    v1 ^= v2;
    v3 ^= v0;
    v2 = Long.rotateLeft(v2, 32);
  }
}
