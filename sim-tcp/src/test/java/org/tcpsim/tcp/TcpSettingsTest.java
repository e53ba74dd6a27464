package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tcpsim.core.Time;
import org.tcpsim.tcp.cc.CongestionAlgorithm;

class TcpSettingsTest {
  @Test
  void theDefaultProfileIsRfc5961WithChallengeAcksAndRfc1337() {
    TcpConfig c = TcpConfig.defaults();
    assertThat(Profile.DEFAULT).isEqualTo(Profile.RFC5961);
    assertThat(c.rfc5961Rst()).isTrue();
    assertThat(c.rfc5961Syn()).isTrue();
    assertThat(c.rfc1337()).isTrue();
    assertThat(c.synCookies()).isFalse();
    assertThat(c.rtoMin()).isEqualTo(Time.SECOND);
  }

  @Test
  void profilesDifferWhereTheirRfcsDo() {
    assertThat(Profile.RFC9293.config().rfc5961Rst()).isFalse();
    assertThat(Profile.RFC9293.config().rfc1337()).isFalse();
    assertThat(Profile.RFC793.config().congestion()).isEqualTo(CongestionAlgorithm.NONE);
    assertThat(Profile.RFC793.config().timeWaitReuse()).isFalse();
    TcpConfig linux = Profile.LINUX.config();
    assertThat(linux.rtoMin()).isEqualTo(200 * Time.MS);
    assertThat(linux.synCookies()).isTrue();
    assertThat(linux.synackRetries()).isEqualTo(5);
    assertThat(2 * linux.msl()).isEqualTo(60 * Time.SECOND);
  }

  @Test
  void everyComponentOfTcpConfigIsASetting() {
    assertThat(TcpSettings.all()).hasSize(TcpConfig.class.getRecordComponents().length);
  }

  @Test
  void everySettingReadsBackWhatWasWritten() {
    TcpConfig c = TcpConfig.defaults();
    for (TcpSettings.Setting s : TcpSettings.all()) {
      String v = TcpSettings.get(c, s.key());
      assertThat(TcpSettings.get(c.with(s.key(), v), s.key())).as(s.key()).isEqualTo(v);
    }
  }

  @Test
  void eachSettingWritesItsOwnFieldAndNoOther() {
    TcpConfig before = TcpConfig.defaults();
    for (TcpSettings.Setting s : TcpSettings.all()) {
      String old = TcpSettings.get(before, s.key());
      String changed = switch (s.kind()) {
        case BOOLEAN -> Boolean.toString(!Boolean.parseBoolean(old));
        case DURATION -> nextAllowedDuration(before, s.key(), Time.parse(old));
        case INTEGER, SIZE -> nextAllowed(s.key(), Long.parseLong(old));
        case ISN -> "12345";
        case ISS -> "7";
        case CHOICE -> Arrays.stream(s.form().split("\\|")).filter(n -> !n.equals(old))
            .findFirst().orElseThrow();
      };
      assertThat(changed).as(s.key()).isNotEqualTo(old);
      TcpConfig after = before.with(s.key(), changed);
      for (TcpSettings.Setting other : TcpSettings.all()) {
        String expected = other == s ? changed : TcpSettings.get(before, other.key());
        assertThat(TcpSettings.get(after, other.key()))
            .as("%s after setting %s", other.key(), s.key()).isEqualTo(expected);
      }
    }
  }

  /**
   * One millisecond more than {@code t}, or one less where more is not allowed (rto-min may not
   * pass rto-initial).
   */
  private static String nextAllowedDuration(TcpConfig c, String key, long t) {
    try {
      c.with(key, Time.format(t + Time.MS));
      return Time.format(t + Time.MS);
    } catch (IllegalArgumentException tooLarge) {
      return Time.format(t - Time.MS);
    }
  }

  /** One more than {@code n}, or one less where {@code n} is the largest allowed. */
  private static String nextAllowed(String key, long n) {
    try {
      TcpSettings.check(key, Long.toString(n + 1));
      return Long.toString(n + 1);
    } catch (IllegalArgumentException tooLarge) {
      return Long.toString(n - 1);
    }
  }

  @Test
  void oneSettingOverridesAloneLeavingTheRest() {
    TcpConfig c = TcpConfig.defaults().with("rto-min", "200ms").with("syn-cookies", "true");
    assertThat(c.rtoMin()).isEqualTo(200 * Time.MS);
    assertThat(c.synCookies()).isTrue();
    assertThat(c.rfc5961Rst()).isTrue();
    assertThat(c.with("iss", "4294967295").iss()).isEqualTo(-1);
  }

  @Test
  void badValuesAreRejectedWithTheSettingNamed() {
    TcpConfig c = TcpConfig.defaults();
    assertThatThrownBy(() -> c.with("backlog", "lots")).hasMessage("backlog: 'lots' is not an integer, expected an integer from 1 to 1000000");
    assertThatThrownBy(() -> c.with("nagle", "yes")).hasMessage("nagle: 'yes' is not a boolean, expected true or false");
    assertThatThrownBy(() -> c.with("backlog", "0")).hasMessage("backlog: 0 is too small, expected an integer from 1 to 1000000");
    assertThatThrownBy(() -> c.with("delayed-ack-timeout", "500ms")).hasMessageContaining("MUST-40");
    assertThatThrownBy(() -> c.with("congestion", "cubic")).hasMessageContaining("expected one of none, reno, newreno");
    assertThatThrownBy(() -> c.with("rto-mni", "1s")).hasMessageStartingWith("unknown TCP setting 'rto-mni'");
    assertThatThrownBy(() -> Profile.parse("bsd")).hasMessage("unknown profile 'bsd'; expected one of rfc793, rfc9293, rfc5961, linux");
  }
}
