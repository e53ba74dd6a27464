package org.tcpsim.scenario.sweep.collect;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;

/**
 * The sweep's grid as the manifest declares it: which position along each dimension a point
 * number stands for (the first dimension varies slowest), and the values written there. The
 * tables and plots take parameter values from here rather than from each run file, so every
 * row of a point shows the same text.
 */
final class Grid {
  private final SweepManifest manifest;
  private final List<Dimension> dimensions;
  private final int points;

  /** The manifest's grid; it must be consistent ({@link Shards} checks that on reading). */
  Grid(SweepManifest manifest) {
    this.manifest = manifest;
    this.dimensions = manifest.dimensions();
    this.points = manifest.points();
  }

  /**
   * The number of points the dimensions make, for checking a manifest: the product of their
   * lengths, 1 when nothing is varied.
   */
  static long pointsOf(List<Dimension> dimensions) {
    long product = 1;
    for (Dimension d : dimensions) {
      product *= d.values().size();
    }
    return product;
  }

  List<Dimension> dimensions() {
    return dimensions;
  }

  int points() {
    return points;
  }

  /** Every varied key, a zipped dimension contributing each of its keys, in dimension order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    dimensions.forEach(d -> keys.addAll(d.keys()));
    return keys;
  }

  /** The point's position along each dimension. */
  int[] positions(int point) {
    return manifest.positions(point);
  }

  /** The point's value of every varied key, in the order of {@link #keys()}. */
  List<String> values(int point) {
    return new ArrayList<>(manifest.parameters(point).values());
  }

  /**
   * A dimension's position as people read it in a legend or title: {@code k = v}, or for a
   * zipped dimension {@code k1 = v1, k2 = v2}.
   */
  String label(int dimension, int position) {
    Dimension d = dimensions.get(dimension);
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < d.keys().size(); k++) {
      parts.add(d.keys().get(k) + " = " + d.values().get(position).get(k));
    }
    return String.join(", ", parts);
  }
}
