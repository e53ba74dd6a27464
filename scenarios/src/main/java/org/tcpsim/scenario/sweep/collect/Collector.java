package org.tcpsim.scenario.sweep.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Measure;

/**
 * The collect step of a sweep: reads the runs of one or more directories of the same sweep and
 * writes what people look at: {@code runs.csv}, {@code summary.csv}, a PNG and an SVG plot per
 * measure under {@code plots/}, and {@code manifest.json} (what was collected and how to
 * reproduce it). Every file is written atomically, and {@code manifest.json} last, so its
 * presence means the collect finished. The output depends only on the runs, so collecting
 * shards gives the same files as collecting the whole sweep.
 */
public final class Collector {
  public static final String RUNS_CSV = "runs.csv";
  public static final String SUMMARY_CSV = "summary.csv";
  public static final String PLOTS = "plots";
  public static final String MANIFEST = "manifest.json";

  /** How many missing run numbers {@code manifest.json} lists; it gives the count as well. */
  static final int MISSING_LISTED = 100;

  private Collector() {}

  /**
   * Collects the runs of {@code dirs} into {@code out}.
   *
   * @param dirs directories of one sweep (the whole sweep, or its shards), at least one
   * @param out where to write; may be one of {@code dirs}
   * @param commandLine the collect command as typed, recorded in {@code manifest.json}
   * @throws CollectException when a directory is not a sweep, the directories hold different
   *     sweeps, the manifest is unreadable or inconsistent, a run file is outside the sweep or
   *     differs from the same run in another directory, or an output cannot be written; a
   *     damaged run file is not an error but a warning (README "Experiments", "Damaged run
   *     files")
   */
  public static CollectResult collect(List<Path> dirs, Path out, String commandLine)
      throws CollectException {
    Shards shards = Shards.read(dirs);
    SweepManifest manifest = shards.manifest();
    Grid grid = new Grid(manifest);
    List<String> measures = manifest.measures().stream().map(Measure::name).toList();
    List<PointStats> points = PointStats.of(shards.runs(), measures);
    List<Integer> missing = missing(shards.runs(), manifest.runs());

    List<String> files = new ArrayList<>();
    write(out, RUNS_CSV, Tables.runs(grid, measures, shards.runs()), files);
    write(out, SUMMARY_CSV, Tables.summary(grid, measures, points), files);
    List<Plot> plots = PlotPlan.plan(manifest, grid, points);
    for (Plot plot : plots) {
      Path dir = out.resolve(PLOTS);
      try {
        ChartFiles.write(plot, dir).forEach(f -> files.add(PLOTS + "/" + f));
      } catch (IOException e) {
        throw cannotWrite(dir.resolve(plot.fileStem() + ".png"), e);
      }
    }
    String json = SweepFiles.toJson(
        manifestJson(manifest, dirs, shards.runs().size(), missing, commandLine));
    write(out, MANIFEST, json, files);
    return new CollectResult(out, shards.runs().size(), manifest.runs(), missing, files,
        plots.size(), shards.runsPerDir(), shards.damaged());
  }

  private static List<Integer> missing(List<RunRecord> runs, int expected) {
    boolean[] found = new boolean[expected];
    runs.forEach(r -> found[r.run()] = true);
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < expected; i++) {
      if (!found[i]) {
        missing.add(i);
      }
    }
    return missing;
  }

  /** The sweep's manifest with a {@code collected} section: what was found, from where, how. */
  private static ObjectNode manifestJson(SweepManifest manifest, List<Path> dirs, int found,
      List<Integer> missing, String commandLine) {
    ObjectNode root = SweepFiles.json().valueToTree(manifest);
    ObjectNode collected = root.putObject("collected");
    ArrayNode dirNames = collected.putArray("dirs");
    dirs.forEach(d -> dirNames.add(d.toString()));
    collected.put("runs_found", found);
    collected.put("runs_expected", manifest.runs());
    ArrayNode listed = collected.putArray("missing");
    missing.stream().limit(MISSING_LISTED).forEach(listed::add);
    collected.put("missing_count", missing.size());
    collected.put("complete", missing.isEmpty());
    collected.put("command", commandLine);
    return root;
  }

  private static void write(Path out, String name, String text, List<String> files)
      throws CollectException {
    Path file = out.resolve(name);
    try {
      SweepFiles.writeAtomically(file, text);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
    files.add(name);
  }

  private static CollectException cannotWrite(Path file, IOException e) {
    return new CollectException(file + ": cannot write: " + CollectException.reason(e), e);
  }
}
