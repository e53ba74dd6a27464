package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TcpFlagsTest {

  @Test
  void bits_are_the_wire_values_of_rfc_9293_3_1_and_rfc_3168() {
    assertThat(
            new int[] {
              TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST, TcpFlags.PSH,
              TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR
            })
        .containsExactly(0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80);
  }

  @Test
  void names_follow_the_trace_order_not_the_bit_order() {
    assertThat(TcpFlags.names(TcpFlags.ACK | TcpFlags.SYN)).containsExactly("SYN", "ACK");
    assertThat(TcpFlags.names(TcpFlags.FIN | TcpFlags.ACK)).containsExactly("ACK", "FIN");
    assertThat(TcpFlags.names(0xFF))
        .containsExactly("SYN", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR");
    assertThat(TcpFlags.names(0)).isEmpty();
  }

  @Test
  void join_uses_commas_and_none_for_no_flags() {
    assertThat(TcpFlags.join(TcpFlags.SYN | TcpFlags.ACK)).isEqualTo("SYN,ACK");
    assertThat(TcpFlags.join(TcpFlags.RST)).isEqualTo("RST");
    assertThat(TcpFlags.join(0)).isEqualTo("none");
  }

  @Test
  void parse_is_the_inverse_of_names_for_every_flag_combination() {
    for (int flags = 0; flags <= 0xFF; flags++) {
      assertThat(TcpFlags.parse(TcpFlags.names(flags))).isEqualTo(flags);
    }
  }

  @Test
  void parse_ignores_case_space_and_repetition() {
    assertThat(TcpFlags.parse(List.of("syn", " Ack ", "SYN"))).isEqualTo(0x12);
    assertThat(TcpFlags.parse(List.of())).isZero();
  }

  @Test
  void parse_names_the_bad_flag_and_lists_valid_ones() {
    assertThatThrownBy(() -> TcpFlags.parse(List.of("SYN", "SYNN")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown TCP flag 'SYNN'; valid flags: SYN, ACK, FIN, RST, PSH, URG, ECE, CWR");
  }

  @Test
  void values_outside_one_octet_are_rejected() {
    assertThatThrownBy(() -> TcpFlags.names(0x100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x100");
    assertThatThrownBy(() -> TcpFlags.join(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
