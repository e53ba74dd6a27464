package org.tcpsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One suite, run against every {@link EventQueue} implementation. */
class EventQueueTest {

  static Stream<Arguments> queues() {
    return Stream.of(
        Arguments.of("heap4", (Supplier<EventQueue>) FourAryHeapQueue::new),
        Arguments.of("heap4 (tiny initial capacity)", (Supplier<EventQueue>) () ->
            new FourAryHeapQueue(1)),
        Arguments.of("radix", (Supplier<EventQueue>) RadixHeapQueue::new),
        Arguments.of("radix (tiny initial capacity)", (Supplier<EventQueue>) () ->
            new RadixHeapQueue(1)),
        Arguments.of("reference", (Supplier<EventQueue>) ReferenceQueue::new));
  }

  private static final Runnable NOTHING = () -> {};

  /** An action that is only a name, so two queues can be compared by what they return. */
  record Tag(long id) implements Runnable {
    @Override
    public void run() {}
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void matchesTheReferenceUnderALongRandomSequenceOfScheduleCancelAndPop(
      String name, Supplier<EventQueue> factory) {
    // Coarse times: many events share an instant, so the tie-break carries the test.
    matchReference(factory.get(), new Random(42), 50, 200_000);
    // Fine times: nearly all distinct.
    matchReference(factory.get(), new Random(42), 1_000_000, 200_000);
  }

  /**
   * A simulator never adds a time before the last one polled, but the queues take it: the radix
   * heap renumbers its buckets, the heaps need nothing special.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void matchesTheReferenceWhenAddedTimesGoBackBeforeTheLastPolled(
      String name, Supplier<EventQueue> factory) {
    matchReference(factory.get(), new Random(3), 50, 50_000, true);
    matchReference(factory.get(), new Random(4), 1_000_000, 50_000, true);
  }

  @ParameterizedTest(name = "time spread {0}")
  @ValueSource(ints = {1, 3, 20, 1000, 1 << 30})
  void matchesTheReferenceOverManySeeds(int spread) {
    for (long seed = 0; seed < 200; seed++) {
      Random rnd = new Random(seed);
      // Small initial capacities exercise growth; varying lengths hit every heap shape.
      EventQueue queue = new FourAryHeapQueue(1 + rnd.nextInt(8));
      matchReference(queue, rnd, spread, 500 + rnd.nextInt(3000));
    }
  }

  /**
   * Drives {@code queue} and a {@link ReferenceQueue} through the same random adds (with
   * occasional extreme times), cancels (including stale handles of events that already left),
   * purges and polls; both must return the same action at the same time every step.
   */
  private static void matchReference(EventQueue queue, Random rnd, int spread, int steps) {
    matchReference(queue, rnd, spread, steps, false);
  }

  /** As above; with {@code goBack}, one add in ten is up to {@code spread} before the head. */
  private static void matchReference(
      EventQueue queue, Random rnd, int spread, int steps, boolean goBack) {
    EventQueue reference = new ReferenceQueue();
    List<EventHandle[]> handles = new ArrayList<>();
    long id = 0;
    long now = 0;
    for (int step = 0; step < steps; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        long t = rnd.nextInt(100) == 0 ? Long.MAX_VALUE : now + rnd.nextInt(spread);
        if (goBack && t != Long.MAX_VALUE && rnd.nextInt(10) == 0) {
          t = Math.max(0, t - spread);
        }
        Tag tag = new Tag(id++);
        EventHandle a = queue.add(t, tag);
        EventHandle b = reference.add(t, tag);
        assertThat(a.time()).isEqualTo(t);
        assertThat(a.isPending()).isTrue();
        handles.add(new EventHandle[] {a, b});
      } else if (op < 7 && !handles.isEmpty()) {
        // Any handle, pending or not: stale ones must change nothing.
        EventHandle[] pair = handles.get(rnd.nextInt(handles.size()));
        assertThat(pair[0].isPending()).isEqualTo(pair[1].isPending());
        pair[0].cancel();
        pair[1].cancel();
        assertThat(pair[0].isPending()).isFalse();
      } else if (op < 8 && rnd.nextInt(50) == 0) {
        queue.purgeCancelled();
        reference.purgeCancelled();
      } else {
        if (reference.size() > 0) {
          assertThat(queue.peekTime()).as("head time at step %d", step)
              .isEqualTo(reference.peekTime());
          now = reference.peekTime() == Long.MAX_VALUE ? now : reference.peekTime();
        }
        Runnable want = reference.poll();
        Runnable got = queue.poll();
        assertThat(got).as("action at step %d", step).isEqualTo(want);
      }
      assertThat(queue.size()).as("size at step %d", step).isEqualTo(reference.size());
      if (handles.size() > 4096) {
        handles.subList(0, 2048).clear();
      }
    }
    // Drain: the rest comes out in the same order.
    while (reference.size() > 0) {
      assertThat(queue.peekTime()).isEqualTo(reference.peekTime());
      assertThat(queue.poll()).isEqualTo(reference.poll());
    }
    assertThat(queue.size()).isZero();
    for (EventHandle[] pair : handles) {
      assertThat(pair[0].isPending()).isFalse();
    }
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
  void manyEventsAtFewInstantsLeaveInAddOrderThroughPollsAndPurges(
      String name, Supplier<EventQueue> factory) {
    // Every heap position holds ties, so every sift takes the tie-break path; events added
    // while others leave interleave old and new numbers at the same instant.
    EventQueue queue = factory.get();
    Random rnd = new Random(7);
    List<List<Tag>> byInstant = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      byInstant.add(new ArrayList<>());
    }
    long id = 0;
    for (int i = 0; i < 20_000; i++) {
      int t = rnd.nextInt(4);
      Tag tag = new Tag(id++);
      queue.add(t, tag);
      byInstant.get(t).add(tag);
    }
    List<EventHandle> toCancel = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int t = 3;
      Tag tag = new Tag(id++);
      toCancel.add(queue.add(t, tag));
    }
    toCancel.forEach(EventHandle::cancel);
    queue.purgeCancelled();
    assertThat(queue.size()).isEqualTo(20_000);
    for (int t = 0; t < 4; t++) {
      for (Tag want : byInstant.get(t)) {
        assertThat(queue.peekTime()).isEqualTo(t);
        assertThat(queue.poll()).isEqualTo(want);
        if (t == 0 && want.id() % 3 == 0) {
          // Adds at the current instant go behind everything already there.
          Tag late = new Tag(id++);
          queue.add(3, late);
          byInstant.get(3).add(late);
        }
      }
    }
    assertThat(queue.size()).isZero();
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
    // The handle marks its event dead: no add, poll, peek or purge happens.
    assertThat(counting.calls).as("queue operations caused by cancel").isEqualTo(before);
    assertThat(far.isPending()).isFalse();
    assertThat(sim.pendingEvents()).isEqualTo(10_000);
    sim.run();
    assertThat(sim.eventsExecuted()).isEqualTo(10_000);
    assertThat(sim.now()).isEqualTo(9_999);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void aStaleHandleNeverCancelsTheEventThatReusedItsStorage(
      String name, Supplier<EventQueue> factory) {
    EventQueue queue = factory.get();
    EventHandle ran = queue.add(10, new Tag(0));
    EventHandle cancelled = queue.add(20, new Tag(1));
    cancelled.cancel();
    assertThat(queue.poll()).isEqualTo(new Tag(0));
    assertThat(queue.poll()).isNull(); // the cancelled entry
    // The heap queue reuses the two freed slots for these.
    EventHandle a = queue.add(30, new Tag(2));
    EventHandle b = queue.add(30, new Tag(3));
    ran.cancel();
    cancelled.cancel();
    assertThat(ran.isPending()).isFalse();
    assertThat(cancelled.isPending()).isFalse();
    assertThat(a.isPending()).isTrue();
    assertThat(b.isPending()).isTrue();
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.poll()).isEqualTo(new Tag(2));
    assertThat(queue.poll()).isEqualTo(new Tag(3));
  }

  @Test
  void slotsAreReusedSoAStaleHandleReallyPointsAtALiveSlot() {
    // The premise of the test above, for the queue that reuses storage.
    FourAryHeapQueue queue = new FourAryHeapQueue();
    Event first = queue.add(1, NOTHING);
    queue.poll();
    Event second = queue.add(2, NOTHING);
    assertThat(second.toString()).contains("seq=1");
    assertThat(first.seq()).isNotEqualTo(second.seq());
    first.cancel();
    assertThat(second.isPending()).isTrue();
  }

  @Test
  void cancelledEntriesArePurgedOnceTheyOutnumberLiveOnes() {
    FourAryHeapQueue queue = new FourAryHeapQueue();
    List<EventHandle> handles = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      handles.add(queue.add(i, NOTHING));
    }
    for (int i = 0; i < 1500; i++) {
      handles.get(i).cancel();
    }
    assertThat(queue.entries()).as("1500 cancelled of 3000: not yet").isEqualTo(3000);
    handles.get(1500).cancel();
    assertThat(queue.entries()).as("1501 cancelled of 3000: purged").isEqualTo(1499);
    assertThat(queue.size()).isEqualTo(1499);
    assertThat(queue.peekTime()).isEqualTo(1501);
    assertThat(handles.get(1501).isPending()).isTrue();
    assertThat(handles.get(0).isPending()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void handlesRunningAtTheirOwnTimeAreNotPendingInsideTheirAction(
      String name, Supplier<EventQueue> factory) {
    Simulator sim = new Simulator(factory.get());
    EventHandle[] self = new EventHandle[1];
    boolean[] pendingInside = {true};
    self[0] = sim.schedule(5, () -> {
      pendingInside[0] = self[0].isPending();
      self[0].cancel(); // after run: a no-op
    });
    sim.run();
    assertThat(pendingInside[0]).isFalse();
    assertThat(sim.eventsExecuted()).isEqualTo(1);
  }

  /** Counts every call made to the wrapped queue. */
  static final class CountingQueue implements EventQueue {
    final EventQueue inner;
    long calls;

    CountingQueue(EventQueue inner) {
      this.inner = inner;
    }

    @Override
    public EventHandle add(long time, Runnable action) {
      calls++;
      return inner.add(time, action);
    }

    @Override
    public Runnable poll() {
      calls++;
      return inner.poll();
    }

    @Override
    public long peekTime() {
      calls++;
      return inner.peekTime();
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
