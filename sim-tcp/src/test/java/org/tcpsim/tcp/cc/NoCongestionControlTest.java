package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** "none": the RFC 793 sender, with no window but the receiver's and no fast retransmit. */
class NoCongestionControlTest {
  private final SenderModel s = new SenderModel(new NoCongestionControl(), 1000, 1460);

  @Test
  void the_window_is_unlimited_throughout() {
    assertThat(s.cc.name()).isEqualTo("none");
    assertThat(s.cc.cwnd()).isEqualTo(Integer.MAX_VALUE);
    assertThat(s.cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
    s.send(100_000);
    assertThat(s.ackNew(50_000)).isFalse();
    s.timeout();
    s.cc.onIdleRestart(10_000_000_000L, 1_000_000_000L);
    assertThat(s.cc.cwnd()).isEqualTo(Integer.MAX_VALUE);
    assertThat(s.cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void duplicate_acks_never_request_a_retransmission() {
    s.send(100_000);
    assertThat(s.dupAcks(50)).isZero();
    assertThat(s.cc.inFastRecovery()).isFalse();
    assertThat(s.cc.cwnd()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void established_checks_the_smss() {
    assertThatThrownBy(() -> new NoCongestionControl().established(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
