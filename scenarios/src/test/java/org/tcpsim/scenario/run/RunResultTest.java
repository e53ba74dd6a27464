package org.tcpsim.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;

class RunResultTest {
  private static RunResult run(String yaml) throws ScenarioException {
    return new Simulation(ScenarioLoader.parse(yaml, "test.yaml", List.of())).run();
  }

  /** A 4-tuple aborted and then opened again: the outcome is the new incarnation's, not the old one's. */
  @Test
  void outcomeOfAReopenedConnectionIsItsLastIncarnations() throws ScenarioException {
    RunResult r = run("""
        name: reopened
        hosts:
          A: { address: 10.0.0.1 }
          B: { address: 10.0.0.2 }
        links:
          - { between: [A, B], delay: 10ms }
        apps:
          - { listen: B:80 }
          - { connect: B:80, from: A, at: 0s, port: 1024 }
          - { connect: B:80, from: A, at: 2s, port: 1024 }
        actions:
          - { at: 1s, host: A, call: abort, conn: "A:1024>B:80" }
        expect:
          - { conn: "A:1024>B:80", signal: connection aborted }
          - { conn: "B:80>A:1024", signal: connection reset }
          - { conn: "A:1024>B:80", state: ESTABLISHED }
        """);
    assertThat(r.passed()).as(String.join("\n", r.failures())).isTrue();
    assertThat(r.outcomes()).isEqualTo(Map.of("open (ESTABLISHED)", 2L));
  }

  @Test
  void failuresNameConnectionsAsTheFileDoes() throws ScenarioException {
    RunResult r = run("""
        name: names
        hosts:
          A: { address: 10.0.0.1 }
          B: { address: 10.0.0.2 }
        links:
          - { between: [A, B], delay: 10ms }
        apps:
          - { listen: B:80 }
          - { connect: B:80, from: A, port: 1024 }
        expect:
          - { conn: "B:80>A:1024", delivered: 10B }
          - { conn: "A:1024>B:80", signal: connection reset }
          - conn: "A:1024>B:80"
            ladder:
              - A > B SYN
        """);
    assertThat(r.failures()).hasSize(3);
    assertThat(r.failures().get(0)).contains("delivered in order on B:80>A:1024");
    assertThat(r.failures().get(1)).contains("the application of A:1024>B:80");
    assertThat(r.failures().get(2)).contains("the segments of A:1024>B:80");
  }

  @Test
  void summaryCountsSynsTheListenerReceived() throws ScenarioException {
    RunResult r = run("""
        name: flood
        until: 2s
        hosts:
          B: { address: 10.0.0.2, tcp: { backlog: 4 } }
        attacks:
          - { syn-flood: { target: B:80, from: M, rate: 100/s, start: 0s, stop: 1s, spoof: 198.51.100.0/24 } }
        apps:
          - { listen: B:80 }
        """);
    assertThat(r.summaryText()).contains("100 SYNs sent; listeners: 100 SYNs received, 96 dropped");
  }
}
