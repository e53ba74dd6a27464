package org.tcpsim.scenario.sweep.collect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcpsim.scenario.sweep.ManifestDiff;
import org.tcpsim.scenario.sweep.RunFileCheck;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;

/**
 * The runs of one sweep read from one or more of its directories (a whole sweep, or shards run
 * on different machines), merged by run number.
 *
 * <p>Reading checks what would otherwise make a wrong table silently: every directory must
 * hold the same sweep as the first, and a run found in two directories must be the same run. A
 * simulation is deterministic, so the same run gives the same record wherever it ran; two
 * different records for one number mean mixed-up sweeps. A run file that is not the run its
 * name says (cut short, empty, another run's, at another grid point: {@link RunFileCheck}) is
 * damaged rather than a different sweep: it is left out, named, and its run is missing unless
 * another directory holds it (README "Experiments", "Damaged run files"). Collect only reads,
 * so it leaves the file where it is; a resumed sweep sets it aside and runs it again.
 *
 * @param manifest the sweep, as the first directory describes it
 * @param runs each run found, once, in run order
 * @param runsPerDir how many good run files each directory holds, in the order given
 * @param damaged every damaged run file, by directory in the order given, then by run
 */
record Shards(SweepManifest manifest, List<RunRecord> runs, Map<Path, Integer> runsPerDir,
    List<RunFileCheck.Damaged> damaged) {
  private static final Pattern RUN_FILE = Pattern.compile("(\\d{6,})\\.json");
  private static final String EXPECTED = "expected the --out directory of tcpsim sweep";

  Shards {
    runs = List.copyOf(runs);
    runsPerDir = Collections.unmodifiableMap(new LinkedHashMap<>(runsPerDir));
    damaged = List.copyOf(damaged);
  }

  /** Reads and merges {@code dirs}; at least one. */
  static Shards read(List<Path> dirs) throws CollectException {
    if (dirs.isEmpty()) {
      throw new CollectException("no sweep directory given; " + EXPECTED);
    }
    SweepManifest first = manifest(dirs.get(0));
    checkGrid(first, dirs.get(0));
    for (Path dir : dirs.subList(1, dirs.size())) {
      sameSweep(dirs.get(0), first, dir, manifest(dir));
    }
    TreeMap<Integer, Found> merged = new TreeMap<>();
    Map<Path, Integer> perDir = new LinkedHashMap<>();
    List<RunFileCheck.Damaged> damaged = new ArrayList<>();
    for (Path dir : dirs) {
      List<Found> found = runs(dir, first, damaged);
      perDir.merge(dir, found.size(), Integer::sum);
      for (Found f : found) {
        Found earlier = merged.putIfAbsent(f.record.run(), f);
        if (earlier != null && !earlier.record.equals(f.record)) {
          throw new CollectException(String.format(
              "run %d is in %s and in %s with different %s; the same run gives the same record "
                  + "wherever it runs, so these files come from different sweeps or were changed",
              f.record.run(), earlier.file, f.file, firstDifference(earlier.record, f.record)));
        }
      }
    }
    return new Shards(first, merged.values().stream().map(f -> f.record).toList(), perDir,
        damaged);
  }

  /** A run record and the file it came from, for messages. */
  private record Found(RunRecord record, Path file) {}

  private static SweepManifest manifest(Path dir) throws CollectException {
    if (!Files.exists(dir)) {
      throw new CollectException(dir + ": no such directory; " + EXPECTED);
    }
    if (!Files.isDirectory(dir)) {
      throw new CollectException(dir + ": not a directory; " + EXPECTED);
    }
    Path file = dir.resolve(SweepFiles.MANIFEST);
    Optional<SweepManifest> m;
    try {
      m = SweepFiles.readManifest(dir);
    } catch (JsonProcessingException e) {
      throw new CollectException(file + ": not a sweep manifest: " + describe(e), e);
    } catch (IOException e) {
      throw new CollectException(file + ": cannot read: " + CollectException.reason(e), e);
    }
    return m.orElseThrow(() -> new CollectException(
        dir + " has no " + SweepFiles.MANIFEST + ": not a sweep directory; " + EXPECTED));
  }

  /** The grid must be what the manifest's counts say, or point numbers would mean nothing. */
  private static void checkGrid(SweepManifest m, Path dir) throws CollectException {
    Path file = dir.resolve(SweepFiles.MANIFEST);
    for (Dimension d : m.dimensions()) {
      if (d.keys().isEmpty() || d.values().isEmpty()) {
        throw new CollectException(file + ": a dimension has no keys or no values");
      }
      for (List<String> values : d.values()) {
        if (values.size() != d.keys().size()) {
          throw new CollectException(String.format(
              "%s: dimension %s has %d values at one position, expected one per key (%d)",
              file, d.keys(), values.size(), d.keys().size()));
        }
      }
    }
    long points = Grid.pointsOf(m.dimensions());
    if (m.points() != points) {
      throw new CollectException(String.format(
          "%s: points is %d but the dimensions make %d", file, m.points(), points));
    }
    if (m.replications() < 1 || (long) m.points() * m.replications() != m.runs()) {
      throw new CollectException(String.format(
          "%s: runs is %d, expected points (%d) times replications (%d)",
          file, m.runs(), m.points(), m.replications()));
    }
  }

  /**
   * Two directories hold the same sweep when {@link ManifestDiff} finds no difference: the rule
   * {@code tcpsim sweep} uses before resuming into a directory, so collect accepts exactly what a
   * sweep would have run on. The reproducing command and the file's path may differ between
   * shards; the file's content, the version, the seed, the grid and the measures may not.
   */
  private static void sameSweep(Path firstDir, SweepManifest first, Path dir, SweepManifest m)
      throws CollectException {
    Optional<String> difference = ManifestDiff.describe(first, m);
    if (difference.isPresent()) {
      throw new CollectException(String.format(
          "%s comes from a different sweep than %s (%s); collect only directories of one sweep",
          dir, firstDir, difference.get()));
    }
  }

  /**
   * The good run files of {@code dir}, in run order; each damaged one goes to {@code damaged}
   * instead, in run order.
   */
  private static List<Found> runs(Path dir, SweepManifest m, List<RunFileCheck.Damaged> damaged)
      throws CollectException {
    Path runs = dir.resolve(SweepFiles.RUNS);
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(runs)) {
      return found;
    }
    // Sorted, so that warnings name damaged files in the same order on every file system.
    List<Map.Entry<Integer, Path>> files = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(runs)) {
      for (Path f : list) {
        Matcher name = RUN_FILE.matcher(f.getFileName().toString());
        if (name.matches()) {
          files.add(Map.entry(number(f, name.group(1), m), f));
        }
      }
    } catch (IOException e) {
      throw new CollectException(runs + ": cannot list: " + CollectException.reason(e), e);
    }
    files.sort(Map.Entry.<Integer, Path>comparingByKey().thenComparing(Map.Entry::getValue));
    for (Map.Entry<Integer, Path> f : files) {
      try {
        found.add(new Found(RunFileCheck.read(f.getValue(), f.getKey(), m), f.getValue()));
      } catch (RunFileCheck.DamagedFile e) {
        damaged.add(new RunFileCheck.Damaged(f.getKey(), f.getValue(), e.getMessage()));
      }
    }
    return found;
  }

  /**
   * The run a file's name says; a number beyond the sweep is not a damaged run of it but a
   * file from another sweep, which collect refuses as it refuses another manifest.
   */
  private static int number(Path file, String digits, SweepManifest m) throws CollectException {
    BigInteger run = new BigInteger(digits);
    if (run.compareTo(BigInteger.valueOf(m.runs())) >= 0) {
      throw new CollectException(String.format("%s: run %s is outside the sweep's %d runs "
          + "(0 to %d)", file, run, m.runs(), m.runs() - 1));
    }
    return run.intValue();
  }

  private static String firstDifference(RunRecord a, RunRecord b) {
    for (RecordComponent c : RunRecord.class.getRecordComponents()) {
      if (!value(c, a).equals(value(c, b))) {
        return c.getName();
      }
    }
    return "content";
  }

  private static Object value(RecordComponent c, Record r) {
    try {
      Object v = c.getAccessor().invoke(r);
      return v == null ? "null" : v;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  /** Jackson's message without its multi-line source excerpt, with the line and column. */
  private static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? message
        : String.format("line %d, column %d: %s", at.getLineNr(), at.getColumnNr(), message);
  }
}
