package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void benchTimesABundledScenarioAndSaysWhatItDid() {
    assertThat(run("bench", "rfc9293-figure-6", "--runs", "3", "--warmup", "1")).isZero();
    assertThat(out.toString()).startsWith("rfc9293-figure-6: median ")
        .contains("over 3 runs after 1 warm-up; 14 events, ")
        .contains("1 connections completed, 10 bytes delivered, simulated end 240ms; "
            + "clients: 1 of 1 completed (100.0%); at the end 2 connections open, ")
        .containsPattern("MiB heap held, [0-9,]+ B per connection");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void benchJsonIsOneObjectPerFile() throws Exception {
    assertThat(run("bench", "rfc9293-figure-6", "rfc9293-figure-6", "--runs", "1", "--json"))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
    assertThat(tree.get("events").asLong()).isEqualTo(14);
    assertThat(tree.get("bytes_delivered").asLong()).isEqualTo(10);
    assertThat(tree.get("wall_median_s").asDouble()).isPositive();
    assertThat(tree.get("clients_opened").asLong()).isEqualTo(1);
    assertThat(tree.get("clients_completed").asLong()).isEqualTo(1);
    assertThat(tree.get("connections_open_at_end").asLong()).isEqualTo(2);
    // Two open connections hold about 2 KB, below what a heap measured after a GC can resolve
    // while the test JVM does other work: the field is there and sane; its size is measured on
    // idle-1m (README, Performance).
    assertThat(tree.get("heap_per_open_connection_b").isNumber()).isTrue();
    assertThat(tree.get("heap_per_open_connection_b").asLong()).isNotNegative();
  }

  @Test
  void benchOfABadFileSaysWhereAndExitsTwo(@TempDir Path tmp) throws Exception {
    Path bad = write(tmp, "bad.yaml", "name: bad\nuntil: 5sec\n");
    assertThat(run("bench", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith(bad + ":2:8: until: unknown unit 'sec'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void validateSaysOkForAGoodFile(@TempDir Path tmp) throws Exception {
    Path good = write(tmp, "good.yaml", "name: good\nuntil: 1s\n");
    assertThat(run("validate", good.toString())).isZero();
    assertThat(out.toString()).isEqualTo(good + ": ok" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validatePrintsEveryErrorWithFileLineColumnAndExitsTwo(@TempDir Path tmp)
      throws Exception {
    Path good = write(tmp, "good.yaml", "name: good\n");
    Path bad = write(tmp, "bad.yaml", "name: bad\nuntil: 5sec\nprofile: rfc5691\n");
    assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(2);
    assertThat(out.toString()).isEqualTo(good + ": ok" + System.lineSeparator());
    assertThat(err.toString().lines()).containsExactly(
        bad + ":2:8: until: unknown unit 'sec' in '5sec', expected a duration such as 250us, "
            + "10ms or 1.5s (units ns, us, ms, s, min, h) (did you mean 's'?)",
        bad + ":3:10: profile: unknown profile 'rfc5691', expected one of rfc793, rfc9293, "
            + "rfc5961, linux (did you mean 'rfc5961'?)");
  }

  @Test
  void validateAppliesSetOverrides(@TempDir Path tmp) throws Exception {
    Path f = write(tmp, "s.yaml", "name: s\n");
    assertThat(run("validate", "--set", "until=2s", f.toString())).isZero();
    assertThat(run("validate", "--set", "untl=2s", f.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("--set untl: untl: unknown top-level key 'untl'")
        .contains("(did you mean 'until'?)");
  }

  @Test
  void validateOfAMissingFileIsBadInputWithoutAStackTrace() {
    assertThat(run("validate", "no-such-file.yaml")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("no-such-file.yaml: cannot read the file: no such file, "
        + "expected a readable scenario file" + System.lineSeparator());
  }

  @Test
  void validateWithoutAFileIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter");
  }

  @Test
  void validateRejectsEveryMalformedExampleWithStatusTwo() throws Exception {
    Path dir = Path.of(MainTest.class.getResource("/malformed").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.readString(f).contains("# set: ")) {
          continue;
        }
        StringWriter e = new StringWriter();
        int status = Main.execute(new String[] {"validate", f.toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(e, true));
        assertThat(status).as(f.toString()).isEqualTo(2);
        assertThat(e.toString()).startsWith(f + ":").doesNotContain("Exception");
      }
    }
  }

  @Test
  void validateAcceptsTheDesignExample() throws Exception {
    Path f = Path.of(MainTest.class.getResource("/valid/design-example.yaml").toURI());
    assertThat(run("validate", f.toString())).as(err.toString()).isZero();
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithStatusTwoAndNoStackTrace() {
    assertThat(run("run", "x.yaml", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'").doesNotContain("Exception");
  }

  @Test
  void noSubcommandPrintsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: tcpsim");
  }

  @Test
  void everyCommandHasHelpWithinEightyColumnsAndHelpCommandGivesTheSame() {
    for (String command : List.of("run", "sweep", "collect", "validate", "list", "bench", "help")) {
      StringWriter viaOption = new StringWriter();
      StringWriter viaHelp = new StringWriter();
      assertThat(Main.execute(new String[] {command, "--help"}, new PrintWriter(viaOption, true),
          new PrintWriter(err, true))).isZero();
      assertThat(Main.execute(new String[] {"help", command}, new PrintWriter(viaHelp, true),
          new PrintWriter(err, true))).isZero();
      assertThat(viaOption.toString()).startsWith("Usage: tcpsim " + command + " [OPTIONS]")
          .isEqualTo(viaHelp.toString());
      assertThat(viaOption.toString().lines())
          .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anUnknownCommandSuggestsTheClosestOne() {
    assertThat(run("rnu", "x.yaml")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("tcpsim: Unknown command: 'rnu'; did you mean 'run'?"
        + System.lineSeparator() + "Try 'tcpsim --help' for usage." + System.lineSeparator());
  }

  @Test
  void versionIsPrintedForTheProgramAndForEveryCommand() {
    assertThat(run("--version")).isZero();
    assertThat(run("run", "-V")).isZero();
    assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("tcpsim "));
  }

  @Test
  void aBadNumberIsAUsageErrorNamingTheOption() {
    assertThat(run("bench", "x.yaml", "--runs", "five")).isEqualTo(2);
    assertThat(err.toString()).startsWith(
        "tcpsim: Invalid value for option '--runs' (N): 'five' is not a whole number");
  }

  @Test
  void aFileNestedTooDeeplyIsBadInputWithItsPlaceNotAStackTrace(@TempDir Path tmp)
      throws Exception {
    // 10,000 levels overflowed SnakeYAML Engine's composer: a StackOverflowError and exit 1.
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    Path f = write(tmp, "deep.yaml", "name: deep\ndescription: " + deep + "\n");
    assertThat(run("validate", f.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(f + ":2:77: YAML: lists and maps nested more than 64 "
        + "deep, expected at most 64 levels of nesting" + System.lineSeparator());
    err.getBuffer().setLength(0);
    Path good = write(tmp, "good.yaml", "name: good\nuntil: 1s\n");
    assertThat(run("run", good.toString(), "--set", "description=" + deep)).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("--set description: description: lists and maps nested "
        + "more than 64 deep, expected at most 64 levels of nesting" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anErrorIsOneLineAndExitStatusThreeNeverAStackTrace() {
    assertThat(Main.guarded(MainTest::recurseForever, new PrintWriter(out, true),
        new PrintWriter(err, true))).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("tcpsim: internal error: java.lang.StackOverflowError "
        + "(a bug in tcpsim; please report it with the command line above)"
        + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(Main.guarded(() -> {
      throw new OutOfMemoryError("Java heap space");
    }, new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("tcpsim: internal error: out of memory "
        + "(java.lang.OutOfMemoryError: Java heap space); give the JVM more with "
        + "TCPSIM_JAVA_OPTS=-Xmx8g" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  private static int recurseForever() {
    return recurseForever() + 1;
  }

  @Test
  void durationUnitsAreCaseSensitiveOnTheCommandLineToo(@TempDir Path tmp) throws Exception {
    Path good = write(tmp, "good.yaml", "name: good\n");
    assertThat(run("run", good.toString(), "--until", "5MS")).isEqualTo(2);
    assertThat(err.toString()).startsWith("tcpsim run: --until: unknown time unit 'MS' in '5MS'");
  }
}
