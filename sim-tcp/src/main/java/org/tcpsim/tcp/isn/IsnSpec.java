package org.tcpsim.tcp.isn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code isn:} setting, parsed once when the configuration is built: which generator chooses
 * the initial send sequence numbers (RFC 9293 3.4.1). The run's secret key is not known then, so
 * {@link #generator} makes the generator itself, one per host, once the key is.
 *
 * <p>{@link #toString()} gives the setting back as it was written.
 */
public sealed interface IsnSpec {
  /** RFC 9293 3.4.1 MUST-8: the 4 us clock of RFC 793. */
  IsnSpec CLOCK = new Clock();

  /** RFC 6528 (RFC 9293 SHLD-1): the clock plus a keyed hash of the 4-tuple. */
  IsnSpec RFC6528 = new Rfc6528();

  /**
   * A new generator for one host. Each call gives a fresh one, so a {@link SequenceIsn} starts
   * again at its first number.
   *
   * @param k0 first half of the run's 128-bit secret, derived from its seed
   * @param k1 second half of the run's 128-bit secret
   */
  IsnGenerator generator(long k0, long k1);

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
   * @throws IllegalArgumentException for anything else, naming the accepted forms
   */
  static IsnSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.strip();
    if (s.equals(CLOCK.toString())) {
      return CLOCK;
    }
    if (s.equals(RFC6528.toString())) {
      return RFC6528;
    }
    List<Integer> values = new ArrayList<>();
    for (String part : s.split(",", -1)) {
      Integer v = Fixed.parseOne(part.strip());
      if (v == null) {
        throw new IllegalArgumentException("unknown ISN generator '" + spec
            + "': expected clock, rfc6528 or a number 0..4294967295 (or several, "
            + "comma-separated)");
      }
      values.add(v);
    }
    return new Fixed(values, s);
  }

  /** {@code clock}. */
  record Clock() implements IsnSpec {
    /** Hashed under the run's key to derive the clock's offset. "clok" in ASCII. */
    private static final int OFFSET_DOMAIN = 0x636c6f6b;

    @Override
    public IsnGenerator generator(long k0, long k1) {
      return new ClockIsn(offset(k0, k1));
    }

    static int offset(long k0, long k1) {
      return (int) new SipHash24(k0, k1).putInt(OFFSET_DOMAIN).finish();
    }

    @Override
    public String toString() {
      return "clock";
    }
  }

  /** {@code rfc6528}. */
  record Rfc6528() implements IsnSpec {
    @Override
    public IsnGenerator generator(long k0, long k1) {
      return new Rfc6528Isn(k0, k1);
    }

    @Override
    public String toString() {
      return "rfc6528";
    }
  }

  /**
   * Fixed ISSs, taken in turn by new connections, the last repeating.
   *
   * @param values unsigned 32-bit ISSs held in {@code int}s; at least one
   * @param text the setting as written (white space around it removed)
   */
  record Fixed(List<Integer> values, String text) implements IsnSpec {
    /** Largest fixed ISS: 2^32 - 1. */
    private static final long MAX = 0xFFFF_FFFFL;

    public Fixed {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a sequence of ISSs needs at least one value");
      }
    }

    @Override
    public IsnGenerator generator(long k0, long k1) {
      return values.size() == 1 ? new FixedIsn(values.get(0)) : new SequenceIsn(values);
    }

    @Override
    public String toString() {
      return text;
    }

    /** A decimal 0..2^32-1 as an unsigned int, or null. */
    private static Integer parseOne(String s) {
      // At most 10 digits keeps parseLong away from overflow; the range check does the rest.
      if (!s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        long value = Long.parseLong(s);
        if (value <= MAX) {
          return (int) value;
        }
      }
      return null;
    }
  }
}
