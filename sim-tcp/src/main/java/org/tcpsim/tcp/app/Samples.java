package org.tcpsim.tcp.app;

import java.util.Arrays;

/** A growable list of {@code long} samples (times in ns) without boxing. */
public final class Samples {
  private long[] values = new long[8];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  public int size() {
    return size;
  }

  /** The samples, in the order they were taken. */
  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
