package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The control bits of the TCP header (RFC 9293 section 3.1, "Control bits"; ECE and CWR from RFC
 * 3168) as {@code int} masks with their values in the header's flags octet (octet 13), so a
 * segment's flags are one {@code int} 0..255 that encodes without translation.
 */
public final class TcpFlags {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  /** What {@link #join(int)} returns when no flag is set. */
  public static final String NONE = "none";

  /**
   * The trace order (README, Outputs, JSON Lines trace): SYN, ACK, FIN, RST, PSH, URG, then ECE,
   * CWR. It reads like the RFC's diagrams ({@code <CTL=SYN,ACK>}), not like the bit order.
   */
  private static final int[] TRACE_ORDER = {SYN, ACK, FIN, RST, PSH, URG, ECE, CWR};

  private static final String[] TRACE_NAMES = {
    "SYN", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR"
  };

  private TcpFlags() {}

  /**
   * The names of the flags set in {@code flags}, in trace order (the JSON trace's {@code flags}
   * array).
   *
   * @throws IllegalArgumentException if bits outside the flags octet are set
   */
  public static List<String> names(int flags) {
    checkRange(flags);
    List<String> out = new ArrayList<>(2);
    for (int i = 0; i < TRACE_ORDER.length; i++) {
      if ((flags & TRACE_ORDER[i]) != 0) {
        out.add(TRACE_NAMES[i]);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The names joined with commas, as the RFC writes them ({@code SYN,ACK}). No flags at all gives
   * {@value #NONE} rather than an empty string, so a human trace line never has a blank column.
   */
  public static String join(int flags) {
    List<String> names = names(flags);
    return names.isEmpty() ? NONE : String.join(",", names);
  }

  /**
   * The mask for a collection of flag names, ignoring case and surrounding white space;
   * repetitions are harmless. An empty collection gives 0.
   *
   * @throws IllegalArgumentException naming the first unknown flag and listing the valid ones
   */
  public static int parse(Collection<String> names) {
    int flags = 0;
    for (String name : names) {
      flags |= parseOne(name);
    }
    return flags;
  }

  private static int parseOne(String name) {
    String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; i < TRACE_NAMES.length; i++) {
      if (TRACE_NAMES[i].equals(key)) {
        return TRACE_ORDER[i];
      }
    }
    throw new IllegalArgumentException(
        "unknown TCP flag '" + name + "'; valid flags: " + String.join(", ", TRACE_NAMES));
  }

  static void checkRange(int flags) {
    if ((flags & ~0xFF) != 0) {
      throw new IllegalArgumentException(
          "TCP flags must fit in one octet (0..255), got 0x" + Integer.toHexString(flags));
    }
  }
}
