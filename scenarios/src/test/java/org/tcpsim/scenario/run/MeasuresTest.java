package org.tcpsim.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioLoader;

/**
 * Sweep measures on RFC 9293 Figure 6 (one-way delay 10 ms), where every time is known: A's SYN
 * at 0, B in SYN-RECEIVED from 10 to 30 ms, A ESTABLISHED at 20 ms and sending 10 bytes, which B
 * acknowledges after its 200 ms delayed-ACK timer, the ACK reaching A at 240 ms, the run's end.
 */
class MeasuresTest {
  static RunResult fig6;

  @BeforeAll
  static void run() throws Exception {
    fig6 = new Simulation(ScenarioLoader.load(Path.of("library/rfc9293-figure-6.yaml"),
        List.of())).run();
  }

  static double m(String name) {
    return Measures.value(fig6, name);
  }

  @Test
  void theRunEndsWithTheDelayedAck() {
    assertThat(fig6.simulatedTime()).isEqualTo(240_000_000L);
  }

  @Test
  void handshakeTimeIsOneRoundTrip() {
    assertThat(m("handshake.time.mean")).isCloseTo(0.020, within(1e-12));
    assertThat(m("handshake.time.p50")).isCloseTo(0.020, within(1e-12));
    assertThat(m("handshake.time.max")).isCloseTo(0.020, within(1e-12));
  }

  @Test
  void completionWaitsForTheAckOfTheData() {
    assertThat(m("completion.time.mean")).isCloseTo(0.240, within(1e-12));
    assertThat(m("goodput")).isCloseTo(10 * 8 / 0.240 / 1e6, within(1e-12));
    assertThat(m("throughput")).isCloseTo(10 * 8 / 0.240 / 1e6, within(1e-12));
  }

  @Test
  void connectionFractionsCountTheClientsConnections() {
    assertThat(m("connections.opened")).isEqualTo(1);
    assertThat(m("connections.established-fraction")).isEqualTo(1);
    assertThat(m("retransmissions.per-connection")).isZero();
  }

  @Test
  void synQueueHoldsBsHalfOpenConnectionFrom10To30Ms() {
    assertThat(m("syn-queue.max")).isEqualTo(1);
    assertThat(m("syn-queue.mean")).isCloseTo(0.020 / 0.240, within(1e-12));
  }

  @Test
  void stateOccupancyIsTimeWeighted() {
    assertThat(m("state.ESTABLISHED.max")).isEqualTo(2);
    assertThat(m("state.ESTABLISHED.end")).isEqualTo(2);
    // A from 20 ms, B from 30 ms, both to 240 ms.
    assertThat(m("state.ESTABLISHED.mean")).isCloseTo((0.220 + 0.210) / 0.240, within(1e-12));
    assertThat(m("state.SYN-SENT.mean")).isCloseTo(0.020 / 0.240, within(1e-12));
    assertThat(m("state.TIME-WAIT.max")).isZero();
  }

  @Test
  void countersAreSummedOrPerHost() {
    assertThat(m("segments.sent")).isEqualTo(5);
    assertThat(m("A.segments.sent")).isEqualTo(3);
    assertThat(m("B.segments.sent")).isEqualTo(2);
    assertThat(m("expectations.held")).isEqualTo(1);
  }

  @Test
  void undefinedMeansAreNaN() throws Exception {
    RunResult nothing = new Simulation(ScenarioLoader.parse("name: empty\nuntil: 1s\n", "e.yaml",
        List.of())).run();
    assertThat(Measures.value(nothing, "handshake.time.mean")).isNaN();
    assertThat(Measures.value(nothing, "connections.established-fraction")).isNaN();
  }

  @Test
  void nearestRankPercentiles() {
    double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Measures.nearestRank(xs, 50)).isEqualTo(5);
    assertThat(Measures.nearestRank(xs, 90)).isEqualTo(9);
    assertThat(Measures.nearestRank(xs, 99)).isEqualTo(10);
    assertThat(Measures.nearestRank(new double[] {7}, 50)).isEqualTo(7);
  }

  @Test
  void everyAvailableMeasureHasAValueOrNaN() throws Exception {
    Simulation sim = new Simulation(ScenarioLoader.load(Path.of("library/rfc9293-figure-6.yaml"),
        List.of()));
    RunResult r = sim.run();
    for (Measures.Info i : Measures.available(sim)) {
      double v = Measures.value(r, i.name());
      assertThat(Double.isNaN(v) || v >= 0).as(i.name()).isTrue();
    }
    assertThat(Measures.available(sim)).extracting(Measures.Info::name)
        .contains("handshake.time.mean", "listen.syn-dropped", "B.listen.syn-dropped",
            "drops.backlog", "state.TIME-WAIT.mean");
  }

  /** For every bundled scenario: the state counts at the end are the connections the stacks hold. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("library")
  void stateCountsAtTheEndAreTheStacksConnections(Path file) throws Exception {
    Simulation sim = new Simulation(ScenarioLoader.load(file, List.of()));
    RunResult r = sim.run();
    for (org.tcpsim.tcp.TcpState state : org.tcpsim.tcp.TcpState.values()) {
      if (state == org.tcpsim.tcp.TcpState.CLOSED || state == org.tcpsim.tcp.TcpState.LISTEN) {
        continue;
      }
      long live = sim.stacks().values().stream().flatMap(s -> s.connections().stream())
          .filter(c -> c.state() == state).count();
      assertThat(Measures.value(r, "state." + state + ".end")).as(file + " " + state)
          .isEqualTo(live);
      assertThat(Measures.value(r, "state." + state + ".max")).as(file + " " + state)
          .isGreaterThanOrEqualTo(live);
    }
  }

  static java.util.stream.Stream<Path> library() throws Exception {
    return java.nio.file.Files.list(Path.of("library")).filter(p -> p.toString().endsWith(".yaml"))
        .sorted();
  }

  @Test
  void aCrashTakesTheHostsConnectionsOffTheCounts() throws Exception {
    Simulation sim = new Simulation(ScenarioLoader.load(Path.of("library/half-open-after-crash.yaml"),
        List.of()));
    RunResult r = sim.run();
    assertThat(Measures.value(r, "state.ESTABLISHED.max")).isEqualTo(2);
    assertThat(Measures.value(r, "state.ESTABLISHED.end")).isEqualTo(sim.stacks().values()
        .stream().flatMap(s -> s.connections().stream())
        .filter(c -> c.state() == org.tcpsim.tcp.TcpState.ESTABLISHED).count());
  }

  @Test
  void twoClientsWithTheSameSourceAndTargetAreCountedApart() throws Exception {
    RunResult r = new Simulation(ScenarioLoader.load(
        Path.of("library/stale-syn-during-handshake.yaml"), List.of())).run();
    assertThat(Measures.value(r, "connections.opened")).isEqualTo(2);
    assertThat(r.simulation().appStats()).hasSize(3);
  }
}
