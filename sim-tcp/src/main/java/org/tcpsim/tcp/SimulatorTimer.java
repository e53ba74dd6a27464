package org.tcpsim.tcp;

import org.tcpsim.core.EventHandle;
import org.tcpsim.core.Simulator;

/**
 * A connection's timer on the simulator's event queue. Moving the deadline later (as the
 * retransmission timer does on every ACK, RFC 6298 5.3) does not touch the queue: the pending
 * event wakes up at the old deadline, sees the new one and sleeps again. Only moving it earlier
 * schedules a new event. This keeps ACK processing free of cancel-and-reschedule churn.
 */
final class SimulatorTimer extends Timer implements Runnable {
  private final Simulator sim;
  private final Connection connection;
  private final TimerKind kind;
  private EventHandle pending;

  SimulatorTimer(Simulator sim, Connection connection, TimerKind kind) {
    this.sim = sim;
    this.connection = connection;
    this.kind = kind;
  }

  @Override
  protected void scheduled(long at) {
    if (pending != null && pending.isPending() && pending.time() <= at) {
      return; // run() will see the later deadline
    }
    if (pending != null) {
      pending.cancel();
    }
    pending = sim.scheduleAt(at, this);
  }

  @Override
  protected void unscheduled() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  /** The pending event ran: expire, or sleep again until a deadline moved later. */
  @Override
  public void run() {
    pending = null;
    if (!isSet()) {
      return;
    }
    long now = sim.now();
    if (now < deadline()) {
      pending = sim.scheduleAt(deadline(), this);
      return;
    }
    due(now);
    connection.timerExpired(kind);
  }
}
