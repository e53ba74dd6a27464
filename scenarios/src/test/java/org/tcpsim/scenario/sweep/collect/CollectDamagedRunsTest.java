package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;

/**
 * Run files that are not the run their name says: each is named with why, left where it is,
 * and its run counted as missing (README "Experiments", "Damaged run files").
 */
class CollectDamagedRunsTest {
  @TempDir Path tmp;

  final SweepManifest grid = SweepFixture.twoByTwo();

  CollectResult collect(Path out, Path... dirs) throws CollectException {
    return Collector.collect(List.of(dirs), out, "tcpsim collect test");
  }

  @Test
  void everyDamagedFileIsNamedInOneWarningAndItsRunIsMissing() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    Path runs = dir.resolve(SweepFiles.RUNS);
    Files.writeString(runs.resolve("000003.json"), "{\"run\": 3, \"point\": ");
    Files.writeString(runs.resolve("000006.json"), "");
    Files.writeString(runs.resolve("000008.json"), "<html>");
    Files.writeString(runs.resolve("000009.json"), "{\"run\": 9}");
    Files.copy(runs.resolve("000004.json"), runs.resolve("000010.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(runs.resolve("000011.json"), "{\"run\": 11, \"passed\": tr");
    CollectResult result = collect(dir, dir);
    assertThat(result.damaged()).extracting(Object::toString).containsExactly(
        runs.resolve("000003.json") + " (truncated JSON at byte 20)",
        runs.resolve("000006.json") + " (empty)",
        runs.resolve("000008.json") + " (not JSON at byte 0)",
        runs.resolve("000009.json") + " (not a run record: missing field 'point')",
        runs.resolve("000010.json") + " (holds run 4, expected run 10 as its name says)",
        runs.resolve("000011.json") + " (truncated JSON at byte 24)");
    assertThat(result.missing()).containsExactly(3, 6, 8, 9, 10, 11);
    assertThat(result.runsFound()).isEqualTo(6);
    assertThat(result.warnings().get(0)).startsWith("warning: 6 damaged run files skipped: "
        + runs.resolve("000003.json") + " (truncated JSON at byte 20), ")
        .endsWith("; a sweep resumed into their directory sets them aside and runs them again");
    assertThat(result.warnings().get(1)).startsWith("warning: 6 of 12 runs are missing");
    assertThat(Files.exists(runs.resolve("000003.json"))).as("collect only reads").isTrue();
  }

  @Test
  void aRunAtTheWrongGridPointIsDamaged() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    RunRecord r = SweepFixture.run(grid, 4);
    SweepFiles.writeRun(dir, new RunRecord(4, 2, 1, 7, r.parameters(), true, r.measures()));
    assertThat(collect(dir, dir).damaged()).extracting(Object::toString).containsExactly(
        dir.resolve("runs/000004.json") + " (says point 2, replication 1, but run 4 of a sweep "
            + "with 3 replications per point is point 1, replication 1)");
  }

  @Test
  void aRunWithOtherParameterValuesOrSeedOrMeasuresIsDamaged() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    RunRecord r = SweepFixture.run(grid, 4);
    SweepFiles.writeRun(dir, new RunRecord(4, 1, 1, 7,
        Map.of("links.0.delay", "20ms", "links.0.loss", "0.1"), true, r.measures()));
    RunRecord five = SweepFixture.run(grid, 5);
    SweepFiles.writeRun(dir, new RunRecord(5, 1, 2, 8, five.parameters(), true,
        five.measures()));
    SweepFiles.writeRun(dir, new RunRecord(6, 2, 0, 7, SweepFixture.run(grid, 6).parameters(),
        true, Map.of("handshake.time.mean", 0.5)));
    assertThat(collect(dir, dir).damaged()).extracting(Object::toString).containsExactly(
        dir.resolve("runs/000004.json") + " (links.0.delay is 20ms, but point 1 of the sweep "
            + "has 10ms)",
        dir.resolve("runs/000005.json") + " (has seed 8, but the sweep's seed is 7)",
        dir.resolve("runs/000006.json") + " (reports measures [handshake.time.mean], but the "
            + "sweep measures [handshake.time.mean, connections.established])");
  }

  @Test
  void aDamagedFileWhoseRunAnotherShardHoldsIsNamedButNotMissing() throws Exception {
    Path a = SweepFixture.write(tmp.resolve("a"), grid, r -> r < 6);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r >= 5);
    Files.writeString(b.resolve("runs/000005.json"), "");
    CollectResult result = collect(tmp.resolve("out"), a, b);
    assertThat(result.complete()).isTrue();
    assertThat(result.warnings()).containsExactly("warning: 1 damaged run file skipped: "
        + b.resolve("runs/000005.json") + " (empty); a sweep resumed into their directory sets "
        + "them aside and runs them again");
  }
}
