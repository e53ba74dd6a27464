package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reno (RFC 5681): the shared tests of {@link Rfc5681Contract} plus Reno's fast recovery exit. */
class RenoTest extends Rfc5681Contract {
  @Override
  CongestionControl create() {
    return new Reno();
  }

  @Test
  void name_is_reno() {
    assertThat(create().name()).isEqualTo("reno");
  }

  @Test
  void rfc5681_3_2_step_6_any_new_ack_deflates_to_ssthresh_and_ends_recovery() {
    SenderModel s = inFlight(10_000);
    s.dupAcks(7); // cwnd 8000 + 4 * 1000
    assertThat(s.cc.cwnd()).isEqualTo(12_000);
    // A partial ACK: Reno cannot tell it from a full one.
    assertThat(s.ackNew(4000)).isFalse();
    assertThat(s.cc.inFastRecovery()).isFalse();
    assertThat(s.cc.cwnd()).isEqualTo(5000);
    assertThat(s.cc.ssthresh()).isEqualTo(5000);
  }

  @Test
  void rfc5681_3_2_a_second_loss_in_the_window_means_a_second_fast_retransmit() {
    SenderModel s = inFlight(10_000);
    s.dupAcks(7);
    s.ackNew(4000); // partial: recovery over, the hole at the new SND.UNA remains
    assertThat(s.dupAcks(3)).isEqualTo(1);
    assertThat(s.cc.ssthresh()).isEqualTo(3000); // halved again: flight 6000 / 2
  }

  @Test
  void duplicate_acks_after_a_timeout_start_a_fast_retransmit() {
    // The false fast retransmit of RFC 6582 section 4.1, which NewReno avoids.
    SenderModel s = inFlight(10_000);
    s.timeout();
    s.ackNew(SMSS);
    assertThat(s.dupAcks(3)).isEqualTo(1);
    assertThat(s.cc.inFastRecovery()).isTrue();
  }

  @Test
  void loss_of_the_first_data_segment_starts_a_fast_retransmit() {
    SenderModel s = sender().send(4000);
    assertThat(s.dupAcks(3)).isEqualTo(1);
  }
}
