package org.tcpsim.scenario.model;

/**
 * Where a scenario element came from: a file position (1-based line and column) or, for a value
 * given on the command line, the source {@code --set KEY} with line and column 0.
 */
public record Loc(String file, int line, int col) {
  /** A location with no line and column, such as {@code --set hosts.B.tcp.backlog}. */
  public static Loc of(String source) {
    return new Loc(source, 0, 0);
  }

  public boolean hasPosition() {
    return line > 0;
  }

  /** {@code file:line:col}, or just the source when there is no position. */
  @Override
  public String toString() {
    return hasPosition() ? file + ":" + line + ":" + col : file;
  }
}
