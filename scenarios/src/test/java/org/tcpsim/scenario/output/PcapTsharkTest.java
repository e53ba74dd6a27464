package org.tcpsim.scenario.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.PacketSent;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.Segment;

/**
 * Wireshark's own dissector, run as tshark, must read every packet of the capture as the JSON
 * trace describes it: flags, raw sequence and acknowledgment numbers, data length, addresses,
 * time, a good IPv4 header checksum, and a TCP checksum that is good exactly when the receiving
 * TCP did not drop the segment for its checksum.
 *
 * <p>With the default capture point (every host) each record is a host's packet send or arrival,
 * and the JSON trace has one TCP event for each, at the same instant and in the same order: a
 * {@code send}, a {@code recv}, or, for a segment damaged on the way, a {@code drop} with reason
 * {@code checksum} at the receiving host.
 *
 * <p>Without tshark the test fails under CI ({@code CI=true}) and is skipped elsewhere.
 */
class PcapTsharkTest {
  /** The dissected fields, in the order of the columns tshark prints. */
  static final List<String> FIELDS = List.of("frame.time_epoch", "ip.src", "tcp.srcport",
      "ip.dst", "tcp.dstport", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin",
      "tcp.flags.reset", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "ip.checksum.status",
      "tcp.checksum.status", "_ws.malformed");

  /** Wireshark's proto_checksum_enum_e: PROTO_CHECKSUM_E_BAD = 0, PROTO_CHECKSUM_E_GOOD = 1. */
  static final String CHECKSUM_BAD = "0";
  static final String CHECKSUM_GOOD = "1";

  String tshark;

  /** Before each test rather than all, so that a skip is reported per test. */
  @BeforeEach
  void findTshark() {
    tshark = onPath("tshark");
    if (tshark == null) {
      String why = "tshark is not installed (apt-get install tshark); it checks that Wireshark "
          + "reads the pcap files as the JSON trace describes them";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + ". Under CI (CI=true) this test must run.");
      }
      Assumptions.assumeTrue(false, why);
    }
  }

  static String onPath(String program) {
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/usr/local/bin"));
    if (path != null) {
      dirs.addAll(0, List.of(path.split(File.pathSeparator)));
    }
    for (String dir : dirs) {
      File f = new File(dir, program);
      if (f.isFile() && f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  /**
   * The command: every field as a tab-separated column, no name resolution, and both checksums
   * verified (Wireshark leaves them unverified by default, reporting status 2).
   */
  List<String> command(Path pcap) {
    List<String> cmd = new ArrayList<>(List.of(tshark, "-r", pcap.toString(), "-n",
        "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
        "-T", "fields", "-E", "separator=/t"));
    for (String f : FIELDS) {
      cmd.add("-e");
      cmd.add(f);
    }
    return cmd;
  }

  /** tshark's rows, one per frame, split into columns. Its stderr (root warnings) is ignored. */
  List<List<String>> dissect(Path pcap) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(pcap))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tshark finished").isTrue();
    assertThat(p.exitValue()).as("tshark exit status for " + command(pcap)).isZero();
    List<List<String>> rows = new ArrayList<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        rows.add(List.of(line.split("\t", -1)));
      }
    }
    return rows;
  }

  /**
   * What tshark must print for each frame, built from the JSON trace: the host-level TCP events
   * that correspond to a host's packet send or arrival.
   */
  static List<List<String>> expectedRows(List<String> jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<List<String>> rows = new ArrayList<>();
    for (String line : jsonl) {
      JsonNode e = mapper.readTree(line);
      String ev = e.get("ev").asText();
      boolean damaged = ev.equals("drop") && e.get("reason").asText().equals("checksum");
      if (!ev.equals("send") && !ev.equals("recv") && !damaged) {
        continue;
      }
      JsonNode seg = e.get("seg");
      List<String> flags = new ArrayList<>();
      seg.get("flags").forEach(f -> flags.add(f.asText()));
      String[] src = seg.get("src").asText().split(":");
      String[] dst = seg.get("dst").asText().split(":");
      rows.add(List.of(
          seconds(e.get("t").asLong()),
          src[0], src[1], dst[0], dst[1],
          bit(flags.contains("SYN")), bit(flags.contains("ACK")), bit(flags.contains("FIN")),
          bit(flags.contains("RST")),
          seg.get("seq").asText(),
          // The raw field is printed whether or not ACK is set; the trace has it only with ACK.
          seg.has("ack") ? seg.get("ack").asText() : "*",
          seg.get("len").asText(),
          CHECKSUM_GOOD,
          damaged ? CHECKSUM_BAD : CHECKSUM_GOOD,
          ""));
    }
    return rows;
  }

  /** frame.time_epoch as tshark prints a nanosecond capture: seconds with nine decimals. */
  static String seconds(long t) {
    return String.format("%d.%09d", t / 1_000_000_000L, t % 1_000_000_000L);
  }

  static String bit(boolean set) {
    return set ? "1" : "0";
  }

  /** tshark 4.0 prints booleans as 1/0, later versions as True/False. */
  static List<String> normalised(List<String> row) {
    List<String> out = new ArrayList<>(row);
    for (int i = 5; i <= 8; i++) {
      out.set(i, switch (out.get(i)) {
        case "True" -> "1";
        case "False" -> "0";
        default -> out.get(i);
      });
    }
    return out;
  }

  void compare(long seed, Path dir) throws Exception {
    Path pcap = dir.resolve("run-" + seed + ".pcap");
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    TwoHosts net;
    try (OutputStream file = Files.newOutputStream(pcap);
        PcapWriter pw = new PcapWriter(file, CapturePoint.allHosts(name -> true));
        JsonlTraceWriter jw = new JsonlTraceWriter(jsonl)) {
      net = new TwoHosts(seed, PcapWriterTest.lossyLink(), pw, jw).transfer(20_000)
          .runUntil("60s");
    }
    List<String> lines = new String(jsonl.toByteArray(), StandardCharsets.UTF_8).lines().toList();
    List<List<String>> expected = expectedRows(lines);
    assertThat(expected).as("one JSON event per captured packet").hasSize(packetEvents(net.events));
    assertThat(expected).as("the run must exercise corruption")
        .anyMatch(r -> r.get(13).equals(CHECKSUM_BAD));

    List<List<String>> actual = dissect(pcap);
    assertSameFrames(actual, expected);
  }

  /** tshark's frames, one by one, equal to the rows the JSON trace predicts. */
  static void assertSameFrames(List<List<String>> actual, List<List<String>> expected) {
    assertThat(actual).as("frames tshark read").hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      List<String> got = normalised(actual.get(i));
      List<String> want = new ArrayList<>(expected.get(i));
      if (want.get(10).equals("*")) {
        want.set(10, got.get(10));
      }
      assertThat(got).as("frame %d (JSON: %s)", i + 1, want).containsExactlyElementsOf(want);
    }
  }

  static int packetEvents(List<TraceEvent> events) {
    int n = 0;
    for (TraceEvent e : events) {
      if (e instanceof PacketSent s && s.packet().payload() instanceof Segment
          || e instanceof PacketReceived r && r.packet().payload() instanceof Segment) {
        n++;
      }
    }
    return n;
  }

  /**
   * The same comparison on bundled scenarios run from the command line, as a user would: the
   * default capture (every host) against the JSON Lines trace of the same run.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc9293-figure-6", "lossy-bulk-with-router"})
  void aBundledScenariosCaptureDissectsAsItsTraceSays(String name, @TempDir Path dir)
      throws Exception {
    java.io.StringWriter sink = new java.io.StringWriter();
    java.io.PrintWriter pw = new java.io.PrintWriter(sink, true);
    int status = org.tcpsim.scenario.cli.Main.execute(
        new String[] {"run", name, "--out", dir.toString(), "-q"}, pw, pw);
    assertThat(status).as(sink.toString()).isZero();
    List<List<String>> expected = expectedRows(Files.readAllLines(dir.resolve("trace.jsonl")));
    List<List<String>> actual = dissect(dir.resolve("capture.pcap"));
    assertSameFrames(actual, expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void tsharkDissectsEveryFrameAsTheJsonTraceDescribesIt(long seed, @TempDir Path dir)
      throws Exception {
    compare(seed, dir);
  }

  @Test
  void tsharkReadsNodeAndLinkCapturesWithoutMalformedFrames(@TempDir Path dir) throws Exception {
    for (CapturePoint point : List.of(CapturePoint.node("R"), CapturePoint.link("R-B"))) {
      Path pcap = dir.resolve("capture.pcap");
      try (PcapWriter w = new PcapWriter(Files.newOutputStream(pcap), point)) {
        new PcapWriterTest.ThreeNodes(w);
      }
      long records = PcapReader.read(Files.readAllBytes(pcap)).size();
      List<List<String>> rows = dissect(pcap);
      assertThat(rows).as("%s", point).hasSize((int) records).isNotEmpty();
      assertThat(rows).as("%s: IPv4 checksums and no malformed frame", point)
          .allMatch(r -> r.get(12).equals(CHECKSUM_GOOD) && r.get(14).isEmpty());
    }
  }
}
