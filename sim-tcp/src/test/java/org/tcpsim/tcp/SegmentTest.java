package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SegmentTest {

  private static Segment.Builder synAck() {
    return Segment.builder()
        .ports(80, 1024)
        .flags(TcpFlags.SYN)
        .seq(300)
        .ack(101)
        .window(1000);
  }

  @Nested
  class SequenceSpace {
    @Test
    void syn_and_fin_each_occupy_one_sequence_number() {
      // RFC 9293 3.4: SEG.LEN counts SYN and FIN.
      assertThat(Segment.builder().flags(TcpFlags.SYN).build().segLen()).isEqualTo(1);
      assertThat(Segment.builder().flags(TcpFlags.FIN).dataLength(10).build().segLen())
          .isEqualTo(11);
      assertThat(
              Segment.builder().flags(TcpFlags.SYN | TcpFlags.FIN).dataLength(5).build().segLen())
          .isEqualTo(7);
      assertThat(Segment.builder().ack(1).dataLength(536).build().segLen()).isEqualTo(536);
      assertThat(Segment.builder().flags(TcpFlags.RST).build().segLen()).isZero();
    }

    @Test
    void last_seq_is_seq_plus_seg_len_minus_one_and_wraps() {
      Segment s = Segment.builder().seq(0xFFFFFFFE).dataLength(4).build();
      assertThat(s.lastSeq()).isEqualTo(1);
      Segment bareAck = Segment.builder().seq(0).ack(1).build();
      assertThat(bareAck.lastSeq()).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void has_tests_all_bits_of_the_mask() {
      Segment s = synAck().build();
      assertThat(s.has(TcpFlags.SYN)).isTrue();
      assertThat(s.has(TcpFlags.ACK)).isTrue();
      assertThat(s.has(TcpFlags.SYN | TcpFlags.ACK)).isTrue();
      assertThat(s.has(TcpFlags.SYN | TcpFlags.FIN)).isFalse();
      assertThat(s.has(TcpFlags.RST)).isFalse();
    }
  }

  @Nested
  class Text {
    @Test
    void syn_ack_reads_like_the_rfc() {
      assertThat(synAck().build()).hasToString("SYN,ACK seq=300 ack=101 len=0 win=1000");
    }

    @Test
    void ack_field_is_hidden_without_the_ack_flag_and_values_are_unsigned() {
      Segment syn = new Segment(1024, 80, 0xFFFFFFFF, 77, TcpFlags.SYN, 65535, 0,
          TcpOptions.NONE, 0, null);
      assertThat(syn).hasToString("SYN seq=4294967295 len=0 win=65535");
    }

    @Test
    void urgent_pointer_and_options_are_shown_when_present() {
      Segment s = Segment.builder()
          .flags(TcpFlags.URG | TcpFlags.PSH)
          .ack(0x80000000)
          .urgentPointer(3)
          .dataLength(10)
          .options(TcpOptions.NONE.withMss(1460).withSackBlocks(List.of(new SackBlock(1, 2))))
          .build();
      assertThat(s)
          .hasToString("ACK,PSH,URG seq=0 ack=2147483648 len=10 win=0 urp=3 <mss=1460 sack=[1-2]>");
    }

    @Test
    void no_flags_prints_none() {
      assertThat(Segment.builder().build()).hasToString("none seq=0 len=0 win=0");
    }
  }

  @Nested
  class Payload {
    @Test
    void payload_is_copied_in_and_out() {
      byte[] data = {1, 2, 3};
      Segment s = Segment.builder().payload(data).build();
      data[0] = 9;
      assertThat(s.payload()).containsExactly(1, 2, 3);
      s.payload()[1] = 9;
      assertThat(s.payload()).containsExactly(1, 2, 3);
      assertThat(s.dataLength()).isEqualTo(3);
      assertThat(s.hasPayload()).isTrue();
    }

    @Test
    void equality_compares_payload_content() {
      Segment a = Segment.builder().payload(new byte[] {1, 2}).build();
      Segment b = Segment.builder().payload(new byte[] {1, 2}).build();
      Segment c = Segment.builder().payload(new byte[] {1, 3}).build();
      Segment lengthOnly = Segment.builder().dataLength(2).build();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(lengthOnly);
      assertThat(lengthOnly).isEqualTo(Segment.builder().dataLength(2).build());
    }

    @Test
    void payload_length_must_match_data_length() {
      assertThatThrownBy(
              () -> new Segment(1, 2, 0, 0, 0, 0, 0, TcpOptions.NONE, 4, new byte[3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("payload has 3 octets but data length is 4");
    }
  }

  @Nested
  class Validation {
    @Test
    void field_ranges_are_checked() {
      assertThatThrownBy(() -> Segment.builder().ports(65536, 1).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("source port must be 0..65535, got 65536");
      assertThatThrownBy(() -> Segment.builder().ports(1, -1).build())
          .hasMessage("destination port must be 0..65535, got -1");
      assertThatThrownBy(() -> Segment.builder().window(70000).build())
          .hasMessage("window must be 0..65535, got 70000");
      assertThatThrownBy(() -> Segment.builder().urgentPointer(-2).build())
          .hasMessage("urgent pointer must be 0..65535, got -2");
      assertThatThrownBy(() -> Segment.builder().dataLength(-1).build())
          .hasMessage("data length must be >= 0, got -1");
      assertThatThrownBy(() -> Segment.builder().flags(0x100).build())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Segment.builder().options(null).build())
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void extreme_but_valid_values_are_accepted() {
      Segment s = new Segment(65535, 0, -1, -1, 0xFF, 65535, 65535, TcpOptions.NONE, 0, null);
      assertThat(s.flags()).isEqualTo(0xFF);
    }
  }

  @Nested
  class Options {
    @Test
    void withers_set_one_option_each() {
      TcpOptions o =
          TcpOptions.NONE
              .withMss(1460)
              .withWindowScale(7)
              .withSackPermitted(true)
              .withTimestamps(5, 0)
              .withSackBlocks(List.of(new SackBlock(100, 200)));
      assertThat(o).isEqualTo(new TcpOptions(1460, 7, true, List.of(new SackBlock(100, 200)),
          true, 5, 0));
      assertThat(o.hasMss()).isTrue();
      assertThat(TcpOptions.NONE.hasMss()).isFalse();
      assertThat(TcpOptions.NONE.hasWindowScale()).isFalse();
      assertThat(o.withoutTimestamps().timestamps()).isFalse();
      assertThat(o).hasToString("mss=1460 ws=7 sackOK ts=5/0 sack=[100-200]");
      assertThat(TcpOptions.NONE).hasToString("none");
      assertThat(o.length()).isEqualTo(4 + 3 + 2 + 10 + 10);
    }

    @Test
    void ranges_are_checked() {
      assertThatThrownBy(() -> TcpOptions.NONE.withMss(65536))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("MSS must be 0..65535 or -1 (absent), got 65536");
      assertThatThrownBy(() -> TcpOptions.NONE.withWindowScale(15))
          .hasMessage("window scale must be 0..14 or -1 (absent), got 15");
      assertThat(TcpOptions.NONE.withMss(0).withWindowScale(14).mss()).isZero();
      List<SackBlock> five = List.of(new SackBlock(1, 2), new SackBlock(3, 4),
          new SackBlock(5, 6), new SackBlock(7, 8), new SackBlock(9, 10));
      assertThatThrownBy(() -> TcpOptions.NONE.withSackBlocks(five))
          .hasMessage("at most 4 SACK blocks, got 5");
      assertThatThrownBy(() -> new TcpOptions(-1, -1, false, List.of(), false, 1, 0))
          .hasMessage("tsVal and tsEcr must be 0 when timestamps are absent");
    }

    @Test
    void options_must_fit_in_40_octets() {
      // 4 SACK blocks (34 octets) fit alone but not with timestamps (10 more).
      List<SackBlock> four = List.of(new SackBlock(1, 2), new SackBlock(3, 4),
          new SackBlock(5, 6), new SackBlock(7, 8));
      TcpOptions sack = TcpOptions.NONE.withSackBlocks(four);
      assertThat(sack.length()).isEqualTo(34);
      assertThatThrownBy(() -> sack.withTimestamps(1, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("options need 44 octets, more than the 40 a header holds");
    }

    @Test
    void sack_block_list_is_copied_and_immutable() {
      List<SackBlock> blocks = new java.util.ArrayList<>(List.of(new SackBlock(1, 2)));
      TcpOptions o = TcpOptions.NONE.withSackBlocks(blocks);
      blocks.add(new SackBlock(3, 4));
      assertThat(o.sackBlocks()).hasSize(1);
      assertThatThrownBy(() -> o.sackBlocks().add(new SackBlock(5, 6)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(new SackBlock(0xFFFFFFF0, 0x10).length()).isEqualTo(0x20);
    }
  }
}
