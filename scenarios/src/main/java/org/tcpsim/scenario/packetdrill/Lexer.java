package org.tcpsim.scenario.packetdrill;

import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * Splits a script into tokens. Comments are {@code // ...} to the end of the line and
 * {@code /* ... *}{@code /}, as in packetdrill's scripts. Backquoted shell lines and
 * {@code %{ ... }%} blocks are single tokens holding their raw text, which may span lines.
 * Columns count characters from 1 (a tab counts as one).
 */
final class Lexer {
  private static final String PUNCT = ".,:()[]{}<>=|~*+-";

  private final String file;
  private final String src;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean spaced = true;

  private Lexer(String file, String src) {
    this.file = file;
    this.src = src;
  }

  static List<Token> tokens(String file, String src) throws ScenarioException {
    Lexer lx = new Lexer(file, src);
    lx.run();
    return lx.out;
  }

  private void run() throws ScenarioException {
    while (true) {
      skipSpaceAndComments();
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", line, col(pos), pos, pos, true));
        return;
      }
      int start = pos;
      int startLine = line;
      int startCol = col(pos);
      Kind kind = scan();
      String text = kind == Kind.STRING || kind == Kind.SHELL || kind == Kind.CODE
          ? body : src.substring(start, pos);
      out.add(new Token(kind, text, startLine, startCol, start, pos, spaced));
      spaced = false;
    }
  }

  /** The decoded or raw body of the last string, shell line or code block. */
  private String body;

  private Kind scan() throws ScenarioException {
    char c = src.charAt(pos);
    if (Character.isDigit(c) || c == '.' && Character.isDigit(at(pos + 1))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && isWordChar(src.charAt(pos))) {
        pos++;
      }
      return Kind.WORD;
    }
    if (src.startsWith("...", pos)) {
      pos += 3;
      return Kind.ELLIPSIS;
    }
    if (src.startsWith("--", pos) && Character.isLetter(at(pos + 2))) {
      while (pos < src.length() && !Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
      return Kind.FLAG;
    }
    if (c == '"') {
      body = new StringScanner(this).string();
      return Kind.STRING;
    }
    if (c == '`') {
      body = raw("`", 1, "`", "the closing backquote of this shell line");
      return Kind.SHELL;
    }
    if (src.startsWith("%{", pos)) {
      body = raw("%{", 2, "}%", "}% to close this %{ block");
      return Kind.CODE;
    }
    pos++;
    return PUNCT.indexOf(c) >= 0 ? Kind.PUNCT : Kind.OTHER;
  }

  /** Decimal digits with an optional fraction ({@code 0.010}, {@code .1}), or {@code 0x} hex. */
  private Kind number() {
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      pos += 2;
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
        pos++;
      }
      return Kind.NUMBER;
    }
    while (Character.isDigit(at(pos))) {
      pos++;
    }
    if (at(pos) == '.' && Character.isDigit(at(pos + 1))) {
      pos++;
      while (Character.isDigit(at(pos))) {
        pos++;
      }
    }
    return Kind.NUMBER;
  }

  /** The text between {@code open} and {@code close}, which may hold line breaks. */
  private String raw(String open, int openLen, String close, String expected)
      throws ScenarioException {
    int startLine = line;
    int startCol = col(pos);
    int end = src.indexOf(close, pos + openLen);
    if (end < 0) {
      throw error(startLine, startCol,
          "unterminated " + open + " opened here, expected " + expected);
    }
    String text = src.substring(pos + openLen, end);
    advanceTo(end + close.length());
    return text;
  }

  private void skipSpaceAndComments() throws ScenarioException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        advanceTo(pos + 1);
      } else if (src.startsWith("//", pos)) {
        int nl = src.indexOf('\n', pos);
        advanceTo(nl < 0 ? src.length() : nl);
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(line, col(pos), "unterminated /* comment, expected */ to close it");
        }
        advanceTo(end + 2);
      } else {
        return;
      }
      spaced = true;
    }
  }

  /** Moves to {@code target}, counting the line breaks passed. */
  void advanceTo(int target) {
    for (; pos < target; pos++) {
      if (src.charAt(pos) == '\n') {
        line++;
        lineStart = pos + 1;
      }
    }
  }

  char at(int i) {
    return i < src.length() ? src.charAt(i) : '\0';
  }

  int pos() {
    return pos;
  }

  int line() {
    return line;
  }

  int col(int offset) {
    return offset - lineStart + 1;
  }

  ScenarioException error(int l, int c, String message) {
    return new ScenarioException(List.of(new ScenarioError(file, l, c, message)));
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
