package org.tcpsim.scenario.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep:}: a grid of values for keys given by their {@code --set} path, times
 * replications.
 *
 * @param dimensions the grid's axes, the first varying slowest
 * @param replications runs per grid point, at least 1
 * @param measure what to report per run, by name
 * @param measureLocs where each measure was written
 */
public record Sweep(
    List<Dimension> dimensions,
    int replications,
    List<String> measure,
    List<Loc> measureLocs,
    Loc loc) {
  public Sweep {
    dimensions = List.copyOf(dimensions);
    measure = List.copyOf(measure);
    measureLocs = List.copyOf(measureLocs);
  }

  /**
   * One axis of the grid: a key, or several keys varied together ({@code zip}), their i-th values
   * taken at the same time.
   *
   * @param keys key paths as {@code --set} takes them
   * @param values for each position along the axis, one value per key, as YAML text that {@code
   *     --set PATH=TEXT} accepts
   */
  public record Dimension(List<String> keys, List<List<String>> values, Loc loc) {
    public Dimension {
      keys = List.copyOf(keys);
      values = values.stream().map(List::copyOf).toList();
    }

    public int size() {
      return values.size();
    }
  }

  /** One grid point: its number and its {@code PATH=VALUE} assignments. */
  public record Point(int index, List<String> assignments) {}

  public int pointCount() {
    long n = 1;
    for (Dimension d : dimensions) {
      n *= d.size();
    }
    return (int) n;
  }

  /**
   * Every grid point in a fixed order (the first dimension varies slowest), each as the {@code
   * --set} assignments {@code PATH=VALUE} that turn the scenario into that point. With nothing to
   * vary there is one point with no assignments.
   */
  public List<List<String>> points() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Dimension d : dimensions) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (List<String> tuple : d.values()) {
          List<String> p = new ArrayList<>(prefix);
          for (int k = 0; k < d.keys().size(); k++) {
            p.add(d.keys().get(k) + "=" + tuple.get(k));
          }
          next.add(List.copyOf(p));
        }
      }
      out = next;
    }
    return List.copyOf(out);
  }
}
