package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the bundled scenarios (library and labs) and holds the command line to its contract
 * (README, The command line) on each mutant: {@code validate} exits 0 or 2, every error it
 * prints names {@code FILE:LINE:COL}, and a file that validates runs ({@code run FILE -q
 * --until 2s}) to 0, 1 or 2; never 3, never a stack trace.
 *
 * <p>Seeded: case {@code i} uses {@code new Random(SEED + i)}, so a failure names its case and
 * reproduces alone. The count is {@value #DEFAULT_COUNT} by default, {@code -Dtcpsim.fuzz.count=N}
 * to change it ({@code mvn -Pfuzz} runs 10,000; {@code -Dtcpsim.fuzz.seed=N} for other mutants).
 * The commands run in this JVM through {@link Main#execute}, as a child JVM per file would take
 * most of a second each.
 */
class ScenarioFuzzTest {
  static final long SEED = 20261207L;
  static final int DEFAULT_COUNT = 300;
  /** Failures reported in full; the rest only counted, so the message stays readable. */
  static final int REPORTED = 8;

  private static final Pattern LOCATED = Pattern.compile("\\d+:\\d+: .*");
  /** A Java class name that a stack trace or an unguarded {@code toString} would print. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");

  /** What one command printed and returned. */
  record Outcome(int status, String out, String err) {
    String both() {
      return out + err;
    }
  }

  @Test
  void mutatedScenariosNeverCrashTheCommandLine(@TempDir Path tmp) throws IOException {
    List<Path> sources = sources();
    List<String> donors = new ArrayList<>();
    for (Path p : sources) {
      donors.addAll(Files.readAllLines(p));
    }
    int count = Integer.getInteger("tcpsim.fuzz.count", DEFAULT_COUNT);
    // Another seed explores other mutants (-Dtcpsim.fuzz.seed=N); the default stays fixed.
    long seed = Long.getLong("tcpsim.fuzz.seed", SEED);
    Tally tally = new Tally();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Random random = new Random(seed + i);
      Path source = sources.get(random.nextInt(sources.size()));
      List<String> log = new ArrayList<>();
      String text = new ScenarioMutator(random, donors).mutate(Files.readString(source), log);
      // One name per case: an error message names the file, and the case reproduces by it.
      Path file = tmp.resolve("case-" + i + ".yaml");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      String problem = check(file, tally);
      if (problem != null) {
        tally.fail("case " + i + " (new Random(" + seed + " + " + i + ")) from " + source
            + ", mutations " + log + ": " + problem + "\n--- mutated file (shortened) ---\n"
            + shorten(text, 3000));
      }
      Files.delete(file);
    }
    System.out.printf("ScenarioFuzzTest: %d files, %d valid, %d run (exit 0/1/2: %d/%d/%d), "
        + "%d failures, %.1f s%n", count, tally.valid, tally.run, tally.runStatus[0],
        tally.runStatus[1], tally.runStatus[2], tally.failures, (System.nanoTime() - start) / 1e9);
    assertThat(tally.reports).as("%d of %d mutated files broke the contract; the first %d:\n\n%s",
        tally.failures, count, REPORTED, String.join("\n\n", tally.reports)).isEmpty();
  }

  /** Validates and, if the file is good, runs it; what broke the contract, or null. */
  private static String check(Path file, Tally tally) {
    Outcome v = execute("validate", file.toString());
    if (v.status != Main.OK && v.status != Main.BAD_INPUT) {
      return "validate exited " + v.status + ":\n" + shorten(v.both(), 2000);
    }
    String trace = traceIn(v);
    if (trace != null) {
      return "validate printed a stack trace or class name: " + trace;
    }
    if (v.status == Main.BAD_INPUT) {
      String prefix = file + ":";
      for (String line : v.err.lines().toList()) {
        if (!line.startsWith(prefix) || !LOCATED.matcher(line.substring(prefix.length()))
            .matches()) {
          return "validate error without FILE:LINE:COL: '" + shorten(line, 300) + "'";
        }
      }
      if (v.err.isBlank()) {
        return "validate exited 2 without saying why";
      }
      return null;
    }
    tally.valid++;
    Outcome r = execute("run", file.toString(), "-q", "--until", "2s");
    if (r.status < Main.OK || r.status > Main.BAD_INPUT) {
      return "run exited " + r.status + ":\n" + shorten(r.both(), 2000);
    }
    tally.run++;
    tally.runStatus[r.status]++;
    trace = traceIn(r);
    return trace == null ? null : "run printed a stack trace or class name: " + trace;
  }

  /** The first line that looks like part of a stack trace, or null. */
  private static String traceIn(Outcome o) {
    for (String line : o.both().lines().toList()) {
      if (line.startsWith("\tat ") || CLASS_NAME.matcher(line).find()) {
        return "'" + shorten(line, 300) + "'";
      }
    }
    return null;
  }

  static Outcome execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(status, out.toString(), err.toString());
  }

  /** The files to mutate: the library in its index's order, then the labs by name. */
  static List<Path> sources() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("library", "index.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        sources.add(Path.of("library", line.strip()));
      }
    }
    try (var labs = Files.list(Path.of("labs"))) {
      labs.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(sources::add);
    }
    return sources;
  }

  /** {@code s} cut to about {@code max} characters, its middle left out and counted. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int half = max / 2;
    return s.substring(0, half) + "[... " + (s.length() - 2 * half) + " characters ...]"
        + s.substring(s.length() - half);
  }

  @Test
  void theSourcesAreEveryBundledFile() throws IOException {
    // The library's index and the labs directory: if either moved, the fuzz would test nothing.
    assertThat(sources()).hasSizeGreaterThanOrEqualTo(28).allMatch(Files::isRegularFile);
  }

  @Test
  void theSameSeedGivesTheSameMutants() throws IOException {
    List<String> donors = List.of("  - { at: 1s }");
    String text = Files.readString(sources().get(0));
    String a = new ScenarioMutator(new Random(SEED), donors).mutate(text, new ArrayList<>());
    String b = new ScenarioMutator(new Random(SEED), donors).mutate(text, new ArrayList<>());
    assertThat(a).isEqualTo(b).isNotEqualTo(text);
  }

  /** Counts of the run, and the first failures in full. */
  private static final class Tally {
    int valid;
    int run;
    final int[] runStatus = new int[3];
    int failures;
    final List<String> reports = new ArrayList<>();

    void fail(String report) {
      failures++;
      if (reports.size() < REPORTED) {
        reports.add(report);
      }
    }
  }
}
