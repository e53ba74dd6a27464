package org.tcpsim.core;

/**
 * One simulation run's clock and event list. There is no global simulator: a sweep runs many of
 * these side by side in one JVM, and they share nothing.
 *
 * <p>Time is a {@code long} count of nanoseconds from 0. Events at the same instant run in the
 * order they were scheduled (the tie-break is a per-simulator counter), which is what makes a run
 * reproducible.
 */
public final class Simulator {
  private final EventQueue queue;
  private long now;
  private long executed;
  private boolean stopRequested;
  /**
   * Set from another thread (tcpsim run's SIGINT handler, README "Outputs") and never cleared.
   * Volatile costs the loop nothing it does not already pay: each event is a call the JIT cannot
   * see through, so the flags are re-read from memory after every event anyway.
   */
  private volatile boolean interrupted;
  private boolean running;

  public Simulator() {
    this(new RadixHeapQueue());
  }

  public Simulator(EventQueue queue) {
    this.queue = queue;
  }

  /** The current simulated time in nanoseconds. */
  public long now() {
    return now;
  }

  /** Events that have run so far (cancelled ones not counted). */
  public long eventsExecuted() {
    return executed;
  }

  /** Events still waiting to run (cancelled ones not counted). */
  public int pendingEvents() {
    return queue.size();
  }

  /** Runs {@code action} {@code delay} nanoseconds from now. */
  public EventHandle schedule(long delay, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay " + delay + " ns");
    }
    return enqueue(now + delay, action);
  }

  /** Runs {@code action} at absolute time {@code time}, which must not be in the past. */
  public EventHandle scheduleAt(long time, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException(
          "time " + Time.format(time) + " is before now (" + Time.format(now) + ")");
    }
    return enqueue(time, action);
  }

  private EventHandle enqueue(long time, Runnable action) {
    if (action == null) {
      throw new NullPointerException("action");
    }
    // The queue numbers what it is given in order: that is the same-instant tie-break.
    return queue.add(time, action);
  }

  /** Runs until no events remain or {@link #stop()} is called. */
  public void run() {
    runUntil(Long.MAX_VALUE);
  }

  /**
   * Runs every event whose time is at most {@code until}, then sets the clock to {@code until}
   * (unless stopped early or {@code until} is {@link Long#MAX_VALUE}). Events after {@code until}
   * stay queued, so a later call continues the run.
   */
  public void runUntil(long until) {
    if (running) {
      throw new IllegalStateException("the simulator is already running");
    }
    running = true;
    stopRequested = false;
    try {
      while (!stopRequested && !interrupted && runNext(until)) {
        // each iteration ran one event
      }
      if (!stopRequested && !interrupted && until != Long.MAX_VALUE && until > now) {
        now = until;
      }
    } finally {
      running = false;
    }
  }

  /** Runs the next event, if there is one; returns false when none remain. */
  public boolean step() {
    return runNext(Long.MAX_VALUE);
  }

  private boolean runNext(long until) {
    EventQueue q = queue;
    while (q.size() > 0) {
      long t = q.peekTime();
      if (t > until) {
        return false;
      }
      Runnable action = q.poll();
      if (action == null) {
        continue; // a cancelled event
      }
      now = t;
      executed++;
      action.run();
      return true;
    }
    return false;
  }

  /** Makes {@link #run()} return after the event that is running now. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Like {@link #stop()}, but safe to call from any thread, and lasting: a run in progress
   * returns after its current event, and a later run returns before its first.
   */
  public void interrupt() {
    interrupted = true;
  }

  /** True once {@link #interrupt()} was called. */
  public boolean interrupted() {
    return interrupted;
  }
}
