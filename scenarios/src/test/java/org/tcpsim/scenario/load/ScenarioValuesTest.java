package org.tcpsim.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.TcpSettings;

/** The value syntaxes and "did you mean" on their own. */
class ScenarioValuesTest {
  @ParameterizedTest
  @CsvSource({"0, 0", "7ns, 7", "250us, 250000", "10ms, 10000000", "1.5s, 1500000000",
      "2min, 120000000000", "1h, 3600000000000", "10 ms, 10000000", "0.5us, 500"})
  void durations(String text, long ns) throws BadValue {
    assertThat(Values.duration(text)).isEqualTo(ns);
  }

  @ParameterizedTest
  @CsvSource({"1460, 1460", "0, 0", "10B, 10", "10KB, 10000", "64KiB, 65536", "1.5KB, 1500",
      "2MB, 2000000", "1MiB, 1048576", "1GB, 1000000000", "1GiB, 1073741824"})
  void sizes(String text, long bytes) throws BadValue {
    assertThat(Values.size(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"9600bps, 9600", "56Kbps, 56000", "56kbps, 56000", "10Mbps, 10000000",
      "1.5Mbps, 1500000", "10Gbps, 10000000000"})
  void bitRates(String text, long bps) throws BadValue {
    assertThat(Values.bitRate(text)).isEqualTo(bps);
  }

  @ParameterizedTest
  @CsvSource({"1000/s, 1000", "60/min, 1", "2/ms, 2000", "3600/h, 1", "0.5/s, 0.5"})
  void eventRates(String text, double perSecond) throws BadValue {
    assertThat(Values.eventRate(text)).isEqualTo(perSecond);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "0.01, 0.01", "1%, 0.01", "100%, 1", "1e-3, 0.001"})
  void probabilities(String text, double p) throws BadValue {
    assertThat(Values.probability(text)).isEqualTo(p);
  }

  @Test
  void integersMayBeHexadecimalAndAreRangeChecked() throws BadValue {
    assertThat(Values.integer("0x10", 0, 100)).isEqualTo(16);
    assertThat(Values.integer("4294967295", 0, 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
    assertThatThrownBy(() -> Values.integer("4294967296", 0, 0xFFFF_FFFFL))
        .hasMessage("4294967296 is too large");
    assertThatThrownBy(() -> Values.integer("1.5", 0, 10)).hasMessage("'1.5' is not an integer");
  }

  @Test
  void badValuesSayWhatWasWrongAndWhatWasExpected() {
    assertThatThrownBy(() -> Values.duration("1.5ns"))
        .isInstanceOfSatisfying(BadValue.class, b -> assertThat(b.expected)
            .isEqualTo(Values.DURATION))
        .hasMessageContaining("finer than one nanosecond");
    assertThatThrownBy(() -> Values.size("1.5B")).hasMessage("'1.5B' is not a whole number of "
        + "bytes");
    assertThatThrownBy(() -> Values.bitRate("10")).hasMessage("'10' has no unit");
    assertThatThrownBy(() -> Values.eventRate("10/sec"))
        .isInstanceOfSatisfying(BadValue.class, b -> assertThat(b.suggestion).contains("/s"));
    assertThatThrownBy(() -> Values.size("10MBps")).hasMessage("unknown unit 'MBps' in "
        + "'10MBps'");
    assertThatThrownBy(() -> Values.bool("yes")).hasMessage("'yes' is not a boolean");
  }

  @Test
  void durationsGoThroughTimeParse() throws BadValue {
    for (String s : List.of("1s", "2.5ms", "3us", "0")) {
      assertThat(Values.duration(s)).isEqualTo(Time.parse(s));
    }
  }

  @Test
  void didYouMeanWithinTwoEditsButNeverAWholeWordReplaced() {
    List<String> hosts = List.of("A", "B", "R", "client", "server");
    assertThat(Suggest.closest("clinet", hosts)).contains("client");
    assertThat(Suggest.closest("Bb", hosts)).contains("B");
    assertThat(Suggest.closest("M", hosts)).isEmpty();
    assertThat(Suggest.closest("servers", hosts)).contains("server");
    assertThat(Suggest.closest("database", hosts)).isEmpty();
    assertThat(Suggest.closest("LINUX", List.of("rfc793", "linux"))).contains("linux");
    assertThat(Suggest.distance("rfc5691", "rfc5961")).isEqualTo(1);
  }

  @Test
  void theTcpKeysAreTheTcpModulesSettings() {
    assertThat(Schema.TCP.fields().keySet())
        .containsExactlyElementsOf(TcpSettings.names());
    assertThat(TcpSettings.names()).contains("mss", "window", "msl", "iss", "isn", "backlog",
        "syn-cookies", "rto-initial", "rto-min", "rto-max", "syn-retries", "synack-retries",
        "delayed-ack", "nagle", "congestion", "keepalive");
  }
}
