package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.tcpsim.core.Time;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;

/** {@code tcpsim run}: load, build, attach the outputs asked for, run, report. */
final class RunCommand {
  private final RunOptions o;
  private final PrintWriter out;
  private final PrintWriter err;

  RunCommand(RunOptions options, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.out = out;
    this.err = err;
  }

  int call() {
    Scenario scenario;
    long until;
    try {
      scenario = load(o.file, o);
      until = o.until == null ? scenario.until() : parseUntil(o.until);
    } catch (ScenarioException e) {
      e.errors().forEach(err::println);
      err.flush();
      return Main.BAD_INPUT;
    } catch (BadOption e) {
      err.println("tcpsim run: " + e.getMessage());
      err.flush();
      return Main.BAD_INPUT;
    }
    Simulation sim = new Simulation(scenario, o.seed != null ? o.seed : scenario.seed(), 0, until);
    RunResult result;
    // Installed before the first .part file is opened, closed after the last byte is flushed:
    // a SIGINT in between still leaves complete files (README "Outputs").
    try (StopOnSignal stop = StopOnSignal.install(sim.simulator());
        Outputs outputs = new Outputs(o, out)) {
      outputs.attach(sim);
      result = runWithProgress(sim, until);
      // With the trace on standard output the summary goes to standard error, so that
      // `--trace - --trace-format jsonl | jq` sees nothing but the trace.
      PrintWriter summary = outputs.traceOnStdout() ? err : out;
      if (!o.quiet) {
        summary.print(result.summaryText());
      } else {
        result.failures().forEach(f -> summary.println("FAILED " + f));
      }
      summary.flush();
      outputs.finish(result, summary);
      outputs.close();
      out.flush();
      err.flush();
    } catch (BadOption e) {
      err.println("tcpsim run: " + e.getMessage());
      err.flush();
      return Main.BAD_INPUT;
    } catch (java.io.IOException e) {
      err.println("tcpsim run: cannot write the output: " + e.getMessage());
      err.flush();
      return Main.BAD_INPUT;
    }
    if (result.interrupted()) {
      return Main.INTERRUPTED;
    }
    return result.passed() ? Main.OK : Main.EXPECTATION_FAILED;
  }

  /** The run, with its progress on standard error unless -q (README "Outputs"). */
  private RunResult runWithProgress(Simulation sim, long until) {
    if (o.quiet) {
      return sim.run();
    }
    long end = until == Scenario.FOREVER ? Long.MAX_VALUE : until;
    try (RunProgress p = RunProgress.start(sim.simulator(), end, err, System.console() != null)) {
      return sim.run();
    }
  }

  /** A file, or the name of a bundled scenario when no such file exists. */
  static Scenario load(String file, RunOptions o) throws ScenarioException {
    ScenarioSource source = ScenarioSource.resolve(file);
    return ScenarioLoader.parse(source.text(), source.name(), o.sets);
  }

  private static long parseUntil(String text) throws BadOption {
    try {
      long t = Time.parse(text);
      if (t <= 0) {
        throw new BadOption("--until: expected a time after 0, such as 30s, got '" + text + "'");
      }
      return t;
    } catch (IllegalArgumentException e) {
      throw new BadOption("--until: " + e.getMessage());
    }
  }

  /** A command-line value that is wrong: exit status 2 with this message. */
  static final class BadOption extends Exception {
    BadOption(String message) {
      super(message);
    }
  }
}
