package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void helpListsEverySubcommandOfTheDesign() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("run", "sweep", "validate", "list", "bench");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "sweep", "validate", "list", "bench"})
  void subcommandsNotYetBuiltSaySoAndExitTwo(String sub) {
    assertThat(run(sub)).isEqualTo(2);
    assertThat(err.toString()).contains("tcpsim " + sub + ": not built yet");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithStatusTwoAndNoStackTrace() {
    assertThat(run("run", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'").doesNotContain("Exception");
  }

  @Test
  void noSubcommandPrintsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: tcpsim");
  }
}
