package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The TCP options a segment carries (RFC 9293 section 3.1, "Options"): the ones tcpsim knows, in
 * decoded form. Absent numeric options are -1; absent flags are false; no SACK blocks is the
 * empty list. Unknown options are not represented: a receiver ignores them (RFC 9293 3.1,
 * MUST-6).
 *
 * @param mss Maximum Segment Size, kind 2 (RFC 9293 3.2 and 3.7.1), 0..65535, or -1
 * @param windowScale window scale shift count, kind 3 (RFC 7323 section 2), 0..14, or -1
 * @param sackPermitted SACK-permitted, kind 4 (RFC 2018 section 2)
 * @param sackBlocks SACK blocks, kind 5 (RFC 2018 section 3), at most 4, immutable
 * @param timestamps whether the timestamps option, kind 8 (RFC 7323 section 3), is present
 * @param tsVal TSval, raw 32 bits; 0 when {@code timestamps} is false
 * @param tsEcr TSecr, raw 32 bits; 0 when {@code timestamps} is false
 */
public record TcpOptions(
    int mss,
    int windowScale,
    boolean sackPermitted,
    List<SackBlock> sackBlocks,
    boolean timestamps,
    int tsVal,
    int tsEcr) {

  /** A segment without options. */
  public static final TcpOptions NONE = new TcpOptions(-1, -1, false, List.of(), false, 0, 0);

  /**
   * The option space: Data Offset is 4 bits of 32-bit words, so the header is at most 60 octets,
   * 20 fixed and 40 for options (RFC 9293 3.1).
   */
  public static final int MAX_LENGTH = 40;

  /** RFC 7323 2.3: the shift count is at most 14, so the scaled window stays below 2^30. */
  public static final int MAX_WINDOW_SCALE = 14;

  /** RFC 2018 section 3: at most 4 blocks fit in the 40 octets of option space. */
  public static final int MAX_SACK_BLOCKS = 4;

  public TcpOptions {
    if (mss < -1 || mss > 0xFFFF) {
      throw new IllegalArgumentException("MSS must be 0..65535 or -1 (absent), got " + mss);
    }
    if (windowScale < -1 || windowScale > MAX_WINDOW_SCALE) {
      throw new IllegalArgumentException(
          "window scale must be 0.." + MAX_WINDOW_SCALE + " or -1 (absent), got " + windowScale);
    }
    sackBlocks = List.copyOf(Objects.requireNonNull(sackBlocks, "sackBlocks"));
    if (sackBlocks.size() > MAX_SACK_BLOCKS) {
      throw new IllegalArgumentException(
          "at most " + MAX_SACK_BLOCKS + " SACK blocks, got " + sackBlocks.size());
    }
    // One canonical form for "no timestamps", so that equal options are equal records.
    if (!timestamps && (tsVal != 0 || tsEcr != 0)) {
      throw new IllegalArgumentException("tsVal and tsEcr must be 0 when timestamps are absent");
    }
    int length = length(mss, windowScale, sackPermitted, sackBlocks.size(), timestamps);
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "options need " + length + " octets, more than the " + MAX_LENGTH + " a header holds");
    }
  }

  // Written out for start-up time, as in Endpoint; the values are the generated ones.

  @Override
  public boolean equals(Object o) {
    return o instanceof TcpOptions t
        && mss == t.mss
        && windowScale == t.windowScale
        && sackPermitted == t.sackPermitted
        && sackBlocks.equals(t.sackBlocks)
        && timestamps == t.timestamps
        && tsVal == t.tsVal
        && tsEcr == t.tsEcr;
  }

  @Override
  public int hashCode() {
    int h = mss;
    h = 31 * h + windowScale;
    h = 31 * h + Boolean.hashCode(sackPermitted);
    h = 31 * h + sackBlocks.hashCode();
    h = 31 * h + Boolean.hashCode(timestamps);
    h = 31 * h + tsVal;
    return 31 * h + tsEcr;
  }

  public boolean hasMss() {
    return mss >= 0;
  }

  public boolean hasWindowScale() {
    return windowScale >= 0;
  }

  public TcpOptions withMss(int mss) {
    return new TcpOptions(mss, windowScale, sackPermitted, sackBlocks, timestamps, tsVal, tsEcr);
  }

  public TcpOptions withWindowScale(int shift) {
    return new TcpOptions(mss, shift, sackPermitted, sackBlocks, timestamps, tsVal, tsEcr);
  }

  public TcpOptions withSackPermitted(boolean permitted) {
    return new TcpOptions(mss, windowScale, permitted, sackBlocks, timestamps, tsVal, tsEcr);
  }

  public TcpOptions withSackBlocks(List<SackBlock> blocks) {
    return new TcpOptions(mss, windowScale, sackPermitted, blocks, timestamps, tsVal, tsEcr);
  }

  /** With the timestamps option present carrying {@code tsVal} and {@code tsEcr}. */
  public TcpOptions withTimestamps(int tsVal, int tsEcr) {
    return new TcpOptions(mss, windowScale, sackPermitted, sackBlocks, true, tsVal, tsEcr);
  }

  public TcpOptions withoutTimestamps() {
    return new TcpOptions(mss, windowScale, sackPermitted, sackBlocks, false, 0, 0);
  }

  /**
   * Octets these options take on the wire before padding, in the compact layout of {@link
   * SegmentCodec} (each present option once, no alignment NOPs): MSS 4, window scale 3,
   * SACK-permitted 2, timestamps 10, SACK 2 + 8 per block.
   */
  public int length() {
    return length(mss, windowScale, sackPermitted, sackBlocks.size(), timestamps);
  }

  private static int length(
      int mss, int windowScale, boolean sackPermitted, int sackBlocks, boolean timestamps) {
    return (mss >= 0 ? 4 : 0)
        + (windowScale >= 0 ? 3 : 0)
        + (sackPermitted ? 2 : 0)
        + (timestamps ? 10 : 0)
        + (sackBlocks > 0 ? 2 + 8 * sackBlocks : 0);
  }

  /** Compact and human: {@code mss=1460 ws=7 sackOK ts=5/0 sack=[100-200 300-400]}, or none. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (hasMss()) {
      parts.add("mss=" + mss);
    }
    if (hasWindowScale()) {
      parts.add("ws=" + windowScale);
    }
    if (sackPermitted) {
      parts.add("sackOK");
    }
    if (timestamps) {
      parts.add(
          "ts=" + Integer.toUnsignedString(tsVal) + "/" + Integer.toUnsignedString(tsEcr));
    }
    if (!sackBlocks.isEmpty()) {
      List<String> blocks = new ArrayList<>();
      sackBlocks.forEach(b -> blocks.add(b.toString()));
      parts.add("sack=[" + String.join(" ", blocks) + "]");
    }
    return parts.isEmpty() ? "none" : String.join(" ", parts);
  }
}
