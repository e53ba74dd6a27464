package org.tcpsim.scenario.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.cli.Main;

/** {@code tcpsim sweep}: the runs it does, where they go, and that nothing depends on how. */
class SweepCommandTest {
  static final String LOSSY = """
      name: lossy-handshakes
      seed: 7
      until: 30s
      hosts:
        A: { address: 10.0.0.1 }
        B: { address: 10.0.0.2 }
      links:
        - { between: [A, B], delay: 5ms, loss: 0.2 }
      apps:
        - { listen: B:80 }
        - { connect: B:80, from: A, count: 5, every: 100ms, send: 2KB, close: after-send }
      sweep:
        vary: { links.0.delay: [5ms, 20ms], links.0.loss: [0.1, 0.3] }
        replications: 3
        measure: [handshake.time.mean, connections.established-fraction, segments.retransmitted]
      """;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int tcpsim(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  Path scenario(String text) throws IOException {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, text);
    return f;
  }

  /** Every run file of a directory by name, with its content. */
  static TreeMap<String, String> runFiles(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve(SweepFiles.RUNS))) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().matches("\\d+\\.json")) {
          out.put(f.getFileName().toString(), Files.readString(f));
        }
      }
    }
    return out;
  }

  @Nested
  class Runs {
    @Test
    void listPrintsEveryRunWithItsPointAndReplication() throws Exception {
      Path f = scenario(LOSSY);
      assertThat(tcpsim("sweep", f.toString(), "--list", "--replications", "2")).isZero();
      assertThat(out.toString().lines()).containsExactly(
          "run 0  point 0  replication 0  links.0.delay=5ms links.0.loss=0.1",
          "run 1  point 0  replication 1  links.0.delay=5ms links.0.loss=0.1",
          "run 2  point 1  replication 0  links.0.delay=5ms links.0.loss=0.3",
          "run 3  point 1  replication 1  links.0.delay=5ms links.0.loss=0.3",
          "run 4  point 2  replication 0  links.0.delay=20ms links.0.loss=0.1",
          "run 5  point 2  replication 1  links.0.delay=20ms links.0.loss=0.1",
          "run 6  point 3  replication 0  links.0.delay=20ms links.0.loss=0.3",
          "run 7  point 3  replication 1  links.0.delay=20ms links.0.loss=0.3");
      assertThat(Files.exists(tmp.resolve("sweeps"))).isFalse();
    }

    @Test
    void listOfAShardPrintsOnlyItsRuns() throws Exception {
      Path f = scenario(LOSSY);
      assertThat(tcpsim("sweep", f.toString(), "--list", "--shard", "2/3")).isZero();
      assertThat(out.toString().lines().map(l -> l.substring(0, l.indexOf("  "))))
          .containsExactly("run 1", "run 4", "run 7", "run 10");
    }

    @Test
    void eachRunIsAFileWithItsParametersAndMeasures() throws Exception {
      Path f = scenario(LOSSY);
      Path dir = tmp.resolve("out");
      assertThat(tcpsim("sweep", f.toString(), "--out", dir.toString(), "--jobs", "1",
          "--no-collect")).isZero();
      TreeMap<String, String> files = runFiles(dir);
      assertThat(files).hasSize(12);
      RunRecord r = SweepFiles.json().readValue(files.get("000007.json"), RunRecord.class);
      assertThat(r.run()).isEqualTo(7);
      assertThat(r.point()).isEqualTo(2);
      assertThat(r.replication()).isEqualTo(1);
      assertThat(r.seed()).isEqualTo(7);
      assertThat(r.parameters()).containsExactly(java.util.Map.entry("links.0.delay", "20ms"),
          java.util.Map.entry("links.0.loss", "0.1"));
      assertThat(r.measures()).containsOnlyKeys("handshake.time.mean",
          "connections.established-fraction", "segments.retransmitted");
      assertThat(r.measures().get("handshake.time.mean")).isGreaterThanOrEqualTo(0.040);
      SweepManifest m = SweepFiles.readManifest(dir).orElseThrow();
      assertThat(m.runs()).isEqualTo(12);
      assertThat(m.points()).isEqualTo(4);
      assertThat(m.sha256()).isEqualTo(sha256(Files.readString(f)));
      assertThat(m.command()).isEqualTo("tcpsim sweep " + f + " --seed 7 --replications 3");
      assertThat(out.toString()).contains("ran 12 runs, 0 already done");
    }

    @Test
    void replicationsDifferAndTheSameRunIsTheSameEveryTime() throws Exception {
      Path f = scenario(LOSSY);
      Path a = tmp.resolve("a");
      Path b = tmp.resolve("b");
      tcpsim("sweep", f.toString(), "--out", a.toString(), "--jobs", "1", "--no-collect");
      tcpsim("sweep", f.toString(), "--out", b.toString(), "--jobs", "1", "--no-collect");
      assertThat(runFiles(a)).isEqualTo(runFiles(b));
      List<Object> retransmitted = new ArrayList<>();
      for (RunRecord r : SweepFiles.readRuns(a)) {
        if (r.point() == 1) {
          retransmitted.add(r.measures().get("segments.retransmitted"));
        }
      }
      assertThat(retransmitted).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
      Path f = scenario(LOSSY);
      Path one = tmp.resolve("one");
      Path two = tmp.resolve("two");
      assertThat(tcpsim("sweep", f.toString(), "--out", one.toString(), "--jobs", "1")).isZero();
      assertThat(tcpsim("sweep", f.toString(), "--out", two.toString(), "--jobs", "2")).isZero();
      assertThat(runFiles(two)).isEqualTo(runFiles(one)).hasSize(12);
      for (String table : List.of("runs.csv", "summary.csv")) {
        assertThat(Files.readString(two.resolve(table))).as(table)
            .isEqualTo(Files.readString(one.resolve(table)));
      }
      assertThat(Files.readString(one.resolve("runs.csv")).lines()).hasSize(13);
      assertThat(out.toString()).contains("collected 12 of 12 runs into " + one);
    }

    @Test
    void shardsTogetherAreTheWholeSweep() throws Exception {
      Path f = scenario(LOSSY);
      Path whole = tmp.resolve("whole");
      tcpsim("sweep", f.toString(), "--out", whole.toString());
      TreeMap<String, String> union = new TreeMap<>();
      for (int i = 1; i <= 3; i++) {
        Path shard = tmp.resolve("shard" + i);
        assertThat(tcpsim("sweep", f.toString(), "--out", shard.toString(), "--shard", i + "/3",
            "--no-collect")).isZero();
        TreeMap<String, String> files = runFiles(shard);
        assertThat(files).hasSize(4);
        assertThat(union.keySet()).doesNotContainAnyElementsOf(files.keySet());
        union.putAll(files);
      }
      assertThat(union).isEqualTo(runFiles(whole));
      assertThat(out.toString()).contains("8 runs of other shards are not in");
      Path merged = tmp.resolve("merged");
      assertThat(tcpsim("collect", tmp.resolve("shard1").toString(),
          tmp.resolve("shard2").toString(), tmp.resolve("shard3").toString(), "--out",
          merged.toString())).isZero();
      for (String table : List.of("runs.csv", "summary.csv",
          "plots/handshake.time.mean.svg")) {
        assertThat(Files.readString(merged.resolve(table))).as(table)
            .isEqualTo(Files.readString(whole.resolve(table)));
      }
    }

    @Test
    void aSecondSweepIntoTheSameDirectoryRunsOnlyWhatIsMissing() throws Exception {
      Path f = scenario(LOSSY);
      Path dir = tmp.resolve("d");
      tcpsim("sweep", f.toString(), "--out", dir.toString(), "--no-collect");
      TreeMap<String, String> before = runFiles(dir);
      Files.delete(SweepFiles.runFile(dir, 5));
      Files.delete(SweepFiles.runFile(dir, 11));
      out.getBuffer().setLength(0);
      assertThat(tcpsim("sweep", f.toString(), "--out", dir.toString(), "--no-collect")).isZero();
      assertThat(out.toString()).contains("ran 2 runs, 10 already done");
      assertThat(runFiles(dir)).isEqualTo(before);
    }
  }

  @Nested
  class Interrupted {
    /**
     * A sweep killed with SIGKILL in the middle (a real child process) and started again gives
     * exactly the runs of a sweep that was never interrupted: none missing, none twice.
     */
    @Test
    void killedAndResumedEqualsUninterrupted() throws Exception {
      Path f = scenario(LOSSY.replace("replications: 3", "replications: 30"));
      Path killed = tmp.resolve("killed");
      Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "sweep", f.toString(), "--out", killed.toString(), "--jobs", "1",
          "--no-collect").redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int seen = 0;
      while (System.nanoTime() < deadline && child.isAlive()) {
        seen = countRuns(killed);
        if (seen >= 10) {
          break;
        }
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as("the child was still running when killed; its log: %s",
          Files.exists(tmp.resolve("child.log")) ? Files.readString(tmp.resolve("child.log")) : "")
          .isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int afterKill = countRuns(killed);
      assertThat(afterKill).isGreaterThanOrEqualTo(10).isLessThan(120);

      assertThat(tcpsim("sweep", f.toString(), "--out", killed.toString())).isZero();
      assertThat(out.toString()).contains("ran " + (120 - afterKill) + " runs, " + afterKill
          + " already done");
      Path clean = tmp.resolve("clean");
      assertThat(tcpsim("sweep", f.toString(), "--out", clean.toString())).isZero();
      assertThat(runFiles(killed)).isEqualTo(runFiles(clean)).hasSize(120);
      assertThat(Files.readString(killed.resolve("runs.csv")))
          .isEqualTo(Files.readString(clean.resolve("runs.csv")));
      assertThat(Files.readString(killed.resolve("runs.csv")).lines()).hasSize(121);
    }

    static int countRuns(Path dir) throws IOException {
      if (!Files.isDirectory(dir.resolve(SweepFiles.RUNS))) {
        return 0;
      }
      try (Stream<Path> files = Files.list(dir.resolve(SweepFiles.RUNS))) {
        return (int) files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).count();
      }
    }

    static String javaBin() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  @Nested
  class BadInput {
    @Test
    void anUnknownMeasureIsReportedWhereItIsWrittenBeforeAnythingRuns() throws Exception {
      Path f = scenario(LOSSY.replace("segments.retransmitted]", "segments.retransmited]"));
      Path dir = tmp.resolve("out");
      assertThat(tcpsim("sweep", f.toString(), "--out", dir.toString())).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo(f + ":15:68: sweep.measure.2: unknown "
          + "measure 'segments.retransmited', expected one of the measures 'tcpsim sweep FILE "
          + "--measures' lists (did you mean 'segments.retransmitted'?)");
      assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void noMeasuresIsAnError() throws Exception {
      Path f = scenario(LOSSY.replace(
          "  measure: [handshake.time.mean, connections.established-fraction, "
              + "segments.retransmitted]\n", ""));
      assertThat(tcpsim("sweep", f.toString(), "--out", tmp.resolve("o").toString()))
          .isEqualTo(2);
      assertThat(err.toString()).startsWith(f + ": sweep.measure: no measures, expected a list");
    }

    @Test
    void aDirectoryOfAnotherSweepIsNotMixedIn() throws Exception {
      Path f = scenario(LOSSY);
      Path dir = tmp.resolve("d");
      assertThat(tcpsim("sweep", f.toString(), "--out", dir.toString(), "--shard", "1/12",
          "--no-collect")).isZero();
      assertThat(tcpsim("sweep", f.toString(), "--out", dir.toString(), "--replications", "4"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("tcpsim sweep: " + dir + " holds another sweep "
          + "(replications differs: 3 there, 4 here); use another --out, or remove the "
          + "directory to start again");
    }

    @Test
    void badShardJobsAndVarySayWhatWasExpected() throws Exception {
      Path f = scenario(LOSSY);
      assertThat(tcpsim("sweep", f.toString(), "--shard", "0/3")).isEqualTo(2);
      assertThat(err.toString()).contains("--shard: shards count from 1, got '0/3'");
      assertThat(tcpsim("sweep", f.toString(), "--shard", "4/3")).isEqualTo(2);
      assertThat(err.toString()).contains("--shard: expected I/N with 1 <= I <= N, such as 2/3, "
          + "got '4/3'");
      assertThat(tcpsim("sweep", f.toString(), "--jobs", "0")).isEqualTo(2);
      assertThat(err.toString()).contains("--jobs: expected at least 1, got 0");
      assertThat(tcpsim("sweep", f.toString(), "--vary", "links.0.loss=0.1,2")).isEqualTo(2);
      assertThat(err.toString()).contains("--vary links.0.loss");
      assertThat(out.toString()).isEmpty();
    }
  }

  static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
