package org.tcpsim.scenario.packetdrill;

/**
 * One lexical token of a script.
 *
 * @param text the token's text; for {@link Kind#STRING} the decoded value, for
 *     {@link Kind#SHELL} and {@link Kind#CODE} the body between the delimiters
 * @param start offset of the first character in the source
 * @param end offset after the last character in the source
 * @param spaced whether white space, a comment or the start of the file comes just before it
 *     (packetdrill glues some tokens: {@code S.}, {@code FO 0aabbccdd0})
 */
record Token(Kind kind, String text, int line, int col, int start, int end, boolean spaced) {
  enum Kind {
    /** {@code 12}, {@code .1}, {@code 0.010}, {@code 0xffff}. */
    NUMBER,
    /** {@code socket}, {@code SOCK_STREAM}, {@code S}, {@code sackOK}. */
    WORD,
    /** {@code "..."}. */
    STRING,
    /** {@code `...`}. */
    SHELL,
    /** {@code %{ ... }%}. */
    CODE,
    /** {@code --name} or {@code --name=value}, the whole word. */
    FLAG,
    /** {@code ...}. */
    ELLIPSIS,
    /** One of {@code . , : ( ) [ ] { } < > = | ~ * + -}. */
    PUNCT,
    /** Any other character; the parser reports it where it meets it. */
    OTHER,
    EOF
  }

  boolean is(Kind k, String s) {
    return kind == k && text.equals(s);
  }

  boolean isPunct(String s) {
    return is(Kind.PUNCT, s);
  }

  boolean isWord(String s) {
    return is(Kind.WORD, s);
  }

  /** How an error message names this token: {@code 'ack'}, {@code the end of the file}. */
  String describe() {
    return switch (kind) {
      case EOF -> "the end of the file";
      case STRING -> "a string";
      case SHELL -> "a `shell command`";
      case CODE -> "a %{ ... }% block";
      case FLAG -> "the flag '" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
