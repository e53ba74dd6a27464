package org.tcpsim.tcp;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum of
 * 16-bit big-endian words, an odd last octet padded with a zero on its right. TCP (RFC 9293
 * section 3.1, "Checksum") and the IPv4 header (RFC 791 section 3.1) both use it.
 *
 * <p>Sums are accumulated with {@link #add} (possibly over several pieces, e.g. pseudo-header
 * then segment) and turned into the field value with {@link #finish}. A block that already holds
 * a correct checksum sums to 0xFFFF, so {@code finish} of it is 0.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  /**
   * Adds {@code length} octets of {@code data} from {@code offset} to a running sum and returns
   * the new sum, folded to 16 bits. Pieces must start on even offsets of the summed whole, which
   * is the case for the pseudo-header, TCP and IP headers.
   */
  public static int add(int sum, byte[] data, int offset, int length) {
    long acc = sum & 0xFFFFL;
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      acc += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
    }
    if (i < end) {
      // RFC 9293 3.1: "padding the last octet with zeros on its right to form a 16-bit word".
      acc += (data[i] & 0xFF) << 8;
    }
    return fold(acc);
  }

  /** Adds one 16-bit word to a running sum. */
  public static int addWord(int sum, int word) {
    return fold((sum & 0xFFFFL) + (word & 0xFFFF));
  }

  /** Adds a 32-bit value as two 16-bit words (an IPv4 address in a pseudo-header). */
  public static int addInt(int sum, int value) {
    return addWord(addWord(sum, value >>> 16), value);
  }

  /** The field value for a finished sum: its ones' complement. */
  public static int finish(int sum) {
    return ~sum & 0xFFFF;
  }

  /** The checksum of a whole block. */
  public static int of(byte[] data, int offset, int length) {
    return finish(add(0, data, offset, length));
  }

  /** End-around carry: add the carries above bit 15 back in until none remain. */
  private static int fold(long acc) {
    while ((acc >>> 16) != 0) {
      acc = (acc & 0xFFFF) + (acc >>> 16);
    }
    return (int) acc;
  }
}
