package org.tcpsim.tcp;

/**
 * One restartable timer of a connection, as the connection sees it: a deadline, or none. The
 * host ({@link TcpHost#timer}) decides how a deadline becomes a wake-up and calls {@link
 * Connection#timerExpired} when one is due; the connection only sets, cancels and asks.
 */
public abstract class Timer {
  private static final long UNSET = Long.MIN_VALUE;

  private long deadline = UNSET;

  /** Arms the timer to expire at absolute time {@code at}, replacing any earlier setting. */
  final void setAt(long at) {
    deadline = at;
    scheduled(at);
  }

  final void cancel() {
    deadline = UNSET;
    unscheduled();
  }

  public final boolean isSet() {
    return deadline != UNSET;
  }

  /** The deadline; meaningful only while {@link #isSet()}. */
  protected final long deadline() {
    return deadline;
  }

  /**
   * For the host, when a wake-up runs: whether the deadline has come at {@code now}. If it has,
   * the timer is unset, and the host then calls {@link Connection#timerExpired}.
   */
  protected final boolean due(long now) {
    if (deadline == UNSET || now < deadline) {
      return false;
    }
    deadline = UNSET;
    return true;
  }

  /** The deadline became {@code at}: make sure a wake-up comes at or before it. */
  protected abstract void scheduled(long at);

  /** The timer was cancelled: a pending wake-up may be dropped. */
  protected abstract void unscheduled();
}
