package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code tcpsim run --out DIR} (README "Outputs"): a real child JVM, a real signal.
 * Linux only (kill(1) and /proc); elsewhere the test is skipped.
 */
class StopOnSignalTest {
  /** Sends 1000 GB over a slow link: hours of wall time unless something stops it. */
  private static final String ENDLESS = String.join("\n",
      "name: endless",
      "until: 100000s",
      "hosts:",
      "  A: { address: 10.0.0.1 }",
      "  B: { address: 10.0.0.2 }",
      "links:",
      "  - { between: [A, B], delay: 10ms, rate: 1Mbps }",
      "apps:",
      "  - { listen: B:80 }",
      "  - { connect: B:80, from: A, at: 0s, port: 1024, send: 1000GB, close: after-send }",
      "");

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aSignalStopsTheRunWritesTheSummaryAndLeavesCompleteFiles(@TempDir Path dir)
      throws Exception {
    assumeTrue(new File("/proc/self/status").exists(), "needs Linux");
    Path file = dir.resolve("endless.yaml");
    Files.writeString(file, ENDLESS);
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", file.toString(), "--out", out.toString())
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    try {
      // The hook is installed before the first .part file opens: from then on a signal is a
      // clean stop. Then about a second of running.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(out.resolve("trace.jsonl.part")) && System.nanoTime() < deadline) {
        assertThat(p.isAlive()).as("the run ended early: %s", read(dir, "stderr")).isTrue();
        Thread.sleep(20);
      }
      Thread.sleep(1000);
      // A process started in the background without job control inherits SIGINT ignored (the
      // JVM then leaves it so, like nohup), and so would the child: then SIGTERM, which takes
      // the same path and exits 128 + 15.
      boolean intIgnored = sigintIgnored();
      kill(intIgnored ? "-TERM" : "-INT", p.pid());
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited after the signal").isTrue();
      assertThat(p.exitValue()).as(read(dir, "stderr")).isEqualTo(intIgnored ? 143 : 130);
    } finally {
      p.destroyForcibly();
    }
    assertThat(read(dir, "stdout")).startsWith("endless: seed 1, interrupted at ")
        .contains("connections  2 open (ESTABLISHED)");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("capture.pcap", "ladder.txt", "summary.json", "trace.jsonl",
              "trace.txt");
    }
    assertThat(Files.readString(out.resolve("summary.json"))).contains("\"interrupted\" : true");
    List<String> jsonl = Files.readAllLines(out.resolve("trace.jsonl"), StandardCharsets.UTF_8);
    assertThat(jsonl).isNotEmpty();
    assertThat(jsonl.get(jsonl.size() - 1)).startsWith("{").endsWith("}");
    assertThat(Files.readString(out.resolve("trace.jsonl"))).endsWith("\n");
  }

  private static void kill(String signal, long pid) throws IOException, InterruptedException {
    Process k = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
    assertThat(k.waitFor()).isZero();
  }

  /** Bit 2 (SIGINT) of SigIgn in /proc/self/status, which a child inherits. */
  private static boolean sigintIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private static String read(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }
}
