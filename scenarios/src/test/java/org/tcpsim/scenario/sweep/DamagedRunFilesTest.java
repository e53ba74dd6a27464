package org.tcpsim.scenario.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.scenario.sweep.SweepCommandTest.runFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.cli.Main;

/**
 * Run files damaged outside tcpsim (cut short, emptied, overwritten by another run's): a resumed
 * sweep sets them aside and runs them again, collect skips them and counts their runs as missing
 * (README "Experiments", "Damaged run files").
 */
class DamagedRunFilesTest {
  /** Twelve runs of {@link SweepCommandTest#LOSSY}, a second or two in all. */
  static final String SCENARIO = SweepCommandTest.LOSSY;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  Path scenario;
  Path clean;

  int tcpsim(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** An undamaged sweep, to compare with. */
  @BeforeEach
  void cleanSweep() throws IOException {
    scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    clean = tmp.resolve("clean");
    assertThat(tcpsim("sweep", scenario.toString(), "--out", clean.toString())).isZero();
  }

  Path copyOfClean(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir.resolve(SweepFiles.RUNS));
    Files.copy(clean.resolve(SweepFiles.MANIFEST), dir.resolve(SweepFiles.MANIFEST));
    for (String f : runFiles(clean).keySet()) {
      Files.copy(clean.resolve(SweepFiles.RUNS).resolve(f),
          dir.resolve(SweepFiles.RUNS).resolve(f));
    }
    return dir;
  }

  /** Cuts run 3's file in half, empties run 7's; returns the bytes left in run 3's. */
  static byte[] damageTwo(Path dir) throws IOException {
    Path three = SweepFiles.runFile(dir, 3);
    byte[] whole = Files.readAllBytes(three);
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    Files.write(three, half);
    Files.write(SweepFiles.runFile(dir, 7), new byte[0]);
    return half;
  }

  @Test
  void aResumedSweepSetsDamagedFilesAsideAndRunsThemAgain() throws Exception {
    Path dir = copyOfClean("damaged");
    byte[] half = damageTwo(dir);
    Files.copy(SweepFiles.runFile(dir, 4), SweepFiles.runFile(dir, 5),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(tcpsim("sweep", scenario.toString(), "--out", dir.toString())).isZero();
    Path runs = dir.resolve(SweepFiles.RUNS);
    assertThat(err.toString().lines().filter(l -> l.startsWith("tcpsim sweep: "))).containsExactly(
        "tcpsim sweep: 3 damaged run files set aside and run again: "
            + runs.resolve("000003.json") + " (truncated JSON at byte " + half.length + "), "
            + runs.resolve("000005.json") + " (holds run 4, expected run 5 as its name says), "
            + runs.resolve("000007.json") + " (empty); each is kept as NNNNNN.json.damaged");
    assertThat(out.toString()).contains("ran 3 runs, 9 already done")
        .contains("collected 12 of 12 runs");
    assertThat(Files.readAllBytes(runs.resolve("000003.json.damaged"))).isEqualTo(half);
    assertThat(Files.size(runs.resolve("000007.json.damaged"))).isZero();
    assertThat(Files.readString(runs.resolve("000005.json.damaged")))
        .isEqualTo(Files.readString(SweepFiles.runFile(clean, 4)));
    assertThat(runFiles(dir)).isEqualTo(runFiles(clean)).hasSize(12);
    for (String table : List.of("runs.csv", "summary.csv")) {
      assertThat(Files.readString(dir.resolve(table))).as(table)
          .isEqualTo(Files.readString(clean.resolve(table)));
    }

    assertThat(tcpsim("sweep", scenario.toString(), "--out", dir.toString())).isZero();
    assertThat(err.toString()).doesNotContain("damaged run file");
    assertThat(out.toString()).contains("ran 0 runs, 12 already done");
  }

  @Test
  void aFileDamagedTwiceKeepsBothCopies() throws Exception {
    Path dir = copyOfClean("twice");
    for (int time = 1; time <= 2; time++) {
      Files.writeString(SweepFiles.runFile(dir, 0), "not json " + time);
      assertThat(tcpsim("sweep", scenario.toString(), "--out", dir.toString(), "--no-collect"))
          .isZero();
      assertThat(err.toString()).contains("tcpsim sweep: 1 damaged run file set aside and run "
          + "again: " + SweepFiles.runFile(dir, 0) + " (not JSON at byte 0)");
    }
    Path runs = dir.resolve(SweepFiles.RUNS);
    assertThat(Files.readString(runs.resolve("000000.json.damaged"))).isEqualTo("not json 1");
    assertThat(Files.readString(runs.resolve("000000.json.damaged-2"))).isEqualTo("not json 2");
    assertThat(runFiles(dir)).isEqualTo(runFiles(clean));
  }

  @Test
  void aShardSetsAsideOnlyItsOwnRunsAndCollectNamesTheOthers() throws Exception {
    Path dir = copyOfClean("shared");
    Files.write(SweepFiles.runFile(dir, 2), new byte[0]);
    Files.write(SweepFiles.runFile(dir, 7), new byte[0]);
    assertThat(tcpsim("sweep", scenario.toString(), "--out", dir.toString(), "--shard", "1/2"))
        .isZero();
    Path runs = dir.resolve(SweepFiles.RUNS);
    assertThat(err.toString()).contains("tcpsim sweep: 1 damaged run file set aside and run "
        + "again: " + runs.resolve("000002.json") + " (empty)")
        .contains("warning: 1 damaged run file skipped: " + runs.resolve("000007.json")
            + " (empty)");
    assertThat(out.toString()).contains("ran 1 runs, 5 already done")
        .contains("collected 11 of 12 runs");
    assertThat(Files.size(runs.resolve("000007.json"))).as("shard 2's, left alone").isZero();
    assertThat(Files.readString(runs.resolve("000002.json")))
        .isEqualTo(Files.readString(SweepFiles.runFile(clean, 2)));
  }

  @Test
  void collectNamesDamagedFilesAndCountsTheirRunsAsMissing() throws Exception {
    Path dir = copyOfClean("collect");
    byte[] half = damageTwo(dir);
    TreeMap<String, String> left = runFiles(dir);

    assertThat(tcpsim("collect", dir.toString())).isZero();
    Path runs = dir.resolve(SweepFiles.RUNS);
    assertThat(out.toString()).contains("collected 10 of 12 runs into " + dir);
    assertThat(err.toString().lines()).containsExactly(
        "warning: 2 damaged run files skipped: " + runs.resolve("000003.json")
            + " (truncated JSON at byte " + half.length + "), " + runs.resolve("000007.json")
            + " (empty); a sweep resumed into their directory sets them aside and runs them again",
        "warning: 2 of 12 runs are missing (runs 3, 7); the tables and plots show the 10 found",
        "warning: the sweep in " + dir + " is not finished; running the same sweep into it "
            + "again does only the missing runs");
    assertThat(Files.readString(dir.resolve("runs.csv")).lines()).hasSize(11)
        .noneMatch(l -> l.startsWith("3,") || l.startsWith("7,"));
    assertThat(runFiles(dir)).as("collect only reads").isEqualTo(left);
  }
}
