package org.tcpsim.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;

/** The progress line of a long {@code tcpsim run} (README "Outputs"). */
class RunProgressTest {
  @Test
  void saysSimulatedTimeAgainstUntilTheEventRateAndTheWallTimeLeft() {
    assertThat(RunProgress.format(Time.seconds(482), Time.seconds(100_000), 90_612, 1032))
        .isEqualTo("tcpsim: 482.0s of 100000s simulated (0%), 90.6k events/s, about 17m12s left");
    assertThat(RunProgress.format(Time.seconds(50), Time.seconds(100), 3_210_000, 7.4))
        .isEqualTo("tcpsim: 50.0s of 100s simulated (50%), 3.2M events/s, about 7s left");
  }

  @Test
  void aRunToTheLastEventHasNoUntilAndNoEstimate() {
    assertThat(RunProgress.format(Time.ms(240), Long.MAX_VALUE, 950, Double.NaN))
        .isEqualTo("tcpsim: 240ms simulated, 950 events/s");
  }

  @Test
  void aHundredYearsLeftReadsAsOverAThousandDays() {
    long century = 100L * 365 * 24 * 3600 * Time.SECOND;
    assertThat(RunProgress.format(Time.seconds(3), century, 100_000, 1e12))
        .isEqualTo("tcpsim: 3.0s of " + Time.format(century)
            + " simulated (0%), 100.0k events/s, about over 1000 days left");
    assertThat(RunProgress.duration(Double.POSITIVE_INFINITY)).isEqualTo("over 1000 days");
  }

  @Test
  void durationsAndCountsKeepTheirUnitsShort() {
    assertThat(RunProgress.duration(0.4)).isEqualTo("0s");
    assertThat(RunProgress.duration(59.6)).isEqualTo("1m00s");
    assertThat(RunProgress.duration(3_725)).isEqualTo("1h02m");
    assertThat(RunProgress.duration(90_000)).isEqualTo("1d01h");
    assertThat(RunProgress.count(999.4)).isEqualTo("999");
    assertThat(RunProgress.count(12_345)).isEqualTo("12.3k");
    assertThat(RunProgress.simulated(Time.seconds(1))).isEqualTo("1.0s");
  }
}
