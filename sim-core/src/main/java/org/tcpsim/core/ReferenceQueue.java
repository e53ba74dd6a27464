package org.tcpsim.core;

import java.util.PriorityQueue;

/**
 * The obviously-correct queue: java.util.PriorityQueue of entry objects with the (time, seq)
 * comparator, seq counting additions.
 */
public final class ReferenceQueue implements EventQueue {
  private static final int PURGE_MIN = 1024;

  private final PriorityQueue<Entry> queue = new PriorityQueue<>(ReferenceQueue::compare);
  private long nextSeq;
  private int cancelled;

  private static int compare(Entry a, Entry b) {
    int c = Long.compare(a.time, b.time);
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  }

  @Override
  public EventHandle add(long time, Runnable action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    Entry e = new Entry(this, time, nextSeq++, action);
    queue.add(e);
    return e;
  }

  @Override
  public Runnable poll() {
    Entry e = queue.poll();
    if (e == null) {
      return null;
    }
    if (e.cancelled) {
      cancelled--;
      return null;
    }
    e.done = true;
    return e.action;
  }

  @Override
  public long peekTime() {
    Entry e = queue.peek();
    if (e == null) {
      throw new IllegalStateException("the queue is empty");
    }
    return e.time;
  }

  @Override
  public int size() {
    return queue.size() - cancelled;
  }

  @Override
  public void purgeCancelled() {
    queue.removeIf(e -> e.cancelled);
    cancelled = 0;
  }

  private void noteCancelled() {
    cancelled++;
    if (cancelled >= PURGE_MIN && cancelled * 2 > queue.size()) {
      purgeCancelled();
    }
  }

  private static final class Entry implements EventHandle {
    final ReferenceQueue owner;
    final long time;
    final long seq;
    final Runnable action;
    boolean cancelled;
    boolean done;

    Entry(ReferenceQueue owner, long time, long seq, Runnable action) {
      this.owner = owner;
      this.time = time;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public long time() {
      return time;
    }

    @Override
    public boolean isPending() {
      return !cancelled && !done;
    }

    @Override
    public void cancel() {
      if (!cancelled && !done) {
        cancelled = true;
        owner.noteCancelled();
      }
    }
  }
}
