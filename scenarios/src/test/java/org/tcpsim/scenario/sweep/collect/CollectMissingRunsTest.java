package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.TIME;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.dim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;

/** A sweep not finished yet: collected anyway, and said so. */
class CollectMissingRunsTest {
  @TempDir Path tmp;

  final SweepManifest grid = SweepFixture.twoByTwo();

  CollectResult collect(Path out, Path... dirs) throws CollectException {
    return Collector.collect(List.of(dirs), out, "tcpsim collect test");
  }

  @Test
  void areReportedButTheRestIsCollected() throws Exception {
    Path dir = SweepFixture.write(tmp.resolve("sweep"), grid, r -> r != 4 && r != 11);
    CollectResult result = collect(dir, dir);
    assertThat(result.runsFound()).isEqualTo(10);
    assertThat(result.runsExpected()).isEqualTo(12);
    assertThat(result.missing()).containsExactly(4, 11);
    assertThat(result.complete()).isFalse();
    assertThat(result.summaryLine())
        .isEqualTo("collected 10 of 12 runs into " + dir + ": runs.csv, summary.csv, 2 plots");
    assertThat(result.warnings()).containsExactly(
        "warning: 2 of 12 runs are missing (runs 4, 11); the tables and plots show the 10 "
            + "found",
        "warning: the sweep in " + dir + " is not finished; running the same sweep into it "
            + "again does only the missing runs");
    assertThat(Files.readString(dir.resolve("runs.csv")).lines()).hasSize(11)
        .noneMatch(l -> l.startsWith("4,") || l.startsWith("11,"));

    JsonNode collected = SweepFiles.json().readTree(dir.resolve("manifest.json").toFile())
        .get("collected");
    assertThat(collected.get("runs_found").asInt()).isEqualTo(10);
    assertThat(collected.get("runs_expected").asInt()).isEqualTo(12);
    assertThat(collected.get("missing").toString()).isEqualTo("[4,11]");
    assertThat(collected.get("missing_count").asInt()).isEqualTo(2);
    assertThat(collected.get("complete").asBoolean()).isFalse();
  }

  @Test
  void theShardThatLooksUnfinishedIsNamed() throws Exception {
    Path a = SweepFixture.write(tmp.resolve("a"), grid, r -> r < 6);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r == 6);
    CollectResult result = collect(tmp.resolve("out"), a, b);
    assertThat(result.warnings()).containsExactly(
        "warning: 5 of 12 runs are missing (runs 7, 8, 9, 10, 11); the tables and plots show "
            + "the 7 found",
        "warning: " + b + " holds 1 runs, fewer than an even share of 6 (12 runs over 2 "
            + "directories): is that shard finished?");
  }

  @Test
  void manifestJsonListsAtMostAHundredMissingRuns() throws Exception {
    SweepManifest big = SweepFixture.manifest(List.of(dim("links.0.loss", "0", "0.1")), 100,
        List.of(TIME));
    Path dir = SweepFixture.write(tmp.resolve("sweep"), big, r -> r == 0);
    CollectResult result = collect(dir, dir);
    assertThat(result.missing()).hasSize(199);
    JsonNode collected = SweepFiles.json().readTree(dir.resolve("manifest.json").toFile())
        .get("collected");
    assertThat(collected.get("missing")).hasSize(100);
    assertThat(collected.get("missing").get(0).asInt()).isEqualTo(1);
    assertThat(collected.get("missing_count").asInt()).isEqualTo(199);
    assertThat(result.warnings().get(0)).isEqualTo("warning: 199 of 200 runs are missing "
        + "(runs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 189 more); the tables and plots show the "
        + "1 found");
  }
}
