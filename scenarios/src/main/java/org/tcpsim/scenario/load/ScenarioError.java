package org.tcpsim.scenario.load;

import java.util.Comparator;
import org.tcpsim.scenario.model.Loc;

/**
 * One problem in a scenario: where, and a message {@code KEY.PATH: what was wrong, expected what}
 * with {@code (did you mean 'x'?)} when a valid name is close. Line and column are 1-based; both
 * are 0 when the source has no position ({@code --set hosts.B.tcp.backlog}, an unreadable file).
 */
public record ScenarioError(String file, int line, int col, String message) {
  /** Command-line sources first, then by file, line and column. */
  static final Comparator<ScenarioError> ORDER =
      Comparator.comparing((ScenarioError e) -> e.line() > 0)
          .thenComparing(ScenarioError::file)
          .thenComparingInt(ScenarioError::line)
          .thenComparingInt(ScenarioError::col);

  static ScenarioError at(Loc loc, String message) {
    return new ScenarioError(loc.file(), loc.line(), loc.col(), message);
  }

  public Loc loc() {
    return new Loc(file, line, col);
  }

  /** {@code FILE:LINE:COL: message}, or {@code SOURCE: message} without a position. */
  @Override
  public String toString() {
    return loc() + ": " + message;
  }
}
