package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The state machine is {@link Transition}'s table: ARCHITECTURE.md shows exactly that table, and
 * every row is taken somewhere in the code (a row nothing takes is a transition that cannot
 * happen, or one that happens without its row).
 */
class TransitionTableTest {
  static final Path ARCHITECTURE = Path.of("..", "ARCHITECTURE.md");
  static final Path SOURCES = Path.of("src", "main", "java", "org", "tcpsim", "tcp");

  @Test
  void architectureMdShowsTheTableAsItIs() throws IOException {
    String doc = Files.readString(ARCHITECTURE);
    int begin = doc.indexOf(TransitionDiagram.BEGIN);
    int end = doc.indexOf(TransitionDiagram.END);
    assertThat(begin).as("ARCHITECTURE.md has the marker " + TransitionDiagram.BEGIN).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String shown = doc.substring(begin + TransitionDiagram.BEGIN.length() + 1, end);
    assertThat(shown)
        .as("ARCHITECTURE.md's state diagram is out of date: paste the output of "
            + "java -cp sim-tcp/target/classes org.tcpsim.tcp.TransitionDiagram")
        .isEqualTo(TransitionDiagram.markdown());
  }

  @Test
  void everyRowIsTakenByTheCode() throws IOException {
    String code;
    try (Stream<Path> files = Files.list(SOURCES)) {
      code = files.filter(p -> !p.endsWith("Transition.java") && !p.endsWith("TransitionDiagram.java"))
          .filter(p -> p.toString().endsWith(".java"))
          .map(TransitionTableTest::read)
          .collect(Collectors.joining("\n"));
    }
    for (Transition t : Transition.values()) {
      assertThat(code).as(t + " is taken somewhere").contains("Transition." + t.name());
    }
  }

  @Test
  void everyRowHasAnRfcCauseAndMovesToAnotherState() {
    for (Transition t : Transition.values()) {
      assertThat(t.cause()).as(t.name()).containsPattern("RFC \\d+");
      assertThat(t.from()).as(t.name()).doesNotContain(t.to());
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
