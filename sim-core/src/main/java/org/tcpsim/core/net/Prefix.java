package org.tcpsim.core.net;

/** An IPv4 prefix such as {@code 198.51.100.0/24}. */
public record Prefix(int base, int length) {
  public Prefix {
    base &= Ipv4.mask(length);
  }

  /** Parses {@code a.b.c.d/n}; a bare address means /32. */
  public static Prefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new Prefix(Ipv4.parse(text), 32);
    }
    int len;
    try {
      len = Integer.parseInt(text.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      // The problem alone: the loader appends "expected a prefix such as 198.51.100.0/24".
      throw new IllegalArgumentException("prefix length in '" + text + "' is not a number");
    }
    if (len < 0 || len > 32) {
      throw new IllegalArgumentException(
          "prefix length in '" + text + "' must be 0..32");
    }
    return new Prefix(Ipv4.parse(text.substring(0, slash)), len);
  }

  public boolean contains(int address) {
    return (address & Ipv4.mask(length)) == base;
  }

  /** Number of addresses in the prefix. */
  public long size() {
    return 1L << (32 - length);
  }

  @Override
  public String toString() {
    return Ipv4.format(base) + "/" + length;
  }
}
