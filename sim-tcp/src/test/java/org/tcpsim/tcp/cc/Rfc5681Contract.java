package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tcpsim.core.Time.MS;
import static org.tcpsim.core.Time.SECOND;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 5681 behaviour that Reno and NewReno share: slow start, congestion avoidance, fast
 * retransmit entry and window inflation, timeouts, restart after idle. {@link RenoTest} and
 * {@link NewRenoTest} run these tests on their algorithm and add their own fast recovery tests.
 */
abstract class Rfc5681Contract {
  static final int SMSS = 1000;
  /** Just below 2^31: the sequence numbers of the tests cross the signed boundary of int. */
  static final int ISS = 0x7FFF_F000;

  abstract CongestionControl create();

  SenderModel sender() {
    return new SenderModel(create(), ISS, SMSS);
  }

  /**
   * A sender that has had its first 5000 bytes acknowledged (cwnd 4000 + 1000 = 5000, still in
   * slow start) and now has {@code bytes} outstanding.
   */
  SenderModel inFlight(int bytes) {
    SenderModel s = sender().send(5000);
    s.ackNew(5000);
    assertThat(s.cc.cwnd()).isEqualTo(5000);
    return s.send(bytes);
  }

  // RFC 5681 3.1: initial window and ssthresh

  @ParameterizedTest(name = "SMSS {0} -> IW {1}")
  @CsvSource({
    "536, 2144", // 4 segments
    "1095, 4380", // 4 segments, the largest SMSS that gets 4
    "1096, 3288", // 3 segments
    "1460, 4380",
    "2190, 6570", // 3 segments, the largest SMSS that gets 3
    "2191, 4382", // 2 segments
    "4000, 8000",
  })
  void rfc5681_3_1_initial_window(int smss, int iw) {
    CongestionControl cc = create();
    cc.established(smss);
    assertThat(cc.cwnd()).isEqualTo(iw);
  }

  @Test
  void rfc5681_3_1_ssthresh_starts_arbitrarily_high() {
    CongestionControl cc = create();
    assertThat(cc.cwnd()).isZero();
    cc.established(SMSS);
    assertThat(cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
    assertThat(cc.inFastRecovery()).isFalse();
  }

  @Test
  void rfc5681_3_1_initial_window_is_one_segment_after_a_lost_syn() {
    CongestionControl cc = create();
    cc.established(1460, true);
    assertThat(cc.cwnd()).isEqualTo(1460);
  }

  // RFC 5681 3.1: slow start

  @Test
  void rfc5681_3_1_slow_start_adds_min_of_acked_and_smss() {
    SenderModel s = sender().send(10_000);
    s.ackNew(1000);
    assertThat(s.cc.cwnd()).isEqualTo(5000); // IW 4000 + SMSS
    s.ackNew(300);
    assertThat(s.cc.cwnd()).isEqualTo(5300); // eq. (2): N < SMSS, byte counting
    s.ackNew(3000);
    assertThat(s.cc.cwnd()).isEqualTo(6300); // a stretch ACK still adds at most SMSS
  }

  @Test
  void rfc5681_3_1_slow_start_doubles_cwnd_each_round_trip() {
    SenderModel s = sender();
    for (int round = 0; round < 4; round++) {
      int window = s.cc.cwnd();
      s.send(window);
      for (int acked = 0; acked < window; acked += SMSS) {
        s.ackNew(SMSS);
      }
      assertThat(s.cc.cwnd()).as("after round %d", round + 1).isEqualTo(2 * window);
    }
  }

  /** A sender whose timeout set ssthresh to 10000 and which slow-started back up to it. */
  SenderModel inCongestionAvoidanceAt10000() {
    SenderModel s = inFlight(20_000);
    s.timeout();
    assertThat(s.cc.ssthresh()).isEqualTo(10_000);
    for (int i = 0; i < 9; i++) {
      s.ackNew(SMSS);
    }
    assertThat(s.cc.cwnd()).isEqualTo(10_000);
    return s;
  }

  // RFC 5681 3.1: congestion avoidance

  @Test
  void rfc5681_3_1_congestion_avoidance_adds_about_one_smss_per_round_trip() {
    SenderModel s = inCongestionAvoidanceAt10000();
    for (int i = 0; i < 10; i++) { // one window of full-sized segments
      s.ackNew(SMSS);
    }
    // eq. (3) on each ACK, integer division: +100, +99, +98, +97, +96, +95, +94, +93, +92, +92.
    assertThat(s.cc.cwnd()).isEqualTo(10_956).isBetween(10_900, 11_000);
  }

  @Test
  void rfc5681_3_1_congestion_avoidance_never_adds_less_than_one_byte() {
    SenderModel s = new SenderModel(create(), ISS, 100).send(100_000);
    s.timeout(); // ssthresh 50000, cwnd 100
    while (s.cc.cwnd() < s.cc.ssthresh()) {
      s.ackNew(100);
    }
    int cwnd = s.cc.cwnd();
    assertThat(cwnd).isGreaterThan(100 * 100); // SMSS*SMSS/cwnd is 0 in integers
    s.ackNew(100);
    assertThat(s.cc.cwnd()).isEqualTo(cwnd + 1);
  }

  // RFC 5681 3.2: fast retransmit and fast recovery steps 1 to 4

  @Test
  void rfc5681_3_2_the_third_duplicate_ack_and_only_it_requests_a_retransmission() {
    SenderModel s = inFlight(10_000);
    List<Boolean> requests = new ArrayList<>();
    requests.add(s.dupAck());
    requests.add(s.dupAck());
    // Step 1: the first two duplicates change neither cwnd nor ssthresh.
    assertThat(s.cc.cwnd()).isEqualTo(5000);
    assertThat(s.cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
    assertThat(s.cc.inFastRecovery()).isFalse();
    requests.add(s.dupAck());
    // Step 2: ssthresh = max(FlightSize / 2, 2*SMSS) = 5000 (not cwnd / 2 = 2500).
    assertThat(s.cc.ssthresh()).isEqualTo(5000);
    // Step 3: cwnd = ssthresh + 3*SMSS.
    assertThat(s.cc.cwnd()).isEqualTo(8000);
    assertThat(s.cc.inFastRecovery()).isTrue();
    requests.add(s.dupAck());
    requests.add(s.dupAck());
    assertThat(requests).containsExactly(false, false, true, false, false);
  }

  @Test
  void rfc5681_3_2_each_further_duplicate_ack_inflates_cwnd_by_smss() {
    SenderModel s = inFlight(10_000);
    s.dupAcks(3);
    for (int extra = 1; extra <= 6; extra++) {
      assertThat(s.dupAck()).isFalse();
      assertThat(s.cc.cwnd()).isEqualTo(8000 + extra * SMSS);
    }
    assertThat(s.cc.ssthresh()).isEqualTo(5000);
  }

  @Test
  void rfc5681_3_2_ssthresh_is_at_least_two_segments() {
    SenderModel s = inFlight(3000);
    assertThat(s.dupAcks(3)).isEqualTo(1);
    assertThat(s.cc.ssthresh()).isEqualTo(2 * SMSS); // not 3000 / 2
    assertThat(s.cc.cwnd()).isEqualTo(5 * SMSS);
  }

  @Test
  void rfc5681_3_2_duplicates_must_be_consecutive() {
    SenderModel s = inFlight(10_000);
    assertThat(s.dupAcks(2)).isZero();
    s.ackNew(SMSS); // moves SND.UNA: the count starts again
    assertThat(s.dupAcks(2)).isZero();
    assertThat(s.cc.inFastRecovery()).isFalse();
    assertThat(s.dupAck()).isTrue();
  }

  @Test
  void rfc5681_3_2_a_full_ack_deflates_cwnd_to_ssthresh_and_ends_recovery() {
    SenderModel s = inFlight(10_000);
    s.dupAcks(5);
    s.send(5000); // new data sent during fast recovery
    assertThat(s.ackNew(10_000)).isFalse(); // everything up to the third duplicate
    assertThat(s.cc.inFastRecovery()).isFalse();
    assertThat(s.cc.cwnd()).isEqualTo(5000);
    s.ackNew(SMSS);
    assertThat(s.cc.cwnd()).isEqualTo(5200); // congestion avoidance now: 1000*1000/5000
  }

  // RFC 5681 3.1: retransmission timeout

  @Test
  void rfc5681_3_1_timeout_sets_loss_window_and_halves_flight_size() {
    SenderModel s = inFlight(10_000);
    s.timeout();
    assertThat(s.cc.cwnd()).isEqualTo(SMSS);
    assertThat(s.cc.ssthresh()).isEqualTo(5000);
    s.ackNew(SMSS);
    assertThat(s.cc.cwnd()).isEqualTo(2 * SMSS); // slow start again
  }

  @Test
  void rfc5681_3_1_timeout_with_small_flight_keeps_two_segments_of_ssthresh() {
    SenderModel s = inFlight(1500);
    s.timeout();
    assertThat(s.cc.ssthresh()).isEqualTo(2 * SMSS);
    assertThat(s.cc.cwnd()).isEqualTo(SMSS);
  }

  @Test
  void rfc5681_3_1_timeout_ends_fast_recovery() {
    SenderModel s = inFlight(10_000);
    s.dupAcks(5);
    s.timeout();
    assertThat(s.cc.inFastRecovery()).isFalse();
    assertThat(s.cc.cwnd()).isEqualTo(SMSS);
    assertThat(s.cc.ssthresh()).isEqualTo(5000);
  }

  @Test
  void rfc5681_3_1_ssthresh_is_held_when_the_same_segment_times_out_again() {
    SenderModel s = inFlight(10_000);
    s.timeout();
    // Go-back-N left only the retransmission outstanding; it times out too.
    s.cc.onRetransmissionTimeout(SMSS, s.sndNxt);
    assertThat(s.cc.ssthresh()).isEqualTo(5000); // not max(500, 2000)
    assertThat(s.cc.cwnd()).isEqualTo(SMSS);
    s.ackNew(SMSS); // SND.UNA moves: the next timeout is about another segment
    s.timeout();
    assertThat(s.cc.ssthresh()).isEqualTo(4500);
  }

  // RFC 5681 4.1: restarting idle connections

  @Test
  void rfc5681_4_1_idle_longer_than_rto_restarts_from_the_restart_window() {
    SenderModel s = sender().send(3000);
    s.ackNew(1000);
    s.ackNew(1000);
    s.ackNew(1000);
    assertThat(s.cc.cwnd()).isEqualTo(7000);
    s.cc.onIdleRestart(SECOND, SECOND); // not longer than the RTO
    assertThat(s.cc.cwnd()).isEqualTo(7000);
    s.cc.onIdleRestart(SECOND + 1, SECOND);
    assertThat(s.cc.cwnd()).isEqualTo(4000); // RW = min(IW, cwnd)
    assertThat(s.cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void rfc5681_4_1_restart_window_never_raises_cwnd() {
    SenderModel s = inFlight(10_000);
    s.timeout();
    s.cc.onIdleRestart(5 * SECOND, 200 * MS);
    assertThat(s.cc.cwnd()).isEqualTo(SMSS);
  }

  // Arithmetic limits and misuse

  @Test
  void cwnd_saturates_at_integer_max_value_in_slow_start() {
    SenderModel s = new SenderModel(create(), ISS, 65_535);
    for (int i = 0; i < 33_000; i++) {
      s.send(65_535);
      s.ackNew(65_535);
      assertThat(s.cc.cwnd()).isPositive();
    }
    assertThat(s.cc.cwnd()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void cwnd_saturates_at_integer_max_value_when_inflating() {
    SenderModel s = new SenderModel(create(), ISS, 65_535).send(65_535);
    s.ackNew(65_535);
    s.send(Integer.MAX_VALUE - 65_536);
    assertThat(s.dupAcks(3)).isEqualTo(1);
    assertThat(s.cc.ssthresh()).isEqualTo((Integer.MAX_VALUE - 65_536) / 2);
    s.dupAcks(20_000);
    assertThat(s.cc.cwnd()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void hooks_before_established_are_refused() {
    CongestionControl cc = create();
    assertThatThrownBy(() -> cc.onNewAck(1, 1, ISS + 2, ISS + 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before established()");
    assertThatThrownBy(() -> cc.onDuplicateAck(1, ISS + 1, ISS + 2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cc.onRetransmissionTimeout(1, ISS + 2))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void established_checks_its_argument_and_happens_once() {
    CongestionControl cc = create();
    assertThatThrownBy(() -> cc.established(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SMSS must be positive, got 0");
    cc.established(SMSS);
    assertThatThrownBy(() -> cc.established(SMSS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("established() called twice");
  }

  @Test
  void inconsistent_byte_counts_are_refused() {
    SenderModel s = inFlight(2000);
    assertThatThrownBy(() -> s.cc.onNewAck(0, 2000, s.sndUna, s.sndNxt))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.cc.onNewAck(2001, 2000, s.sndUna + 2001, s.sndNxt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flight size");
    assertThatThrownBy(() -> s.cc.onDuplicateAck(0, s.sndUna, s.sndUna))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outstanding data");
  }
}
