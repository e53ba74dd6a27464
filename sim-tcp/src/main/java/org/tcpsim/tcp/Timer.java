package org.tcpsim.tcp;

import org.tcpsim.core.EventHandle;
import org.tcpsim.core.Simulator;

/**
 * One restartable timer of a connection. Moving the deadline later (as the retransmission timer
 * does on every ACK, RFC 6298 5.3) does not touch the event queue: the pending event wakes up at
 * the old deadline, sees the new one and sleeps again. Only moving it earlier schedules a new
 * event. This keeps ACK processing free of cancel-and-reschedule churn.
 *
 * <p>A connection has five of these for life, so each is one small object: a subclass says what
 * expiry does and the timer is itself the action its events run (no lambdas alongside).
 */
abstract class Timer implements Runnable {
  private static final long UNSET = Long.MIN_VALUE;

  private final Simulator sim;
  private EventHandle pending;
  private long deadline = UNSET;

  Timer(Simulator sim) {
    this.sim = sim;
  }

  /** The deadline passed. */
  abstract void expired();

  /** Arms the timer to expire at absolute time {@code at} (replacing any earlier setting). */
  void setAt(long at) {
    deadline = at;
    if (pending != null && pending.isPending() && pending.time() <= at) {
      return; // wake() will see the later deadline
    }
    if (pending != null) {
      pending.cancel();
    }
    pending = sim.scheduleAt(at, this);
  }

  void setIn(long delay) {
    setAt(sim.now() + delay);
  }

  void cancel() {
    deadline = UNSET;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  boolean isSet() {
    return deadline != UNSET;
  }

  long deadline() {
    return deadline;
  }

  /** The pending event ran: expire, or sleep again until a deadline moved later. */
  @Override
  public final void run() {
    pending = null;
    if (deadline == UNSET) {
      return;
    }
    long now = sim.now();
    if (now < deadline) {
      pending = sim.scheduleAt(deadline, this);
      return;
    }
    deadline = UNSET;
    expired();
  }
}
