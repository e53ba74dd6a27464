package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcpsim.core.Time;

class SynCookiesTest {
  static final int SERVER = 0x0A000002; // 10.0.0.2, the listener
  static final int CLIENT = 0x0A000001; // 10.0.0.1
  static final int SERVER_PORT = 80;
  static final int CLIENT_PORT = 49152;
  static final int CLIENT_ISN = 0xFFFFFF00; // near the wrap on purpose
  static final long K0 = 0x243F6A8885A308D3L;
  static final long K1 = 0x13198A2E03707344L;
  static final long PERIOD = SynCookies.DEFAULT_PERIOD_NS;

  final SynCookies cookies = new SynCookies(K0, K1);

  int encode(SynCookies c, long now, int mss) {
    return c.encode(now, SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, CLIENT_ISN, mss);
  }

  int validate(SynCookies c, long now, int cookie) {
    return c.validate(now, SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, CLIENT_ISN, cookie);
  }

  /** The returning ACK's fields, as a listener would pass them on. */
  int validateAck(SynCookies c, long now, int segSeq, int segAck) {
    int clientIsn = SeqNum.add(segSeq, -1);
    int cookie = SeqNum.add(segAck, -1);
    return c.validate(now, SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, clientIsn, cookie);
  }

  @Nested
  class MssTable {
    @Test
    void has_8_ascending_entries_from_536_to_1460() {
      assertThat(SynCookies.MSS_TABLE).hasSize(8).isSorted();
      assertThat(SynCookies.MSS_TABLE[0]).isEqualTo(536);
      assertThat(SynCookies.MSS_TABLE[7]).isEqualTo(1460);
      for (int i = 0; i < 8; i++) {
        assertThat(SynCookies.tableMss(i)).isEqualTo(SynCookies.MSS_TABLE[i]);
      }
    }

    @ParameterizedTest(name = "mss {0} -> index {1}")
    @CsvSource({
      "0, 0", "100, 0", "535, 0", "536, 0", "1000, 0", "1023, 0", "1024, 1", "1219, 1",
      "1220, 2", "1300, 3", "1359, 3", "1360, 4", "1440, 5", "1452, 6", "1459, 6", "1460, 7",
      "9000, 7", "65535, 7"
    })
    void index_is_the_largest_entry_not_above_the_mss(int mss, int index) {
      assertThat(SynCookies.mssIndex(mss)).isEqualTo(index);
    }
  }

  @Nested
  class RoundTrip {
    @ParameterizedTest(name = "announced {0} -> {1}")
    @CsvSource({
      "1460, 1460", "9000, 1460", "1452, 1452", "1440, 1440", "1400, 1360", "1300, 1300",
      "1220, 1220", "1024, 1024", "1000, 536", "536, 536", "100, 536"
    })
    void gives_back_the_table_mss(int announced, int expected) {
      long now = 10 * Time.SECOND;
      int cookie = encode(cookies, now, announced);
      assertThat(validate(cookies, now, cookie)).isEqualTo(expected);
      assertThat(validate(cookies, now + 5 * Time.SECOND, cookie)).isEqualTo(expected);
    }

    @Test
    void through_the_ack_fields_seq_minus_one_and_ack_minus_one() {
      long now = 3 * Time.SECOND;
      int cookie = encode(cookies, now, 1460);
      // Client ISN 0xFFFFFF00: its ACK carries SEQ = ISN + 1; ACK = cookie + 1, maybe wrapping.
      int segSeq = SeqNum.add(CLIENT_ISN, 1);
      int segAck = SeqNum.add(cookie, 1);
      assertThat(validateAck(cookies, now + 30 * Time.MS, segSeq, segAck)).isEqualTo(1460);
      assertThat(validateAck(cookies, now + 30 * Time.MS, segSeq, cookie)).isEqualTo(-1);
      assertThat(validateAck(cookies, now + 30 * Time.MS, CLIENT_ISN, segAck)).isEqualTo(-1);
    }

    @Test
    void layout_top_5_bits_counter_next_3_mss_index() {
      long now = 37 * PERIOD + 1; // counter 37, 37 mod 32 = 5
      int cookie = encode(cookies, now, 1300);
      assertThat(cookie >>> 27).isEqualTo(5);
      assertThat((cookie >>> 24) & 7).isEqualTo(3);
    }

    @Test
    void is_deterministic_for_equal_inputs() {
      SynCookies again = new SynCookies(K0, K1);
      for (long now : new long[] {0, Time.SECOND, 100 * PERIOD + 17}) {
        assertThat(encode(again, now, 1460)).isEqualTo(encode(cookies, now, 1460));
      }
      // Within one period the cookie does not depend on the exact instant.
      assertThat(encode(cookies, PERIOD, 1460)).isEqualTo(encode(cookies, 2 * PERIOD - 1, 1460));
    }

    @Test
    void cookies_for_different_clients_differ() {
      Set<Integer> seen = new HashSet<>();
      for (int port = 1024; port < 1024 + 1000; port++) {
        seen.add(
            cookies.encode(Time.SECOND, SERVER, SERVER_PORT, CLIENT, port, CLIENT_ISN, 1460));
      }
      // 1000 draws from 2^24 share a value with probability about 3%; with these keys, none.
      assertThat(seen).hasSize(1000);
    }
  }

  @Nested
  class Forgery {
    final long now = 7 * PERIOD + 123 * Time.MS;
    final int cookie = encode(cookies, now, 1460);

    @Test
    void any_single_flipped_bit_is_rejected() {
      for (int bit = 0; bit < 32; bit++) {
        int forged = cookie ^ (1 << bit);
        assertThat(validate(cookies, now, forged)).as("bit %d flipped", bit).isEqualTo(-1);
        assertThat(validate(cookies, now + PERIOD, forged))
            .as("bit %d flipped, next period", bit)
            .isEqualTo(-1);
      }
    }

    @Test
    void another_4_tuple_is_rejected() {
      int isn = CLIENT_ISN;
      assertThat(cookies.validate(now, SERVER + 1, SERVER_PORT, CLIENT, CLIENT_PORT, isn, cookie))
          .isEqualTo(-1);
      assertThat(cookies.validate(now, SERVER, 443, CLIENT, CLIENT_PORT, isn, cookie))
          .isEqualTo(-1);
      assertThat(cookies.validate(now, SERVER, SERVER_PORT, CLIENT + 1, CLIENT_PORT, isn, cookie))
          .isEqualTo(-1);
      assertThat(cookies.validate(now, SERVER, SERVER_PORT, CLIENT, CLIENT_PORT + 1, isn, cookie))
          .isEqualTo(-1);
      // The same pair seen from the other end.
      assertThat(cookies.validate(now, CLIENT, CLIENT_PORT, SERVER, SERVER_PORT, isn, cookie))
          .isEqualTo(-1);
    }

    @Test
    void another_client_isn_is_rejected() {
      for (int isn : new int[] {CLIENT_ISN + 1, CLIENT_ISN - 1, 0, CLIENT_ISN ^ 0x80000000}) {
        assertThat(cookies.validate(now, SERVER, SERVER_PORT, CLIENT, CLIENT_PORT, isn, cookie))
            .isEqualTo(-1);
      }
    }

    @Test
    void another_key_rejects_it() {
      assertThat(validate(new SynCookies(K0 ^ 1, K1), now, cookie)).isEqualTo(-1);
      assertThat(validate(new SynCookies(K0, K1 ^ (1L << 40)), now, cookie)).isEqualTo(-1);
      assertThat(validate(new SynCookies(K1, K0), now, cookie)).isEqualTo(-1);
      assertThat(encode(new SynCookies(K0 ^ 1, K1), now, 1460)).isNotEqualTo(cookie);
    }
  }

  @Nested
  class Age {
    @Test
    void valid_in_its_period_and_the_next_then_rejected() {
      long made = 10 * PERIOD + 40 * Time.SECOND;
      int cookie = encode(cookies, made, 1440);
      assertThat(validate(cookies, made, cookie)).isEqualTo(1440);
      assertThat(validate(cookies, 11 * PERIOD - 1, cookie)).isEqualTo(1440); // end of own period
      assertThat(validate(cookies, 11 * PERIOD, cookie)).isEqualTo(1440); // next period
      assertThat(validate(cookies, 12 * PERIOD - 1, cookie)).isEqualTo(1440);
      assertThat(validate(cookies, 12 * PERIOD, cookie)).isEqualTo(-1); // two periods old
      assertThat(validate(cookies, 20 * PERIOD, cookie)).isEqualTo(-1);
    }

    @Test
    void a_cookie_from_the_future_is_rejected() {
      int cookie = encode(cookies, 11 * PERIOD, 1460);
      assertThat(validate(cookies, 11 * PERIOD - 1, cookie)).isEqualTo(-1);
    }

    @Test
    void max_age_1_accepts_only_the_own_period() {
      SynCookies strict = new SynCookies(K0, K1, PERIOD, 1);
      int cookie = encode(strict, 3 * PERIOD, 1460);
      assertThat(validate(strict, 4 * PERIOD - 1, cookie)).isEqualTo(1460);
      assertThat(validate(strict, 4 * PERIOD, cookie)).isEqualTo(-1);
    }

    @Test
    void custom_period_and_age() {
      SynCookies c = new SynCookies(K0, K1, Time.SECOND, 4);
      int cookie = encode(c, 0, 1460);
      assertThat(validate(c, 4 * Time.SECOND - 1, cookie)).isEqualTo(1460);
      assertThat(validate(c, 4 * Time.SECOND, cookie)).isEqualTo(-1);
    }

    @Test
    void counter_wraps_at_32_periods() {
      // Made in period 31 (top bits 31), checked in period 32 (top bits 0): one period old.
      int late = encode(cookies, 31 * PERIOD + 1, 1460);
      assertThat(late >>> 27).isEqualTo(31);
      assertThat(validate(cookies, 32 * PERIOD, late)).isEqualTo(1460);
      assertThat(validate(cookies, 33 * PERIOD, late)).isEqualTo(-1);
      // Made in period 63, checked in period 64 (2 x 32): the wrap again.
      int later = encode(cookies, 63 * PERIOD, 1220);
      assertThat(validate(cookies, 64 * PERIOD + 5, later)).isEqualTo(1220);
    }

    @Test
    void a_cookie_exactly_32_periods_old_is_rejected_though_its_top_bits_match() {
      int cookie = encode(cookies, 5 * PERIOD, 1460);
      int aged = encode(cookies, 37 * PERIOD, 1460);
      assertThat(aged >>> 27).isEqualTo(cookie >>> 27);
      assertThat(validate(cookies, 37 * PERIOD, cookie)).isEqualTo(-1);
      assertThat(validate(cookies, 37 * PERIOD, aged)).isEqualTo(1460);
    }

    @Test
    void max_age_32_accepts_31_periods_back_but_not_32() {
      SynCookies lenient = new SynCookies(K0, K1, PERIOD, 32);
      int cookie = encode(lenient, 5 * PERIOD, 1460);
      assertThat(validate(lenient, 36 * PERIOD, cookie)).isEqualTo(1460);
      assertThat(validate(lenient, 37 * PERIOD, cookie)).isEqualTo(-1);
    }

    @Test
    void no_cookie_predates_time_zero() {
      // In period 0 a cookie with top bits 31 would be from period -1.
      int cookie = encode(cookies, 31 * PERIOD, 1460);
      assertThat(validate(cookies, 0, cookie)).isEqualTo(-1);
    }
  }

  @Nested
  class Construction {
    @Test
    void defaults_are_64_seconds_and_2_periods() {
      assertThat(cookies.periodNs()).isEqualTo(64 * Time.SECOND);
      assertThat(cookies.maxAgePeriods()).isEqualTo(2);
      assertThat(cookies.toString()).contains("64s").doesNotContain(Long.toHexString(K0));
    }

    @Test
    void rejects_bad_period_and_age() {
      assertThatThrownBy(() -> new SynCookies(K0, K1, 0, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("period");
      assertThatThrownBy(() -> new SynCookies(K0, K1, PERIOD, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1..32");
      assertThatThrownBy(() -> new SynCookies(K0, K1, PERIOD, 33))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1..32");
    }
  }
}
