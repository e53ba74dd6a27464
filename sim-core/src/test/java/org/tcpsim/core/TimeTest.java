package org.tcpsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTest {

  @ParameterizedTest
  @CsvSource({
    "250us, 250000",
    "10ms, 10000000",
    "1.5s, 1500000000",
    "2min, 120000000000",
    "7ns, 7",
    "0, 0",
    "0.25 ms, 250000",
    "1h, 3600000000000"
  })
  void parsesDurationsWithUnits(String text, long ns) {
    assertThat(Time.parse(text)).isEqualTo(ns);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10 | has no unit",
        "-5ms | negative",
        "5 parsecs | unknown time unit",
        "5MS | unknown time unit 'MS'",
        "1S | unknown time unit 'S'",
        "2Min | unknown time unit 'Min'",
        "ms | expected a duration",
        "1.0000000001s | finer than one nanosecond",
        "1.2.3s | not a number"
      })
  void rejectsBadDurationsSayingWhatWasExpected(String text, String message) {
    assertThatThrownBy(() -> Time.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void formatsWithTheLargestExactUnit() {
    assertThat(Time.format(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(Time.format(10_000_000L)).isEqualTo("10ms");
    assertThat(Time.format(250_000L)).isEqualTo("250us");
    assertThat(Time.format(7)).isEqualTo("7ns");
    assertThat(Time.format(0)).isEqualTo("0s");
    assertThat(Time.format(1_234_567L)).isEqualTo("1.234567ms");
  }

  @Test
  void formatThenParseIsTheIdentity() {
    for (long t : new long[] {1, 999, 1000, 123_456_789, 3 * Time.SECOND, Time.HOUR + 1}) {
      assertThat(Time.parse(Time.format(t))).isEqualTo(t);
    }
  }
}
