package org.tcpsim.core;

import java.math.BigDecimal;

/**
 * Simulated time: a {@code long} count of nanoseconds. Durations are written with a unit, as in
 * scenario files and output: {@code 250us}, {@code 10ms}, {@code 1.5s}.
 */
public final class Time {
  public static final long NS = 1;
  public static final long US = 1_000;
  public static final long MS = 1_000_000;
  public static final long SECOND = 1_000_000_000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;

  private Time() {}

  public static long ns(long n) {
    return n;
  }

  public static long us(long n) {
    return n * US;
  }

  public static long ms(long n) {
    return n * MS;
  }

  public static long seconds(long n) {
    return n * SECOND;
  }

  /** Seconds as a double, for statistics and plots. */
  public static double toSeconds(long t) {
    return t / 1e9;
  }

  /**
   * Parses a duration such as {@code 250us}, {@code 10ms}, {@code 1.5s}, {@code 2min}, {@code 0}.
   * The value must be exact in nanoseconds and not negative; units are lower case ({@code µs}
   * too).
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static long parse(String text) {
    String s = text.strip();
    int split = 0;
    while (split < s.length()
        && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.'
            || (split == 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')))) {
      split++;
    }
    String number = s.substring(0, split);
    // Units are case-sensitive, as sizes are (README "Values"): 5MS is an error, not 5 ms.
    String unit = s.substring(split).strip();
    if (number.isEmpty() || number.equals("-") || number.equals("+")) {
      throw new IllegalArgumentException(
          "expected a duration such as 250us, 10ms or 1.5s, got '" + text + "'");
    }
    long scale;
    switch (unit) {
      case "ns" -> scale = NS;
      case "us", "µs" -> scale = US;
      case "ms" -> scale = MS;
      case "s" -> scale = SECOND;
      case "min" -> scale = MINUTE;
      case "h" -> scale = HOUR;
      case "" -> {
        if (new BigDecimal(number).signum() == 0) {
          return 0;
        }
        throw new IllegalArgumentException(
            "duration '" + text + "' has no unit: expected one of ns, us, ms, s, min, h");
      }
      default -> throw new IllegalArgumentException(
          "unknown time unit '" + unit + "' in '" + text + "': expected ns, us, ms, s, min or h");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(number).multiply(BigDecimal.valueOf(scale));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number followed by a unit");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("duration '" + text + "' is negative");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "duration '" + text + "' is finer than one nanosecond");
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + text + "' is too long");
    }
  }

  /**
   * Formats a time with the largest unit that keeps it exact to three decimals: {@code 1.5s},
   * {@code 10ms}, {@code 250us}, {@code 7ns}.
   */
  public static String format(long t) {
    if (t == Long.MAX_VALUE) {
      return "forever";
    }
    long abs = Math.abs(t);
    if (abs >= SECOND || abs == 0) {
      return abs == 0 ? "0s" : strip(t, SECOND) + "s";
    }
    if (abs >= MS) {
      return strip(t, MS) + "ms";
    }
    if (abs >= US) {
      return strip(t, US) + "us";
    }
    return t + "ns";
  }

  private static String strip(long t, long unit) {
    return BigDecimal.valueOf(t).divide(BigDecimal.valueOf(unit)).stripTrailingZeros()
        .toPlainString();
  }
}
