package org.tcpsim.scenario.output;

/**
 * Simulated time as seconds with all nine decimals ({@code 0.005000000}), as Wireshark shows
 * nanosecond captures: events a few nanoseconds apart must not print the same time.
 */
final class Seconds {
  private static final long NS_PER_SECOND = 1_000_000_000L;

  private Seconds() {}

  static String format(long ns) {
    StringBuilder sb = new StringBuilder(20);
    append(sb, ns);
    return sb.toString();
  }

  /** Appends without building a temporary string per digit group (the trace's hot path). */
  static void append(StringBuilder sb, long ns) {
    long abs = ns;
    if (ns < 0) {
      sb.append('-');
      abs = -ns;
    }
    sb.append(abs / NS_PER_SECOND).append('.');
    long frac = abs % NS_PER_SECOND;
    for (long digit = NS_PER_SECOND / 10; digit > 1 && frac < digit; digit /= 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
