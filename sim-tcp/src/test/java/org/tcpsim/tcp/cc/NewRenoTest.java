package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpsim.tcp.SeqNum;

/**
 * NewReno (RFC 6582): the shared tests of {@link Rfc5681Contract} plus partial and full ACKs,
 * recover, and the guard against fast retransmit after a timeout.
 */
class NewRenoTest extends Rfc5681Contract {
  @Override
  CongestionControl create() {
    return new NewReno();
  }

  @Test
  void name_is_newreno() {
    assertThat(create().name()).isEqualTo("newreno");
  }

  /** Ten segments outstanding, the first lost: seven duplicates leave cwnd at 12000. */
  SenderModel inFastRecovery() {
    SenderModel s = inFlight(10_000);
    assertThat(s.dupAcks(7)).isEqualTo(1);
    assertThat(s.cc.cwnd()).isEqualTo(12_000);
    return s;
  }

  @Nested
  class Rfc6582Section3_2Step1And2Recover {
    @Test
    void recover_starts_at_the_iss() {
      NewReno cc = new NewReno();
      assertThat(cc.hasRecover()).isFalse();
      cc.initialSendSequence(ISS);
      assertThat(cc.hasRecover()).isTrue();
      assertThat(cc.recover()).isEqualTo(ISS);
    }

    @Test
    void fast_retransmit_sets_recover_to_the_highest_sequence_number_sent() {
      SenderModel s = inFlight(10_000);
      s.dupAcks(3);
      assertThat(((NewReno) s.cc).recover()).isEqualTo(s.sndNxt - 1);
    }

    @Test
    void an_ack_covering_more_than_the_iss_may_enter_across_the_sign_boundary() {
      // SND.UNA = ISS + 5001 is above 2^31: only modulo-2^32 comparison sees it after ISS.
      SenderModel s = inFlight(10_000);
      assertThat(s.sndUna).isNegative();
      assertThat(s.dupAcks(3)).isEqualTo(1);
    }

    @Test
    void loss_of_the_first_data_segment_does_not_enter_when_recover_is_the_iss() {
      // ack - 1 == ISS == recover: the ACK does not cover more than recover (step 2).
      SenderModel s = sender().send(4000);
      assertThat(s.dupAcks(3)).isZero();
      assertThat(s.cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void without_an_iss_the_first_three_duplicates_may_enter() {
      NewReno cc = new NewReno();
      cc.established(SMSS);
      int una = SeqNum.add(ISS, 1);
      int nxt = SeqNum.add(una, 4000);
      assertThat(cc.onDuplicateAck(4000, una, nxt)).isFalse();
      assertThat(cc.onDuplicateAck(4000, una, nxt)).isFalse();
      assertThat(cc.onDuplicateAck(4000, una, nxt)).isTrue();
      assertThat(cc.recover()).isEqualTo(nxt - 1);
    }

    @Test
    void duplicates_during_recovery_never_start_a_second_fast_retransmit() {
      SenderModel s = inFlight(10_000);
      assertThat(s.dupAcks(30)).isEqualTo(1);
      s.ackNew(2000); // partial ACK; more duplicates follow
      assertThat(s.dupAcks(30)).isZero();
      assertThat(s.cc.inFastRecovery()).isTrue();
    }
  }

  @Nested
  class Rfc6582Section3_2Step3PartialAcks {
    @Test
    void a_partial_ack_deflates_by_the_acked_data_adds_smss_and_requests_a_retransmission() {
      SenderModel s = inFastRecovery();
      assertThat(s.ackNew(4000)).isTrue();
      assertThat(s.cc.inFastRecovery()).isTrue();
      assertThat(s.cc.cwnd()).isEqualTo(12_000 - 4000 + SMSS);
      assertThat(s.cc.ssthresh()).isEqualTo(5000);
    }

    @Test
    void a_partial_ack_of_less_than_smss_adds_nothing_back() {
      SenderModel s = inFastRecovery();
      assertThat(s.ackNew(500)).isTrue();
      assertThat(s.cc.cwnd()).isEqualTo(11_500);
    }

    @Test
    void duplicates_after_a_partial_ack_inflate_again() {
      SenderModel s = inFastRecovery();
      s.ackNew(4000);
      assertThat(s.dupAck()).isFalse();
      assertThat(s.cc.cwnd()).isEqualTo(9000 + SMSS);
    }

    @Test
    void each_partial_ack_requests_one_retransmission() {
      SenderModel s = inFastRecovery();
      assertThat(s.ackNew(3000)).isTrue();
      assertThat(s.ackNew(3000)).isTrue();
      assertThat(s.ackNew(3000)).isTrue();
      assertThat(s.cc.inFastRecovery()).isTrue();
      assertThat(s.ackNew(1000)).isFalse(); // reaches recover + 1
      assertThat(s.cc.inFastRecovery()).isFalse();
    }

    @Test
    void deflation_never_leaves_less_than_one_segment() {
      SenderModel s = inFlight(10_000);
      s.dupAcks(3); // cwnd 8000
      assertThat(s.ackNew(9000)).isTrue(); // 8000 - 9000 + 1000 = 0
      assertThat(s.cc.cwnd()).isEqualTo(SMSS);
    }
  }

  @Nested
  class Rfc6582Section3_2Step3FullAcks {
    @Test
    void a_full_ack_uses_option_1_with_little_data_outstanding() {
      SenderModel s = inFastRecovery();
      assertThat(s.ackNew(10_000)).isFalse();
      assertThat(s.cc.inFastRecovery()).isFalse();
      // min(ssthresh, max(FlightSize, SMSS) + SMSS) = min(5000, 1000 + 1000)
      assertThat(s.cc.cwnd()).isEqualTo(2000);
    }

    @Test
    void a_full_ack_with_new_data_outstanding_counts_it() {
      SenderModel s = inFastRecovery();
      s.send(3000); // new data sent during recovery, beyond recover
      assertThat(s.ackNew(10_000)).isFalse();
      assertThat(s.cc.cwnd()).isEqualTo(4000); // min(5000, 3000 + 1000)
    }

    @Test
    void a_full_ack_never_exceeds_ssthresh() {
      SenderModel s = inFastRecovery();
      s.send(9000);
      s.ackNew(10_000);
      assertThat(s.cc.cwnd()).isEqualTo(5000);
    }

    @Test
    void after_a_full_ack_the_ack_must_pass_recover_plus_one_to_enter_again() {
      SenderModel s = inFastRecovery();
      int recover = ((NewReno) s.cc).recover();
      s.send(5000);
      s.ackNew(10_000); // SND.UNA = recover + 1
      assertThat(s.sndUna).isEqualTo(recover + 1);
      // The segment at recover + 1 is lost: ack - 1 == recover, not more (step 2, literally).
      assertThat(s.dupAcks(3)).isZero();
      s.ackNew(SMSS); // ack - 1 > recover now
      assertThat(s.dupAcks(3)).isEqualTo(1);
      assertThat(((NewReno) s.cc).recover()).isEqualTo(s.sndNxt - 1);
    }
  }

  @Nested
  class Rfc6582Section3_2Step4AndSection4_1Timeouts {
    @Test
    void a_timeout_records_recover_and_ends_recovery() {
      SenderModel s = inFastRecovery();
      s.send(2000);
      s.timeout();
      assertThat(s.cc.inFastRecovery()).isFalse();
      assertThat(((NewReno) s.cc).recover()).isEqualTo(s.sndNxt - 1);
    }

    @Test
    void duplicates_below_recover_after_a_timeout_do_not_start_fast_retransmit() {
      SenderModel s = inFlight(10_000);
      s.timeout(); // ssthresh 5000, cwnd 1000, recover = highest sequence number sent
      s.ackNew(SMSS); // the retransmission is acknowledged; cwnd 2000
      // Go-back-N resends segments the receiver already holds: duplicate ACKs below recover.
      assertThat(s.dupAcks(6)).isZero();
      assertThat(s.cc.inFastRecovery()).isFalse();
      assertThat(s.cc.ssthresh()).isEqualTo(5000);
      assertThat(s.cc.cwnd()).isEqualTo(2000);
    }

    @Test
    void fast_retransmit_works_again_once_the_ack_passes_recover() {
      SenderModel s = inFlight(10_000);
      s.timeout();
      s.ackNew(10_000); // SND.UNA = recover + 1
      s.send(8000);
      s.ackNew(SMSS);
      assertThat(s.dupAcks(3)).isEqualTo(1);
      assertThat(s.cc.inFastRecovery()).isTrue();
    }
  }
}
