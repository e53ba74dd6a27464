package org.tcpsim.scenario.sweep.collect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
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
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;

/**
 * The runs of one sweep read from one or more of its directories (a whole sweep, or shards run
 * on different machines), merged by run number.
 *
 * <p>Reading checks what would otherwise make a wrong table silently: every directory must
 * hold the same sweep as the first, every run file must be the run its name says and sit at the
 * grid point its number implies, and a run found in two directories must be the same run. A simulation is deterministic, so the same run gives the
 * same record wherever it ran; two different records for one number mean mixed-up sweeps.
 *
 * @param manifest the sweep, as the first directory describes it
 * @param runs each run found, once, in run order
 * @param runsPerDir how many run files each directory holds, in the order given
 */
record Shards(SweepManifest manifest, List<RunRecord> runs, Map<Path, Integer> runsPerDir) {
  private static final Pattern RUN_FILE = Pattern.compile("(\\d{6,})\\.json");
  private static final String EXPECTED = "expected the --out directory of tcpsim sweep";

  Shards {
    runs = List.copyOf(runs);
    runsPerDir = Collections.unmodifiableMap(new LinkedHashMap<>(runsPerDir));
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
    Grid grid = new Grid(first);
    TreeMap<Integer, Found> merged = new TreeMap<>();
    Map<Path, Integer> perDir = new LinkedHashMap<>();
    for (Path dir : dirs) {
      List<Found> found = runs(dir);
      perDir.merge(dir, found.size(), Integer::sum);
      for (Found f : found) {
        check(f, first, grid);
        Found earlier = merged.putIfAbsent(f.record.run(), f);
        if (earlier != null && !earlier.record.equals(f.record)) {
          throw new CollectException(String.format(
              "run %d is in %s and in %s with different %s; the same run gives the same record "
                  + "wherever it runs, so these files come from different sweeps or were changed",
              f.record.run(), earlier.file, f.file, firstDifference(earlier.record, f.record)));
        }
      }
    }
    return new Shards(first, merged.values().stream().map(f -> f.record).toList(), perDir);
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

  private static List<Found> runs(Path dir) throws CollectException {
    Path runs = dir.resolve(SweepFiles.RUNS);
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(runs)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(runs)) {
      for (Path f : files) {
        Matcher name = RUN_FILE.matcher(f.getFileName().toString());
        if (name.matches()) {
          found.add(new Found(run(f, Integer.parseInt(name.group(1))), f));
        }
      }
    } catch (IOException e) {
      throw new CollectException(runs + ": cannot list: " + CollectException.reason(e), e);
    }
    return found;
  }

  private static RunRecord run(Path file, int number) throws CollectException {
    RunRecord r;
    try {
      r = SweepFiles.json().readValue(file.toFile(), RunRecord.class);
    } catch (JsonProcessingException e) {
      throw new CollectException(file + ": not a run record: " + describe(e), e);
    } catch (IOException e) {
      throw new CollectException(file + ": cannot read: " + CollectException.reason(e), e);
    }
    if (r.run() != number) {
      throw new CollectException(String.format(
          "%s: holds run %d, expected run %d as its name says", file, r.run(), number));
    }
    return r;
  }

  /** The run's number must fit the sweep and match its point, replication and values. */
  private static void check(Found f, SweepManifest m, Grid grid) throws CollectException {
    RunRecord r = f.record;
    if (r.run() >= m.runs()) {
      throw new CollectException(String.format(
          "%s: run %d is outside the sweep's %d runs (0 to %d)",
          f.file, r.run(), m.runs(), m.runs() - 1));
    }
    int point = r.run() / m.replications();
    int replication = r.run() % m.replications();
    if (r.point() != point || r.replication() != replication) {
      throw new CollectException(String.format(
          "%s: says point %d, replication %d, but run %d of a sweep with %d replications "
              + "per point is point %d, replication %d",
          f.file, r.point(), r.replication(), r.run(), m.replications(), point, replication));
    }
    List<String> keys = grid.keys();
    List<String> values = grid.values(point);
    for (int i = 0; i < keys.size(); i++) {
      String v = r.parameters().get(keys.get(i));
      if (v != null && !v.equals(values.get(i))) {
        throw new CollectException(String.format(
            "%s: %s is %s, but point %d of the sweep has %s", f.file, keys.get(i), v, point,
            values.get(i)));
      }
    }
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
