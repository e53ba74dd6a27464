package org.tcpsim.scenario.run;

/** How many of something there were over time: its time-weighted mean, its maximum, its last value. */
final class Occupancy {
  private long count;
  private long max;
  private long since;
  /** Sum of count x duration, in count-ns. */
  private double area;

  void add(long now, int delta) {
    area += (double) count * (now - since);
    since = now;
    count += delta;
    max = Math.max(max, count);
  }

  /** The mean over {@code [0, end]}; NaN for an empty interval. */
  double mean(long end) {
    if (end <= 0) {
      return Double.NaN;
    }
    return (area + (double) count * (end - since)) / end;
  }

  long max() {
    return max;
  }

  long last() {
    return count;
  }
}
