package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed scenario file, given to {@code tcpsim run} as a user would: exit status 2,
 * the expected {@code file:line:col} messages on standard error, no stack trace, no run.
 */
class MalformedRunTest {
  static final Path DIR = Path.of("src/test/resources/malformed");

  static Stream<String> files() throws Exception {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void runExitsTwoWithTheFilesMessages(String name) throws Exception {
    Path file = DIR.resolve(name);
    List<String> lines = Files.readAllLines(file);
    List<String> args = new ArrayList<>(List.of("run", file.toString()));
    List<String> expected = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("# set: ")) {
        args.add("--set");
        args.add(l.substring("# set: ".length()));
      } else if (l.startsWith("# expect: ")) {
        String e = l.substring("# expect: ".length());
        // The files name themselves; the command line names them by the path it was given.
        expected.add(e.startsWith(name) ? DIR.resolve(e).toString() : e);
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertThat(status).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().toList()).containsExactlyElementsOf(expected);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
