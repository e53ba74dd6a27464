package org.tcpsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.output.JsonlSchemaCheck;
import org.tcpsim.scenario.output.JsonlTraceWriter;
import org.tcpsim.scenario.run.Simulation;

/**
 * Every bundled scenario's JSON Lines trace: valid against the trace contract, and equal to its
 * golden fingerprint (SHA-256), so that any change in behaviour shows up as a failing test
 * rather than passing silently. A deliberate change is recorded by running
 * {@code mvn test -pl scenarios -am -Dtest=LibraryTraceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtcpsim.updateGolden=true} and
 * committing {@code src/test/resources/golden-traces.txt} with a message saying why.
 */
class LibraryTraceTest {
  static final Path LIBRARY = Path.of("library");
  static final Path GOLDEN = Path.of("src/test/resources/golden-traces.txt");

  static Stream<String> scenarios() throws Exception {
    return Files.readAllLines(LIBRARY.resolve("index.txt")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"));
  }

  static byte[] trace(String file) throws Exception {
    Simulation sim = new Simulation(ScenarioLoader.load(LIBRARY.resolve(file), List.of()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonlTraceWriter w = new JsonlTraceWriter(bytes);
    sim.subscribe(w);
    sim.run();
    w.close();
    return bytes.toByteArray();
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static Map<String, String> golden() throws Exception {
    Map<String, String> m = new TreeMap<>();
    if (Files.exists(GOLDEN)) {
      for (String line : Files.readAllLines(GOLDEN)) {
        String[] f = line.strip().split("\\s+");
        if (f.length == 2 && !line.startsWith("#")) {
          m.put(f[0], f[1]);
        }
      }
    }
    return m;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theTraceFollowsTheContract(String file) throws Exception {
    List<String> lines = new String(trace(file), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).isNotEmpty();
    assertThat(JsonlSchemaCheck.violations(lines)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theTraceMatchesItsGoldenFingerprint(String file) throws Exception {
    String actual = sha256(trace(file));
    if (Boolean.getBoolean("tcpsim.updateGolden")) {
      record(file, actual);
    }
    assertThat(actual)
        .as("the trace of %s changed; if that is intended, run with -Dtcpsim.updateGolden=true "
            + "and commit %s saying why", file, GOLDEN)
        .isEqualTo(golden().get(file));
  }

  /** Writes {@code file}'s new fingerprint into the golden file (a deliberate update). */
  static synchronized void record(String file, String sha) throws Exception {
    Map<String, String> m = golden();
    m.put(file, sha);
    m.keySet().retainAll(scenarios().toList());
    StringBuilder b = new StringBuilder("# SHA-256 of each bundled scenario's JSON Lines trace; "
        + "see LibraryTraceTest before changing.\n");
    m.forEach((f, h) -> b.append(f).append(' ').append(h).append('\n'));
    Files.writeString(GOLDEN, b.toString());
  }

  @Test
  void twoRunsGiveTheSameBytes() throws Exception {
    for (String file : scenarios().toList()) {
      assertThat(trace(file)).as(file).isEqualTo(trace(file));
    }
  }
}
