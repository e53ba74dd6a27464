package org.tcpsim.core;

/**
 * One scheduled action. Ordered by (time, seq): seq is the simulator's scheduling counter, so
 * events at the same instant run in the order they were scheduled. Queues hold the ordering keys
 * in their own arrays where that is faster; these fields are the source of truth.
 */
public final class Event implements EventHandle {
  static final int QUEUED = 0;
  static final int DONE = 1;
  static final int CANCELLED = 2;

  final long time;
  final long seq;
  final Runnable action;
  private final Simulator owner;
  int status = QUEUED;
  /** The next event due at the same instant, for queues that chain ties (FourAryHeapQueue). */
  Event next;

  Event(Simulator owner, long time, long seq, Runnable action) {
    this.owner = owner;
    this.time = time;
    this.seq = seq;
    this.action = action;
  }

  /** Creates a free-standing event for exercising a queue directly (tests and benchmarks). */
  public static Event forQueue(long time, long seq, Runnable action) {
    return new Event(null, time, seq, action);
  }

  @Override
  public long time() {
    return time;
  }

  public long seq() {
    return seq;
  }

  @Override
  public boolean isPending() {
    return status == QUEUED;
  }

  public boolean isCancelled() {
    return status == CANCELLED;
  }

  @Override
  public void cancel() {
    if (status == QUEUED) {
      status = CANCELLED;
      if (owner != null) {
        owner.noteCancelled();
      }
    }
  }

  /** Orders by time, then by scheduling order. */
  public static int compare(Event a, Event b) {
    int c = Long.compare(a.time, b.time);
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  }

  @Override
  public String toString() {
    return "Event[t=" + time + ", seq=" + seq + (status == CANCELLED ? ", cancelled" : "") + "]";
  }
}
