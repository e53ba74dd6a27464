package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.RunRecord;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;

/** Input collect cannot use: one line naming the file, nothing written. */
class CollectBadInputTest {
  @TempDir Path tmp;

  final SweepManifest grid = SweepFixture.twoByTwo();

  CollectResult collect(Path out, Path... dirs) throws CollectException {
    return Collector.collect(List.of(dirs), out, "tcpsim collect test");
  }

  @Test
  void aDirectoryWithoutSweepJsonIsNotASweep() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> collect(dir, dir)).isInstanceOf(CollectException.class)
        .hasMessage(dir + " has no sweep.json: not a sweep directory; expected the --out "
            + "directory of tcpsim sweep");
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path dir = tmp.resolve("nowhere");
    assertThatThrownBy(() -> collect(dir, dir))
        .hasMessage(dir + ": no such directory; expected the --out directory of tcpsim sweep");
  }

  @Test
  void aBrokenManifestIsNamed() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    Files.writeString(dir.resolve("sweep.json"), "[]");
    assertThatThrownBy(() -> collect(dir, dir))
        .hasMessageStartingWith(dir.resolve("sweep.json") + ": not a sweep manifest: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aRunBeyondTheSweepIsRefused() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    RunRecord r = SweepFixture.run(grid, 0);
    SweepFiles.writeRun(dir, new RunRecord(12, 4, 0, 7, Map.of(), true, r.measures()));
    assertThatThrownBy(() -> collect(dir, dir)).hasMessage(dir.resolve("runs/000012.json")
        + ": run 12 is outside the sweep's 12 runs (0 to 11)");
  }

  @Test
  void anOutputThatCannotBeWrittenIsNamed() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    Path blocked = tmp.resolve("file");
    Files.writeString(blocked, "not a directory");
    assertThatThrownBy(() -> collect(blocked.resolve("out"), dir))
        .isInstanceOf(CollectException.class)
        .hasMessageStartingWith(blocked.resolve("out").resolve("runs.csv") + ": cannot write: ");
  }
}
