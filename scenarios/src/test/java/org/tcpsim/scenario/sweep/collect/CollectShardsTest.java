package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.ESTABLISHED;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.TIME;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.dim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;

/** Collecting the directories of a sweep run in pieces: shards, overlaps, and impostors. */
class CollectShardsTest {
  @TempDir Path tmp;

  final SweepManifest grid = SweepFixture.twoByTwo();

  CollectResult collect(Path out, Path... dirs) throws CollectException {
    return Collector.collect(List.of(dirs), out, "tcpsim collect test");
  }

  @Test
  void threeShardsCollectedGiveTheSameFilesAsTheWholeSweep() throws Exception {
    Path whole = SweepFixture.writeAll(tmp.resolve("whole"), grid);
    Path a = SweepFixture.write(tmp.resolve("a"), grid, r -> r % 3 == 0);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r % 3 == 1);
    Path c = SweepFixture.write(tmp.resolve("c"), grid, r -> r % 3 == 2);
    CollectResult merged = collect(tmp.resolve("merged"), a, b, c);
    collect(tmp.resolve("reference"), whole);

    assertThat(merged.runsFound()).isEqualTo(12);
    assertThat(merged.complete()).isTrue();
    assertThat(merged.warnings()).isEmpty();
    assertThat(merged.runsPerDir()).containsExactly(Map.entry(a, 4), Map.entry(b, 4),
        Map.entry(c, 4));
    List<String> files = SweepFixture.files(tmp.resolve("reference"));
    assertThat(SweepFixture.files(tmp.resolve("merged"))).isEqualTo(files);
    for (String f : files) {
      if (!f.equals("manifest.json")) {
        assertThat(tmp.resolve("merged").resolve(f)).as(f)
            .hasSameBinaryContentAs(tmp.resolve("reference").resolve(f));
      }
    }
  }

  @Test
  void aRunFoundInTwoDirectoriesIsCountedOnce() throws Exception {
    Path a = SweepFixture.write(tmp.resolve("a"), grid, r -> r < 8);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r >= 4);
    CollectResult result = collect(tmp.resolve("out"), a, b);
    assertThat(result.runsFound()).isEqualTo(12);
    assertThat(Files.readString(tmp.resolve("out/runs.csv")).lines()).hasSize(13);
  }

  @Test
  void aRunWithDifferentResultsInTwoDirectoriesIsAnError() throws Exception {
    Path a = SweepFixture.writeAll(tmp.resolve("a"), grid);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r != 5);
    RunRecord five = SweepFixture.run(grid, 5);
    SweepFiles.writeRun(b, new RunRecord(5, 1, 2, 7, five.parameters(), true,
        Map.of(TIME.name(), 0.5, ESTABLISHED.name(), 1.0)));
    assertThatThrownBy(() -> collect(tmp.resolve("out"), a, b))
        .isInstanceOf(CollectException.class)
        .hasMessage("run 5 is in %s and in %s with different measures; the same run gives "
            + "the same record wherever it runs, so these files come from different sweeps "
            + "or were changed", a.resolve("runs/000005.json"), b.resolve("runs/000005.json"));
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void directoriesOfDifferentSweepsAreRefusedNamingTheField() throws Exception {
    Path a = SweepFixture.writeAll(tmp.resolve("a"), grid);
    SweepManifest other = new SweepManifest(1, "handshake", "handshake.yaml", "cd34", "0.1.0",
        7, List.of(), grid.dimensions(), 3, grid.measures(), 4, 12, grid.command());
    Path b = SweepFixture.writeAll(tmp.resolve("b"), other);
    assertThatThrownBy(() -> collect(tmp.resolve("out"), a, b))
        .isInstanceOf(CollectException.class)
        .hasMessage("%s comes from a different sweep than %s (the scenario file's sha256 "
            + "differs: ab12 there, cd34 here); collect only directories of one sweep", b, a);
  }

  @Test
  void aDifferentGridIsAnotherSweepToo() throws Exception {
    Path a = SweepFixture.writeAll(tmp.resolve("a"), grid);
    SweepManifest other = SweepFixture.manifest(
        List.of(dim("links.0.delay", "10ms", "100ms"), dim("links.0.loss", "0", "0.1")), 3,
        grid.measures());
    Path b = SweepFixture.writeAll(tmp.resolve("b"), other);
    assertThatThrownBy(() -> collect(tmp.resolve("out"), a, b))
        .hasMessageStartingWith(b + " comes from a different sweep than " + a
            + " (the grid differs: [links.0.delay: 10ms, 50ms; links.0.loss: 0, 0.1] there, "
            + "[links.0.delay: 10ms, 100ms; links.0.loss: 0, 0.1] here)");
  }

  @Test
  void shardsStartedWithDifferentCommandLinesAreOneSweep() throws Exception {
    Path a = SweepFixture.write(tmp.resolve("a"), grid, r -> r < 6);
    SweepManifest shard2 = new SweepManifest(1, "handshake", "../lab/handshake.yaml", "ab12",
        "0.1.0", 7, List.of(), grid.dimensions(), 3, grid.measures(), 4, 12,
        "tcpsim sweep handshake.yaml --shard 2/2 --out b");
    Path b = SweepFixture.write(tmp.resolve("b"), shard2, r -> r >= 6);
    assertThat(collect(tmp.resolve("out"), a, b).complete()).isTrue();
  }
}
