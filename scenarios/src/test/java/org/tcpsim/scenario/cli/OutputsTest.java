package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.output.JsonlSchemaCheck;

/** What {@code tcpsim run} writes besides its summary. */
class OutputsTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void outDirHoldsEveryOutputAndASummaryWithEveryCounter(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run1");
    assertThat(run("run", "rfc9293-figure-6", "--out", dir.toString(), "-q")).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("trace.jsonl", "trace.txt", "ladder.txt", "capture.pcap",
              "summary.json");
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("scenario").asText()).isEqualTo("rfc9293-figure-6");
    assertThat(summary.get("passed").asBoolean()).isTrue();
    assertThat(summary.get("counters").get("segments.sent").asLong()).isEqualTo(5);
    assertThat(summary.get("hosts").get("B").get("listen.accepted").asLong()).isEqualTo(1);
    assertThat(summary.get("expectations")).hasSize(6);
    List<String> lines = Files.readAllLines(dir.resolve("trace.jsonl"));
    assertThat(JsonlSchemaCheck.violations(lines)).isEmpty();
    assertThat(lines.get(0)).startsWith("{\"t\":0,\"ev\":\"state\",\"host\":\"B\"");
    assertThat(Files.readString(dir.resolve("ladder.txt")))
        .contains("2.  SYN-SENT    --> <SEQ=100><CTL=SYN>");
    assertThat(Files.readString(dir.resolve("trace.txt"))).contains("LISTEN -> SYN-RECEIVED");
  }

  @Test
  void theSameScenarioAndSeedGiveByteIdenticalTracesAndCaptures(@TempDir Path tmp)
      throws Exception {
    String file = "../scenarios/src/test/resources/valid/design-example.yaml";
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    run("run", file, "--out", a.toString(), "-q");
    run("run", file, "--out", b.toString(), "-q");
    for (String f : List.of("trace.jsonl", "trace.txt", "capture.pcap", "ladder.txt")) {
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1);
    }
    assertThat(Files.size(a.resolve("trace.jsonl"))).isGreaterThan(100_000);
    Path c = tmp.resolve("c");
    run("run", file, "--out", c.toString(), "-q", "--seed", "2");
    assertThat(Files.mismatch(a.resolve("trace.jsonl"), c.resolve("trace.jsonl")))
        .as("another seed gives another run").isNotEqualTo(-1);
  }

  @Test
  void traceToStandardOutputIsOnlyTheTraceAndTheSummaryGoesToStandardError() {
    assertThat(run("run", "rfc9293-figure-6", "--trace", "-", "--trace-format", "jsonl"))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).isNotEmpty();
    assertThat(JsonlSchemaCheck.violations(lines)).isEmpty();
    assertThat(err.toString()).contains("expectations 6 of 6 held");
  }

  @Test
  void theTextTraceExplainsWhenAsked() {
    assertThat(run("run", "rfc9293-figure-6", "--trace", "-", "--explain")).isZero();
    assertThat(out.toString())
        .contains("[SYN, ACK]  seq=0 ack=1")
        .contains("why: ")
        .contains("RFC 9293 3.10.7.2");
  }

  @Test
  void absoluteSequenceNumbersWhenAsked() {
    assertThat(run("run", "rfc9293-figure-6", "--trace", "-", "--absolute-seq")).isZero();
    assertThat(out.toString()).contains("[SYN, ACK]  seq=300 ack=101");
  }

  @Test
  void theLadderFollowsTheSummary() {
    assertThat(run("run", "rfc9293-figure-6", "--ladder")).isZero();
    String s = out.toString();
    assertThat(s.indexOf("expectations 6 of 6 held"))
        .isLessThan(s.indexOf("TCP Peer A (10.0.0.1:1024)"));
    assertThat(s).contains("3.  ESTABLISHED <-- <SEQ=300><ACK=101><CTL=SYN,ACK>      <-- "
        + "SYN-RECEIVED");
  }

  @Test
  void pcapWithACapturePointWritesAPcapFile(@TempDir Path tmp) throws Exception {
    Path p = tmp.resolve("x.pcap");
    assertThat(run("run", "rfc9293-figure-6", "--pcap", p.toString(), "--pcap-at", "B-A", "-q"))
        .isZero();
    byte[] bytes = Files.readAllBytes(p);
    assertThat(bytes.length).isGreaterThan(24);
    assertThat(bytes[0] & 0xFF).isEqualTo(0x4D); // nanosecond magic, little-endian
  }

  @Test
  void badOutputOptionsAreBadInputAndLeaveNoFiles(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("o");
    assertThat(run("run", "rfc9293-figure-6", "--pcap-at", "Z", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--pcap-at: no node or link named 'Z', expected one of A, B, A-B");
    assertThat(run("run", "rfc9293-figure-6", "--trace-format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--trace-format: expected text or jsonl, got 'xml'");
    assertThat(Files.exists(dir) ? Files.list(dir).count() : 0).isZero();
  }
}
