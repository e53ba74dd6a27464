package org.tcpsim.scenario.sweep;

import java.util.List;

/**
 * What identifies a sweep, written to {@code DIR/sweep.json} before its first run. A sweep
 * resumed into the same directory, or a shard collected with others, must have the same
 * manifest; {@code command} is the command that reproduces the whole sweep.
 *
 * @param format the file format's version, 1
 * @param scenario the scenario's {@code name}
 * @param file the scenario file as given on the command line
 * @param sha256 the scenario file's SHA-256, hex
 * @param version the tcpsim version that ran it
 * @param seed the scenario seed
 * @param sets the {@code --set KEY=VALUE} overrides, in order
 * @param dimensions the varied keys, slowest-varying first
 * @param replications runs per grid point
 * @param measures what each run reports
 * @param points grid points
 * @param runs {@code points * replications}
 * @param command a command line that reproduces the sweep
 */
public record SweepManifest(
    int format,
    String scenario,
    String file,
    String sha256,
    String version,
    long seed,
    List<String> sets,
    List<Dimension> dimensions,
    int replications,
    List<Measure> measures,
    int points,
    int runs,
    String command) {
  public SweepManifest {
    sets = List.copyOf(sets);
    dimensions = List.copyOf(dimensions);
    measures = List.copyOf(measures);
  }

  /** A point's position along each dimension (the first dimension varies slowest). */
  public int[] positions(int point) {
    int[] at = new int[dimensions.size()];
    int rest = point;
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      int size = dimensions.get(i).values().size();
      at[i] = rest % size;
      rest /= size;
    }
    return at;
  }

  /** The varied keys and their values at a grid point, as written, in dimension order. */
  public java.util.Map<String, String> parameters(int point) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    int[] at = positions(point);
    for (int d = 0; d < dimensions.size(); d++) {
      List<String> tuple = dimensions.get(d).values().get(at[d]);
      for (int k = 0; k < tuple.size(); k++) {
        out.put(dimensions.get(d).keys().get(k), tuple.get(k));
      }
    }
    return out;
  }

  /**
   * One dimension of the grid: one key, or several keys varied together ({@code zip}).
   *
   * @param keys the key paths
   * @param values for each position along the dimension, one value per key, as written
   */
  public record Dimension(List<String> keys, List<List<String>> values) {
    public Dimension {
      keys = List.copyOf(keys);
      values = values.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A measure a run reports.
   *
   * @param name as written in {@code measure:} ({@code handshake.time.mean})
   * @param unit for axis labels and column notes ({@code s}, {@code Mbit/s}, or empty)
   * @param description one line for people
   */
  public record Measure(String name, String unit, String description) {}
}
