package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {
  /** A 1 ns minimum RTO, so that the computed values show through unclamped. */
  private static RttEstimator unclamped(long granularity) {
    return new RttEstimator(SECOND, 1, 60 * SECOND, granularity);
  }

  @Nested
  class BeforeTheFirstSample {
    @Test
    void rto_is_the_initial_rto() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      assertThat(e.hasSample()).isFalse();
      assertThat(e.rto()).isEqualTo(SECOND);
      assertThat(e.backoffCount()).isZero();
      assertThat(e.toString()).contains("no sample").contains("rto=1s");
    }
  }

  @Nested
  class Rfc6298Section2Computation {
    @Test
    void first_sample_sets_srtt_to_r_and_rttvar_to_half_r() {
      RttEstimator e = unclamped(0);
      e.sample(100 * MS);
      assertThat(e.hasSample()).isTrue();
      assertThat(e.srtt()).isEqualTo(100 * MS);
      assertThat(e.rttvar()).isEqualTo(50 * MS);
      assertThat(e.rto()).isEqualTo(300 * MS); // 100 + 4 * 50
    }

    @Test
    void second_and_third_samples_follow_2_3_in_the_required_order() {
      RttEstimator e = unclamped(0);
      e.sample(100 * MS);
      e.sample(200 * MS);
      // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5 ms, with the old SRTT 100 ms.
      assertThat(e.rttvar()).isEqualTo(62_500_000);
      // SRTT = 7/8 * 100 + 1/8 * 200 = 112.5 ms.
      assertThat(e.srtt()).isEqualTo(112_500_000);
      assertThat(e.rto()).isEqualTo(362_500_000); // 112.5 + 4 * 62.5
      e.sample(20 * MS);
      // RTTVAR = 3/4 * 62.5 + 1/4 * |112.5 - 20| = 46.875 + 23.125 = 70 ms.
      assertThat(e.rttvar()).isEqualTo(70 * MS);
      // SRTT = 7/8 * 112.5 + 1/8 * 20 = 98.4375 + 2.5 = 100.9375 ms.
      assertThat(e.srtt()).isEqualTo(100_937_500);
      assertThat(e.rto()).isEqualTo(380_937_500); // 100.9375 + 280
    }

    @Test
    void rttvar_uses_the_srtt_from_before_the_sample() {
      RttEstimator e = unclamped(0);
      e.sample(100 * MS);
      e.sample(200 * MS);
      // Updating SRTT first would give |112.5 - 200| = 87.5 and RTTVAR = (150 + 87.5) / 4.
      long wrongOrder = (3 * 50 * MS + (200 * MS - 112_500_000)) / 4;
      assertThat(wrongOrder).isEqualTo(59_375_000);
      assertThat(e.rttvar()).isEqualTo(62_500_000).isNotEqualTo(wrongOrder);
    }

    @Test
    void divisions_round_down_in_nanoseconds() {
      RttEstimator e = unclamped(0);
      e.sample(3);
      assertThat(e.rttvar()).isEqualTo(1); // 3 / 2 = 1.5
      e.sample(10);
      assertThat(e.rttvar()).isEqualTo(2); // (3 * 1 + |3 - 10|) / 4 = 2.5
      assertThat(e.srtt()).isEqualTo(3); // (7 * 3 + 10) / 8 = 3.875
    }

    @Test
    void clock_granularity_is_the_floor_of_the_variance_term() {
      // 4 * RTTVAR = 2 ms < G = 10 ms, so RTO = SRTT + G.
      RttEstimator coarse = unclamped(10 * MS);
      coarse.sample(MS);
      assertThat(coarse.rto()).isEqualTo(11 * MS);
      // With a finer clock the variance term wins: 1 + 4 * 0.5 ms.
      RttEstimator fine = unclamped(MS);
      fine.sample(MS);
      assertThat(fine.rto()).isEqualTo(3 * MS);
    }

    @Test
    void steady_samples_shrink_rttvar_until_g_dominates() {
      RttEstimator e = unclamped(5 * MS);
      for (int i = 0; i < 50; i++) {
        e.sample(40 * MS);
      }
      assertThat(e.srtt()).isEqualTo(40 * MS);
      assertThat(4 * e.rttvar()).isLessThan(5 * MS);
      assertThat(e.rto()).isEqualTo(45 * MS);
    }

    @Test
    void rto_is_raised_to_the_minimum() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.sample(100 * MS); // computed 300 ms
      assertThat(e.rto()).isEqualTo(SECOND);
      assertThat(e.srtt()).isEqualTo(100 * MS); // the estimate itself is not clamped
    }

    @Test
    void rto_is_capped_at_the_maximum() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.sample(30 * SECOND); // computed 30 + 4 * 15 = 90 s
      assertThat(e.rto()).isEqualTo(60 * SECOND);
    }

    @Test
    void rejects_negative_and_absurd_samples() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      assertThatThrownBy(() -> e.sample(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RTT sample");
      assertThatThrownBy(() -> e.sample(RttEstimator.MAX_SAMPLE + 1))
          .isInstanceOf(IllegalArgumentException.class);
      e.sample(RttEstimator.MAX_SAMPLE);
      e.sample(RttEstimator.MAX_SAMPLE);
      assertThat(e.srtt()).isEqualTo(RttEstimator.MAX_SAMPLE);
      assertThat(e.rto()).isEqualTo(60 * SECOND);
    }

    @Test
    void to_string_shows_the_estimate() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.sample(100 * MS);
      assertThat(e).hasToString("RttEstimator{srtt=100ms, rttvar=50ms, rto=1s, backoff=0}");
    }
  }

  @Nested
  class Rfc6298Section5Backoff {
    @Test
    void backoff_doubles_up_to_the_maximum() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      long[] expected = {2, 4, 8, 16, 32, 60, 60};
      for (int i = 0; i < expected.length; i++) {
        e.backoff();
        assertThat(e.rto()).as("after %d backoffs", i + 1).isEqualTo(expected[i] * SECOND);
      }
      assertThat(e.backoffCount()).isEqualTo(7);
    }

    @Test
    void backoff_cannot_overflow() {
      RttEstimator e = new RttEstimator(SECOND, SECOND, Long.MAX_VALUE, 0);
      for (int i = 0; i < 100; i++) {
        e.backoff();
      }
      assertThat(e.rto()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_sample_after_backoff_collapses_the_rto() {
      RttEstimator e = unclamped(0);
      e.sample(100 * MS);
      e.backoff();
      e.backoff();
      assertThat(e.rto()).isEqualTo(1200 * MS);
      e.sample(100 * MS);
      // RTTVAR = 3/4 * 50 = 37.5 ms, SRTT stays 100 ms: RTO = 250 ms, backoff gone.
      assertThat(e.rto()).isEqualTo(250 * MS);
      assertThat(e.backoffCount()).isZero();
    }

    @Test
    void backoff_applies_before_the_first_sample() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.backoff();
      assertThat(e.hasSample()).isFalse();
      assertThat(e.rto()).isEqualTo(2 * SECOND);
    }
  }

  @Nested
  class Rfc6298Rule5_7ThreeSecondsAfterSynTimeout {
    @Test
    void a_retransmitted_syn_without_sample_gives_3_seconds_and_clears_backoff() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.backoff(); // the SYN timed out: 2 s
      e.handshakeCompleted(true);
      assertThat(e.rto()).isEqualTo(3 * SECOND);
      assertThat(e.backoffCount()).isZero();
    }

    @Test
    void even_after_several_syn_timeouts() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.backoff();
      e.backoff();
      e.backoff(); // 8 s
      e.handshakeCompleted(true);
      assertThat(e.rto()).isEqualTo(3 * SECOND);
    }

    @Test
    void no_change_when_the_syn_was_not_retransmitted() {
      RttEstimator e = RttEstimator.rfc6298Defaults(MS);
      e.handshakeCompleted(false);
      assertThat(e.rto()).isEqualTo(SECOND);
    }

    @Test
    void no_change_when_a_sample_exists() {
      RttEstimator e = unclamped(0);
      e.sample(100 * MS);
      e.handshakeCompleted(true);
      assertThat(e.rto()).isEqualTo(300 * MS);
    }

    @Test
    void an_initial_rto_above_3_seconds_is_kept() {
      RttEstimator e = new RttEstimator(4 * SECOND, SECOND, 60 * SECOND, MS);
      e.backoff();
      e.handshakeCompleted(true);
      assertThat(e.rto()).isEqualTo(4 * SECOND);
    }

    @Test
    void the_bounds_still_apply() {
      RttEstimator low = new RttEstimator(SECOND, SECOND, 2 * SECOND, MS);
      low.handshakeCompleted(true);
      assertThat(low.rto()).isEqualTo(2 * SECOND);
      RttEstimator high = new RttEstimator(5 * SECOND, 5 * SECOND, 60 * SECOND, MS);
      high.handshakeCompleted(true);
      assertThat(high.rto()).isEqualTo(5 * SECOND);
    }
  }

  @Nested
  class Validation {
    @Test
    void minimum_must_be_positive() {
      assertThatThrownBy(() -> new RttEstimator(SECOND, 0, 60 * SECOND, MS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("minimum RTO must be positive");
    }

    @Test
    void maximum_must_not_be_below_minimum() {
      assertThatThrownBy(() -> new RttEstimator(SECOND, SECOND, 500 * MS, MS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maximum RTO 500ms is below the minimum RTO 1s");
    }

    @Test
    void initial_must_lie_within_the_bounds() {
      assertThatThrownBy(() -> new RttEstimator(200 * MS, SECOND, 60 * SECOND, MS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "initial RTO 200ms must lie between the minimum RTO 1s and the maximum RTO 60s");
      assertThatThrownBy(() -> new RttEstimator(61 * SECOND, SECOND, 60 * SECOND, MS))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void granularity_must_not_be_negative() {
      assertThatThrownBy(() -> new RttEstimator(SECOND, SECOND, 60 * SECOND, -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("clock granularity");
    }
  }
}
