package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TcpStateTest {

  @Test
  void the_eleven_rfc_states_in_rfc_spelling() {
    assertThat(TcpState.values())
        .extracting(TcpState::toString)
        .containsExactly(
            "CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1",
            "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT");
  }

  @Test
  void synchronized_states_are_group_3_of_rfc_9293_3_5_2() {
    EnumSet<TcpState> expected =
        EnumSet.of(
            TcpState.ESTABLISHED, TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2, TcpState.CLOSE_WAIT,
            TcpState.CLOSING, TcpState.LAST_ACK, TcpState.TIME_WAIT);
    for (TcpState s : TcpState.values()) {
      assertThat(s.isSynchronized()).as("%s", s).isEqualTo(expected.contains(s));
    }
  }

  @ParameterizedTest
  @EnumSource(TcpState.class)
  void parse_accepts_rfc_spelling_and_enum_name_in_any_case(TcpState s) {
    assertThat(TcpState.parse(s.toString())).isSameAs(s);
    assertThat(TcpState.parse(s.name())).isSameAs(s);
    assertThat(TcpState.parse(s.toString().toLowerCase(java.util.Locale.ROOT))).isSameAs(s);
    assertThat(TcpState.parse(" " + s.name().toLowerCase(java.util.Locale.ROOT) + " ")).isSameAs(s);
  }

  @ParameterizedTest
  @CsvSource({"syn-sent, SYN_SENT", "Time-Wait, TIME_WAIT", "fin_wait_2, FIN_WAIT_2"})
  void parse_examples(String text, TcpState expected) {
    assertThat(TcpState.parse(text)).isSameAs(expected);
  }

  @ParameterizedTest
  @CsvSource({"SYN-SEND", "FIN-WAIT_1", "''", "ESTABLISH"})
  void parse_rejects_other_text_listing_valid_names(String text) {
    assertThatThrownBy(() -> TcpState.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown TCP state '" + text + "'")
        .hasMessageContaining(
            "valid states: CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1,"
                + " FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT");
  }
}
