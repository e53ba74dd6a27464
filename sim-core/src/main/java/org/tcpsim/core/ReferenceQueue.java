package org.tcpsim.core;

import java.util.PriorityQueue;

/** The obviously-correct queue: java.util.PriorityQueue with the (time, seq) comparator. */
public final class ReferenceQueue implements EventQueue {
  private final PriorityQueue<Event> queue = new PriorityQueue<>(Event::compare);

  @Override
  public void add(Event e) {
    queue.add(e);
  }

  @Override
  public Event poll() {
    return queue.poll();
  }

  @Override
  public Event peek() {
    return queue.peek();
  }

  @Override
  public int size() {
    return queue.size();
  }

  @Override
  public void purgeCancelled() {
    queue.removeIf(Event::isCancelled);
  }
}
