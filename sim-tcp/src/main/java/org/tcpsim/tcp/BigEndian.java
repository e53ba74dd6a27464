package org.tcpsim.tcp;

/** Network byte order (big-endian, RFC 9293 3.1 header layout) reads and writes on arrays. */
final class BigEndian {
  private BigEndian() {}

  static int putU16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
    return at + 2;
  }

  static int putU32(byte[] b, int at, int v) {
    putU16(b, at, v >>> 16);
    putU16(b, at + 2, v);
    return at + 4;
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  static int u32(byte[] b, int at) {
    return (u16(b, at) << 16) | u16(b, at + 2);
  }
}
