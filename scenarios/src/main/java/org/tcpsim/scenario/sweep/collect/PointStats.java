package org.tcpsim.scenario.sweep.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcpsim.scenario.sweep.RunRecord;

/**
 * The statistics of every measure over one grid point's replications: one row of
 * {@code summary.csv} and one point (with its error bar) of each plot.
 *
 * @param point the grid point
 * @param stats per measure name, in the manifest's order
 */
record PointStats(int point, Map<String, Stats> stats) {
  PointStats {
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }

  /** One entry per point that has at least one run, in point order. */
  static List<PointStats> of(List<RunRecord> runs, List<String> measures) {
    TreeMap<Integer, List<RunRecord>> byPoint = new TreeMap<>();
    for (RunRecord r : runs) {
      byPoint.computeIfAbsent(r.point(), p -> new ArrayList<>()).add(r);
    }
    List<PointStats> out = new ArrayList<>();
    byPoint.forEach((point, rs) -> {
      Map<String, Stats> stats = new LinkedHashMap<>();
      for (String m : measures) {
        List<Double> values = new ArrayList<>();
        rs.forEach(r -> values.add(r.measures().get(m)));
        stats.put(m, Stats.of(values));
      }
      out.add(new PointStats(point, stats));
    });
    return out;
  }
}
