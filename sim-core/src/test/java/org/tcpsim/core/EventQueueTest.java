package org.tcpsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One suite, run against every {@link EventQueue} implementation. */
class EventQueueTest {

  static Stream<Arguments> queues() {
    return Stream.of(
        Arguments.of("heap4", (Supplier<EventQueue>) FourAryHeapQueue::new),
        Arguments.of("heap4 (tiny initial capacity)", (Supplier<EventQueue>) () ->
            new FourAryHeapQueue(1)),
        Arguments.of("reference", (Supplier<EventQueue>) ReferenceQueue::new));
  }

  private static final Runnable NOTHING = () -> {};

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void matchesTheReferenceUnderALongRandomSequenceOfScheduleCancelAndPop(
      String name, Supplier<EventQueue> factory) {
    // Coarse times: many events share an instant, so the tie-break carries the test.
    matchReference(factory.get(), 50, 200_000);
    // Fine times: nearly all distinct, so queues keyed by time grow and shrink their tables.
    matchReference(factory.get(), 1_000_000, 200_000);
  }

  private static void matchReference(EventQueue queue, int spread, int steps) {
    EventQueue reference = new ReferenceQueue();
    Random rnd = new Random(42);
    List<Event[]> live = new ArrayList<>();
    long seq = 0;
    long now = 0;
    for (int step = 0; step < steps; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        long t = now + rnd.nextInt(spread);
        Event a = Event.forQueue(t, seq, NOTHING);
        Event b = Event.forQueue(t, seq, NOTHING);
        seq++;
        queue.add(a);
        reference.add(b);
        live.add(new Event[] {a, b});
      } else if (op < 7 && !live.isEmpty()) {
        Event[] pair = live.remove(rnd.nextInt(live.size()));
        pair[0].cancel();
        pair[1].cancel();
      } else if (op < 8 && rnd.nextInt(50) == 0) {
        queue.purgeCancelled();
        reference.purgeCancelled();
        assertThat(queue.size()).isEqualTo(reference.size());
      } else {
        Event got = queue.poll();
        Event want = reference.poll();
        if (want == null) {
          assertThat(got).isNull();
          continue;
        }
        assertThat(got).isNotNull();
        assertThat(got.time()).as("time at step %d", step).isEqualTo(want.time());
        assertThat(got.seq()).as("seq at step %d", step).isEqualTo(want.seq());
        assertThat(got.isCancelled()).isEqualTo(want.isCancelled());
        now = got.time();
        live.removeIf(p -> p[0] == got);
      }
      assertThat(queue.size()).isEqualTo(reference.size());
    }
    // Drain: the rest comes out in the same order.
    Event got;
    while ((got = queue.poll()) != null) {
      Event want = reference.poll();
      assertThat(want).isNotNull();
      assertThat(got.time()).isEqualTo(want.time());
      assertThat(got.seq()).isEqualTo(want.seq());
    }
    assertThat(reference.poll()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void eventsAtTheSameInstantRunInSchedulingOrder(String name, Supplier<EventQueue> factory) {
    Simulator sim = new Simulator(factory.get());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int id = i;
      // Interleave two instants; each must keep the order of its own events.
      sim.scheduleAt(i % 2 == 0 ? 5 : 3, () -> order.add(id));
    }
    sim.run();
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i < 1000; i += 2) {
      expected.add(i);
    }
    for (int i = 0; i < 1000; i += 2) {
      expected.add(i);
    }
    assertThat(order).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void cancellingAFarFutureEventTouchesNoQueueEntry(String name, Supplier<EventQueue> factory) {
    CountingQueue counting = new CountingQueue(factory.get());
    Simulator sim = new Simulator(counting);
    for (int i = 0; i < 10_000; i++) {
      sim.schedule(i, NOTHING);
    }
    EventHandle far = sim.schedule(Time.HOUR, NOTHING);
    long before = counting.calls;
    far.cancel();
    assertThat(counting.calls).as("queue operations caused by cancel").isEqualTo(before);
    assertThat(far.isPending()).isFalse();
    assertThat(sim.pendingEvents()).isEqualTo(10_000);
    sim.run();
    assertThat(sim.eventsExecuted()).isEqualTo(10_000);
    assertThat(sim.now()).isEqualTo(9_999);
  }

  /** Counts every call made to the wrapped queue. */
  static final class CountingQueue implements EventQueue {
    final EventQueue inner;
    long calls;

    CountingQueue(EventQueue inner) {
      this.inner = inner;
    }

    @Override
    public void add(Event e) {
      calls++;
      inner.add(e);
    }

    @Override
    public Event poll() {
      calls++;
      return inner.poll();
    }

    @Override
    public Event peek() {
      calls++;
      return inner.peek();
    }

    @Override
    public int size() {
      calls++;
      return inner.size();
    }

    @Override
    public void purgeCancelled() {
      calls++;
      inner.purgeCancelled();
    }
  }
}
