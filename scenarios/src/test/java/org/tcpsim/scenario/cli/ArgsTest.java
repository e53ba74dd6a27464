package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {
  static final CommandSpec SPEC = new CommandSpec("demo", List.of("A demonstration."),
      List.of(
          OptionSpec.value("--seed", "N", "A seed."),
          OptionSpec.repeatable("--set", "KEY=VALUE", "An override."),
          OptionSpec.value("--trace", "FILE", "Where the trace goes."),
          OptionSpec.flag("-q", "--quiet", "Say less.")),
      "FILE", 1, 2, "Files.");

  static Args parse(String... words) throws UsageException {
    return Args.parse(SPEC, List.of(words));
  }

  /** The usage error from parsing {@code words} and reading --seed as a number. */
  static String error(String... words) {
    try {
      parse(words).longValue("--seed");
    } catch (UsageException e) {
      assertThat(e.command()).isEqualTo("demo");
      return e.getMessage();
    }
    throw new AssertionError("no usage error for " + List.of(words));
  }

  @Test
  void optionsTakeTheirValueFromTheNextWordOrAfterAnEqualsSign() throws Exception {
    Args a = parse("--seed", "7", "f.yaml", "--trace=out.txt", "-q");
    assertThat(a.longValue("--seed")).isEqualTo(7L);
    assertThat(a.value("--trace")).isEqualTo("out.txt");
    assertThat(a.has("--quiet")).isTrue();
    assertThat(a.parameters()).containsExactly("f.yaml");
  }

  @Test
  void aValueMayStartWithADashSoThatTraceToStandardOutputWorks() throws Exception {
    Args a = parse("f.yaml", "--trace", "-", "--seed", "-3");
    assertThat(a.value("--trace")).isEqualTo("-");
    assertThat(a.longValue("--seed")).isEqualTo(-3L);
  }

  @Test
  void aLoneDashIsAParameterAndEverythingAfterDoubleDashIsOne() throws Exception {
    assertThat(parse("-", "--", "--quiet").parameters()).containsExactly("-", "--quiet");
  }

  @Test
  void repeatableOptionsKeepEveryValueInOrder() throws Exception {
    Args a = parse("--set", "a=1", "f", "--set=b=2");
    assertThat(a.values("--set")).containsExactly("a=1", "b=2");
    assertThat(parse("f").values("--set")).isEmpty();
    assertThat(parse("f").value("--seed")).isNull();
    assertThat(parse("f").longValue("--seed")).isNull();
  }

  @Test
  void anUnknownOptionIsNamedWithTheClosestKnownOne() {
    assertThat(error("f", "--sed", "3"))
        .isEqualTo("Unknown option: '--sed'; did you mean '--seed'?");
    assertThat(error("f", "--frobnicate")).isEqualTo("Unknown option: '--frobnicate'");
  }

  @Test
  void badValuesAndMissingValuesAreNamed() {
    assertThat(error("f", "--seed", "x1"))
        .isEqualTo("Invalid value for option '--seed' (N): 'x1' is not a whole number");
    assertThat(error("f", "--seed")).isEqualTo("Missing value for option '--seed' (N)");
    assertThat(error("f", "--quiet=yes")).isEqualTo("Option '--quiet' takes no value, got 'yes'");
    assertThat(error("f", "--seed", "1", "--seed", "2"))
        .isEqualTo("Option '--seed' (N) may be given only once");
  }

  @Test
  void theNumberOfParametersIsChecked() {
    assertThat(error("-q")).isEqualTo("Missing required parameter: 'FILE'");
    assertThat(error("a", "b", "c")).isEqualTo("Unexpected argument: 'c' (demo takes 2 FILE)");
  }

  @Test
  void helpAndVersionNeedNoParameters() throws Exception {
    assertThat(parse("--help").has("--help")).isTrue();
    assertThat(parse("-V").has("--version")).isTrue();
  }

  @Test
  void theCommandAsTypedIsQuotedForAShell() throws Exception {
    assertThat(parse("my file.yaml", "--set", "a=1", "--trace", "it's").asTyped())
        .isEqualTo("tcpsim demo 'my file.yaml' --set a=1 --trace 'it'\\''s'");
  }

  @Test
  void helpShowsTheSynopsisParametersAndEveryOptionWithinEightyColumns() {
    String help = Usage.of(SPEC);
    assertThat(help).startsWith("Usage: tcpsim demo [OPTIONS] FILE...\nA demonstration.\n")
        .contains("\nParameters:\n  FILE ", "      --seed=N ", "  -q, --quiet ",
            "  -h, --help ", "  -V, --version ");
    assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }
}
