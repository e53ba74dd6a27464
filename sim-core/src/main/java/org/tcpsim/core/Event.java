package org.tcpsim.core;

/**
 * The handle of an event in a {@link SlotQueue} ({@link RadixHeapQueue}, {@link
 * FourAryHeapQueue}): a ticket naming the queue's slot and the event's scheduling number, never
 * the event's storage. The queue reuses slots but never scheduling numbers, so a ticket whose
 * event has run or been cancelled matches no later event: cancelling it does nothing and it is
 * never pending again.
 */
public final class Event implements EventHandle {
  private final SlotQueue queue;
  private final int slot;
  private final long seq;
  private final long time;

  Event(SlotQueue queue, int slot, long seq, long time) {
    this.queue = queue;
    this.slot = slot;
    this.seq = seq;
    this.time = time;
  }

  @Override
  public long time() {
    return time;
  }

  /** The scheduling number: events at the same time run in increasing order of it. */
  public long seq() {
    return seq;
  }

  @Override
  public boolean isPending() {
    return queue.isQueued(slot, seq);
  }

  @Override
  public void cancel() {
    queue.cancel(slot, seq);
  }

  @Override
  public String toString() {
    return "Event[t=" + time + ", seq=" + seq + (isPending() ? "" : ", not pending") + "]";
  }
}
