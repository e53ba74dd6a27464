package org.tcpsim.scenario.packetdrill;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * The parsers' view of the tokens: look ahead, take, and fail with
 * {@code FILE:LINE:COL: found X, expected Y} at the token in hand.
 */
final class Cursor {
  private final String file;
  private final String src;
  private final List<Token> tokens;
  private int i;

  Cursor(String file, String src, List<Token> tokens) {
    this.file = file;
    this.src = src;
    this.tokens = tokens;
  }

  String file() {
    return file;
  }

  Token peek() {
    return tokens.get(i);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(i + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(i);
    if (t.kind() != Kind.EOF) {
      i++;
    }
    return t;
  }

  boolean atEnd() {
    return peek().kind() == Kind.EOF;
  }

  /** Takes the punctuation {@code p} if it comes next. */
  boolean accept(String p) {
    if (peek().isPunct(p)) {
      next();
      return true;
    }
    return false;
  }

  Token expectPunct(String p, String expected) throws ScenarioException {
    if (!peek().isPunct(p)) {
      throw unexpected(expected);
    }
    return next();
  }

  Token expect(Kind kind, String expected) throws ScenarioException {
    if (peek().kind() != kind) {
      throw unexpected(expected);
    }
    return next();
  }

  /** A non-negative integer: decimal or {@code 0x} hex, no fraction. */
  long unsigned(String expected) throws ScenarioException {
    Token t = expect(Kind.NUMBER, expected);
    return integer(t, expected);
  }

  long integer(Token t, String expected) throws ScenarioException {
    String s = t.text();
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseUnsignedLong(s.substring(2), 16);
      }
      return new BigDecimal(s).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw error(t, "'" + s + "' is not a whole number that fits, expected " + expected);
    }
  }

  /**
   * The text of {@code first} and the tokens glued to it (no space between): packetdrill's
   * {@code S.}, {@code FP.}, {@code FO 0aabbccdd0}; only tokens that pass {@code part}.
   */
  String glued(Token first, Predicate<Token> part) {
    int end = first.end();
    while (!peek().spaced() && part.test(peek())) {
      end = next().end();
    }
    return src.substring(first.start(), end);
  }

  /** The source text between two tokens, as written. */
  String between(Token open, Token close) {
    return src.substring(open.end(), close.start());
  }

  ScenarioException unexpected(String expected) {
    Token t = peek();
    String found = t.kind() == Kind.OTHER ? "the character '" + t.text() + "'" : t.describe();
    return error(t, "found " + found + ", expected " + expected);
  }

  ScenarioException error(Token at, String message) {
    return new ScenarioException(
        List.of(new ScenarioError(file, at.line(), at.col(), message)));
  }
}
