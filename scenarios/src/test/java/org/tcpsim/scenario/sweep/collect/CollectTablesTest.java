package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.TIME;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;

/** What {@code runs.csv} and {@code summary.csv} say, to the byte. */
class CollectTablesTest {
  @TempDir Path tmp;

  final SweepManifest grid = SweepFixture.twoByTwo();

  CollectResult collect(Path out, Path... dirs) throws CollectException {
    return Collector.collect(List.of(dirs), out, "tcpsim collect test");
  }

  @Test
  void runsCsvHasOneRowPerRunWithItsParametersAndMeasures() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    collect(dir, dir);
    assertThat(Files.readString(dir.resolve("runs.csv"))).isEqualTo(""
        + "run,point,replication,seed,links.0.delay,links.0.loss,passed,"
        + "handshake.time.mean,connections.established\n"
        + "0,0,0,7,10ms,0,true,0.02,1\n"
        + "1,0,1,7,10ms,0,true,0.021,1\n"
        + "2,0,2,7,10ms,0,true,0.022,1\n"
        + "3,1,0,7,10ms,0.1,true,0.03,1\n"
        + "4,1,1,7,10ms,0.1,true,0.031,1\n"
        + "5,1,2,7,10ms,0.1,true,0.032,1\n"
        + "6,2,0,7,50ms,0,true,0.04,1\n"
        + "7,2,1,7,50ms,0,true,0.041,1\n"
        + "8,2,2,7,50ms,0,true,0.042,1\n"
        + "9,3,0,7,50ms,0.1,true,0.05,0\n"
        + "10,3,1,7,50ms,0.1,true,0.051,1\n"
        + "11,3,2,7,50ms,0.1,false,0.052,\n");
  }

  /**
   * Handshake time: sd 0.001 and ci95 t(0.975, 2) * 0.001 / sqrt(3) = 0.002484137712 at every
   * point. Established at the last point: 0 and 1 (the third undefined): sd sqrt(0.5),
   * ci95 t(0.975, 1) * 0.5 = 6.353102368.
   */
  @Test
  void summaryCsvHasTheStatisticsOfEveryMeasureAtEveryPoint() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    collect(dir, dir);
    String ci = "0.002484137712";
    assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo(""
        + "links.0.delay,links.0.loss,"
        + "handshake.time.mean.n,handshake.time.mean.mean,handshake.time.mean.sd,"
        + "handshake.time.mean.ci95,handshake.time.mean.min,handshake.time.mean.max,"
        + "connections.established.n,connections.established.mean,"
        + "connections.established.sd,connections.established.ci95,"
        + "connections.established.min,connections.established.max\n"
        + "10ms,0,3,0.021,0.001," + ci + ",0.02,0.022,3,1,0,0,1,1\n"
        + "10ms,0.1,3,0.031,0.001," + ci + ",0.03,0.032,3,1,0,0,1,1\n"
        + "50ms,0,3,0.041,0.001," + ci + ",0.04,0.042,3,1,0,0,1,1\n"
        + "50ms,0.1,3,0.051,0.001," + ci + ",0.05,0.052,2,0.5,0.7071067812,6.353102368,0,1\n");
  }

  @Test
  void aPointWithOneRunHasEmptySpreadAndAbsentPointsHaveNoRow() throws Exception {
    // runs 0 (point 0, one replication) and 9..11 (point 3)
    Path dir = SweepFixture.write(tmp.resolve("sweep"), grid, r -> r == 0 || r >= 9);
    collect(dir, dir);
    assertThat(Files.readString(dir.resolve("summary.csv")).lines().skip(1)).containsExactly(
        "10ms,0,1,0.02,,,0.02,0.02,1,1,,,1,1",
        "50ms,0.1,3,0.051,0.001,0.002484137712,0.05,0.052,2,0.5,0.7071067812,6.353102368,0,1");
  }

  @Test
  void zippedKeysHaveAColumnEachAndValuesWithCommasAreQuoted() throws Exception {
    Dimension zipped = new Dimension(List.of("hosts.B.tcp.backlog", "hosts.B.tcp.isn"),
        List.of(List.of("16", "300,400"), List.of("128", "clock")));
    SweepManifest m = SweepFixture.manifest(List.of(zipped), 1, List.of(TIME));
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), m);
    collect(dir, dir);
    assertThat(Files.readString(dir.resolve("runs.csv"))).isEqualTo(""
        + "run,point,replication,seed,hosts.B.tcp.backlog,hosts.B.tcp.isn,passed,"
        + "handshake.time.mean\n"
        + "0,0,0,7,16,\"300,400\",true,0.02\n"
        + "1,1,0,7,128,clock,true,0.03\n");
    assertThat(Files.readString(dir.resolve("summary.csv")).lines().skip(1)).containsExactly(
        "16,\"300,400\",1,0.02,,,0.02,0.02", "128,clock,1,0.03,,,0.03,0.03");
  }

  @Test
  void replicationsWithoutAGridGiveOneSummaryRow() throws Exception {
    SweepManifest m = SweepFixture.manifest(List.of(), 4, List.of(TIME));
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), m);
    CollectResult result = collect(dir, dir);
    assertThat(Files.readString(dir.resolve("runs.csv")).lines()).first()
        .isEqualTo("run,point,replication,seed,passed,handshake.time.mean");
    assertThat(Files.readString(dir.resolve("summary.csv")).lines()).containsExactly(
        "handshake.time.mean.n,handshake.time.mean.mean,handshake.time.mean.sd,"
            + "handshake.time.mean.ci95,handshake.time.mean.min,handshake.time.mean.max",
        "4,0.0215,0.001290994449,0.002054260257,0.02,0.023");
    assertThat(result.plots()).isEqualTo(1);
    assertThat(dir.resolve("plots/handshake.time.mean.png")).isRegularFile();
  }

  @Test
  void collectingTwiceGivesTheSameBytes() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    collect(tmp.resolve("one"), dir);
    collect(tmp.resolve("two"), dir);
    for (String f : SweepFixture.files(tmp.resolve("one"))) {
      assertThat(tmp.resolve("two").resolve(f)).as(f)
          .hasSameBinaryContentAs(tmp.resolve("one").resolve(f));
    }
  }

  @Test
  void manifestJsonRecordsTheSweepAndHowItWasCollected() throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), grid);
    CollectResult result = collect(tmp.resolve("out"), dir);
    JsonNode m = SweepFiles.json().readTree(tmp.resolve("out/manifest.json").toFile());
    assertThat(m.get("sha256").asText()).isEqualTo("ab12");
    assertThat(m.get("version").asText()).isEqualTo("0.1.0");
    assertThat(m.get("seed").asLong()).isEqualTo(7);
    assertThat(m.get("command").asText()).isEqualTo("tcpsim sweep handshake.yaml --out results");
    JsonNode collected = m.get("collected");
    assertThat(collected.get("dirs").toString()).isEqualTo("[\"" + dir + "\"]");
    assertThat(collected.get("complete").asBoolean()).isTrue();
    assertThat(collected.get("missing")).isEmpty();
    assertThat(collected.get("command").asText()).isEqualTo("tcpsim collect test");
    assertThat(result.files()).containsExactly("runs.csv", "summary.csv",
        "plots/handshake.time.mean.png", "plots/handshake.time.mean.svg",
        "plots/connections.established.png", "plots/connections.established.svg",
        "manifest.json");
  }
}
