package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcpsim.scenario.sweep.collect.Quantity.Kind;

class QuantityTest {
  @ParameterizedTest(name = "{0} is {2} {1}")
  @CsvSource({
      "10ms, DURATION, 0.01",
      "1s, DURATION, 1",
      "1.5s, DURATION, 1.5",
      "250us, DURATION, 0.00025",
      "2min, DURATION, 120",
      "10 ms, DURATION, 0.01",
      "16KB, SIZE, 16000",
      "64KiB, SIZE, 65536",
      "1MiB, SIZE, 1048576",
      "1460B, SIZE, 1460",
      "10Mbps, BIT_RATE, 10000000",
      "56Kbps, BIT_RATE, 56000",
      "1000/s, EVENT_RATE, 1000",
      "60/min, EVENT_RATE, 1",
      "2/ms, EVENT_RATE, 2000",
      "0.01, NUMBER, 0.01",
      "1e-3, NUMBER, 0.001",
      "1%, NUMBER, 0.01",
      "64, NUMBER, 64",
      "0x12c, NUMBER, 300",
  })
  void parsesTheScenarioLanguagesUnits(String text, Kind kind, double value) {
    Quantity q = Quantity.parse(text).orElseThrow();
    assertThat(q.kind()).isEqualTo(kind);
    assertThat(q.value()).isCloseTo(value, within(Math.abs(value) * 1e-12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "linux", "true", "newreno", "10parsecs", "", "1,2"})
  void namesAreNotQuantities(String text) {
    assertThat(Quantity.parse(text)).isEmpty();
  }

  @Test
  void durationsUnderASecondAreShownInMilliseconds() {
    Quantity.Scaled s = Quantity.onOneScale(List.of("10ms", "250us", "0.5s")).orElseThrow();
    assertThat(s.unit()).isEqualTo("ms");
    assertThat(s.values()).containsExactly(10.0, 0.25, 500.0);
  }

  @Test
  void durationsFromASecondAreShownInSeconds() {
    Quantity.Scaled s = Quantity.onOneScale(List.of("500ms", "1s", "2min")).orElseThrow();
    assertThat(s.unit()).isEqualTo("s");
    assertThat(s.values()).containsExactly(0.5, 1.0, 120.0);
  }

  @Test
  void sizesAreShownInTheUnitTheSmallestFills() {
    assertThat(Quantity.onOneScale(List.of("1460", "64KB")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("KB", List.of(1.46, 64.0)));
    assertThat(Quantity.onOneScale(List.of("536B", "1460")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("B", List.of(536.0, 1460.0)));
    // bare numbers alone are plain numbers: a backlog, a count, or bytes, nobody can tell
    assertThat(Quantity.onOneScale(List.of("536", "1460")).orElseThrow().unit()).isEmpty();
    Quantity.Scaled mb = Quantity.onOneScale(List.of("1MiB", "2MB")).orElseThrow();
    assertThat(mb.unit()).isEqualTo("MB");
    assertThat(mb.values().get(0)).isCloseTo(1.048576, within(1e-12));
  }

  @Test
  void bitRatesInMegabitsEventRatesPerSecondNumbersBare() {
    assertThat(Quantity.onOneScale(List.of("56Kbps", "10Mbps", "1Gbps")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("Mbit/s", List.of(0.056, 10.0, 1000.0)));
    assertThat(Quantity.onOneScale(List.of("100/s", "1/ms")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("/s", List.of(100.0, 1000.0)));
    assertThat(Quantity.onOneScale(List.of("0", "0.01", "5%")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("", List.of(0.0, 0.01, 0.05)));
  }

  @Test
  void aBareZeroGoesWithAnyUnit() {
    assertThat(Quantity.onOneScale(List.of("0", "10ms")).orElseThrow())
        .isEqualTo(new Quantity.Scaled("ms", List.of(0.0, 10.0)));
  }

  @Test
  void namesOrMixedKindsHaveNoCommonScale() {
    assertThat(Quantity.onOneScale(List.of("rfc793", "linux"))).isEmpty();
    assertThat(Quantity.onOneScale(List.of("10ms", "10Mbps"))).isEmpty();
    assertThat(Quantity.onOneScale(List.of("5", "10ms"))).isEqualTo(Optional.empty());
  }
}
