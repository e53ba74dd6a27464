package org.tcpsim.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from {@code long} keys to objects. A host's connections live in one, by their 4-tuple
 * less the host's own address: the demultiplexing table every arriving segment goes through (RFC
 * 9293 3.10.7).
 *
 * <p>Open addressing with linear probing and backward-shift deletion over two flat arrays, so a
 * lookup neither boxes the key nor follows a chain of nodes, and a million connections cost 24 to
 * 48 bytes each here rather than a {@code HashMap}'s node, boxed key and table slot. Iteration is
 * in slot order, which depends only on the keys inserted and removed, so it is the same on every
 * run.
 */
final class LongMap<V> {
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY];
  private int size;
  private int shift = 64 - Integer.numberOfTrailingZeros(MIN_CAPACITY);

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    Object[] vs = values;
    long[] ks = keys;
    int mask = ks.length - 1;
    for (int i = home(key); ; i = (i + 1) & mask) {
      Object v = vs[i];
      if (v == null || ks[i] == key) {
        return (V) v;
      }
    }
  }

  boolean containsKey(long key) {
    return get(key) != null;
  }

  /** Maps {@code key} to {@code value} (not null), replacing any value it had. */
  void put(long key, V value) {
    int mask = keys.length - 1;
    int i = home(key);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size * 2 > keys.length) {
      resize(keys.length * 2);
    }
  }

  /** Removes {@code key}'s value, if it has one. */
  void remove(long key) {
    int mask = keys.length - 1;
    int i = home(key);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return;
    }
    // Backward shift: pull later entries of the probe run into the hole unless their home slot
    // lies cyclically in (hole, j], so no lookup ever stops early at a false empty slot.
    int hole = i;
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int h = home(keys[j]);
      boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
      if (!stays) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    values[hole] = null;
    size--;
  }

  void clear() {
    Arrays.fill(values, null);
    size = 0;
  }

  /** A copy of the values, in slot order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (Object v : values) {
      if (v != null) {
        out.add((V) v);
      }
    }
    return out;
  }

  private int home(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[capacity];
    values = new Object[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldValues[s] != null) {
        int i = home(oldKeys[s]);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[s];
        values[i] = oldValues[s];
      }
    }
  }
}
