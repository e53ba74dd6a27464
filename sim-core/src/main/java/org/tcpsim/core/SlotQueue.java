package org.tcpsim.core;

import java.util.Arrays;

/**
 * What the array-based queues share: events stored by slot rather than as objects, the tickets
 * ({@link Event}) that name them, and cancellation.
 *
 * <ul>
 *   <li>By slot, parallel arrays hold the event's action and its scheduling number. A slot is
 *       reused as soon as its event leaves (last freed, first reused, so the arrays stay in
 *       cache); the queue's own structure moves only a time and a slot number per entry.
 *   <li>{@link #add} hands out a small ticket (queue, slot, scheduling number, time) that the JIT
 *       removes entirely when the caller drops it, which is the common case for simulator events.
 *       That needs add() to inline into its caller, so its work is in {@link #insert} and the
 *       rare paths are out of line. With them inside, C2 refused to inline the compiled add
 *       ("already compiled into a big method") and every ticket cost 40 bytes (JMH -prof gc);
 *       check that again after changing these methods.
 *   <li>Scheduling numbers are never reused, so a ticket whose event ran or was cancelled can never
 *       act on a later event that reuses its slot.
 *   <li>Cancelling marks the slot (its action becomes null); the entry leaves when it reaches the
 *       head, or in a purge once cancelled entries are at least {@link #PURGE_MIN} and outnumber
 *       live ones.
 * </ul>
 */
abstract sealed class SlotQueue implements EventQueue permits FourAryHeapQueue, RadixHeapQueue {
  static final int PURGE_MIN = 1024;

  /** The scheduling number of a free slot; real ones start at 0. */
  static final long FREE = -1;

  /** By slot: the scheduling number of the event there, or {@link #FREE}. */
  long[] seqs;

  /** By slot: the action, or null when the slot is free or its event cancelled. */
  Runnable[] actions;

  /** Freed slots, a stack; slots at and above {@link #slotsUsed} have never been used. */
  int[] freeSlots;

  int freeCount;
  int slotsUsed;
  long nextSeq;

  /** Entries in the queue's structure, cancelled ones included. */
  int entries;

  int cancelled;

  SlotQueue(int initialCapacity) {
    int cap = Math.max(4, initialCapacity);
    seqs = new long[cap];
    actions = new Runnable[cap];
    freeSlots = new int[cap];
  }

  @Override
  public final Event add(long time, Runnable action) {
    int slot = insert(time, action);
    // Kept apart from insert() so that this method is small enough to inline: then a caller
    // that drops the ticket, as most simulator events do, allocates nothing.
    return new Event(this, slot, nextSeq - 1, time);
  }

  /** Queues the event and returns its slot, claimed with {@link #claim}. */
  abstract int insert(long time, Runnable action);

  @Override
  public int size() {
    return entries - cancelled;
  }

  /** Takes a free slot for {@code action} and gives it the next scheduling number. */
  final int claim(long time, Runnable action) {
    if (action == null || time < 0) {
      throw badArgument(time);
    }
    if (freeCount == 0) {
      growSlots();
    }
    int slot = freeSlots[--freeCount];
    seqs[slot] = nextSeq++;
    actions[slot] = action;
    return slot;
  }

  /** The entry of this slot left the queue: the slot is free for the next event. */
  final void release(int slot) {
    actions[slot] = null;
    seqs[slot] = FREE;
    freeSlots[freeCount++] = slot;
  }

  final boolean isQueued(int slot, long seq) {
    return seqs[slot] == seq && actions[slot] != null;
  }

  final void cancel(int slot, long seq) {
    if (seqs[slot] != seq || actions[slot] == null) {
      return;
    }
    actions[slot] = null;
    cancelled++;
    if (cancelled >= PURGE_MIN && cancelled * 2 > entries) {
      purgeCancelled();
    }
  }

  /** One never-used slot onto the free stack; subclasses grow their own arrays alongside. */
  void growSlots() {
    if (slotsUsed == seqs.length) {
      int cap = seqs.length * 2;
      seqs = Arrays.copyOf(seqs, cap);
      actions = Arrays.copyOf(actions, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    freeSlots[freeCount++] = slotsUsed++;
  }

  private static RuntimeException badArgument(long time) {
    return time < 0
        ? new IllegalArgumentException("negative time " + time)
        : new NullPointerException("action");
  }
}
