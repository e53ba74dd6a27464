package org.tcpsim.scenario.packetdrill;

import org.tcpsim.scenario.load.ScenarioException;

/**
 * A double-quoted string in a system call argument, with C escapes as packetdrill's scripts use
 * them: {@code "\xf7\x63..."} for key bytes, {@code \n}, {@code \t}, {@code \0}, {@code \\},
 * {@code \"}. The string ends on the same line.
 */
final class StringScanner {
  private final Lexer lx;

  StringScanner(Lexer lx) {
    this.lx = lx;
  }

  /** Reads from the opening quote to the closing one; returns the decoded value. */
  String string() throws ScenarioException {
    int line = lx.line();
    int col = lx.col(lx.pos());
    StringBuilder sb = new StringBuilder();
    int i = lx.pos() + 1;
    while (true) {
      char c = lx.at(i);
      if (c == '\0' || c == '\n') {
        throw lx.error(line, col, "unterminated string, expected a closing \" on the same line");
      }
      if (c == '"') {
        lx.advanceTo(i + 1);
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      i = escape(i + 1, sb, line, col);
    }
  }

  /** Decodes the escape after a backslash at {@code i}; returns the index after it. */
  private int escape(int i, StringBuilder sb, int line, int col) throws ScenarioException {
    char e = lx.at(i);
    switch (e) {
      case 'n' -> sb.append('\n');
      case 't' -> sb.append('\t');
      case 'r' -> sb.append('\r');
      case '0' -> sb.append('\0');
      case '\\', '"', '\'' -> sb.append(e);
      case 'x' -> {
        int hi = Character.digit(lx.at(i + 1), 16);
        int lo = Character.digit(lx.at(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw lx.error(line, col, "bad \\x escape in a string, expected two hex digits");
        }
        sb.append((char) (hi * 16 + lo));
        return i + 3;
      }
      default -> throw lx.error(line, col,
          "unknown escape \\" + e + " in a string, expected \\n, \\t, \\r, \\0, \\\\, \\\" or \\xHH");
    }
    return i + 1;
  }
}
