package org.tcpsim.core;

/** What {@link Simulator#schedule} returns: the one way to cancel a scheduled event. */
public interface EventHandle {
  /**
   * Cancels the event if it has not run yet. Cancelling is O(1): the event is marked dead and
   * skipped when it reaches the head of the queue, so no search happens. Cancelling an event that
   * already ran, or twice, does nothing.
   */
  void cancel();

  /** True until the event has run or been cancelled. */
  boolean isPending();

  /** The simulated time, in nanoseconds, at which the event runs (or would have run). */
  long time();
}
