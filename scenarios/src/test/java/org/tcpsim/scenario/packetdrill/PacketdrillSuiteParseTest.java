package org.tcpsim.scenario.packetdrill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.load.ScenarioException;

/**
 * Every script of packetdrill's TCP suite parses. The suite is GPLv2 test data kept outside the
 * repository, at {@code ../shared/packetdrill/} from the repository root (so {@code ../../shared}
 * from this module's directory, where the tests run); without it the test is skipped.
 */
class PacketdrillSuiteParseTest {
  static final Path SUITE = Path.of("..", "..", "shared", "packetdrill", "tcp");

  @Test
  void everySuiteScriptParses() throws IOException {
    assumeTrue(Files.isDirectory(SUITE),
        "packetdrill suite not found at " + SUITE.toAbsolutePath().normalize()
            + " (../shared/packetdrill/tcp from the repository root); skipped");
    List<Path> files;
    try (Stream<Path> s = Files.walk(SUITE)) {
      files = s.filter(p -> p.toString().endsWith(".pkt")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    int events = 0;
    for (Path f : files) {
      try {
        Script script = ScriptParser.parse(f);
        for (Event e : script.events()) {
          kinds.merge(e.action().getClass().getSimpleName(), 1, Integer::sum);
          events++;
        }
      } catch (ScenarioException e) {
        failures.add(e.getMessage());
      }
    }
    System.out.printf("packetdrill suite: %d of %d scripts parse; %d events %s%n",
        files.size() - failures.size(), files.size(), events, kinds);
    assertThat(files).isNotEmpty();
    assertThat(failures).as("scripts that do not parse").isEmpty();
  }
}
