package org.tcpsim.scenario.model;

import java.util.AbstractList;
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

  /**
   * The number of grid points; the loader refuses a grid of more than {@link Integer#MAX_VALUE}
   * points ({@link #pointCountExact}), so this does not overflow for a loaded scenario.
   */
  public int pointCount() {
    return (int) pointCountExact();
  }

  /** The number of grid points as a long, saturating at {@link Long#MAX_VALUE}. */
  public long pointCountExact() {
    long n = 1;
    for (Dimension d : dimensions) {
      n = d.size() != 0 && n > Long.MAX_VALUE / d.size() ? Long.MAX_VALUE : n * d.size();
    }
    return n;
  }

  /**
   * Grid point {@code index} as the {@code --set} assignments {@code PATH=VALUE} that turn the
   * scenario into it: the index read as a mixed-radix number over the dimensions, the first
   * dimension its most significant digit (so it varies slowest, README "sweep"). Computed on
   * demand, so a grid of a million points costs nothing until a point is asked for.
   */
  public List<String> point(int index) {
    if (index < 0 || index >= pointCount()) {
      throw new IndexOutOfBoundsException("point " + index + " of " + pointCount());
    }
    int[] at = new int[dimensions.size()];
    int rest = index;
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      at[i] = rest % dimensions.get(i).size();
      rest /= dimensions.get(i).size();
    }
    List<String> p = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension d = dimensions.get(i);
      for (int k = 0; k < d.keys().size(); k++) {
        p.add(d.keys().get(k) + "=" + d.values().get(at[i]).get(k));
      }
    }
    return List.copyOf(p);
  }

  /**
   * Every grid point in a fixed order (the first dimension varies slowest), each as {@link
   * #point}. With nothing to vary there is one point with no assignments. The list is a view:
   * each element is computed when read, so the grid is held as its dimensions, never expanded
   * (README "Experiments": a sweep's memory must not grow with its number of points).
   */
  public List<List<String>> points() {
    int n = pointCount();
    return new AbstractList<>() {
      @Override
      public List<String> get(int index) {
        return point(index);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }
}
