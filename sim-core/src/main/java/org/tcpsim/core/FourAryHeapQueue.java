package org.tcpsim.core;

import java.util.Arrays;

/**
 * The default queue: a 4-ary min-heap of distinct event times, each time owning a FIFO bucket of
 * the events due then.
 *
 * <p>Why this shape: a heap whose nodes compare a (time, seq) pair runs at a third of the speed of
 * one that compares a single long, because the two-part comparison defeats the CPU's branch-free
 * min selection (measured: see README, Performance). Here the heap orders bare {@code long} times,
 * exactly as fast as a key-only heap, and same-instant events wait in their time's bucket in
 * insertion order, which gives the scheduling-order tie-break for free. An open-addressing table
 * (linear probing, Fibonacci hashing, backward-shift deletion) finds a time's bucket; buckets
 * chain events through {@link Event#next}.
 *
 * <p>Costs per event: one table probe and, when its time is new, one heap insertion; on removal,
 * one probe and, when its bucket empties, one heap removal.
 */
public final class FourAryHeapQueue implements EventQueue {
  /** Distinct pending times, a 4-ary min-heap. */
  private long[] heap;
  private int heapSize;

  /** The bucket table: slot i holds time keys[i], chain heads[i]..tails[i]; empty when null. */
  private long[] keys;
  private Event[] heads;
  private Event[] tails;
  private int shift;
  private int buckets;

  private int size;

  public FourAryHeapQueue() {
    this(64);
  }

  public FourAryHeapQueue(int initialCapacity) {
    int cap = Math.max(4, Integer.highestOneBit(Math.max(4, initialCapacity) - 1) << 1);
    heap = new long[cap];
    allocateTable(cap * 2);
  }

  private void allocateTable(int capacity) {
    keys = new long[capacity];
    heads = new Event[capacity];
    tails = new Event[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  @Override
  public void add(Event e) {
    long t = e.time;
    int i = slotOf(t);
    if (heads[i] != null) {
      tails[i].next = e;
      tails[i] = e;
    } else {
      keys[i] = t;
      heads[i] = e;
      tails[i] = e;
      heapAdd(t);
      if (++buckets * 2 > keys.length) {
        resizeTable(keys.length * 2);
      }
    }
    size++;
  }

  @Override
  public Event poll() {
    if (size == 0) {
      return null;
    }
    int i = slotOf(heap[0]);
    Event e = heads[i];
    Event next = e.next;
    if (next == null) {
      removeSlot(i);
      heapPoll();
    } else {
      heads[i] = next;
      e.next = null;
    }
    size--;
    return e;
  }

  @Override
  public Event peek() {
    return size == 0 ? null : heads[slotOf(heap[0])];
  }

  @Override
  public long peekTime() {
    if (size == 0) {
      throw new IllegalStateException("the queue is empty");
    }
    return heap[0];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void purgeCancelled() {
    long[] oldKeys = keys;
    Event[] oldHeads = heads;
    allocateTable(keys.length);
    buckets = 0;
    heapSize = 0;
    size = 0;
    for (int s = 0; s < oldKeys.length; s++) {
      Event head = null;
      Event tail = null;
      for (Event e = oldHeads[s]; e != null; ) {
        Event next = e.next;
        e.next = null;
        if (!e.isCancelled()) {
          if (head == null) {
            head = e;
          } else {
            tail.next = e;
          }
          tail = e;
          size++;
        }
        e = next;
      }
      if (head != null) {
        int i = slotOf(oldKeys[s]);
        keys[i] = oldKeys[s];
        heads[i] = head;
        tails[i] = tail;
        buckets++;
        heap[heapSize++] = oldKeys[s];
      }
    }
    // Floyd's bottom-up heap construction: O(n).
    for (int i = (heapSize - 2) >>> 2; i >= 0 && heapSize > 1; i--) {
      siftDown(i, heap[i]);
    }
  }

  // ---- the bucket table -------------------------------------------------------------------

  /** The slot holding time t, or the empty slot where it would go. */
  private int slotOf(long t) {
    int mask = keys.length - 1;
    int i = (int) ((t * 0x9E3779B97F4A7C15L) >>> shift);
    while (heads[i] != null && keys[i] != t) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Backward-shift deletion: keeps every probe sequence unbroken without tombstones. */
  private void removeSlot(int i) {
    int mask = keys.length - 1;
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (heads[j] == null) {
        break;
      }
      int home = (int) ((keys[j] * 0x9E3779B97F4A7C15L) >>> shift);
      // Move j into the hole unless its home lies cyclically in (hole, j].
      boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!stays) {
        keys[hole] = keys[j];
        heads[hole] = heads[j];
        tails[hole] = tails[j];
        hole = j;
      }
    }
    heads[hole] = null;
    tails[hole] = null;
    buckets--;
  }

  private void resizeTable(int capacity) {
    long[] oldKeys = keys;
    Event[] oldHeads = heads;
    Event[] oldTails = tails;
    allocateTable(capacity);
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldHeads[s] != null) {
        int i = slotOf(oldKeys[s]);
        keys[i] = oldKeys[s];
        heads[i] = oldHeads[s];
        tails[i] = oldTails[s];
      }
    }
  }

  // ---- the heap of times ------------------------------------------------------------------

  private void heapAdd(long t) {
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heapSize * 2);
    }
    long[] h = heap;
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = h[parent];
      if (t >= pt) {
        break;
      }
      h[i] = pt;
      i = parent;
    }
    h[i] = t;
  }

  private void heapPoll() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(0, heap[last]);
    }
  }

  private void siftDown(int i, long t) {
    long[] h = heap;
    int n = heapSize;
    while (true) {
      int first = (i << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = h[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = h[c];
        if (ct < bt) {
          best = c;
          bt = ct;
        }
      }
      if (bt >= t) {
        break;
      }
      h[i] = bt;
      i = best;
    }
    h[i] = t;
  }
}
