package org.tcpsim.scenario.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.cli.Main;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.Sweep;

/**
 * A sweep's grid costs bytes per point, not a scenario per point: the grid is its dimensions
 * and each point is computed, and its scenario built, when it is read (README "Experiments").
 * The memory bounds are checked in a child JVM with a small heap, where the grid held whole
 * (as it was: about 12 KB per point for the scenario below, more with long ranges) runs out.
 */
class LargeGridTest {
  static final String TINY = """
      name: tiny
      until: 1s
      hosts:
        A: { address: 10.0.0.1 }
        B: { address: 10.0.0.2 }
      links:
        - { between: [A, B], delay: 1ms }
      apps:
        - { listen: B:80 }
        - { connect: B:80, from: A }
      sweep:
        vary:
          links.0.delay: { from: 1ms, to: 100ms, step: 1ms }
          hosts.B.tcp.backlog: { from: 1, to: 100, step: 1 }
        measure: [connections.opened]
      """;

  @TempDir Path tmp;

  /** A million points, each read as assignments and as a manifest's parameters, in 16 MB. */
  @Test
  void aMillionPointGridIsReadInSixteenMegabytes() throws Exception {
    String log = child("-Xmx16m", IterateMillion.class.getName());
    assertThat(log).contains("1000000 points, last a=99 b=99 c=99");
  }

  /** {@code --list} of 10,000 points in 32 MB of heap; held whole they needed about 120 MB. */
  @Test
  void listingTenThousandPointsFitsInThirtyTwoMegabytes() throws Exception {
    Path f = tmp.resolve("tiny.yaml");
    Files.writeString(f, TINY);
    String log = child("-Xmx32m", Main.class.getName(), "sweep", f.toString(), "--list");
    List<String> lines = log.lines().toList();
    assertThat(lines).hasSize(10_000);
    assertThat(lines.get(0)).isEqualTo(
        "run 0  point 0  replication 0  links.0.delay=1ms hosts.B.tcp.backlog=1");
    assertThat(lines.get(9_999)).isEqualTo(
        "run 9999  point 9999  replication 0  links.0.delay=100ms hosts.B.tcp.backlog=100");
  }

  /** A grid of more points than an int counts is refused where the sweep is, with its size. */
  @Test
  void aGridOfMorePointsThanAnIntIsRefused() {
    String more = "\n    hosts.A.tcp.backlog: { from: 1, to: 280, step: 1 }"
        + "\n    hosts.A.tcp.mss: { from: 536, to: 815, step: 1 }";
    String text = TINY.replace("to: 100, step: 1 }", "to: 280, step: 1 }" + more);
    try {
      ScenarioLoader.parseGrid(text, "t.yaml", List.of(), List.of());
      throw new AssertionError("a grid of 2,195,200,000 points was accepted");
    } catch (ScenarioException e) {
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).toString()).isEqualTo("t.yaml:12:3: sweep.vary: the grid has "
          + "2,195,200,000 points (100 x 280 x 280 x 280), expected at most "
          + "2,147,483,647 points");
    }
  }

  /** Points times replications must number runs in an int too; bad input, exit status 2. */
  @Test
  void moreRunsThanAnIntCountsIsBadInput() throws Exception {
    Path f = tmp.resolve("small.yaml");
    Files.writeString(f, TINY.replace("to: 100ms", "to: 3ms")
        .replace("to: 100, step", "to: 1, step"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new String[] {"sweep", f.toString(), "--replications",
        "2147483647", "--list"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(status).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).isEqualTo(f + ": 3 points x 2,147,483,647 replications = "
        + "6,442,450,941 runs; at most 2,147,483,647 runs" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  /** Runs a main class in a child JVM with the given heap; returns its output, exit status 0. */
  private String child(String heap, String main, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
        "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    Path log = tmp.resolve("child.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
    String text = Files.readString(log);
    assertThat(p.exitValue()).as("exit status; output ends: %s",
        text.substring(Math.max(0, text.length() - 2000))).isZero();
    return text;
  }

  /** Child JVM: reads every point of a 100 x 100 x 100 grid, as the list and the manifest do. */
  public static final class IterateMillion {
    public static void main(String[] args) {
      List<String> values = IntStream.range(0, 100).mapToObj(Integer::toString).toList();
      List<List<String>> tuples = values.stream().map(List::of).toList();
      Loc at = new Loc("t.yaml", 1, 1);
      Sweep sweep = new Sweep(List.of(new Sweep.Dimension(List.of("a"), tuples, at),
          new Sweep.Dimension(List.of("b"), tuples, at),
          new Sweep.Dimension(List.of("c"), tuples, at)), 1, List.of(), List.of(), at);
      SweepManifest m = new SweepManifest(1, "t", "t.yaml", "", "", 1, List.of(),
          sweep.dimensions().stream().map(d -> new SweepManifest.Dimension(d.keys(), d.values()))
              .toList(), 1, List.of(), sweep.pointCount(), sweep.pointCount(), "");
      long checksum = 0;
      String last = "";
      List<List<String>> points = sweep.points();
      for (int i = 0; i < points.size(); i++) {
        checksum += points.get(i).hashCode();
        Map<String, String> p = m.parameters(i);
        last = "a=" + p.get("a") + " b=" + p.get("b") + " c=" + p.get("c");
      }
      System.out.println(points.size() + " points, last " + last + " (" + checksum + ")");
    }
  }
}
