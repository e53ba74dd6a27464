package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tcpsim.scenario.sweep.collect.CollectException;
import org.tcpsim.scenario.sweep.collect.CollectResult;
import org.tcpsim.scenario.sweep.collect.Collector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tcpsim collect DIR... [--out DIR]}: tables and plots from a sweep's runs, also from
 * shards run on several machines. Prints one line saying what was written; warnings about
 * missing runs go to stderr and do not change the exit status, since an unfinished sweep is
 * still worth a look.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = {"Collect the runs of a sweep, or of its shards, into runs.csv, summary.csv "
        + "(n, mean, sd, 95%% confidence interval, min, max per measure and grid point), "
        + "plots/MEASURE.png and .svg, and manifest.json.",
        "Missing runs are reported but are not an error. Exit status: 0 collected; 2 bad input "
            + "(not a sweep directory, directories of different sweeps, an unreadable file)."})
public final class CollectCommand implements Callable<Integer> {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(arity = "1..*", paramLabel = "DIR",
      description = "Directories written by 'tcpsim sweep --out DIR' (whole sweeps or shards "
          + "of one sweep).")
  List<String> dirs;

  @CommandLine.Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the tables and plots (default: the first DIR).")
  String out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      List<Path> paths = new ArrayList<>();
      for (String d : dirs) {
        paths.add(path(d));
      }
      Path target = out == null ? paths.get(0) : path(out);
      CollectResult result = Collector.collect(paths, target, commandLine());
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

  /**
   * The command as typed, each word quoted for a POSIX shell where needed, for
   * {@code manifest.json}. Picocli gives a subcommand the whole argument list.
   */
  private String commandLine() {
    List<String> words = new ArrayList<>(List.of("tcpsim"));
    words.addAll(spec.commandLine().getParseResult().originalArgs());
    return words.stream().map(CollectCommand::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
