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
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;

/**
 * The bundled scenarios in {@code scenarios/library}: every file the index names loads, runs and
 * meets all of its own expectations; the index names exactly the files there; and each one says
 * what it is about. Tests run with the module directory as the working directory.
 */
class LibraryTest {
  private static final Path LIBRARY = Path.of("library");

  /** The file names listed in {@code index.txt}, in order (blank lines and # comments skipped). */
  static List<String> indexed() throws IOException {
    return Files.readAllLines(LIBRARY.resolve("index.txt")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexed")
  void everyExpectationHolds(String file) throws ScenarioException {
    Scenario scenario = ScenarioLoader.load(LIBRARY.resolve(file), List.of());
    RunResult result = new Simulation(scenario).run();
    assertThat(result.passed())
        .as("%s: failed expectations:%n%s", file, String.join("\n", result.failures()))
        .isTrue();
    assertThat(result.expectations()).as("%s has expectations", file).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexed")
  void hasADescriptionAndItsFileName(String file) throws ScenarioException {
    Scenario scenario = ScenarioLoader.load(LIBRARY.resolve(file), List.of());
    assertThat(scenario.description()).as("%s: description", file).isPresent();
    assertThat(scenario.description().get()).as("%s: description", file).isNotBlank();
    assertThat(scenario.name()).as("%s: name", file).isEqualTo(file.replaceFirst("\\.yaml$", ""));
  }

  @Test
  void indexListsExactlyTheYamlFiles() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(LIBRARY)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList();
    }
    List<String> indexed = indexed();
    assertThat(indexed).as("index.txt lists no file twice").doesNotHaveDuplicates();
    assertThat(indexed.stream().sorted().toList()).as("index.txt against the .yaml files")
        .isEqualTo(files);
  }
}
