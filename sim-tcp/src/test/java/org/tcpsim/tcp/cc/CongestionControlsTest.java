package org.tcpsim.tcp.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CongestionControlsTest {
  @Test
  void names_are_none_reno_newreno() {
    assertThat(CongestionControls.NAMES).containsExactly("none", "reno", "newreno");
  }

  @Test
  void each_name_gives_its_class() {
    assertThat(CongestionControls.create("none")).isInstanceOf(NoCongestionControl.class);
    assertThat(CongestionControls.create("reno")).isInstanceOf(Reno.class);
    assertThat(CongestionControls.create("newreno")).isInstanceOf(NewReno.class);
  }

  @ParameterizedTest
  @FieldSource("org.tcpsim.tcp.cc.CongestionControls#NAMES")
  void create_gives_a_fresh_instance_with_that_name(String name) {
    CongestionControl a = CongestionControls.create(name);
    CongestionControl b = CongestionControls.create(name);
    assertThat(a.name()).isEqualTo(name);
    assertThat(a).isNotSameAs(b);
  }

  @Test
  void instances_do_not_share_state() {
    CongestionControl a = CongestionControls.create("reno");
    CongestionControl b = CongestionControls.create("reno");
    a.established(1000);
    b.established(1000);
    a.onRetransmissionTimeout(10_000, 10_001);
    assertThat(b.cwnd()).isEqualTo(4000);
  }

  @Test
  void unknown_names_are_refused_with_the_list() {
    assertThatThrownBy(() -> CongestionControls.create("cubic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown congestion control 'cubic': expected one of none, reno, newreno");
    assertThatThrownBy(() -> CongestionControls.create("Reno"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CongestionControls.create(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
