package org.tcpsim.core.net;

/** IPv4 addresses as {@code int}s (network byte order as an unsigned value). */
public final class Ipv4 {
  private Ipv4() {}

  /**
   * Parses dotted-quad notation.
   *
   * @throws IllegalArgumentException saying what is wrong with the text (callers add what they
   *     expected, as the scenario loader's "..., expected an IPv4 address such as 10.0.0.1")
   */
  public static int parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw notAnAddress(text);
    }
    int a = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        throw notAnAddress(text);
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        throw new IllegalArgumentException(
            "IPv4 address '" + text + "' has an octet above 255");
      }
      a = (a << 8) | v;
    }
    return a;
  }

  /** The problem alone: the loader appends its own "expected ...", which said it twice. */
  private static IllegalArgumentException notAnAddress(String text) {
    return new IllegalArgumentException("'" + text + "' is not an IPv4 address");
  }

  public static String format(int address) {
    return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff)
        + "." + (address & 0xff);
  }

  /** The netmask of a prefix length 0..32. */
  public static int mask(int prefixLength) {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
    }
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }
}
