package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeqNumTest {

  @Nested
  class Ordering {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
      "0, 1",
      "0x7FFFFFFE, 0x7FFFFFFF",
      "0x7FFFFFFF, 0x80000000", // across the signed boundary of int
      "0xFFFFFFF0, 0x10", // across the wrap 2^32 -> 0
      "0xFFFFFFFF, 0",
      "0xFFFFFFFF, 0x7FFFFFFE", // 2^31 - 1 ahead: the farthest that is still "after"
      "100, 0x80000063", // 100 + 2^31 - 1
    })
    void ordered_pairs_compare_modulo_2_32(String aText, String bText) {
      int a = parse(aText);
      int b = parse(bText);
      assertThat(SeqNum.lt(a, b)).isTrue();
      assertThat(SeqNum.leq(a, b)).isTrue();
      assertThat(SeqNum.gt(a, b)).isFalse();
      assertThat(SeqNum.geq(a, b)).isFalse();
      assertThat(SeqNum.gt(b, a)).isTrue();
      assertThat(SeqNum.geq(b, a)).isTrue();
      assertThat(SeqNum.lt(b, a)).isFalse();
      assertThat(SeqNum.leq(b, a)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0", "0xFFFFFFFF", "0x80000000", "12345"})
    void equal_numbers_are_leq_and_geq_but_not_lt_or_gt(String text) {
      int a = parse(text);
      assertThat(SeqNum.leq(a, a)).isTrue();
      assertThat(SeqNum.geq(a, a)).isTrue();
      assertThat(SeqNum.lt(a, a)).isFalse();
      assertThat(SeqNum.gt(a, a)).isFalse();
    }

    @Test
    void exactly_2_31_apart_is_the_documented_ambiguous_case() {
      // RFC 1982 leaves this undefined; the signed-difference rule says "less" both ways.
      assertThat(SeqNum.lt(0, 0x80000000)).isTrue();
      assertThat(SeqNum.lt(0x80000000, 0)).isTrue();
    }
  }

  @Nested
  class Arithmetic {
    @Test
    void add_wraps_modulo_2_32() {
      assertThat(SeqNum.add(0xFFFFFFF0, 0x20)).isEqualTo(0x10);
      assertThat(SeqNum.add(0xFFFFFFFF, 1)).isZero();
      assertThat(SeqNum.add(0, -1)).isEqualTo(0xFFFFFFFF);
      assertThat(SeqNum.add(5, 1L << 32)).isEqualTo(5);
      assertThat(SeqNum.add(5, (1L << 32) + 3)).isEqualTo(8);
      assertThat(SeqNum.add(1000, 0xFFFFFFFFL)).isEqualTo(999); // a window of 2^32 - 1
    }

    @Test
    void diff_is_the_signed_distance() {
      assertThat(SeqNum.diff(0x10, 0xFFFFFFF0)).isEqualTo(0x20);
      assertThat(SeqNum.diff(0xFFFFFFF0, 0x10)).isEqualTo(-0x20);
      assertThat(SeqNum.diff(7, 7)).isZero();
      assertThat(SeqNum.diff(0x7FFFFFFF, 0)).isEqualTo(Integer.MAX_VALUE);
      assertThat(SeqNum.diff(0x80000000, 0)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void add_and_diff_are_inverse_for_random_values() {
      Random random = new Random(42);
      for (int i = 0; i < 10_000; i++) {
        int a = random.nextInt();
        int d = random.nextInt();
        assertThat(SeqNum.diff(SeqNum.add(a, d), a)).isEqualTo(d);
        assertThat(SeqNum.lt(a, SeqNum.add(a, d))).isEqualTo(d > 0 || d == Integer.MIN_VALUE);
      }
    }

    @Test
    void unsigned_views() {
      assertThat(SeqNum.toLong(0xFFFFFFFF)).isEqualTo(4_294_967_295L);
      assertThat(SeqNum.toLong(0x80000000)).isEqualTo(2_147_483_648L);
      assertThat(SeqNum.toLong(7)).isEqualTo(7L);
      assertThat(SeqNum.format(0xFFFFFFFF)).isEqualTo("4294967295");
      assertThat(SeqNum.format(0)).isEqualTo("0");
      assertThat(SeqNum.format(300)).isEqualTo("300");
    }
  }

  @Nested
  class InRange {
    @Test
    void half_open_lo_included_hi_excluded() {
      assertThat(SeqNum.inRange(100, 99, 200)).isFalse();
      assertThat(SeqNum.inRange(100, 100, 200)).isTrue();
      assertThat(SeqNum.inRange(100, 199, 200)).isTrue();
      assertThat(SeqNum.inRange(100, 200, 200)).isFalse();
    }

    @Test
    void range_straddling_2_32() {
      int lo = 0xFFFFFFF0;
      int hi = 0x10;
      assertThat(SeqNum.inRange(lo, 0xFFFFFFEF, hi)).isFalse();
      assertThat(SeqNum.inRange(lo, 0xFFFFFFF0, hi)).isTrue();
      assertThat(SeqNum.inRange(lo, 0xFFFFFFFF, hi)).isTrue();
      assertThat(SeqNum.inRange(lo, 0, hi)).isTrue();
      assertThat(SeqNum.inRange(lo, 0xF, hi)).isTrue();
      assertThat(SeqNum.inRange(lo, 0x10, hi)).isFalse();
      assertThat(SeqNum.inRange(lo, 0x80000000, hi)).isFalse();
    }

    @Test
    void empty_range_contains_nothing() {
      // RFC 9293 3.4: with RCV.WND = 0 no sequence number is in the window.
      for (int x : new int[] {0, 1, -1, 100, 0x80000000}) {
        assertThat(SeqNum.inRange(100, x, 100)).as("x=%d", x).isFalse();
        assertThat(SeqNum.inRange(0xFFFFFFFF, x, 0xFFFFFFFF)).isFalse();
      }
    }

    @Test
    void range_wider_than_2_31_still_works() {
      // Measured forward from lo: [0, 0xC0000000) holds 0xA0000000 though it is "before" 0.
      assertThat(SeqNum.inRange(0, 0xA0000000, 0xC0000000)).isTrue();
      assertThat(SeqNum.inRange(0, 0xC0000000, 0xC0000000)).isFalse();
      // [1, 0) holds 2^32 - 1 numbers: every one but hi itself.
      assertThat(SeqNum.inRange(1, 0xFFFFFFFF, 0)).isTrue();
      assertThat(SeqNum.inRange(1, 1, 0)).isTrue();
      assertThat(SeqNum.inRange(1, 0, 0)).isFalse();
    }

    @Test
    void agrees_with_a_long_arithmetic_model() {
      Random random = new Random(7);
      for (int i = 0; i < 10_000; i++) {
        int lo = random.nextInt();
        long width = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextLong() & 0xFFFFFFFFL;
        // Half the probes land near the upper edge, where off-by-one mistakes live.
        long offset =
            random.nextBoolean() ? random.nextLong() & 0xFFFFFFFFL : width - 1 + random.nextInt(3);
        int x = SeqNum.add(lo, offset);
        int hi = SeqNum.add(lo, width);
        boolean expected = (offset & 0xFFFFFFFFL) < width;
        assertThat(SeqNum.inRange(lo, x, hi))
            .as("lo=%s x=%s hi=%s", SeqNum.format(lo), SeqNum.format(x), SeqNum.format(hi))
            .isEqualTo(expected);
      }
    }
  }

  private static int parse(String text) {
    String t = text.strip();
    return t.startsWith("0x") ? Integer.parseUnsignedInt(t.substring(2), 16) : Integer.parseInt(t);
  }
}
