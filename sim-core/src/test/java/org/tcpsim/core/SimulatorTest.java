package org.tcpsim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void theClockJumpsToEachEventsTime() {
    Simulator sim = new Simulator();
    List<Long> seen = new ArrayList<>();
    sim.schedule(Time.ms(10), () -> seen.add(sim.now()));
    sim.schedule(Time.us(250), () -> seen.add(sim.now()));
    sim.scheduleAt(Time.seconds(2), () -> seen.add(sim.now()));
    sim.run();
    assertThat(seen).containsExactly(250_000L, 10_000_000L, 2_000_000_000L);
    assertThat(sim.eventsExecuted()).isEqualTo(3);
  }

  @Test
  void eventsCanScheduleMoreEventsIncludingAtTheSameInstant() {
    Simulator sim = new Simulator();
    List<String> seen = new ArrayList<>();
    sim.schedule(5, () -> {
      seen.add("a");
      sim.schedule(0, () -> seen.add("c"));
    });
    sim.schedule(5, () -> seen.add("b"));
    sim.run();
    assertThat(seen).containsExactly("a", "b", "c");
  }

  @Test
  void runUntilStopsAtTheTimeAndCanBeContinued() {
    Simulator sim = new Simulator();
    List<Long> seen = new ArrayList<>();
    for (long t = 1; t <= 5; t++) {
      sim.scheduleAt(Time.seconds(t), () -> seen.add(sim.now()));
    }
    sim.runUntil(Time.seconds(3));
    assertThat(seen).hasSize(3);
    assertThat(sim.now()).isEqualTo(Time.seconds(3));
    assertThat(sim.pendingEvents()).isEqualTo(2);
    sim.runUntil(Time.seconds(10));
    assertThat(seen).hasSize(5);
    assertThat(sim.now()).isEqualTo(Time.seconds(10));
  }

  @Test
  void anEventExactlyAtTheStopTimeRuns() {
    Simulator sim = new Simulator();
    boolean[] ran = {false};
    sim.scheduleAt(Time.seconds(1), () -> ran[0] = true);
    sim.runUntil(Time.seconds(1));
    assertThat(ran[0]).isTrue();
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEvent() {
    Simulator sim = new Simulator();
    List<Integer> seen = new ArrayList<>();
    sim.schedule(1, () -> seen.add(1));
    sim.schedule(2, () -> {
      seen.add(2);
      sim.stop();
    });
    sim.schedule(3, () -> seen.add(3));
    sim.run();
    assertThat(seen).containsExactly(1, 2);
    assertThat(sim.now()).isEqualTo(2);
    sim.run();
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  void interruptFromAnotherThreadEndsTheRunAndLasts() throws Exception {
    Simulator sim = new Simulator();
    long[] ticks = {0};
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      ticks[0]++;
      sim.schedule(1, tick[0]);
    };
    sim.schedule(0, tick[0]);
    Thread other = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sim.interrupt();
    });
    other.start();
    sim.runUntil(Long.MAX_VALUE - 1); // endless without the interrupt
    other.join();
    assertThat(sim.interrupted()).isTrue();
    assertThat(sim.now()).isEqualTo(ticks[0] - 1); // the clock stays at the last event
    long seen = ticks[0];
    sim.run();
    assertThat(ticks[0]).isEqualTo(seen);
  }

  @Test
  void cancelledEventsDoNotRunAndCancelIsIdempotent() {
    Simulator sim = new Simulator();
    List<Integer> seen = new ArrayList<>();
    EventHandle h = sim.schedule(10, () -> seen.add(1));
    sim.schedule(20, () -> seen.add(2));
    h.cancel();
    h.cancel();
    assertThat(sim.pendingEvents()).isEqualTo(1);
    sim.run();
    assertThat(seen).containsExactly(2);
    assertThat(sim.eventsExecuted()).isEqualTo(1);
    h.cancel();
    assertThat(h.isPending()).isFalse();
  }

  @Test
  void manyCancelledTimersDoNotAccumulate() {
    // A retransmission timer re-armed on every ACK cancels and reschedules constantly.
    Simulator sim = new Simulator();
    EventHandle[] timer = {sim.schedule(Time.seconds(1), () -> {})};
    for (int i = 0; i < 100_000; i++) {
      timer[0].cancel();
      timer[0] = sim.schedule(Time.seconds(1) + i, () -> {});
    }
    assertThat(sim.pendingEvents()).isEqualTo(1);
    sim.run();
    assertThat(sim.eventsExecuted()).isEqualTo(1);
  }

  @Test
  void rejectsThePastAndNegativeDelays() {
    Simulator sim = new Simulator();
    sim.scheduleAt(100, () -> {});
    sim.run();
    assertThatThrownBy(() -> sim.scheduleAt(50, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
    assertThatThrownBy(() -> sim.schedule(-1, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative delay");
  }

  @Test
  void twoSimulatorsShareNothing() {
    Simulator a = new Simulator();
    Simulator b = new Simulator();
    a.schedule(Time.seconds(5), () -> {});
    a.run();
    assertThat(a.now()).isEqualTo(Time.seconds(5));
    assertThat(b.now()).isZero();
    assertThat(b.pendingEvents()).isZero();
  }
}
