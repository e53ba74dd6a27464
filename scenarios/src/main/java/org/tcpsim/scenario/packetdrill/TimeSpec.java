package org.tcpsim.scenario.packetdrill;

/**
 * An event's time, in microseconds, as packetdrill writes it before each event:
 *
 * <ul>
 *   <li>{@code 0.100}: absolute, from the start of the script;
 *   <li>{@code +.1}: relative to the previous event;
 *   <li>{@code 0.1~0.2} or {@code +.1~+.2}: anywhere in a range;
 *   <li>{@code *}: any time;
 *   <li>{@code +0...0.010}: a blocking system call that starts at the first time and returns at
 *       the second (the end is kept as written; its reference is the runner's to decide).
 * </ul>
 */
public sealed interface TimeSpec {
  /** {@code 0.100}: microseconds since the script started. */
  record Absolute(long micros) implements TimeSpec {}

  /** {@code +.1}: microseconds after the previous event. */
  record Relative(long micros) implements TimeSpec {}

  /** {@code lo~hi}: any time in the range; each end absolute or relative. */
  record Range(TimeSpec lo, TimeSpec hi) implements TimeSpec {}

  /** {@code *}: any time at all. */
  record Any() implements TimeSpec {}

  /** {@code start...end}: a call that blocks from {@code start} and returns at {@code end}. */
  record Blocking(TimeSpec start, long endMicros) implements TimeSpec {}

  /** No time written: only a backquoted shell line may have none. */
  record Untimed() implements TimeSpec {}
}
