package org.tcpsim.scenario.sweep.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;
import org.tcpsim.scenario.sweep.SweepManifest.Measure;

/**
 * Sweep directories written by hand, as {@code tcpsim sweep} would leave them: a manifest and
 * run files with measures that make round statistics.
 */
final class SweepFixture {
  static final Measure TIME = new Measure("handshake.time.mean", "s", "mean handshake time");
  static final Measure ESTABLISHED = new Measure("connections.established", "", "established");

  private SweepFixture() {}

  static Dimension dim(String key, String... values) {
    return new Dimension(List.of(key), java.util.Arrays.stream(values).map(List::of).toList());
  }

  static SweepManifest manifest(List<Dimension> dims, int replications, List<Measure> measures) {
    int points = (int) Grid.pointsOf(dims);
    return new SweepManifest(1, "handshake", "handshake.yaml", "ab12", "0.1.0", 7, List.of(),
        dims, replications, measures, points, points * replications,
        "tcpsim sweep handshake.yaml --out results");
  }

  /**
   * The 2 by 2 grid the table tests read: delay 10ms, 50ms (slowest) by loss 0, 0.1, three
   * replications, two measures.
   */
  static SweepManifest twoByTwo() {
    return manifest(List.of(dim("links.0.delay", "10ms", "50ms"), dim("links.0.loss", "0", "0.1")),
        3, List.of(TIME, ESTABLISHED));
  }

  /**
   * Run {@code run} of {@code m}: handshake time {@code 0.02 + 0.01 * point + 0.001 * rep}
   * (computed in binary, so 0.030000000000000002 appears); established 1, except at the
   * last point of the 2 by 2 grid, where the replications give 0, 1 and undefined.
   */
  static RunRecord run(SweepManifest m, int run) {
    int point = run / m.replications();
    int rep = run % m.replications();
    Map<String, String> params = new LinkedHashMap<>();
    Grid grid = new Grid(m);
    List<String> keys = grid.keys();
    List<String> values = grid.values(point);
    for (int i = 0; i < keys.size(); i++) {
      params.put(keys.get(i), values.get(i));
    }
    Map<String, Double> measures = new LinkedHashMap<>();
    for (Measure measure : m.measures()) {
      Double v;
      if (measure.equals(TIME)) {
        v = 0.02 + 0.01 * point + 0.001 * rep;
      } else if (point == 3) {
        v = rep == 2 ? null : (double) rep;
      } else {
        v = 1.0;
      }
      measures.put(measure.name(), v);
    }
    return new RunRecord(run, point, rep, m.seed(), params, rep != 2 || point != 3, measures);
  }

  /** Writes {@code m} and the runs {@code which} accepts into {@code dir}. */
  static Path write(Path dir, SweepManifest m, IntPredicate which) throws IOException {
    Files.createDirectories(dir);
    SweepFiles.writeManifest(dir, m);
    for (int r = 0; r < m.runs(); r++) {
      if (which.test(r)) {
        SweepFiles.writeRun(dir, run(m, r));
      }
    }
    return dir;
  }

  static Path writeAll(Path dir, SweepManifest m) throws IOException {
    return write(dir, m, r -> true);
  }

  /** Every file under {@code dir}, relative, sorted: to compare two collects. */
  static List<String> files(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString()));
    }
    names.sort(null);
    return names;
  }
}
