package org.tcpsim.core;

/**
 * A priority queue of events ordered by (time, seq). Implementations only order: cancellation is
 * lazy (a cancelled event stays queued, marked dead) and the {@link Simulator} skips dead events
 * when it polls them and asks the queue to {@link #purgeCancelled() purge} them when they pile up.
 *
 * <p>Costs, n = events queued, d = distinct times among them:
 *
 * <table>
 *   <caption>Implementations</caption>
 *   <tr><th>implementation</th><th>add</th><th>poll</th><th>purge</th></tr>
 *   <tr><td>{@link FourAryHeapQueue} (default)</td><td>O(log d)</td><td>O(log d)</td><td>O(n)</td></tr>
 *   <tr><td>{@link ReferenceQueue}</td><td>O(log n)</td><td>O(log n)</td><td>O(n log n)</td></tr>
 * </table>
 */
public interface EventQueue {
  void add(Event e);

  /** Removes and returns the earliest event (cancelled ones included), or null when empty. */
  Event poll();

  /** The earliest event without removing it, or null when empty. */
  Event peek();

  /** The time of the earliest event; only when not empty. */
  default long peekTime() {
    return peek().time();
  }

  /** Events held, cancelled ones included. */
  int size();

  default boolean isEmpty() {
    return size() == 0;
  }

  /** Removes every cancelled event. */
  void purgeCancelled();

  /** The implementations by the name used on the command line and in benchmarks. */
  static EventQueue named(String name) {
    return switch (name) {
      case "heap4" -> new FourAryHeapQueue();
      case "reference" -> new ReferenceQueue();
      default -> throw new IllegalArgumentException(
          "unknown event queue '" + name + "': expected heap4 or reference");
    };
  }
}
