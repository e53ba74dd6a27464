package org.tcpsim.scenario.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcpsim.core.Time;

/**
 * The value syntaxes of scenario files: durations, sizes, bit rates, event rates, probabilities,
 * integers and booleans. Each parser throws {@link BadValue} saying what was wrong and what was
 * expected.
 */
final class Values {
  static final String DURATION = "a duration such as 250us, 10ms or 1.5s";
  static final String SIZE = "a size such as 1460, 10KB or 64KiB";
  static final String BIT_RATE = "a bit rate such as 10Mbps";
  static final String EVENT_RATE = "an event rate such as 100/s";
  static final String PROBABILITY = "a probability from 0 to 1 (or a percentage such as 1%)";
  static final String BOOLEAN = "true or false";

  static final List<String> TIME_UNITS = List.of("ns", "us", "ms", "s", "min", "h");

  /** Size units: SI (1000) and IEC (1024) multiples. */
  static final Map<String, Long> SIZE_UNITS = Map.of(
      "B", 1L,
      "KB", 1_000L, "KiB", 1L << 10,
      "MB", 1_000_000L, "MiB", 1L << 20,
      "GB", 1_000_000_000L, "GiB", 1L << 30);
  static final List<String> SIZE_UNIT_NAMES = List.of("B", "KB", "KiB", "MB", "MiB", "GB", "GiB");

  static final Map<String, Long> BIT_RATE_UNITS = Map.of(
      "bps", 1L, "Kbps", 1_000L, "kbps", 1_000L, "Mbps", 1_000_000L, "Gbps", 1_000_000_000L);
  static final List<String> BIT_RATE_UNIT_NAMES = List.of("bps", "Kbps", "Mbps", "Gbps");

  static final Map<String, Double> EVENT_RATE_UNITS =
      Map.of("ms", 1000.0, "s", 1.0, "min", 1 / 60.0, "h", 1 / 3600.0);
  static final List<String> EVENT_RATE_UNIT_NAMES = List.of("ms", "s", "min", "h");

  /** A sign, a decimal number, optional white space, and the rest (the unit). */
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(.*)", Pattern.DOTALL);

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private Values() {}

  /**
   * A duration in nanoseconds via {@link Time#parse}: a number and one of the units ns, us, ms,
   * s, min, h. A bare {@code 0} is zero; any other number needs a unit.
   */
  static long duration(String text) throws BadValue {
    Matcher m = quantity(text, "is not a duration", DURATION);
    if (m.group(1).equals("-")) {
      throw new BadValue("'" + text + "' is negative", "a duration of 0 or more");
    }
    String unit = m.group(3);
    if (unit.isEmpty() && new BigDecimal(m.group(2)).signum() != 0) {
      throw new BadValue("'" + text + "' has no unit", DURATION);
    }
    // Case-sensitive like the size units: '5MS' is an error with "did you mean 'ms'?".
    if (!unit.isEmpty() && !TIME_UNITS.contains(unit) && !unit.equals("µs")) {
      throw new BadValue("unknown unit '" + unit + "' in '" + text + "'",
          DURATION + " (units ns, us, ms, s, min, h)", Suggest.closest(unit, TIME_UNITS));
    }
    try {
      return Time.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage(), DURATION);
    }
  }

  /** A size in bytes: a number with B, KB, KiB, MB, MiB, GB or GiB; a bare integer is bytes. */
  static long size(String text) throws BadValue {
    Matcher m = quantity(text, "is not a size", SIZE);
    if (m.group(1).equals("-")) {
      throw new BadValue("'" + text + "' is negative", "a size of 0 or more");
    }
    String unit = m.group(3);
    long scale;
    if (unit.isEmpty()) {
      scale = 1;
    } else if (SIZE_UNITS.containsKey(unit)) {
      scale = SIZE_UNITS.get(unit);
    } else {
      throw new BadValue("unknown unit '" + unit + "' in '" + text + "'",
          SIZE + " (units B, KB, KiB, MB, MiB, GB, GiB)",
          Suggest.closest(unit, SIZE_UNIT_NAMES));
    }
    return exact(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale)), text,
        "a whole number of bytes", SIZE);
  }

  /** A bit rate in bits per second: a number with bps, Kbps, Mbps or Gbps. */
  static long bitRate(String text) throws BadValue {
    Matcher m = quantity(text, "is not a bit rate", BIT_RATE);
    if (m.group(1).equals("-")) {
      throw new BadValue("'" + text + "' is negative", BIT_RATE);
    }
    String unit = m.group(3);
    if (unit.isEmpty()) {
      throw new BadValue("'" + text + "' has no unit", BIT_RATE + " (units bps, Kbps, Mbps, Gbps)");
    }
    Long scale = BIT_RATE_UNITS.get(unit);
    if (scale == null) {
      throw new BadValue("unknown unit '" + unit + "' in '" + text + "'",
          BIT_RATE + " (units bps, Kbps, Mbps, Gbps)",
          Suggest.closest(unit, BIT_RATE_UNIT_NAMES));
    }
    return exact(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale)), text,
        "a whole number of bits per second", BIT_RATE);
  }

  /** Events per second, written {@code N/s}, {@code N/ms}, {@code N/min} or {@code N/h}. */
  static double eventRate(String text) throws BadValue {
    Matcher m = quantity(text, "is not an event rate", EVENT_RATE);
    if (m.group(1).equals("-")) {
      throw new BadValue("'" + text + "' is negative", EVENT_RATE);
    }
    String rest = m.group(3);
    if (rest.isEmpty()) {
      throw new BadValue("'" + text + "' has no unit", EVENT_RATE);
    }
    if (!rest.startsWith("/")) {
      throw new BadValue("'" + text + "' is not an event rate", EVENT_RATE
          + " (per ms, s, min or h)");
    }
    String unit = rest.substring(1).strip();
    Double scale = EVENT_RATE_UNITS.get(unit);
    if (scale == null) {
      throw new BadValue("unknown unit '/" + unit + "' in '" + text + "'",
          EVENT_RATE + " (per ms, s, min or h)",
          Suggest.closest(unit, EVENT_RATE_UNIT_NAMES).map(u -> "/" + u));
    }
    return Double.parseDouble(m.group(2)) * scale;
  }

  /** A probability 0..1, or a percentage 0%..100%. */
  static double probability(String text) throws BadValue {
    String s = text.strip();
    boolean percent = s.endsWith("%");
    String number = percent ? s.substring(0, s.length() - 1).strip() : s;
    if (!DECIMAL.matcher(number).matches()) {
      throw new BadValue("'" + text + "' is not a number", PROBABILITY);
    }
    double p = Double.parseDouble(number) / (percent ? 100 : 1);
    if (!(p >= 0 && p <= 1)) {
      throw new BadValue(s + " is not a probability", PROBABILITY);
    }
    return p;
  }

  /** A number (for counter comparisons). */
  static double number(String text) throws BadValue {
    String s = text.strip();
    if (!DECIMAL.matcher(s).matches()) {
      throw new BadValue("'" + text + "' is not a number", "a number");
    }
    return Double.parseDouble(s);
  }

  /** A decimal (or {@code 0x} hexadecimal) integer in [min, max]. */
  static long integer(String text, long min, long max) throws BadValue {
    String s = text.strip();
    String expected = expectedInteger(min, max);
    BigInteger v;
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        v = new BigInteger(s.substring(2), 16);
      } else if (s.matches("[+-]?\\d+")) {
        v = new BigInteger(s);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new BadValue("'" + text + "' is not an integer", expected);
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new BadValue(s + " is too small", expected);
    }
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new BadValue(s + " is too large", expected);
    }
    return v.longValueExact();
  }

  static String expectedInteger(long min, long max) {
    if (max >= Integer.MAX_VALUE) {
      return "an integer >= " + min;
    }
    return "an integer from " + min + " to " + max;
  }

  static boolean bool(String text) throws BadValue {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new BadValue("'" + text + "' is not a boolean", BOOLEAN);
  }

  private static Matcher quantity(String text, String notA, String expected) throws BadValue {
    Matcher m = QUANTITY.matcher(text.strip());
    if (!m.matches()) {
      throw new BadValue("'" + text + "' " + notA, expected);
    }
    return m;
  }

  private static long exact(BigDecimal v, String text, String whole, String expected)
      throws BadValue {
    if (v.stripTrailingZeros().scale() > 0) {
      throw new BadValue("'" + text + "' is not " + whole, expected);
    }
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new BadValue("'" + text + "' is too large", expected);
    }
  }
}
