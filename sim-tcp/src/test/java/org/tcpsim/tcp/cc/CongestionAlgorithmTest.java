package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CongestionAlgorithmTest {
  @Test
  void names_are_none_reno_newreno() {
    assertThat(CongestionAlgorithm.names()).containsExactly("none", "reno", "newreno");
  }

  @Test
  void each_algorithm_gives_its_class() {
    assertThat(CongestionAlgorithm.NONE.create()).isInstanceOf(NoCongestionControl.class);
    assertThat(CongestionAlgorithm.RENO.create()).isInstanceOf(Reno.class);
    assertThat(CongestionAlgorithm.NEWRENO.create()).isInstanceOf(NewReno.class);
  }

  @ParameterizedTest
  @EnumSource(CongestionAlgorithm.class)
  void a_name_parses_to_its_algorithm_which_creates_fresh_instances(CongestionAlgorithm a) {
    assertThat(CongestionAlgorithm.parse(a.toString())).isSameAs(a);
    CongestionControl first = a.create();
    CongestionControl second = a.create();
    assertThat(first.name()).isEqualTo(a.toString());
    assertThat(first).isNotSameAs(second);
  }

  @Test
  void instances_do_not_share_state() {
    CongestionControl a = CongestionAlgorithm.RENO.create();
    CongestionControl b = CongestionAlgorithm.RENO.create();
    a.established(1000);
    b.established(1000);
    a.onRetransmissionTimeout(10_000, 10_001);
    assertThat(b.cwnd()).isEqualTo(4000);
  }

  @Test
  void unknown_names_are_refused_with_the_list() {
    assertThatThrownBy(() -> CongestionAlgorithm.parse("cubic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown congestion control 'cubic': expected one of none, reno, newreno");
    assertThatThrownBy(() -> CongestionAlgorithm.parse("Reno"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CongestionAlgorithm.parse("NEWRENO"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CongestionAlgorithm.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
