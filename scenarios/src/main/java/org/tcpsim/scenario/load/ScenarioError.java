package org.tcpsim.scenario.load;

import java.util.Comparator;
import org.tcpsim.scenario.model.Loc;

/**
 * One problem in a scenario: where, and a message {@code KEY.PATH: what was wrong, expected what}
 * with {@code (did you mean 'x'?)} when a valid name is close. Line and column are 1-based; both
 * are 0 when the source has no position ({@code --set hosts.B.tcp.backlog}, an unreadable file).
 */
public record ScenarioError(String file, int line, int col, String message) {
  /**
   * The message on one line: it quotes the user's text, and a YAML value or a YAML syntax error
   * can hold a line break (a plain scalar folded over a blank line, an alias cut by the end of
   * the line). Printed raw, the second line would carry no FILE:LINE:COL, against the contract
   * that every error line names its place (README, The command line); found by the fuzz test.
   */
  public ScenarioError {
    message = oneLine(message);
  }

  /**
   * Line breaks as {@code \n} and {@code \r}, other control characters but the tab as a Java
   * escape ({@code \\u} and four hex digits), which a reader knows.
   */
  static String oneLine(String s) {
    if (s == null || s.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append(c);
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

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
