package org.tcpsim.scenario.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.load.Suggest;
import org.tcpsim.scenario.model.Sweep;
import org.tcpsim.scenario.run.Measures;
import org.tcpsim.scenario.run.Simulation;
import org.tcpsim.scenario.sweep.ManifestDiff;
import org.tcpsim.scenario.sweep.Progress;
import org.tcpsim.scenario.sweep.RunFileCheck;
import org.tcpsim.scenario.sweep.Shard;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepPlan;
import org.tcpsim.scenario.sweep.SweepRunner;
import org.tcpsim.scenario.sweep.collect.CollectException;
import org.tcpsim.scenario.sweep.collect.CollectResult;
import org.tcpsim.scenario.sweep.collect.Collector;

/** {@code tcpsim sweep}: a scenario over a grid of values, with replications, into a directory. */
public final class SweepCommand {
  static final CommandSpec SPEC = new CommandSpec("sweep", List.of(
      "Run a scenario over a grid of parameter values with replications. Each finished run is "
          + "written to DIR/runs/ at once; running the same command again resumes where it "
          + "stopped, setting aside damaged run files (as NNNNNN.json.damaged) and running them "
          + "again. When every run is done, 'tcpsim collect DIR' is run: runs.csv, summary.csv "
          + "(mean, sd, 95% confidence interval) and plots.",
      "Exit status: 0 done; 2 bad input; 3 internal error."),
      List.of(
          OptionSpec.value("--seed", "N", "Seed for every run (default: the scenario's). "
              + "Replication r of every point uses the seed with replication index r."),
          OptionSpec.repeatable("--set", "KEY=VALUE",
              "Override a key by its path, e.g. hosts.B.tcp.backlog=64 (repeatable)."),
          OptionSpec.repeatable("--vary", "KEY=VALUES", "Add or replace a dimension: "
              + "KEY=16,128,1024, KEY='{from: 0, to: 0.05, step: 0.01}', "
              + "KEY='{from: 16, to: 1024, times: 2}', or zip='{k1: [a, b], k2: [c, d]}' "
              + "(repeatable)."),
          OptionSpec.value("--replications", "N",
              "Runs per grid point (default: the file's sweep.replications, or 1)."),
          OptionSpec.repeatable("--measure", "NAME", "What to measure (replaces the file's "
              + "sweep.measure; repeatable); see --measures."),
          OptionSpec.value("--jobs", "N",
              "Runs at once (default: the number of cores). Results do not depend on it."),
          OptionSpec.value("--out", "DIR",
              "Where runs and results go (default: sweeps/NAME)."),
          OptionSpec.value("--shard", "I/N", "Run only shard I of N (1 <= I <= N), e.g. "
              + "--shard $SLURM_ARRAY_TASK_ID/$N with --array=1-N; then collect."),
          OptionSpec.flag("--list", "Print the runs (of this shard) without running them."),
          OptionSpec.flag("--measures", "Print every measure this scenario can report."),
          OptionSpec.flag("--no-collect", "Do not collect when the sweep is complete.")),
      "FILE", 0, 1, "Scenario file with a sweep: block, or the name of a bundled scenario.");

  private final Args args;
  private final String file;
  private final Long seed;
  private final List<String> sets;
  private final List<String> varies;
  private final Integer replications;
  private final List<String> measures;
  private final Integer jobs;
  private final String out;
  private final String shard;
  private final boolean list;
  private final boolean listMeasures;
  private final boolean noCollect;

  SweepCommand(Args a) throws UsageException {
    args = a;
    file = a.parameter();
    seed = a.longValue("--seed");
    sets = a.values("--set");
    varies = a.values("--vary");
    replications = a.intValue("--replications");
    measures = a.values("--measure");
    jobs = a.intValue("--jobs");
    out = a.value("--out");
    shard = a.value("--shard");
    list = a.has("--list");
    listMeasures = a.has("--measures");
    noCollect = a.has("--no-collect");
  }

  private PrintWriter stdout;
  private PrintWriter stderr;

  int call(PrintWriter stdout, PrintWriter stderr) throws IOException, InterruptedException {
    this.stdout = stdout;
    this.stderr = stderr;
    try {
      return sweep();
    } catch (BadInput e) {
      e.lines.forEach(stderr::println);
      stderr.flush();
      return Main.BAD_INPUT;
    }
  }

  /**
   * Checks the input, then lists, or runs what is pending and collects. Every check that can
   * fail comes before anything is written, so bad input leaves the directory as it was.
   */
  private int sweep() throws BadInput, IOException, InterruptedException {
    if (file == null) {
      throw new BadInput("tcpsim sweep: missing FILE; try 'tcpsim sweep --help'");
    }
    ScenarioSource source = resolve();
    Shard part = checkOptions();
    ScenarioLoader.Grid grid = parseGrid(source);
    Simulation probe = new Simulation(grid.points().get(0));
    if (listMeasures) {
      return printMeasures(probe);
    }
    SweepManifest manifest = manifest(source, grid, probe);
    SweepPlan plan = new SweepPlan(manifest, grid.points());
    Path dir = outDir(grid.scenario().name());
    if (list) {
      return list(plan, part);
    }
    checkDirectory(dir, manifest);
    return run(new SweepRunner(plan, dir), manifest, part, dir);
  }

  private ScenarioSource resolve() throws BadInput {
    try {
      return ScenarioSource.resolve(file);
    } catch (ScenarioException e) {
      throw new BadInput(e.errors().stream().map(ScenarioError::toString).toList());
    }
  }

  /** The options checked before the file is parsed; returns the shard to run. */
  private Shard checkOptions() throws BadInput {
    Shard part = Shard.WHOLE;
    if (shard != null) {
      try {
        part = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new BadInput("tcpsim sweep: " + e.getMessage());
      }
    }
    if (jobs != null && jobs < 1) {
      throw new BadInput("tcpsim sweep: --jobs: expected at least 1, got " + jobs);
    }
    if (replications != null && replications < 1) {
      throw new BadInput("tcpsim sweep: --replications: expected at least 1, got "
          + replications);
    }
    return part;
  }

  /** The file with every --set and --vary applied, as one scenario per grid point. */
  private ScenarioLoader.Grid parseGrid(ScenarioSource source) throws BadInput {
    try {
      return ScenarioLoader.parseGrid(source.text(), source.name(), sets, varies);
    } catch (ScenarioException e) {
      throw new BadInput(e.errors().stream().map(ScenarioError::toString).toList());
    }
  }

  /** {@code --measures}: every measure the first grid point's scenario can report. */
  private int printMeasures(Simulation probe) {
    for (Measures.Info m : Measures.available(probe)) {
      stdout.printf("%-40s %-7s %s%n", m.name(), m.unit(), m.description());
    }
    stdout.flush();
    return Main.OK;
  }

  /**
   * What this sweep is: written to the directory and compared on a resume, so runs of different
   * sweeps are never mixed (README "Experiments").
   */
  private SweepManifest manifest(ScenarioSource source, ScenarioLoader.Grid grid,
      Simulation probe) throws BadInput {
    Sweep sweep = grid.sweep();
    List<SweepManifest.Measure> chosen = measures(sweep, probe, source.name());
    long theSeed = seed != null ? seed : grid.scenario().seed();
    int reps = replications != null ? replications : sweep.replications();
    int points = grid.points().size();
    if ((long) points * reps > Integer.MAX_VALUE) {
      // Runs are numbered by an int (README "Experiments"); the loader bounds the points alone.
      throw new BadInput(String.format(Locale.ROOT, "%s: %,d points x %,d replications = %,d runs; at most "
          + "%,d runs", source.name(), points, reps, (long) points * reps, Integer.MAX_VALUE));
    }
    return new SweepManifest(1, grid.scenario().name(), source.name(),
        sha256(source.text()), Main.version(), theSeed, sets,
        sweep.dimensions().stream().map(d -> new SweepManifest.Dimension(d.keys(), d.values()))
            .toList(),
        reps, chosen, points, points * reps,
        reproduce(source.name(), theSeed, reps));
  }

  /** Runs this shard's pending runs; a run that throws is a bug in tcpsim, exit status 3. */
  private int run(SweepRunner runner, SweepManifest manifest, Shard part, Path dir)
      throws BadInput, IOException, InterruptedException {
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    setAsideDamaged(runner, part, dir);
    int todo = runner.pending(part).size();
    stderr.printf("%s: %d points x %d replications = %d runs%s; %d to run on %d threads, "
            + "into %s%n", manifest.scenario(), manifest.points(), manifest.replications(),
        manifest.runs(), part.isWhole() ? "" : " (shard " + part + ")", todo, threads, dir);
    stderr.flush();
    SweepRunner.Outcome outcome;
    try (Progress progress = Progress.forConsole(todo, stderr, System.console() != null)) {
      outcome = runner.run(part, threads, progress);
    } catch (SweepRunner.RunFailed e) {
      stderr.println("tcpsim sweep: internal error: " + e.getMessage());
      stderr.println("This is a bug in tcpsim; reproduce it with the runs listed by --list.");
      stderr.flush();
      return Main.INTERNAL_ERROR;
    }
    stdout.printf("ran %d runs, %d already done%s%n", outcome.ran(), outcome.skipped(),
        outcome.failedExpectations() == 0 ? ""
            : "; " + outcome.failedExpectations() + " runs had a failed expectation "
                + "(see expectations.held)");
    return collectIfComplete(runner, dir);
  }

  /**
   * A damaged run file would count as finished and make the collect fail on it, so the sweep
   * would never complete: set aside every damaged file of this shard, name them all in one
   * warning, and let them run again (README "Experiments", "Damaged run files").
   */
  private void setAsideDamaged(SweepRunner runner, Shard part, Path dir) throws BadInput {
    List<RunFileCheck.Damaged> damaged;
    try {
      damaged = runner.setAsideDamaged(part);
    } catch (IOException e) {
      throw new BadInput("tcpsim sweep: " + dir.resolve(SweepFiles.RUNS) + ": a damaged run "
          + "file cannot be set aside (" + e.getMessage() + "); remove it and run again");
    }
    if (!damaged.isEmpty()) {
      stderr.printf("tcpsim sweep: %s set aside and run again: %s; each is kept as "
          + "NNNNNN.json%s%n", RunFileCheck.count(damaged), RunFileCheck.list(damaged),
          RunFileCheck.SET_ASIDE_SUFFIX);
    }
  }

  /**
   * Collects once every run is in the directory; a shard that finishes before the others only
   * says how many are missing (README "Shards: a sweep over many machines").
   */
  private int collectIfComplete(SweepRunner runner, Path dir) {
    if (!runner.complete()) {
      int missing = runner.pending(Shard.WHOLE).size();
      stdout.printf("%d runs of other shards are not in %s yet; when every shard is done: "
          + "tcpsim collect DIR...%n", missing, dir);
    } else if (!noCollect) {
      try {
        CollectResult collected = Collector.collect(List.of(dir), dir, args.asTyped());
        stdout.println(collected.summaryLine());
        collected.warnings().forEach(stderr::println);
      } catch (CollectException e) {
        stderr.println("tcpsim sweep: " + e.getMessage());
        stderr.flush();
        return Main.BAD_INPUT;
      }
    }
    stdout.flush();
    return Main.OK;
  }

  private int list(SweepPlan plan, Shard part) {
    for (int r = 0; r < plan.runs(); r++) {
      if (part.owns(r)) {
        stdout.printf("run %d  point %d  replication %d  %s%n", r, plan.point(r),
            plan.replication(r), String.join(" ", plan.assignments(r)));
      }
    }
    stdout.flush();
    return Main.OK;
  }

  /** The measures asked for, each one known to the scenario; unknown ones are bad input. */
  private List<SweepManifest.Measure> measures(Sweep sweep, Simulation probe, String fileName)
      throws BadInput {
    List<String> names = measures.isEmpty() ? sweep.measure() : measures;
    if (names.isEmpty()) {
      throw new BadInput(fileName + ": sweep.measure: no measures, expected a list such as "
          + "measure: [connections.established, handshake.time.mean] in the file, or --measure "
          + "NAME (tcpsim sweep FILE --measures lists them)");
    }
    List<Measures.Info> known = Measures.available(probe);
    List<String> problems = new ArrayList<>();
    List<SweepManifest.Measure> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<Measures.Info> info = known.stream().filter(m -> m.name().equals(name))
          .findFirst();
      if (info.isPresent()) {
        out.add(new SweepManifest.Measure(name, info.get().unit(), info.get().description()));
        continue;
      }
      String where = measures.isEmpty()
          ? sweep.measureLocs().get(i) + ": sweep.measure." + i : "--measure";
      String suggestion = Suggest.closest(name, known.stream().map(Measures.Info::name)
          .toList()).map(x -> " (did you mean '" + x + "'?)").orElse("");
      problems.add(where + ": unknown measure '" + name + "', expected one of the "
          + "measures 'tcpsim sweep FILE --measures' lists" + suggestion);
    }
    if (!problems.isEmpty()) {
      throw new BadInput(problems);
    }
    return out;
  }

  private Path outDir(String name) throws BadInput {
    try {
      return Path.of(out != null ? out : "sweeps/" + name);
    } catch (InvalidPathException e) {
      throw new BadInput("tcpsim sweep: --out: not a valid path: " + e.getReason());
    }
  }

  /** A directory holding runs of another sweep is not mixed with this one's. */
  private void checkDirectory(Path dir, SweepManifest manifest) throws BadInput, IOException {
    Optional<SweepManifest> existing;
    try {
      existing = SweepFiles.readManifest(dir);
    } catch (IOException e) {
      throw new BadInput("tcpsim sweep: " + dir.resolve(SweepFiles.MANIFEST)
          + " cannot be read (" + e.getMessage() + "); remove it or use another --out");
    }
    if (existing.isEmpty()) {
      if (Files.isDirectory(dir.resolve(SweepFiles.RUNS))) {
        throw new BadInput("tcpsim sweep: " + dir + " has runs/ but no " + SweepFiles.MANIFEST
            + "; use another --out or remove it");
      }
      SweepFiles.writeManifest(dir, manifest);
      return;
    }
    Optional<String> difference = ManifestDiff.describe(existing.get(), manifest);
    if (difference.isPresent()) {
      throw new BadInput("tcpsim sweep: " + dir + " holds another sweep (" + difference.get()
          + "); use another --out, or remove the directory to start again");
    }
  }

  private String reproduce(String fileName, long theSeed, int reps) {
    List<String> words = new ArrayList<>(List.of("tcpsim", "sweep", fileName, "--seed",
        Long.toString(theSeed)));
    sets.forEach(s -> words.addAll(List.of("--set", s)));
    varies.forEach(v -> words.addAll(List.of("--vary", v)));
    words.addAll(List.of("--replications", Integer.toString(reps)));
    measures.forEach(m -> words.addAll(List.of("--measure", m)));
    return String.join(" ", words.stream().map(Args::shellQuote).toList());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Bad input: the lines to print, exit status 2. */
  static final class BadInput extends Exception {
    final List<String> lines;

    BadInput(String line) {
      this(List.of(line));
    }

    BadInput(List<String> lines) {
      super(String.join("\n", lines));
      this.lines = lines;
    }
  }
}
