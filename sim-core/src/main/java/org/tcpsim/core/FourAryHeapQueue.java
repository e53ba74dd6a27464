package org.tcpsim.core;

import java.util.Arrays;

/**
 * A 4-ary min-heap of (time, slot) pairs in two parallel primitive arrays; events are stored by
 * slot ({@link SlotQueue}). It was the default queue until {@link RadixHeapQueue}, which is as
 * fast up to 100,000 pending and faster beyond; this one takes times in any order at one cost.
 *
 * <p>Why this shape (measured with {@code HoldBenchmark}, against a heap of bare {@code long}s):
 *
 * <ul>
 *   <li>The heap moves only a {@code long} time and an {@code int} slot, so sifting stores no
 *       object references: no GC write barrier per level, and no pointer chase to compare two
 *       events. A sift compares times alone, choosing the earliest of four children without
 *       branches; the scheduling number is read only when two times are equal.
 * </ul>
 *
 * <p>Ties: the queue numbers events in the order they are added; events at the same time leave in
 * that order. A new event has the highest number, so adding compares times only; removing
 * compares numbers only where times are equal. Times must not be negative.
 *
 * <p>Costs: add O(log n); poll O(log n); cancel O(1) (marks the slot; the entry is dropped when it
 * reaches the head, or by a purge once cancelled entries outnumber live ones); purge O(n).
 */
public final class FourAryHeapQueue extends SlotQueue {
  /** Times never occupied: every position from {@link #entries} on holds this sentinel. */
  private static final long NONE = Long.MAX_VALUE;

  /**
   * The heap, by position: times[p] and slots[p]. At least 3 sentinel positions follow the last
   * entry, so the four children of any inner node can be read without bounds tests.
   */
  private long[] times;

  private int[] slots;

  public FourAryHeapQueue() {
    this(64);
  }

  public FourAryHeapQueue(int initialCapacity) {
    super(initialCapacity);
    int cap = seqs.length;
    times = new long[cap + 4];
    Arrays.fill(times, NONE);
    slots = new int[cap + 4];
  }

  @Override
  int insert(long time, Runnable action) {
    int slot = claim(time, action);
    // The new event has the highest scheduling number, so it stops below any equal time.
    long[] t = times;
    int[] s = slots;
    int i = entries++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = t[parent];
      if (time >= pt) {
        break;
      }
      t[i] = pt;
      s[i] = s[parent];
      i = parent;
    }
    t[i] = time;
    s[i] = slot;
    return slot;
  }

  @Override
  public Runnable poll() {
    if (entries == 0) {
      return null;
    }
    int slot = slots[0];
    Runnable action = actions[slot];
    release(slot);
    if (action == null) {
      cancelled--;
    }
    removeHead();
    return action;
  }

  @Override
  public long peekTime() {
    if (entries == 0) {
      throw new IllegalStateException("the queue is empty");
    }
    return times[0];
  }

  /** Heap entries, cancelled ones included (for tests). */
  int entries() {
    return entries;
  }

  @Override
  public void purgeCancelled() {
    long[] t = times;
    int[] s = slots;
    int n = 0;
    for (int p = 0; p < entries; p++) {
      int slot = s[p];
      if (actions[slot] != null) {
        t[n] = t[p];
        s[n] = slot;
        n++;
      } else {
        release(slot);
      }
    }
    Arrays.fill(t, n, entries, NONE);
    entries = n;
    cancelled = 0;
    // Floyd's bottom-up heap construction: O(n).
    for (int p = (n - 2) >>> 2; p >= 0 && n > 1; p--) {
      siftDown(p, t[p], s[p]);
    }
  }

  // ---- the heap ---------------------------------------------------------------------------

  /** Removes the entry at position 0. */
  private void removeHead() {
    int n = --entries;
    long xt = times[n];
    int xs = slots[n];
    times[n] = NONE;
    if (n > 0) {
      siftDown(0, xt, xs);
    }
  }

  /**
   * Puts the entry (xt, xs) at position i or below, moving earlier children up.
   *
   * <p>The earliest of four children is chosen without branches: for times a, b in [0, MAX], b - a
   * cannot overflow, its sign spread over 64 bits is a mask that selects the smaller time and its
   * index. A branchy min-of-four mispredicts about once per level on random times, which measured
   * 25-30% slower. Equal times show up as a zero difference and take the slow path that compares
   * scheduling numbers; the sentinels after the last entry are equal to each other, so the last
   * inner node takes it too.
   */
  private void siftDown(int i, long xt, int xs) {
    long[] t = times;
    int[] s = slots;
    int n = entries;
    while (true) {
      int f = (i << 2) + 1;
      if (f >= n) {
        break;
      }
      long a0 = t[f];
      long a1 = t[f + 1];
      long a2 = t[f + 2];
      long a3 = t[f + 3];
      long d01 = a1 - a0;
      long k01 = d01 >> 63;
      long m01 = a0 + (d01 & k01);
      int i01 = f - (int) k01;
      long d23 = a3 - a2;
      long k23 = d23 >> 63;
      long m23 = a2 + (d23 & k23);
      int i23 = f + 2 - (int) k23;
      long d = m23 - m01;
      long k = d >> 63;
      long bt = m01 + (d & k);
      int best = i01 + ((i23 - i01) & (int) k);
      if ((d01 == 0) | (d23 == 0) | (d == 0)) {
        best = earliestChild(f, n);
        bt = t[best];
      }
      if (bt >= xt && (bt > xt || seqs[s[best]] > seqs[xs])) {
        break;
      }
      t[i] = bt;
      s[i] = s[best];
      i = best;
    }
    t[i] = xt;
    s[i] = xs;
  }

  /** The earliest of the children f..f+3 that exist (f < n), ties broken by scheduling number. */
  private int earliestChild(int f, int n) {
    long[] t = times;
    int[] s = slots;
    int best = f;
    int end = Math.min(f + 4, n);
    for (int c = f + 1; c < end; c++) {
      if (t[c] < t[best] || (t[c] == t[best] && seqs[s[c]] < seqs[s[best]])) {
        best = c;
      }
    }
    return best;
  }

  @Override
  void growSlots() {
    super.growSlots();
    // Every slot in use has one heap entry; keep 3 sentinel positions after the last.
    if (slotsUsed + 4 > times.length) {
      int old = times.length;
      int cap = old * 2;
      times = Arrays.copyOf(times, cap);
      Arrays.fill(times, old, cap, NONE);
      slots = Arrays.copyOf(slots, cap);
    }
  }
}
