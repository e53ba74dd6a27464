package org.tcpsim.core;

/**
 * A priority queue of actions ordered by time; actions added for the same time leave in the order
 * they were added. The queue owns cancellation: {@link #add} returns the event's handle, and
 * cancelling through it is O(1): the event is marked dead and dropped when it reaches the head (or
 * when the queue purges, which it does by itself once dead entries outnumber live ones).
 *
 * <p>Costs, n = entries queued, C = the range of queued times (RadixHeapQueue's poll is amortised,
 * and an add before the last polled time costs O(n), which a simulation never does):
 *
 * <table>
 *   <caption>Implementations</caption>
 *   <tr><th>implementation</th><th>add</th><th>poll</th><th>cancel</th><th>purge</th></tr>
 *   <tr><td>{@link RadixHeapQueue} (default)</td>
 *       <td>O(1)</td><td>O(log C)</td><td>O(1)</td><td>O(n)</td></tr>
 *   <tr><td>{@link FourAryHeapQueue}</td>
 *       <td>O(log n)</td><td>O(log n)</td><td>O(1)</td><td>O(n)</td></tr>
 *   <tr><td>{@link ReferenceQueue}</td>
 *       <td>O(log n)</td><td>O(log n)</td><td>O(1)</td><td>O(n log n)</td></tr>
 * </table>
 */
public interface EventQueue {
  /** Queues {@code action} at {@code time}, after every event already queued for that time. */
  EventHandle add(long time, Runnable action);

  /**
   * Removes the head entry and returns its action, or null when the head was a cancelled event or
   * the queue holds no entry at all. Its handle is no longer pending once this returns.
   */
  Runnable poll();

  /**
   * The time of the head entry, which may be a cancelled event; only when at least one entry is
   * queued, which {@code size() > 0} guarantees.
   */
  long peekTime();

  /** Live events queued (cancelled ones not counted). */
  int size();

  default boolean isEmpty() {
    return size() == 0;
  }

  /** Drops every cancelled entry now. */
  void purgeCancelled();

  /** The implementations by the name used on the command line and in benchmarks. */
  static EventQueue named(String name) {
    return switch (name) {
      case "radix" -> new RadixHeapQueue();
      case "heap4" -> new FourAryHeapQueue();
      case "reference" -> new ReferenceQueue();
      default -> throw new IllegalArgumentException(
          "unknown event queue '" + name + "': expected radix, heap4 or reference");
    };
  }
}
