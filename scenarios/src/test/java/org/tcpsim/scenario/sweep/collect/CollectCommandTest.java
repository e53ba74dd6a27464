package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.cli.Main;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;

/** {@code tcpsim collect} as a user runs it: what it prints and its exit status. */
class CollectCommandTest {
  @TempDir Path tmp;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final SweepManifest grid = SweepFixture.twoByTwo();

  int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void collectsIntoTheSweepDirectoryAndSaysWhatItWrote() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    assertThat(run("collect", dir.toString())).isZero();
    assertThat(out.toString()).isEqualTo("collected 12 of 12 runs into " + dir
        + ": runs.csv, summary.csv, 2 plots" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
    assertThat(dir.resolve("summary.csv")).isRegularFile();
    assertThat(dir.resolve("plots/connections.established.svg")).isRegularFile();
  }

  @Test
  void shardsGoIntoOut() throws Exception {
    Path a = SweepFixture.write(tmp.resolve("a b"), grid, r -> r < 6);
    Path b = SweepFixture.write(tmp.resolve("b"), grid, r -> r >= 6);
    Path out = tmp.resolve("all");
    assertThat(run("collect", a.toString(), b.toString(), "--out", out.toString())).isZero();
    assertThat(out.resolve("runs.csv")).isRegularFile();
    assertThat(a.resolve("runs.csv")).doesNotExist();
    String command = SweepFiles.json().readTree(out.resolve("manifest.json").toFile())
        .get("collected").get("command").asText();
    assertThat(command).isEqualTo("tcpsim collect '" + a + "' " + b + " --out " + out);
  }

  @Test
  void missingRunsAreAWarningOnStderrNotAFailure() throws Exception {
    Path dir = SweepFixture.write(tmp.resolve("sweep"), grid, r -> r != 4);
    assertThat(run("collect", dir.toString())).isZero();
    assertThat(out.toString()).startsWith("collected 11 of 12 runs into ");
    assertThat(err.toString().lines()).first().asString()
        .isEqualTo("warning: 1 of 12 runs are missing (run 4); the tables and plots show the "
            + "11 found");
  }

  @Test
  void notASweepDirectoryIsBadInputInOneLine() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    assertThat(run("collect", dir.toString())).isEqualTo(Main.BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo(dir + " has no sweep.json: not a sweep directory; "
        + "expected the --out directory of tcpsim sweep" + System.lineSeparator());
  }

  @Test
  void differentSweepsAreBadInputWithoutAStackTrace() throws Exception {
    Path a = SweepFixture.writeAll(tmp.resolve("a"), grid);
    Path b = SweepFixture.writeAll(tmp.resolve("b"), SweepFixture.manifest(grid.dimensions(), 2,
        grid.measures()));
    assertThat(run("collect", a.toString(), b.toString())).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("comes from a different sweep than " + a)
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void withoutADirectoryItIsAUsageError() {
    assertThat(run("collect")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("Missing required parameter");
  }

  @Test
  void itIsListedInTheHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("collect");
  }
}
