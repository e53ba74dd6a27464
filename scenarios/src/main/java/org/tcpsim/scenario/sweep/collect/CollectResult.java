package org.tcpsim.scenario.sweep.collect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tcpsim.scenario.sweep.RunFileCheck;

/**
 * What a collect found and wrote, for the line the command prints and the warnings about runs
 * that are not there yet. Missing runs are not an error: a shard may still be running, and a
 * partial table is worth looking at as long as it says it is partial.
 *
 * @param out the directory written to
 * @param runsFound distinct runs found over all directories
 * @param runsExpected the runs the sweep has
 * @param missing every run number not found, ascending
 * @param files every file written, relative to {@code out}, in writing order
 * @param plots how many plots (each a PNG and an SVG)
 * @param runsPerDir how many good run files each directory given holds, in the order given
 * @param damaged every run file left out as damaged (README "Experiments", "Damaged run files")
 */
public record CollectResult(
    Path out,
    int runsFound,
    int runsExpected,
    List<Integer> missing,
    List<String> files,
    int plots,
    Map<Path, Integer> runsPerDir,
    List<RunFileCheck.Damaged> damaged) {
  private static final int LISTED = 10;

  public CollectResult {
    missing = List.copyOf(missing);
    files = List.copyOf(files);
    runsPerDir = Collections.unmodifiableMap(new LinkedHashMap<>(runsPerDir));
    damaged = List.copyOf(damaged);
  }

  /** Whether every run of the sweep was found. */
  public boolean complete() {
    return missing.isEmpty();
  }

  /** {@code collected 60 of 60 runs into DIR: runs.csv, summary.csv, 6 plots}. */
  public String summaryLine() {
    return String.format("collected %d of %d runs into %s: runs.csv, summary.csv, %d plot%s",
        runsFound, runsExpected, out, plots, plots == 1 ? "" : "s");
  }

  /**
   * Every damaged run file, all in one line; then nothing when complete; otherwise how many runs
   * are missing and which, and, when several directories were given, each one holding fewer runs
   * than an even share of the sweep (the shards that look unfinished).
   */
  public List<String> warnings() {
    List<String> w = new ArrayList<>();
    if (!damaged.isEmpty()) {
      w.add("warning: " + RunFileCheck.count(damaged) + " skipped: " + RunFileCheck.list(damaged)
          + "; a sweep resumed into their directory sets them aside and runs them again");
    }
    if (complete()) {
      return w;
    }
    String listed = missing.stream().limit(LISTED).map(String::valueOf)
        .collect(Collectors.joining(", "));
    if (missing.size() > LISTED) {
      listed += " and " + (missing.size() - LISTED) + " more";
    }
    w.add(String.format("warning: %d of %d runs are missing (run%s %s); the tables and plots "
            + "show the %d found", missing.size(), runsExpected, missing.size() == 1 ? "" : "s",
        listed, runsFound));
    if (runsPerDir.size() > 1) {
      int share = runsExpected / runsPerDir.size();
      runsPerDir.forEach((dir, n) -> {
        if (n < share) {
          w.add(String.format("warning: %s holds %d runs, fewer than an even share of %d "
              + "(%d runs over %d directories): is that shard finished?", dir, n, share,
              runsExpected, runsPerDir.size()));
        }
      });
    } else {
      w.add("warning: the sweep in " + runsPerDir.keySet().iterator().next() + " is not finished; "
          + "running the same sweep into it again does only the missing runs");
    }
    return w;
  }
}
