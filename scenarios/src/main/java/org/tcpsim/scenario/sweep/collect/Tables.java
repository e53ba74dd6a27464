package org.tcpsim.scenario.sweep.collect;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.sweep.RunRecord;

/**
 * The text of {@code runs.csv} (one row per run) and {@code summary.csv} (one row per grid
 * point). Both name the varied keys as columns, a zipped dimension giving one column per key, so
 * a spreadsheet or pandas can group and filter by them; undefined values are empty cells.
 */
final class Tables {
  /** The statistics columns of each measure in {@code summary.csv}, in order. */
  static final List<String> STATS = List.of("n", "mean", "sd", "ci95", "min", "max");

  private Tables() {}

  /** Header {@code run,point,replication,seed,KEY...,passed,MEASURE...}; runs in run order. */
  static String runs(Grid grid, List<String> measures, List<RunRecord> runs) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("run", "point", "replication", "seed"));
    header.addAll(grid.keys());
    header.add("passed");
    header.addAll(measures);
    out.append(Csv.line(header));
    for (RunRecord r : runs) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(r.run()),
          Integer.toString(r.point()), Integer.toString(r.replication()),
          Long.toString(r.seed())));
      row.addAll(grid.values(r.point()));
      row.add(Boolean.toString(r.passed()));
      measures.forEach(m -> row.add(Decimal.format(r.measures().get(m))));
      out.append(Csv.line(row));
    }
    return out.toString();
  }

  /** Header {@code KEY...,M.n,M.mean,M.sd,M.ci95,M.min,M.max...}; points in point order. */
  static String summary(Grid grid, List<String> measures, List<PointStats> points) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(grid.keys());
    measures.forEach(m -> STATS.forEach(s -> header.add(m + "." + s)));
    out.append(Csv.line(header));
    for (PointStats p : points) {
      List<String> row = new ArrayList<>(grid.values(p.point()));
      for (String m : measures) {
        Stats s = p.stats().get(m);
        row.add(Integer.toString(s.n()));
        row.add(Decimal.format(s.mean()));
        row.add(Decimal.format(s.sd()));
        row.add(Decimal.format(s.ci95()));
        row.add(Decimal.format(s.min()));
        row.add(Decimal.format(s.max()));
      }
      out.append(Csv.line(row));
    }
    return out.toString();
  }
}
