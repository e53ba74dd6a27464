package org.tcpsim.scenario.sweep.collect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Numbers as the collected tables write them: the same text on every machine and locale, so
 * two collects of the same runs give byte-identical files. Ten significant digits (more than
 * any simulated measure means, few enough to hide binary rounding such as
 * {@code 0.30000000000000004}), no trailing zeros; whole numbers (counters) in full, without
 * {@code .0}.
 */
final class Decimal {
  private static final MathContext DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

  private Decimal() {}

  /**
   * {@code 5.5}, {@code 3}, {@code 0.001}; scientific ({@code 1.5E-7}, {@code 2E+20}) only
   * outside 1e-6..1e15 where plain digits would run long; {@code inf} and {@code -inf} for
   * infinities; the empty string for NaN (undefined).
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double abs = Math.abs(v);
    if (v == Math.rint(v) && abs < 1e15) {
      // A count (bytes, segments) is exact in a double up to 2^53; print every digit.
      return Long.toString((long) v);
    }
    BigDecimal d = BigDecimal.valueOf(v).round(DIGITS).stripTrailingZeros();
    return abs >= 1e-6 && abs < 1e15 ? d.toPlainString() : d.toString();
  }

  /** The empty string for an undefined value. */
  static String format(OptionalDouble v) {
    return v.isPresent() ? format(v.getAsDouble()) : "";
  }

  /** The empty string for {@code null} (a run's undefined measure). */
  static String format(Double v) {
    return v == null ? "" : format(v.doubleValue());
  }
}
