package org.tcpsim.scenario.sweep.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A varied value as written in a sweep ({@code 10ms}, {@code 64KiB}, {@code 10Mbps},
 * {@code 1000/s}, {@code 1%}, {@code 0.01}, {@code 0x12c}) read as a number, so a plot can put it
 * on a numeric axis. Only for plotting: the scenario loader has already checked every value,
 * so this reads the same syntax leniently and says "not a quantity" for anything else (a
 * profile name, a boolean), which the plot then shows by name.
 *
 * @param kind what the number measures
 * @param value in the kind's base unit: seconds, bytes, bits per second, events per second, or
 *     the plain number
 */
record Quantity(Kind kind, double value) {

  /** What a quantity measures; each has one base unit. */
  enum Kind { NUMBER, DURATION, SIZE, BIT_RATE, EVENT_RATE }

  /**
   * Numbers on one axis in one display unit ({@code ms}, {@code KB}, {@code Mbit/s}, {@code /s},
   * or empty for plain numbers).
   */
  record Scaled(String unit, List<Double> values) {
    Scaled {
      values = List.copyOf(values);
    }
  }

  private static final Pattern TEXT = Pattern.compile(
      "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S*)\\s*");
  private static final Pattern HEX = Pattern.compile("\\s*0[xX]([0-9a-fA-F]+)\\s*");

  private static final Map<String, Double> DURATION = Map.of(
      "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "h", 3600.0);
  private static final Map<String, Double> SIZE = Map.of(
      "B", 1.0, "KB", 1e3, "KiB", 1024.0, "MB", 1e6, "MiB", 1048576.0,
      "GB", 1e9, "GiB", 1073741824.0);
  private static final Map<String, Double> BIT_RATE = Map.of(
      "bps", 1.0, "Kbps", 1e3, "kbps", 1e3, "Mbps", 1e6, "Gbps", 1e9);
  private static final Map<String, Double> EVENT_RATE = Map.of(
      "/ms", 1e3, "/s", 1.0, "/min", 1 / 60.0, "/h", 1 / 3600.0);

  /** The quantity {@code text} writes, or empty when it is not a number with a known unit. */
  static Optional<Quantity> parse(String text) {
    Matcher hex = HEX.matcher(text);
    if (hex.matches()) {
      return Optional.of(new Quantity(Kind.NUMBER, Long.parseLong(hex.group(1), 16)));
    }
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    if (unit.isEmpty()) {
      return Optional.of(new Quantity(Kind.NUMBER, number));
    }
    if (unit.equals("%")) {
      return Optional.of(new Quantity(Kind.NUMBER, number / 100));
    }
    for (var kind : List.of(
        Map.entry(Kind.DURATION, DURATION), Map.entry(Kind.SIZE, SIZE),
        Map.entry(Kind.BIT_RATE, BIT_RATE), Map.entry(Kind.EVENT_RATE, EVENT_RATE))) {
      Double scale = kind.getValue().get(unit);
      if (scale != null) {
        return Optional.of(new Quantity(kind.getKey(), number * scale));
      }
    }
    return Optional.empty();
  }

  /**
   * The values on one numeric scale, or empty when some value is not a quantity or they measure
   * different things (then the plot shows the values by name). A bare number goes with the
   * others' kind where the scenario language allows it: bytes for sizes, and 0 for anything.
   *
   * <p>Display units: durations in ms when all are under a second, else s; sizes in the largest
   * of B, KB, MB, GB that the smallest non-zero size fills at least once (so 1460 and 64KB read
   * 1.46 and 64 KB); bit rates in Mbit/s; event rates per second.
   */
  static Optional<Scaled> onOneScale(List<String> texts) {
    List<Quantity> qs = new ArrayList<>();
    for (String t : texts) {
      Optional<Quantity> q = parse(t);
      if (q.isEmpty()) {
        return Optional.empty();
      }
      qs.add(q.get());
    }
    Kind kind = qs.stream().map(Quantity::kind).filter(k -> k != Kind.NUMBER).findFirst()
        .orElse(Kind.NUMBER);
    for (Quantity q : qs) {
      boolean fits = q.kind == kind
          || (q.kind == Kind.NUMBER && (q.value == 0 || kind == Kind.SIZE));
      if (!fits) {
        return Optional.empty();
      }
    }
    Unit unit = switch (kind) {
      case DURATION -> qs.stream().allMatch(q -> Math.abs(q.value) < 1)
          ? new Unit("ms", 1e-3) : new Unit("s", 1);
      case SIZE -> sizeUnit(qs);
      case BIT_RATE -> new Unit("Mbit/s", 1e6);
      case EVENT_RATE -> new Unit("/s", 1);
      case NUMBER -> new Unit("", 1);
    };
    return Optional.of(
        new Scaled(unit.name, qs.stream().map(q -> q.value / unit.divisor).toList()));
  }

  private record Unit(String name, double divisor) {}

  private static Unit sizeUnit(List<Quantity> qs) {
    double smallest = qs.stream().mapToDouble(q -> Math.abs(q.value)).filter(v -> v > 0)
        .min().orElse(1);
    int power = smallest >= 1e9 ? 3 : smallest >= 1e6 ? 2 : smallest >= 1e3 ? 1 : 0;
    return new Unit(List.of("B", "KB", "MB", "GB").get(power), Math.pow(1000, power));
  }
}
