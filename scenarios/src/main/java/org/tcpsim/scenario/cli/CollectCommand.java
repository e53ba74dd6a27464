package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.sweep.collect.CollectException;
import org.tcpsim.scenario.sweep.collect.CollectResult;
import org.tcpsim.scenario.sweep.collect.Collector;

/**
 * {@code tcpsim collect DIR... [--out DIR]}: tables and plots from a sweep's runs, also from
 * shards run on several machines. Prints one line saying what was written; warnings about
 * missing runs and damaged run files go to stderr and do not change the exit status, since an
 * unfinished sweep is still worth a look (README "Experiments", "Damaged run files").
 */
public final class CollectCommand {
  static final CommandSpec SPEC = new CommandSpec("collect", List.of(
      "Collect the runs of a sweep, or of its shards, into tables and plots. They are runs.csv, "
          + "summary.csv (n, mean, sd, 95% confidence interval, min, max per measure and grid "
          + "point), plots/MEASURE.png and .svg, and manifest.json.",
      "Missing runs, and damaged run files (skipped, their runs counted as missing), are "
          + "reported but are not an error. Exit status: 0 collected; 2 bad input "
          + "(not a sweep directory, directories of different sweeps, an unreadable file)."),
      List.of(OptionSpec.value("--out", "DIR",
          "Where to write the tables and plots (default: the first DIR).")),
      "DIR", 1, CommandSpec.MANY,
      "Directories written by 'tcpsim sweep --out DIR' (whole sweeps or shards of one sweep).");

  private final Args args;

  CollectCommand(Args a) {
    args = a;
  }

  int call(PrintWriter stdout, PrintWriter stderr) {
    List<String> dirs = args.parameters();
    String out = args.value("--out");
    try {
      List<Path> paths = new ArrayList<>();
      for (String d : dirs) {
        paths.add(path(d));
      }
      Path target = out == null ? paths.get(0) : path(out);
      CollectResult result = Collector.collect(paths, target, args.asTyped());
      stdout.println(result.summaryLine());
      result.warnings().forEach(stderr::println);
      return Main.OK;
    } catch (CollectException e) {
      stderr.println(e.getMessage());
      return Main.BAD_INPUT;
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  private static Path path(String text) throws CollectException {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new CollectException(text + ": not a valid path: " + e.getReason(), e);
    }
  }
}
