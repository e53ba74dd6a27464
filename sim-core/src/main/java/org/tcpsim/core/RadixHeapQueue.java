package org.tcpsim.core;

import java.util.Arrays;

/**
 * A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990): the event queue for times that never go
 * back, which is what a simulation's are. An event waits in the bucket numbered by the highest bit
 * in which its time differs from the time of the last event polled ({@code last}): bucket 0 holds
 * the events at {@code last} itself, bucket b those that first differ at bit b - 1. Adding is an
 * append to one bucket. When bucket 0 runs out, the lowest non-empty bucket is scanned for its
 * earliest time, which becomes {@code last}, and its events are spread over the lower buckets.
 *
 * <p>Why this and not a heap: a heap moves every event along a path of random positions, and at
 * 100,000 pending those positions are cache misses. Here an event is only appended and later
 * moved to a lower bucket a few times, each move a sequential read of one array and an append
 * to another. Each move lowers its bucket, so an event moves at most 63 times, and in practice a
 * handful of times: as many as there are bits between its delay and the gaps between events.
 *
 * <p>Order: every event at one time is in one bucket (its number depends only on its time and
 * {@code last}), and buckets keep the order events arrived in, so events at the same time leave in
 * the order they were added, with no scheduling number compared.
 *
 * <p>Time going back: adding a time before {@code last} (which a {@link Simulator} never does:
 * {@code last} is never later than its clock) is still correct, but costs a pass over all queued
 * events to renumber them against the new {@code last}. Times must not be negative.
 *
 * <p>Events are stored by slot, with tickets and cancellation as {@link SlotQueue} describes; a
 * cancelled entry moves between buckets like any other until it reaches the head (poll returns
 * null for it) or a purge drops it.
 *
 * <p>Costs: add O(1); poll amortised O(log of the time range), in practice O(1); cancel O(1);
 * purge O(n).
 */
public final class RadixHeapQueue extends SlotQueue {
  /** Times are not negative, so two of them differ at most in bits 0..62: buckets 0..63. */
  private static final int BUCKETS = 64;

  private static final int FIRST_BUCKET_CAPACITY = 16;

  /** All queued times are at least this; bucket 0 holds the entries at exactly this time. */
  private long last;

  /** By bucket: times and slots of its entries, in arrival order, and how many. */
  private final long[][] bucketTimes = new long[BUCKETS][];

  private final int[][] bucketSlots = new int[BUCKETS][];
  private final int[] bucketSize = new int[BUCKETS];

  /** Bucket 0 is a FIFO: entries before this index have left. */
  private int head0;

  /** Bit b set: bucket b (b >= 1) holds entries. */
  private long nonEmpty;

  public RadixHeapQueue() {
    this(64);
  }

  public RadixHeapQueue(int initialCapacity) {
    super(initialCapacity);
  }

  @Override
  int insert(long time, Runnable action) {
    int slot = claim(time, action);
    if (time < last) {
      rebase(time);
    }
    append(bucketOf(time), time, slot);
    entries++;
    return slot;
  }

  @Override
  public Runnable poll() {
    if (head0 == bucketSize[0] && !refill()) {
      return null;
    }
    int slot = bucketSlots[0][head0++];
    if (head0 == bucketSize[0]) {
      emptied(0);
    }
    entries--;
    Runnable action = actions[slot];
    if (action == null) {
      cancelled--;
    }
    release(slot);
    return action;
  }

  @Override
  public long peekTime() {
    if (head0 == bucketSize[0] && !refill()) {
      throw new IllegalStateException("the queue is empty");
    }
    return last;
  }

  @Override
  public void purgeCancelled() {
    for (int b = 0; b < BUCKETS; b++) {
      int from = b == 0 ? head0 : 0;
      int n = bucketSize[b];
      long[] ts = bucketTimes[b];
      int[] ss = bucketSlots[b];
      int kept = 0;
      for (int k = from; k < n; k++) {
        int slot = ss[k];
        if (actions[slot] != null) {
          ts[kept] = ts[k];
          ss[kept] = slot;
          kept++;
        } else {
          release(slot);
          entries--;
        }
      }
      bucketSize[b] = kept;
      if (b == 0) {
        head0 = 0;
      }
      if (kept == 0) {
        emptied(b);
      }
    }
    cancelled = 0;
  }

  // ---- buckets -----------------------------------------------------------------------------

  private int bucketOf(long time) {
    return 64 - Long.numberOfLeadingZeros(time ^ last);
  }

  private void append(int b, long time, int slot) {
    int n = bucketSize[b];
    long[] ts = bucketTimes[b];
    if (ts == null || n == ts.length) {
      ts = growBucket(b, n);
    }
    ts[n] = time;
    bucketSlots[b][n] = slot;
    bucketSize[b] = n + 1;
    nonEmpty |= (1L << b) & ~1L;
  }

  /**
   * Bucket 0 is empty: makes the earliest queued time {@code last} and moves its entries into
   * bucket 0, by spreading the lowest non-empty bucket (which holds that time) over the buckets
   * below it. Cancelled entries move like the others, so the head is the same entry a heap's
   * would be. Returns false when the queue holds no entry.
   */
  private boolean refill() {
    if (nonEmpty == 0) {
      return false;
    }
    int b = Long.numberOfTrailingZeros(nonEmpty);
    long[] ts = bucketTimes[b];
    int[] ss = bucketSlots[b];
    int n = bucketSize[b];
    long min = ts[0];
    for (int k = 1; k < n; k++) {
      min = Math.min(min, ts[k]);
    }
    bucketSize[b] = 0;
    // Every entry here agrees with min on bit b - 1 and above, so each goes to a bucket below
    // b, and b is not written while it is read.
    last = min;
    for (int k = 0; k < n; k++) {
      append(bucketOf(ts[k]), ts[k], ss[k]);
    }
    emptied(b);
    return true;
  }

  /**
   * A time before {@code last} arrived: renumbers every entry against it. Entries at one time
   * share a bucket before and after, and keep their order.
   */
  private void rebase(long newLast) {
    long[] ts = new long[entries];
    int[] ss = new int[entries];
    int n = 0;
    for (int b = 0; b < BUCKETS; b++) {
      for (int k = b == 0 ? head0 : 0; k < bucketSize[b]; k++) {
        ts[n] = bucketTimes[b][k];
        ss[n] = bucketSlots[b][k];
        n++;
      }
      emptied(b);
    }
    last = newLast;
    for (int k = 0; k < n; k++) {
      append(bucketOf(ts[k]), ts[k], ss[k]);
    }
  }

  /**
   * Bucket b holds nothing now. Bucket arrays keep their size for the next round, unless one
   * outgrew the whole queue fourfold (after a burst), so that idle buckets hold no burst's worth
   * of memory.
   */
  private void emptied(int b) {
    bucketSize[b] = 0;
    nonEmpty &= ~(1L << b);
    if (b == 0) {
      head0 = 0;
    }
    long[] ts = bucketTimes[b];
    if (ts != null && ts.length > FIRST_BUCKET_CAPACITY && ts.length > 4 * entries) {
      bucketTimes[b] = null;
      bucketSlots[b] = null;
    }
  }

  private long[] growBucket(int b, int n) {
    int cap = n == 0 ? FIRST_BUCKET_CAPACITY : n * 2;
    long[] ts = bucketTimes[b] == null ? new long[cap] : Arrays.copyOf(bucketTimes[b], cap);
    bucketTimes[b] = ts;
    bucketSlots[b] = bucketSlots[b] == null ? new int[cap] : Arrays.copyOf(bucketSlots[b], cap);
    return ts;
  }
}
