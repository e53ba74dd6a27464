package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.scenario.model.Sweep;

/** {@code sweep.vary} and {@code --vary}: the grid a sweep runs, and what is wrong with one. */
class SweepGridTest {
  static final String BASE = """
      name: t
      until: 1s
      hosts:
        A: { address: 10.0.0.1 }
        B: { address: 10.0.0.2 }
      links:
        - { between: [A, B], delay: 1ms }
      """;

  static ScenarioLoader.Grid grid(String sweep, String... varies) throws ScenarioException {
    return ScenarioLoader.parseGrid(BASE + sweep, "t.yaml", List.of(), List.of(varies));
  }

  static List<List<String>> points(String sweep, String... varies) throws ScenarioException {
    return grid(sweep, varies).sweep().points();
  }

  @Nested
  class Lists {
    @Test
    void theFirstKeyVariesSlowest() throws Exception {
      assertThat(points("sweep: { vary: { links.0.delay: [1ms, 5ms], hosts.B.tcp.backlog: "
          + "[16, 128, 1024] } }")).containsExactly(
          List.of("links.0.delay=1ms", "hosts.B.tcp.backlog=16"),
          List.of("links.0.delay=1ms", "hosts.B.tcp.backlog=128"),
          List.of("links.0.delay=1ms", "hosts.B.tcp.backlog=1024"),
          List.of("links.0.delay=5ms", "hosts.B.tcp.backlog=16"),
          List.of("links.0.delay=5ms", "hosts.B.tcp.backlog=128"),
          List.of("links.0.delay=5ms", "hosts.B.tcp.backlog=1024"));
    }

    @Test
    void eachPointIsTheScenarioWithItsValues() throws Exception {
      ScenarioLoader.Grid g = grid("sweep: { vary: { hosts.B.tcp.backlog: [16, 128] } }");
      assertThat(g.points()).hasSize(2);
      assertThat(g.points().get(1).tcpFor("B").get("backlog")).contains("128");
    }

    @Test
    void noVaryIsOnePointWithReplications() throws Exception {
      ScenarioLoader.Grid g = grid("sweep: { replications: 4 }");
      assertThat(g.sweep().points()).containsExactly(List.of());
      assertThat(g.sweep().replications()).isEqualTo(4);
    }

    @Test
    void aFileWithoutSweepIsOnePoint() throws Exception {
      ScenarioLoader.Grid g = grid("");
      assertThat(g.sweep().points()).containsExactly(List.of());
      assertThat(g.sweep().replications()).isEqualTo(1);
    }
  }

  @Nested
  class Ranges {
    @Test
    void stepIsArithmeticAndInclusiveWithoutRoundingNoise() throws Exception {
      assertThat(grid("sweep: { vary: { links.0.loss: {from: 0, to: 0.1, step: 0.02} } }")
          .sweep().dimensions().get(0).values()).containsExactly(List.of("0"), List.of("0.02"),
          List.of("0.04"), List.of("0.06"), List.of("0.08"), List.of("0.1"));
    }

    @Test
    void timesIsGeometric() throws Exception {
      assertThat(grid("sweep: { vary: { hosts.B.tcp.backlog: {from: 16, to: 1024, times: 2} } }")
          .sweep().dimensions().get(0).values().stream().map(v -> v.get(0)))
          .containsExactly("16", "32", "64", "128", "256", "512", "1024");
    }

    @Test
    void unitsAreKept() throws Exception {
      ScenarioLoader.Grid g = grid(
          "sweep: { vary: { links.0.delay: {from: 10ms, to: 30ms, step: 10ms} } }");
      assertThat(g.sweep().points()).containsExactly(List.of("links.0.delay=10ms"),
          List.of("links.0.delay=20ms"), List.of("links.0.delay=30ms"));
      assertThat(g.points().get(2).links().get(0).ab().delay()).isEqualTo(30_000_000L);
    }

    @Test
    void mixedUnitsAreAnError() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary: { links.0.delay: {from: 10ms, to: 1s, step: 10ms} }
          """)).hasMessage("t.yaml:9:26: sweep.vary.links.0.delay: the range mixes units "
          + "('ms', 's', 'ms'), expected from, to and step in one unit, such as {from: 10ms, "
          + "to: 50ms, step: 10ms}");
    }

    @Test
    void aRangeNeedsFromToAndOneOfStepOrTimes() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary: { hosts.B.tcp.backlog: {from: 16, to: 64, step: 16, times: 2} }
          """)).hasMessage("t.yaml:9:32: sweep.vary.hosts.B.tcp.backlog: a range needs from, "
          + "to, and one of step or times, expected {from: 0, to: 0.1, step: 0.01} or "
          + "{from: 16, to: 1024, times: 2}");
    }

    @Test
    void unknownRangeKeySuggests() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary: { hosts.B.tcp.backlog: {from: 16, to: 64, stpe: 16} }
          """)).hasMessage("t.yaml:9:51: sweep.vary.hosts.B.tcp.backlog.stpe: unknown range "
          + "key 'stpe', expected from, to, and step or times (did you mean 'step'?)");
    }

    @Test
    void aRangeThatNeverGrowsIsAnError() {
      assertThatThrownBy(() -> grid(
          "sweep: { vary: { hosts.B.tcp.backlog: {from: 16, to: 64, times: 1} } }"))
          .hasMessageContaining("times 1 from 16 never grows, expected times above 1");
      assertThatThrownBy(() -> grid(
          "sweep: { vary: { hosts.B.tcp.backlog: {from: 16, to: 64, step: 0} } }"))
          .hasMessageContaining("step 0 never reaches to, expected a step above 0");
      assertThatThrownBy(() -> grid(
          "sweep: { vary: { hosts.B.tcp.backlog: {from: 64, to: 16, step: 1} } }"))
          .hasMessageContaining("from is greater than to");
    }

    @Test
    void aGeneratedValueIsCheckedLikeAWrittenOne() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary: { links.0.loss: {from: 0.5, to: 1.5, step: 0.5} }
          """)).hasMessage("t.yaml:9:25: links.0.loss: 1.5 is not a probability, expected a "
          + "probability from 0 to 1 (or a percentage such as 1%)");
    }
  }

  @Nested
  class Zip {
    @Test
    void zippedKeysTakeTheirValuesTogether() throws Exception {
      assertThat(points("""
          sweep:
            vary:
              links.0.delay: [1ms, 2ms]
              zip: { hosts.A.tcp.rto-min: [200ms, 1s], hosts.A.tcp.rto-max: [10s, 20s] }
          """)).containsExactly(
          List.of("links.0.delay=1ms", "hosts.A.tcp.rto-min=200ms", "hosts.A.tcp.rto-max=10s"),
          List.of("links.0.delay=1ms", "hosts.A.tcp.rto-min=1s", "hosts.A.tcp.rto-max=20s"),
          List.of("links.0.delay=2ms", "hosts.A.tcp.rto-min=200ms", "hosts.A.tcp.rto-max=10s"),
          List.of("links.0.delay=2ms", "hosts.A.tcp.rto-min=1s", "hosts.A.tcp.rto-max=20s"));
    }

    @Test
    void severalZipGroupsAreSeveralDimensions() throws Exception {
      Sweep s = grid("""
          sweep:
            vary:
              zip:
                - { hosts.A.tcp.mss: [536, 1460], hosts.B.tcp.mss: [536, 1460] }
                - { hosts.A.tcp.window: [1000, 2000, 4000], hosts.B.tcp.window: {from: 1000, to: 4000, times: 2} }
          """).sweep();
      assertThat(s.dimensions()).hasSize(2);
      assertThat(s.pointCount()).isEqualTo(6);
      assertThat(s.dimensions().get(1).keys())
          .containsExactly("hosts.A.tcp.window", "hosts.B.tcp.window");
    }

    @Test
    void zippedListsOfDifferentLengthsAreAnError() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary:
              zip: { hosts.A.tcp.mss: [536, 1460], hosts.B.tcp.mss: [536] }
          """)).hasMessage("t.yaml:10:10: sweep.vary.zip: the keys have different numbers of "
          + "values (hosts.A.tcp.mss has 2, hosts.B.tcp.mss has 1), expected as many values for "
          + "every key in a zip group");
    }

    @Test
    void aKeyVariedTwiceIsAnError() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary:
              hosts.A.tcp.mss: [536]
              zip: { hosts.A.tcp.mss: [536, 1460], hosts.B.tcp.mss: [536, 1460] }
          """)).hasMessage("t.yaml:11:10: sweep.vary.hosts.A.tcp.mss: is varied twice, "
          + "expected each key in one place: on its own or in one zip group");
    }

    @Test
    void aCombinationThatCannotRunIsReportedWithItsPoint() {
      assertThatThrownBy(() -> grid("""
          sweep:
            vary:
              hosts.A.tcp.rto-initial: [1s, 3s]
              hosts.A.tcp.rto-max: [2s, 4s]
          """)).hasMessageStartingWith("t.yaml:9:3: sweep point 2 (hosts.A.tcp.rto-initial=3s, "
          + "hosts.A.tcp.rto-max=2s): ")
          .hasMessageContaining("rto-initial (3s) is above rto-max (2s)");
    }
  }

  @Nested
  class CommandLine {
    @Test
    void varyAddsADimensionFromACommaList() throws Exception {
      assertThat(points("", "hosts.B.tcp.backlog=16,128"))
          .containsExactly(List.of("hosts.B.tcp.backlog=16"), List.of("hosts.B.tcp.backlog=128"));
    }

    @Test
    void varyReplacesTheFilesDimensionInPlace() throws Exception {
      assertThat(points("sweep: { vary: { links.0.delay: [1ms, 2ms], hosts.B.tcp.backlog: [16] } }",
          "links.0.delay={from: 10ms, to: 20ms, step: 10ms}")).containsExactly(
          List.of("links.0.delay=10ms", "hosts.B.tcp.backlog=16"),
          List.of("links.0.delay=20ms", "hosts.B.tcp.backlog=16"));
    }

    @Test
    void varyZipReplacesTheGroupSharingAKey() throws Exception {
      Sweep s = grid("sweep: { vary: { zip: { hosts.A.tcp.mss: [536], hosts.B.tcp.mss: [536] } } }",
          "zip={hosts.A.tcp.mss: [1000, 1460], hosts.B.tcp.mss: [1000, 1460]}").sweep();
      assertThat(s.points()).containsExactly(
          List.of("hosts.A.tcp.mss=1000", "hosts.B.tcp.mss=1000"),
          List.of("hosts.A.tcp.mss=1460", "hosts.B.tcp.mss=1460"));
    }

    @Test
    void varyZipKeepsTheReplacedGroupsPlaceInTheGrid() throws Exception {
      Sweep s = grid("sweep: { vary: { zip: { hosts.A.tcp.mss: [536], hosts.B.tcp.mss: [536] }, "
          + "links.0.delay: [1ms, 2ms] } }",
          "zip={hosts.A.tcp.mss: [1000, 1460], hosts.B.tcp.mss: [1000, 1460]}").sweep();
      assertThat(s.dimensions().get(0).keys()).containsExactly("hosts.A.tcp.mss",
          "hosts.B.tcp.mss");
      assertThat(s.dimensions().get(1).keys()).containsExactly("links.0.delay");
    }

    @Test
    void varyOfAZippedKeySaysToReplaceTheGroup() {
      assertThatThrownBy(() -> grid(
          "sweep: { vary: { zip: { hosts.A.tcp.mss: [536], hosts.B.tcp.mss: [536] } } }",
          "hosts.A.tcp.mss=1000")).hasMessage("--vary hosts.A.tcp.mss: hosts.A.tcp.mss: is "
          + "varied together with hosts.B.tcp.mss in the file's zip group, expected --vary "
          + "'zip={hosts.A.tcp.mss: [...], hosts.B.tcp.mss: [...]}' to replace the group");
    }

    @Test
    void aBadVaryValueIsReportedAsComingFromTheCommandLine() {
      assertThatThrownBy(() -> grid("", "hosts.B.tcp.backlog=16,0"))
          .hasMessageStartingWith("--vary hosts.B.tcp.backlog")
          .hasMessageContaining("hosts.B.tcp.backlog: ");
      assertThatThrownBy(() -> grid("", "hosts.B.tcp.backlog"))
          .hasMessage("--vary hosts.B.tcp.backlog: hosts.B.tcp.backlog: no '=' in "
              + "'hosts.B.tcp.backlog', expected " + SweepOverrides.EXAMPLE);
    }

    @Test
    void varyOfAnUnknownKeyIsAnError() {
      assertThatThrownBy(() -> grid("", "hosts.B.tcp.backlgo=16"))
          .hasMessageContaining("unknown TCP setting 'backlgo'")
          .hasMessageContaining("did you mean 'backlog'?");
    }
  }
}
