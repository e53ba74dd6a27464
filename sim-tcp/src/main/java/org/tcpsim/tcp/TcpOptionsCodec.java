package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the options part of a TCP header (RFC 9293 section 3.1, "Options"). Used only
 * by {@link SegmentCodec}.
 *
 * <p>Writing uses a compact layout: each present option once, in the order MSS, window scale,
 * SACK-permitted, timestamps, SACK, without alignment NOPs, then zeros up to the 32-bit boundary
 * (an End of Option List octet followed by the zero padding that RFC 9293 3.1 requires after it,
 * MUST-69). Reading accepts any order, NOPs and EOL anywhere, and skips unknown options.
 */
final class TcpOptionsCodec {
  static final int EOL = 0;
  static final int NOP = 1;
  static final int MSS = 2;
  static final int WINDOW_SCALE = 3;
  static final int SACK_PERMITTED = 4;
  static final int SACK = 5;
  static final int TIMESTAMPS = 8;

  private TcpOptionsCodec() {}

  /** Octets the options take on the wire, padded to a multiple of 4. */
  static int paddedLength(TcpOptions options) {
    return (options.length() + 3) & ~3;
  }

  /** Writes the options at {@code at}; the array is fresh, so padding is already zero. */
  static void write(TcpOptions o, byte[] b, int at) {
    int i = at;
    if (o.hasMss()) {
      // RFC 9293 3.2: kind 2, length 4, the MSS as 16 bits.
      b[i++] = MSS;
      b[i++] = 4;
      i = BigEndian.putU16(b, i, o.mss());
    }
    if (o.hasWindowScale()) {
      // RFC 7323 2.2: kind 3, length 3, the shift count.
      b[i++] = WINDOW_SCALE;
      b[i++] = 3;
      b[i++] = (byte) o.windowScale();
    }
    if (o.sackPermitted()) {
      // RFC 2018 section 2: kind 4, length 2.
      b[i++] = SACK_PERMITTED;
      b[i++] = 2;
    }
    if (o.timestamps()) {
      // RFC 7323 3.2: kind 8, length 10, TSval and TSecr as 32 bits each.
      b[i++] = TIMESTAMPS;
      b[i++] = 10;
      i = BigEndian.putU32(b, i, o.tsVal());
      i = BigEndian.putU32(b, i, o.tsEcr());
    }
    if (!o.sackBlocks().isEmpty()) {
      // RFC 2018 section 3: kind 5, length 2 + 8n, then n (left, right) pairs.
      b[i++] = SACK;
      b[i++] = (byte) (2 + 8 * o.sackBlocks().size());
      for (SackBlock block : o.sackBlocks()) {
        i = BigEndian.putU32(b, i, block.left());
        i = BigEndian.putU32(b, i, block.right());
      }
    }
  }

  /**
   * Reads the options in {@code b[from, to)}.
   *
   * @throws IllegalArgumentException for a truncated option, an illegal length or a repeated
   *     option, saying which option and at which offset
   */
  static TcpOptions read(byte[] b, int from, int to) {
    return new Reader(b, to).read(from);
  }

  /**
   * One read of an options part: the values found so far, and which kinds were seen, so a
   * repeated option is refused. Walks the options one at a time: EOL ends the list, NOP is one
   * octet, every other kind has a length octet (RFC 9293 3.1, "Options").
   */
  private static final class Reader {
    private final byte[] b;
    private final int to;
    private final boolean[] seen = new boolean[256];
    private int mss = -1;
    private int windowScale = -1;
    private boolean sackPermitted;
    private List<SackBlock> blocks = List.of();
    private boolean timestamps;
    private int tsVal;
    private int tsEcr;

    Reader(byte[] b, int to) {
      this.b = b;
      this.to = to;
    }

    TcpOptions read(int from) {
      int i = from;
      while (i < to) {
        int kind = b[i] & 0xFF;
        if (kind == EOL) {
          break; // RFC 9293 3.1: the end of the option list; what follows is padding.
        }
        if (kind == NOP) {
          i++;
          continue;
        }
        int len = length(kind, i);
        checkNotRepeated(kind, i);
        take(kind, i, len);
        i += len;
      }
      return new TcpOptions(mss, windowScale, sackPermitted, blocks, timestamps, tsVal, tsEcr);
    }

    /** The length octet of the option at {@code i}, checked to fit in what is left. */
    private int length(int kind, int i) {
      if (i + 1 >= to) {
        throw new IllegalArgumentException(
            "truncated option: kind " + kind + " at offset " + i + " has no length octet");
      }
      int len = b[i + 1] & 0xFF;
      if (len < 2) {
        // RFC 9293 3.1, MUST-7: be prepared for an illegal option length such as 0.
        throw new IllegalArgumentException(
            "illegal option length " + len + " for kind " + kind + " at offset " + i);
      }
      if (i + len > to) {
        throw new IllegalArgumentException(
            "truncated option: kind " + kind + " at offset " + i + " has length " + len
                + " but only " + (to - i) + " octets of header remain");
      }
      return len;
    }

    /** A known option twice is refused; an unknown kind may repeat, as it is skipped anyway. */
    private void checkNotRepeated(int kind, int i) {
      boolean known = kind == MSS || kind == WINDOW_SCALE || kind == SACK_PERMITTED
          || kind == SACK || kind == TIMESTAMPS;
      if (known && seen[kind]) {
        throw new IllegalArgumentException("repeated option: kind " + kind + " at offset " + i);
      }
      seen[kind] = true;
    }

    /** Takes the value of the option at {@code i}, whose length {@code len} has been checked. */
    private void take(int kind, int i, int len) {
      switch (kind) {
        case MSS -> {
          expectLength(kind, i, len, 4);
          mss = BigEndian.u16(b, i + 2);
        }
        case WINDOW_SCALE -> {
          expectLength(kind, i, len, 3);
          // RFC 7323 2.3: a shift count above 14 is used as 14 (and would be logged).
          windowScale = Math.min(b[i + 2] & 0xFF, TcpOptions.MAX_WINDOW_SCALE);
        }
        case SACK_PERMITTED -> {
          expectLength(kind, i, len, 2);
          sackPermitted = true;
        }
        case TIMESTAMPS -> {
          expectLength(kind, i, len, 10);
          timestamps = true;
          tsVal = BigEndian.u32(b, i + 2);
          tsEcr = BigEndian.u32(b, i + 6);
        }
        case SACK -> blocks = readSackBlocks(b, i, len);
        default -> {
          // RFC 9293 3.1, MUST-6: ignore without error an option we do not implement.
        }
      }
    }
  }

  private static List<SackBlock> readSackBlocks(byte[] b, int at, int len) {
    // RFC 2018 section 3: length 2 + 8n with at least one block.
    if (len < 10 || (len - 2) % 8 != 0) {
      throw new IllegalArgumentException(
          "illegal option length " + len + " for kind " + SACK + " at offset " + at
              + ": expected 2 + 8n with n >= 1");
    }
    List<SackBlock> blocks = new ArrayList<>();
    for (int j = at + 2; j < at + len; j += 8) {
      blocks.add(new SackBlock(BigEndian.u32(b, j), BigEndian.u32(b, j + 4)));
    }
    return blocks;
  }

  private static void expectLength(int kind, int at, int len, int expected) {
    if (len != expected) {
      throw new IllegalArgumentException(
          "illegal option length " + len + " for kind " + kind + " at offset " + at
              + ": expected " + expected);
    }
  }
}
