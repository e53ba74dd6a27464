package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The expected numbers are worked by hand from textbook values of Student's t (two-sided 95%:
 * t(0.975, 1) = 12.706204736174707, t(0.975, 2) = 4.302652729749464, t(0.975, 9) =
 * 2.2621571627409915), not by commons-math. Commons-math's t quantiles come from its
 * incomplete beta function, which agrees with the tables to about 3e-11 relative (t(0.975, 9)
 * = 2.26215716279818 there), so intervals are compared to 1e-10 relative.
 */
class StatsTest {
  static final double EXACT = 1e-12;
  static final Offset<Double> TABLES = within(1e-10);

  @Test
  void oneToTen() {
    Stats s = Stats.of(IntStream.rangeClosed(1, 10).mapToObj(i -> (double) i).toList());
    assertThat(s.n()).isEqualTo(10);
    assertThat(s.mean()).hasValue(5.5);
    // sum of squared deviations 82.5, / 9, square root
    assertThat(s.sd().getAsDouble()).isCloseTo(3.0276503540974917, within(EXACT));
    assertThat(s.ci95().getAsDouble())
        .isCloseTo(2.2621571627409915 * 3.0276503540974917 / Math.sqrt(10), TABLES)
        .isCloseTo(2.16585059, within(1e-8));
    assertThat(s.min()).hasValue(1);
    assertThat(s.max()).hasValue(10);
  }

  @Test
  void twoValuesGiveTheWidestInterval() {
    Stats s = Stats.of(List.of(2.5, 4.0));
    assertThat(s.n()).isEqualTo(2);
    assertThat(s.mean()).hasValue(3.25);
    // deviations +-0.75: sd = sqrt(2 * 0.5625 / 1) = 1.0606601717798212
    assertThat(s.sd().getAsDouble()).isCloseTo(1.0606601717798212, within(EXACT));
    // 12.706204736174707 * 1.0606601717798212 / sqrt(2) = 12.706... * 0.75
    assertThat(s.ci95().getAsDouble()).isCloseTo(9.529653552131030, within(1e-9));
    assertThat(s.min()).hasValue(2.5);
    assertThat(s.max()).hasValue(4.0);
  }

  @Test
  void threeReplicationsOneThousandthApart() {
    Stats s = Stats.of(List.of(0.020, 0.021, 0.022));
    assertThat(s.sd().getAsDouble()).isCloseTo(0.001, within(EXACT));
    assertThat(s.ci95().getAsDouble())
        .isCloseTo(4.302652729749464 * 0.001 / Math.sqrt(3), within(1e-13));
  }

  @Test
  void oneValueHasAMeanButNoSpreadNotZeroSpread() {
    Stats s = Stats.of(List.of(0.25));
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.mean()).hasValue(0.25);
    assertThat(s.sd()).isEmpty();
    assertThat(s.ci95()).isEmpty();
    assertThat(s.min()).hasValue(0.25);
    assertThat(s.max()).hasValue(0.25);
  }

  @Test
  void noValuesGiveNothing() {
    Stats s = Stats.of(List.of());
    assertThat(s.n()).isZero();
    assertThat(List.of(s.mean(), s.sd(), s.ci95(), s.min(), s.max()))
        .allSatisfy(v -> assertThat(v).isEmpty());
  }

  @Test
  void undefinedValuesAreSkippedNotCountedAsZero() {
    Stats s = Stats.of(Arrays.asList(2.5, null, Double.NaN, 4.0, null));
    assertThat(s.n()).isEqualTo(2);
    assertThat(s.mean()).hasValue(3.25);
    assertThat(s.min()).hasValue(2.5);
    assertThat(Stats.of(Arrays.asList(null, Double.NaN)).n()).isZero();
  }

  @Test
  void identicalValuesHaveZeroSpread() {
    Stats s = Stats.of(List.of(1.0, 1.0, 1.0));
    assertThat(s.sd()).hasValue(0);
    assertThat(s.ci95()).hasValue(0);
  }
}
