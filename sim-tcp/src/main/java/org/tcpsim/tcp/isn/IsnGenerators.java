package org.tcpsim.tcp.isn;

import java.util.Objects;

/** Builds an {@link IsnGenerator} from a scenario's {@code iss:} setting. */
public final class IsnGenerators {
  /** Largest fixed ISS: 2^32 - 1. */
  private static final long MAX_FIXED = 0xFFFF_FFFFL;

  /**
   * Hashed under the run's key to derive the {@code clock} generator's offset. "clok" in ASCII.
   */
  private static final int CLOCK_OFFSET_DOMAIN = 0x636c6f6b;

  private IsnGenerators() {}

  /**
   * Parses an ISN setting.
   *
   * <ul>
   *   <li>{@code clock}: {@link ClockIsn}, with an offset derived from the key (SipHash-2-4 of a
   *       constant under ({@code k0}, {@code k1})), so the offset reveals nothing about the key
   *       even when the same key also serves {@code rfc6528} or SYN cookies.
   *   <li>{@code rfc6528}: {@link Rfc6528Isn} keyed with ({@code k0}, {@code k1}).
   *   <li>a decimal integer 0..4294967295 (digits only, no sign): {@link FixedIsn}.
   *   <li>several, separated by commas ({@code 300,400}): {@link SequenceIsn}, one per new
   *       connection in turn, the last repeating.
   * </ul>
   *
   * Surrounding white space is ignored; the names are case-sensitive.
   *
   * @param k0 first half of the run's 128-bit secret, derived from its seed
   * @param k1 second half of the run's 128-bit secret
   * @throws IllegalArgumentException for anything else, naming the accepted forms
   */
  public static IsnGenerator parse(String spec, long k0, long k1) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.strip();
    if (s.equals("clock")) {
      return new ClockIsn(clockOffset(k0, k1));
    }
    if (s.equals("rfc6528")) {
      return new Rfc6528Isn(k0, k1);
    }
    String[] parts = s.split(",", -1);
    java.util.List<Integer> values = new java.util.ArrayList<>();
    for (String part : parts) {
      Integer v = fixed(part.strip());
      if (v == null) {
        throw new IllegalArgumentException(
            "unknown ISN generator '"
                + spec
                + "': expected clock, rfc6528 or a number 0..4294967295 (or several, "
                + "comma-separated)");
      }
      values.add(v);
    }
    return values.size() == 1 ? new FixedIsn(values.get(0)) : new SequenceIsn(values);
  }

  /** A decimal 0..2^32-1 as an unsigned int, or null. */
  private static Integer fixed(String s) {
    // At most 10 digits keeps parseLong away from overflow; the range check does the rest.
    if (!s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long value = Long.parseLong(s);
      if (value <= MAX_FIXED) {
        return (int) value;
      }
    }
    return null;
  }

  static int clockOffset(long k0, long k1) {
    return (int) new SipHash24(k0, k1).putInt(CLOCK_OFFSET_DOMAIN).finish();
  }
}
