package org.tcpsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.run.Measures;
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;

/**
 * The coursework labs in {@code scenarios/labs}: every file loads with a description, its base
 * point runs and meets its own expectations (what {@code tcpsim run FILE} checks), and every lab
 * with a {@code sweep:} binds every grid point and names only measures that exist (what {@code
 * tcpsim sweep FILE} checks before it runs anything). The sweeps themselves are not run here;
 * README.md (Coursework labs) gives their results. Tests run with the module directory as the working
 * directory.
 */
class LabsTest {
  private static final Path LABS = Path.of("labs");

  static List<String> labs() throws IOException {
    try (Stream<Path> s = Files.list(LABS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList();
    }
  }

  @Test
  void thereAreLabs() throws IOException {
    assertThat(labs()).contains("1-handshake-time.yaml", "2-syn-flood.yaml",
        "3-throughput-vs-loss.yaml", "4-time-wait.yaml", "4-time-wait-short-msl.yaml",
        "5-profiles-stale-syn.yaml", "5-profiles-blind-reset.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void basePointRunsAndEveryExpectationHolds(String file) throws ScenarioException {
    Scenario scenario = ScenarioLoader.load(LABS.resolve(file), List.of());
    assertThat(scenario.description()).as("%s: description", file).isPresent();
    RunResult result = new Simulation(scenario).run();
    assertThat(result.passed())
        .as("%s: failed expectations:%n%s", file, String.join("\n", result.failures()))
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void sweepBindsAndItsMeasuresExist(String file) throws ScenarioException, IOException {
    Path path = LABS.resolve(file);
    ScenarioLoader.Grid grid = ScenarioLoader.parseGrid(Files.readString(path), path.toString(),
        List.of(), List.of());
    if (grid.scenario().sweep().isEmpty()) {
      return;   // a companion run with tcpsim run, such as 4-time-wait-short-msl.yaml
    }
    assertThat(grid.sweep().measure()).as("%s: measures", file).isNotEmpty();
    assertThat(grid.points()).as("%s: grid points", file).hasSize(grid.sweep().pointCount());
    Simulation probe = new Simulation(grid.points().get(0));
    for (String measure : grid.sweep().measure()) {
      assertThat(Measures.find(probe, measure)).as("%s: measure %s", file, measure).isPresent();
    }
  }
}
