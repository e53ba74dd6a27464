package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.cli.Main;
import org.tcpsim.scenario.model.Scenario;

/**
 * The clients of all {@code connect} entries together are bounded, as each one's {@code count}
 * is: every client is created when the run starts (README "apps"), so a total beyond the bound
 * ran out of memory minutes into the run; now it is refused at the {@code apps} key.
 */
class ClientTotalTest {
  @TempDir Path tmp;

  static String scenario(int entries, int count) {
    StringBuilder s = new StringBuilder("""
        name: many
        until: 1s
        hosts:
          A: { address: 10.0.0.1 }
          B: { address: 10.0.0.2 }
        links:
          - { between: [A, B], delay: 1ms }
        apps:
          - { listen: B:80 }
        """);
    for (int i = 0; i < entries; i++) {
      s.append("  - { connect: B:80, from: A, count: ").append(count).append(", every: 1ms }\n");
    }
    return s.toString();
  }

  @Test
  void aThousandEntriesOfAMillionAreRefusedAtTheAppsKey() throws Exception {
    Path f = tmp.resolve("many.yaml");
    Files.writeString(f, scenario(1_000, 1_000_000));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new String[] {"validate", f.toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertThat(status).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).isEqualTo(f + ":8:1: apps: 1,000,000,000 clients in total over "
        + "1,000 connect entries, expected at most 10,000,000 clients in total (each is created "
        + "before the run starts; README \"apps\")" + System.lineSeparator());
  }

  @Test
  void theBoundItselfIsAccepted() throws Exception {
    Scenario s = ScenarioLoader.parse(scenario(10, 1_000_000), "t.yaml", List.of());
    assertThat(s.apps()).hasSize(11);
  }

  @Test
  void aSetThatRaisesACountPastTheBoundIsRefused() {
    assertThatThrownBy(() -> ScenarioLoader.parse(scenario(10, 1_000_000), "t.yaml",
        List.of("apps.1.count=1000001")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("apps.1.count: 1000001");
    assertThatThrownBy(() -> ScenarioLoader.parse(scenario(11, 1_000_000), "t.yaml", List.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("t.yaml:8:1: apps: 11,000,000 clients in total over 11 connect "
            + "entries");
  }
}
