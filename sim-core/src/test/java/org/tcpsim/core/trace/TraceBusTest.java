package org.tcpsim.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceBusTest {
  record Small(long time) implements TraceEvent {}

  record Big(long time) implements TraceEvent {}

  /** Wants only {@link Small}, and records what it got, tagged with its name. */
  static final class Picky implements TraceSink {
    final String name;
    final List<String> got;

    Picky(String name, List<String> got) {
      this.name = name;
      this.got = got;
    }

    @Override
    public boolean wants(Class<? extends TraceEvent> type) {
      return type == Small.class;
    }

    @Override
    public void accept(TraceEvent event) {
      got.add(name + ":" + event);
    }
  }

  @Test
  void aTopicNobodyWantsIsInactiveSoItsEventsAreNeverBuilt() {
    TraceBus bus = new TraceBus();
    TraceBus.Topic<Small> small = bus.topic(Small.class);
    TraceBus.Topic<Big> big = bus.topic(Big.class);
    assertThat(bus.active()).isFalse();
    assertThat(small.active()).isFalse();

    bus.subscribe(new Picky("p", new ArrayList<>()));

    assertThat(bus.active()).isTrue();
    assertThat(small.active()).isTrue();
    assertThat(big.active()).isFalse();
  }

  @Test
  void sinksGetWhatTheyWantInSubscriptionOrderWhenTheySubscribeBeforeOrAfterTheTopicExists() {
    TraceBus bus = new TraceBus();
    List<String> got = new ArrayList<>();
    bus.subscribe(new Picky("first", got));
    TraceBus.Topic<Small> small = bus.topic(Small.class);
    bus.subscribe(e -> got.add("all:" + e));
    bus.subscribe(new Picky("last", got));

    small.publish(new Small(1));
    bus.publish(new Big(2));

    assertThat(got).containsExactly(
        "first:Small[time=1]", "all:Small[time=1]", "last:Small[time=1]", "all:Big[time=2]");
  }

  @Test
  void anUnsubscribedSinkGetsNothingMore() {
    TraceBus bus = new TraceBus();
    List<String> got = new ArrayList<>();
    Picky p = new Picky("p", got);
    TraceBus.Topic<Small> small = bus.topic(Small.class);
    bus.subscribe(p);
    small.publish(new Small(1));
    bus.unsubscribe(p);
    small.publish(new Small(2));

    assertThat(got).containsExactly("p:Small[time=1]");
    assertThat(small.active()).isFalse();
  }
}
