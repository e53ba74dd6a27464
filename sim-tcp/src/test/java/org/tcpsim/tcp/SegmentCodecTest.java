package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcpsim.core.net.Ipv4;

class SegmentCodecTest {
  private static final int A = Ipv4.parse("10.0.0.1");
  private static final int B = Ipv4.parse("10.0.0.2");

  /** The first SYN of RFC 9293 3.5's handshake, from 10.0.0.1:1024 to 10.0.0.2:80. */
  private static final Segment SYN =
      Segment.builder().ports(1024, 80).seq(100).flags(TcpFlags.SYN).window(1000).build();

  @Nested
  class FixedVectors {
    @Test
    void syn_without_options_by_hand() {
      // Header: 0400 0050 | 0000 0064 | 0000 0000 | 5002 03e8 | cksum 0000
      //   (ports 1024, 80; seq 100; ack 0; offset 5 words, SYN; window 1000; urgent 0).
      // Pseudo-header words: 0a00 0001 0a00 0002 0006 0014 (TCP Length 20)  -> sum 0x141d.
      // Header words: 0400+0050+0064+5002+03e8 = 0x589e.
      // 0x141d + 0x589e = 0x6cbb, no carry; checksum = ~0x6cbb = 0x9344.
      assertThat(SegmentCodec.encode(SYN, A, B))
          .containsExactly(hex("0400 0050 0000 0064 0000 0000 5002 03e8 9344 0000"));
    }

    @Test
    void syn_with_mss_by_hand() {
      // As above, with MSS 1460 (02 04 05b4): offset 6 words, TCP Length 24.
      // Pseudo-header sum 0x1421; header 0x589e + 0x1000 (offset 6) + 0x0204 + 0x05b4 = 0x7056.
      // 0x1421 + 0x7056 = 0x8477, no carry; checksum = ~0x8477 = 0x7b88.
      Segment syn = Segment.builder().ports(1024, 80).seq(100).flags(TcpFlags.SYN).window(1000)
          .options(TcpOptions.NONE.withMss(1460)).build();
      assertThat(SegmentCodec.encode(syn, A, B))
          .containsExactly(hex("0400 0050 0000 0064 0000 0000 6002 03e8 7b88 0000 0204 05b4"));
    }

    @Test
    void ipv4_header_by_hand() {
      // 4500 0028 1234 4000 4006 cksum 0a00 0001 0a00 0002: version 4, IHL 5, total 40,
      // id 0x1234, DF, TTL 64, TCP. Sum 0xeb65, no carry; checksum ~0xeb65 = 0x149a.
      byte[] p = SegmentCodec.ipv4Packet(SYN, A, B, 64, 0x1234);
      assertThat(Arrays.copyOf(p, 20))
          .containsExactly(hex("4500 0028 1234 4000 4006 149a 0a00 0001 0a00 0002"));
      assertThat(Arrays.copyOfRange(p, 20, p.length))
          .containsExactly(SegmentCodec.encode(SYN, A, B));
    }

    @Test
    void options_are_packed_in_order_and_padded_with_zeros() {
      TcpOptions o = TcpOptions.NONE.withMss(536).withWindowScale(7).withSackPermitted(true)
          .withTimestamps(0x01020304, 0x0a0b0c0d);
      byte[] tcp = SegmentCodec.encode(Segment.builder().options(o).build(), A, B);
      // 4 + 3 + 2 + 10 = 19 octets, padded to 20: data offset (20 + 20) / 4 = 10.
      assertThat(tcp).hasSize(40);
      assertThat(tcp[12] & 0xFF).isEqualTo(0xA0);
      assertThat(Arrays.copyOfRange(tcp, 20, 40))
          .containsExactly(hex("0204 0218 0303 07 0402 080a 01020304 0a0b0c0d 00"));
    }
  }

  @Nested
  class RoundTrip {
    @Test
    void ten_thousand_random_segments_decode_to_themselves() {
      RandomSegments gen = new RandomSegments(20240501L);
      Random random = gen.random();
      for (int i = 0; i < 10_000; i++) {
        Segment s = gen.segment();
        int src = random.nextInt();
        int dst = random.nextInt();
        byte[] tcp = SegmentCodec.encode(s, src, dst);
        assertThat(tcp).hasSize(20 + TcpOptionsCodec.paddedLength(s.options()) + s.dataLength());
        assertThat(tcp.length % 4 == 0 || s.dataLength() % 4 != 0).isTrue();
        assertThat(BigEndian.u16(tcp, 16)).isEqualTo(referenceChecksum(tcp, src, dst));
        assertThat(SegmentCodec.checksumOk(tcp, src, dst)).isTrue();
        Segment decoded = SegmentCodec.decode(tcp, src, dst);
        // Decoding always keeps the data; a length-only segment encodes as zeros.
        Segment expected = s.hasPayload() ? s : withPayload(s, new byte[s.dataLength()]);
        assertThat(decoded).as("iteration %d: %s", i, s).isEqualTo(expected);
      }
    }

    @Test
    void ipv4_header_of_random_packets_sums_to_zero() {
      RandomSegments gen = new RandomSegments(99L);
      Random random = gen.random();
      for (int i = 0; i < 1000; i++) {
        Segment s = gen.segment();
        int src = random.nextInt();
        int dst = random.nextInt();
        int ttl = random.nextInt(256);
        int id = random.nextInt(0x10000);
        byte[] p = SegmentCodec.ipv4Packet(s, src, dst, ttl, id);
        assertThat(InternetChecksum.of(p, 0, 20)).isZero();
        assertThat(referenceSum(p, 0, 20)).isEqualTo(0xFFFF);
        assertThat(BigEndian.u16(p, 2)).isEqualTo(p.length);
        assertThat(BigEndian.u16(p, 4)).isEqualTo(id);
        assertThat(p[8] & 0xFF).isEqualTo(ttl);
        assertThat(BigEndian.u32(p, 12)).isEqualTo(src);
        assertThat(BigEndian.u32(p, 16)).isEqualTo(dst);
        byte[] tcp = Arrays.copyOfRange(p, 20, p.length);
        assertThat(SegmentCodec.checksumOk(tcp, src, dst)).isTrue();
      }
    }
  }

  @Nested
  class Checksum {
    @Test
    void every_single_bit_flip_of_a_segment_is_detected() {
      Segment s = Segment.builder().ports(443, 50000).seq(0xFFFFFFF0).ack(7).flags(TcpFlags.PSH)
          .window(29200).options(TcpOptions.NONE.withTimestamps(1, 2)
              .withSackBlocks(List.of(new SackBlock(10, 20))))
          .payload("hello, world!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
      byte[] tcp = SegmentCodec.encode(s, A, B);
      assertThat(SegmentCodec.checksumOk(tcp, A, B)).isTrue();
      for (int bit = 0; bit < tcp.length * 8; bit++) {
        byte[] bad = tcp.clone();
        bad[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(SegmentCodec.checksumOk(bad, A, B)).as("bit %d", bit).isFalse();
      }
    }

    @Test
    void random_single_bit_flips_are_detected() {
      RandomSegments gen = new RandomSegments(5L);
      Random random = gen.random();
      for (int i = 0; i < 2000; i++) {
        byte[] tcp = SegmentCodec.encode(gen.segment(), A, B);
        int bit = random.nextInt(tcp.length * 8);
        tcp[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(SegmentCodec.checksumOk(tcp, A, B)).isFalse();
      }
    }

    @Test
    void the_pseudo_header_catches_a_misrouted_segment() {
      // RFC 9293 3.1: the pseudo-header protects against misrouted segments.
      byte[] tcp = SegmentCodec.encode(SYN, A, B);
      assertThat(SegmentCodec.checksumOk(tcp, A, B)).isTrue();
      assertThat(SegmentCodec.checksumOk(tcp, A, Ipv4.parse("10.0.0.3"))).isFalse();
      assertThat(SegmentCodec.checksumOk(tcp, B, A)).isTrue(); // swapped words: same sum
    }

    @Test
    void odd_length_segments_pad_with_a_zero_octet() {
      Segment s = Segment.builder().payload(new byte[] {(byte) 0xAB}).build();
      byte[] tcp = SegmentCodec.encode(s, A, B);
      assertThat(tcp).hasSize(21);
      assertThat(BigEndian.u16(tcp, 16)).isEqualTo(referenceChecksum(tcp, A, B));
    }

    @Test
    void decode_rejects_a_bad_checksum_saying_what_was_expected() {
      byte[] tcp = SegmentCodec.encode(SYN, A, B);
      tcp[16] = 0x12;
      tcp[17] = 0x34;
      assertThatThrownBy(() -> SegmentCodec.decode(tcp, A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad checksum 0x1234, expected 0x9344");
    }
  }

  @Nested
  class Decoding {
    @Test
    void nops_unknown_options_and_eol_are_handled() {
      // Linux-style NOP alignment, an unknown kind 30 of length 4 (RFC 9293 MUST-6: skipped),
      // then EOL followed by padding.
      byte[] tcp =
          withChecksum(header(hex("0101 080a 00000005 00000000 1e04 aabb 0204 05b4 00 000000")));
      Segment s = SegmentCodec.decode(tcp, A, B);
      assertThat(s.options()).isEqualTo(TcpOptions.NONE.withTimestamps(5, 0).withMss(1460));
    }

    @Test
    void window_scale_above_14_is_read_as_14() {
      // RFC 7323 2.3: "MUST use 14 instead of the specified value".
      byte[] tcp = withChecksum(header(hex("0303 0f00")));
      assertThat(SegmentCodec.decode(tcp, A, B).options().windowScale()).isEqualTo(14);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
      "0101 0102 | truncated option: kind 2 at offset 23 has no length octet",
      "080a 0000 | truncated option: kind 8 at offset 20 has length 10 but only 4 octets of"
          + " header remain",
      "0300 0000 | illegal option length 0 for kind 3 at offset 20",
      "0101 1e01 | illegal option length 1 for kind 30 at offset 22",
      "0203 0500 | illegal option length 3 for kind 2 at offset 20: expected 4",
      "0503 0000 | illegal option length 3 for kind 5 at offset 20: expected 2 + 8n with n >= 1",
      "0402 0402 | repeated option: kind 4 at offset 22",
    })
    void malformed_options_are_rejected_with_the_place(String options, String message) {
      byte[] tcp = withChecksum(header(hex(options)));
      assertThatThrownBy(() -> SegmentCodec.decode(tcp, A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }

    @Test
    void too_short_and_bad_data_offsets_are_rejected() {
      assertThatThrownBy(() -> SegmentCodec.decode(new byte[19], A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("TCP segment too short: 19 octets, the header alone is 20");
      assertThatThrownBy(() -> SegmentCodec.checksumOk(new byte[0], A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("TCP segment too short: 0 octets, the header alone is 20");
      byte[] low = SegmentCodec.encode(SYN, A, B);
      low[12] = 0x40;
      assertThatThrownBy(() -> SegmentCodec.decode(low, A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad data offset 4: the minimum is 5 (a 20-octet header)");
      byte[] high = SegmentCodec.encode(SYN, A, B);
      high[12] = 0x60;
      assertThatThrownBy(() -> SegmentCodec.decode(high, A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad data offset 6: header of 24 octets but the segment has only 20");
    }

    @Test
    void garbage_and_mutated_segments_give_only_illegal_argument() {
      RandomSegments gen = new RandomSegments(123L);
      Random random = gen.random();
      for (int i = 0; i < 20_000; i++) {
        byte[] input;
        if (random.nextBoolean()) {
          input = new byte[random.nextInt(80)];
          random.nextBytes(input);
        } else {
          input = SegmentCodec.encode(gen.segment(), A, B);
          for (int k = random.nextInt(4); k >= 0; k--) {
            input[random.nextInt(Math.min(input.length, 60))] = (byte) random.nextInt();
          }
          if (random.nextInt(4) == 0) {
            input = Arrays.copyOf(input, random.nextInt(input.length + 1));
          }
          if (random.nextBoolean()) {
            input = withChecksum(input); // reach the structure checks past the checksum
          }
        }
        byte[] bytes = input;
        Throwable t = catchThrowable(() -> SegmentCodec.decode(bytes, A, B));
        if (t != null) {
          assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class);
        }
      }
    }
  }

  @Nested
  class Limits {
    @Test
    void the_largest_segment_that_fits() {
      Segment max = Segment.builder().dataLength(65535 - 20).build();
      assertThat(SegmentCodec.encode(max, A, B)).hasSize(65535);
      Segment over = Segment.builder().dataLength(65535 - 19).build();
      assertThatThrownBy(() -> SegmentCodec.encode(over, A, B))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("segment of 65536 octets is longer than the pseudo-header's TCP Length"
              + " allows (65535)");
    }

    @Test
    void ipv4_packet_limits() {
      Segment fits = Segment.builder().dataLength(65535 - 40).build();
      assertThat(SegmentCodec.ipv4Packet(fits, A, B, 64, 0)).hasSize(65535);
      Segment over = Segment.builder().dataLength(65535 - 39).build();
      assertThatThrownBy(() -> SegmentCodec.ipv4Packet(over, A, B, 64, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("IPv4 packet of 65536 octets is longer than Total Length allows (65535)");
      assertThatThrownBy(() -> SegmentCodec.ipv4Packet(SYN, A, B, 256, 0))
          .hasMessage("TTL must be 0..255, got 256");
      assertThatThrownBy(() -> SegmentCodec.ipv4Packet(SYN, A, B, 64, 65536))
          .hasMessage("IP identification must be 0..65535, got 65536");
    }
  }

  // ---- independent helpers, deliberately not using the production checksum code ----

  /** RFC 1071 the slow way: pseudo-header and segment in one array, carry folded at each step. */
  private static int referenceChecksum(byte[] tcp, int src, int dst) {
    byte[] all = new byte[12 + tcp.length + 1];
    for (int k = 0; k < 4; k++) {
      all[k] = (byte) (src >>> (24 - 8 * k));
      all[4 + k] = (byte) (dst >>> (24 - 8 * k));
    }
    all[9] = 6;
    all[10] = (byte) (tcp.length >>> 8);
    all[11] = (byte) tcp.length;
    System.arraycopy(tcp, 0, all, 12, tcp.length);
    all[16 + 12] = 0; // the checksum field counts as zero
    all[17 + 12] = 0;
    return ~referenceSum(all, 0, all.length & ~1) & 0xFFFF;
  }

  private static int referenceSum(byte[] b, int from, int to) {
    int sum = 0;
    for (int k = from; k < to; k += 2) {
      sum += ((b[k] & 0xFF) << 8) + (b[k + 1] & 0xFF);
      if (sum > 0xFFFF) {
        sum -= 0xFFFF; // end-around carry
      }
    }
    return sum;
  }

  /** A 20-octet header (ports 1, 2, ACK) followed by {@code options}, data offset set. */
  private static byte[] header(byte[] options) {
    byte[] tcp = new byte[20 + options.length];
    tcp[1] = 1;
    tcp[3] = 2;
    tcp[12] = (byte) ((tcp.length / 4) << 4);
    tcp[13] = TcpFlags.ACK;
    System.arraycopy(options, 0, tcp, 20, options.length);
    return tcp;
  }

  /** Writes a correct checksum (from the reference implementation) into a copy. */
  private static byte[] withChecksum(byte[] tcp) {
    if (tcp.length < 20) {
      return tcp;
    }
    byte[] copy = tcp.clone();
    int c = referenceChecksum(copy, A, B);
    copy[16] = (byte) (c >>> 8);
    copy[17] = (byte) c;
    return copy;
  }

  private static Segment withPayload(Segment s, byte[] payload) {
    return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(),
        s.urgentPointer(), s.options(), payload.length, payload);
  }

  private static byte[] hex(String text) {
    String h = text.replace(" ", "");
    byte[] b = new byte[h.length() / 2];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) Integer.parseInt(h.substring(2 * k, 2 * k + 2), 16);
    }
    return b;
  }
}
