package org.tcpsim.core;

import java.util.Arrays;

/**
 * The default queue: an implicit 4-ary min-heap. The ordering keys live in two primitive arrays
 * beside the event array, so sifting compares longs in contiguous memory and never dereferences
 * an event; a 4-ary heap halves the depth of a binary one and keeps a node's children in one
 * cache line of the key array.
 */
public final class FourAryHeapQueue implements EventQueue {
  private long[] times;
  private long[] seqs;
  private Event[] events;
  private int size;

  public FourAryHeapQueue() {
    this(64);
  }

  public FourAryHeapQueue(int initialCapacity) {
    int cap = Math.max(4, initialCapacity);
    times = new long[cap];
    seqs = new long[cap];
    events = new Event[cap];
  }

  @Override
  public void add(Event e) {
    if (size == times.length) {
      grow();
    }
    siftUp(size++, e.time, e.seq, e);
  }

  @Override
  public Event poll() {
    if (size == 0) {
      return null;
    }
    Event head = events[0];
    int last = --size;
    if (last > 0) {
      siftDown(0, times[last], seqs[last], events[last]);
    }
    events[last] = null;
    return head;
  }

  @Override
  public Event peek() {
    return size == 0 ? null : events[0];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void purgeCancelled() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!events[i].isCancelled()) {
        times[kept] = times[i];
        seqs[kept] = seqs[i];
        events[kept] = events[i];
        kept++;
      }
    }
    Arrays.fill(events, kept, size, null);
    size = kept;
    // Floyd's bottom-up heap construction: O(n).
    for (int i = (size - 2) >>> 2; i >= 0 && size > 1; i--) {
      siftDown(i, times[i], seqs[i], events[i]);
    }
  }

  private void grow() {
    int cap = times.length * 2;
    times = Arrays.copyOf(times, cap);
    seqs = Arrays.copyOf(seqs, cap);
    events = Arrays.copyOf(events, cap);
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void siftUp(int i, long t, long s, Event e) {
    long[] ts = times;
    long[] ss = seqs;
    Event[] es = events;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      long pt = ts[parent];
      if (!less(t, s, pt, ss[parent])) {
        break;
      }
      ts[i] = pt;
      ss[i] = ss[parent];
      es[i] = es[parent];
      i = parent;
    }
    ts[i] = t;
    ss[i] = s;
    es[i] = e;
  }

  private void siftDown(int i, long t, long s, Event e) {
    long[] ts = times;
    long[] ss = seqs;
    Event[] es = events;
    int n = size;
    while (true) {
      int first = (i << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = ts[first];
      long bs = ss[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = ts[c];
        if (ct < bt || (ct == bt && ss[c] < bs)) {
          best = c;
          bt = ct;
          bs = ss[c];
        }
      }
      if (!less(bt, bs, t, s)) {
        break;
      }
      ts[i] = bt;
      ss[i] = bs;
      es[i] = es[best];
      i = best;
    }
    ts[i] = t;
    ss[i] = s;
    es[i] = e;
  }
}
