package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How numbers and fields look in the collected CSV files. */
class CollectFormatTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "5.5, 5.5",
      "3.0, 3",
      "100.0, 100",
      "-2.0, -2",
      "0.0, 0",
      "-0.0, 0",
      "0.30000000000000004, 0.3",
      "0.030000000000000002, 0.03",
      "3.0276503540974917, 3.027650354",
      "2.1658505896133913, 2.16585059",
      "0.001, 0.001",
      "123456789012, 123456789012",
      "1.5E-7, 1.5E-7",
      "2.0E20, 2E+20",
      "12345678.96, 12345678.96",
      "1234567890.6, 1234567891",
  })
  void numbersHaveTenSignificantDigitsAndNoTrailingZeros(double value, String text) {
    assertThat(Decimal.format(value)).isEqualTo(text);
  }

  @Test
  void undefinedIsEmptyAndInfinitiesAreSpelled() {
    assertThat(Decimal.format(Double.NaN)).isEmpty();
    assertThat(Decimal.format((Double) null)).isEmpty();
    assertThat(Decimal.format(OptionalDouble.empty())).isEmpty();
    assertThat(Decimal.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(Decimal.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void theLocaleDoesNotChangeNumbers() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Decimal.format(1234.5)).isEqualTo("1234.5");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(Csv.line(List.of("10ms", "A:1024>B:80", "", "300,400", "say \"hi\"", "a\nb")))
        .isEqualTo("10ms,A:1024>B:80,,\"300,400\",\"say \"\"hi\"\"\",\"a\nb\"\n");
  }
}
