package org.tcpsim.scenario.sweep.collect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;
import org.tcpsim.scenario.sweep.SweepManifest.Measure;

/**
 * Which plots a sweep gets: for each measure, its mean against the first dimension's first key,
 * one line per position of the second dimension, error bars from the 95% confidence interval.
 * A sweep with three or more dimensions gets one plot per combination of the further
 * dimensions' positions; one with no dimension gets a single point, so every sweep has a plot
 * per measure to look at.
 */
final class PlotPlan {
  private static final String NOTHING_VARIED = "all runs";

  private PlotPlan() {}

  static List<Plot> plan(SweepManifest manifest, Grid grid, List<PointStats> points) {
    List<Dimension> dims = grid.dimensions();
    XAxis x = xAxis(dims);
    List<int[]> extras = extraCombinations(dims);
    List<Plot> plots = new ArrayList<>();
    Set<String> stems = new HashSet<>();
    for (Measure m : manifest.measures()) {
      for (int[] extra : extras) {
        String stem = uniqueStem(stem(m.name(), grid, extra), stems);
        String title = manifest.scenario() + ": " + m.name() + extraTitle(grid, extra);
        plots.add(new Plot(stem, title, x.label, x.names, label(m.name(), m.unit()),
            dims.size() >= 2, series(m.name(), grid, points, x, extra)));
      }
    }
    return plots;
  }

  /** The x axis: numbers in one unit when every value is a quantity, else names by position. */
  private record XAxis(String label, List<String> names, List<Double> values) {}

  private static XAxis xAxis(List<Dimension> dims) {
    if (dims.isEmpty()) {
      return new XAxis("", List.of(NOTHING_VARIED), List.of(0.0));
    }
    Dimension first = dims.get(0);
    String key = first.keys().get(0);
    List<String> texts = first.values().stream().map(v -> v.get(0)).toList();
    Optional<Quantity.Scaled> scaled = Quantity.onOneScale(texts);
    if (scaled.isPresent()) {
      return new XAxis(label(key, scaled.get().unit()), List.of(), scaled.get().values());
    }
    List<Double> positions = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      positions.add((double) i);
    }
    return new XAxis(key, texts, positions);
  }

  private static String label(String name, String unit) {
    return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
  }

  private static List<Plot.Series> series(String measure, Grid grid, List<PointStats> points,
      XAxis x, int[] extra) {
    List<Dimension> dims = grid.dimensions();
    int lines = dims.size() >= 2 ? dims.get(1).values().size() : 1;
    List<List<Plot.Point>> byLine = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      byLine.add(new ArrayList<>());
    }
    for (PointStats p : points) {
      int[] at = grid.positions(p.point());
      if (!matches(at, extra)) {
        continue;
      }
      Stats s = p.stats().get(measure);
      if (s.mean().isEmpty()) {
        continue;
      }
      double xValue = dims.isEmpty() ? 0 : x.values.get(at[0]);
      byLine.get(dims.size() >= 2 ? at[1] : 0)
          .add(new Plot.Point(xValue, s.mean().getAsDouble(), s.ci95().orElse(0)));
    }
    List<Plot.Series> series = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      String name = dims.size() >= 2 ? grid.label(1, i) : measure;
      series.add(new Plot.Series(name, byLine.get(i)));
    }
    return series;
  }

  /** Positions of dimensions 3, 4, ...: every combination, the third dimension slowest. */
  private static List<int[]> extraCombinations(List<Dimension> dims) {
    List<int[]> combos = new ArrayList<>();
    combos.add(new int[0]);
    for (int d = 2; d < dims.size(); d++) {
      List<int[]> next = new ArrayList<>();
      for (int[] c : combos) {
        for (int pos = 0; pos < dims.get(d).values().size(); pos++) {
          int[] longer = java.util.Arrays.copyOf(c, c.length + 1);
          longer[c.length] = pos;
          next.add(longer);
        }
      }
      combos = next;
    }
    return combos;
  }

  private static boolean matches(int[] at, int[] extra) {
    for (int i = 0; i < extra.length; i++) {
      if (at[i + 2] != extra[i]) {
        return false;
      }
    }
    return true;
  }

  private static String extraTitle(Grid grid, int[] extra) {
    if (extra.length == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < extra.length; i++) {
      parts.add(grid.label(i + 2, extra[i]));
    }
    return " (" + String.join(", ", parts) + ")";
  }

  /** {@code MEASURE} or {@code MEASURE--KEY=VALUE--KEY=VALUE}, made safe for file names. */
  private static String stem(String measure, Grid grid, int[] extra) {
    StringBuilder s = new StringBuilder(measure);
    for (int i = 0; i < extra.length; i++) {
      Dimension d = grid.dimensions().get(i + 2);
      for (int k = 0; k < d.keys().size(); k++) {
        s.append("--").append(d.keys().get(k)).append('=').append(d.values().get(extra[i]).get(k));
      }
    }
    return safe(s.toString());
  }

  /**
   * Letters, digits and {@code . _ - = +} are kept; anything else (a {@code /} in {@code 1000/s},
   * a space, a colon Windows refuses) becomes {@code _}. Long names are cut to stay within file
   * name limits.
   */
  static String safe(String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || ".-_=+".indexOf(c) >= 0;
      s.append(ok ? c : '_');
    }
    String out = s.toString();
    if (out.startsWith(".")) {
      out = "_" + out.substring(1);
    }
    return out.length() <= 200 ? out : out.substring(0, 200);
  }

  /** Two values that differ only in unsafe characters must not share a file. */
  private static String uniqueStem(String stem, Set<String> taken) {
    String s = stem;
    for (int i = 2; !taken.add(s); i++) {
      s = stem + "-" + i;
    }
    return s;
  }
}
