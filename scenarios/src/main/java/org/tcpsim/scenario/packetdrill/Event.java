package org.tcpsim.scenario.packetdrill;

/**
 * One step of a script: when it happens and what happens. In packetdrill every event begins with
 * its time; only a backquoted shell line may come without one (the {@code `../common/defaults.sh`}
 * line at the top of a script), and then its time is {@link TimeSpec.Untimed}.
 *
 * @param line 1-based line of the event's first token
 * @param col 1-based column of the event's first token
 */
public record Event(int line, int col, TimeSpec time, Action action) {

  /** What an event does: one of the records below. */
  public sealed interface Action
      permits PacketEvent, IcmpEvent, SyscallEvent, ShellEvent, AssertEvent {}

  /** Inbound {@code <} (the script injects it) or outbound {@code >} (the stack must send it). */
  public enum Direction {
    INBOUND("<"),
    OUTBOUND(">");

    private final String symbol;

    Direction(String symbol) {
      this.symbol = symbol;
    }

    @Override
    public String toString() {
      return symbol;
    }
  }
}
