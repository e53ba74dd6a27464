package org.tcpsim.scenario.packetdrill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * System calls and their argument expressions:
 *
 * <pre>
 * syscall := name '(' [expr (',' expr)*] ')' '=' result
 * result  := ['-'] number [ERRNO] ['(' text ')']   (ERRNO and text on the result's line)
 * expr    := or ['=' expr]                          (a struct field: fd=4, msg_iov(1)=[...])
 * or      := atom ('|' atom)*
 * atom    := ['-'] number | string | '...' | name ['(' args ')'] | '[' items ']' | '{' items '}'
 * </pre>
 *
 * As in {@code connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)} or
 * {@code fcntl(3, F_GETFL) = 0x2 (flags O_RDWR)}.
 */
final class SyscallParser {
  private static final String ARG = "an argument: a number, a NAME, a \"string\", ..., "
      + "[list] or {struct}";

  private final Cursor in;

  SyscallParser(Cursor in) {
    this.in = in;
  }

  SyscallEvent syscall() throws ScenarioException {
    String name = in.next().text();
    in.next(); // '('
    List<Expr> args = items(")", "the arguments of " + name + "()");
    in.expectPunct("=", "'=' and the expected result after " + name + "(...)");
    Token sign = in.peek();
    boolean negative = in.accept("-");
    Token num = in.expect(Kind.NUMBER, "the expected result of " + name + "(), such as 0 or -1");
    long result = in.integer(num, "an integer result");
    if (negative) {
      result = -result;
    }
    Optional<String> errno = Optional.empty();
    if (in.peek().kind() == Kind.WORD && in.peek().line() == sign.line()) {
      errno = Optional.of(in.next().text());
    }
    Optional<String> note = Optional.empty();
    if (in.peek().isPunct("(") && in.peek().line() == sign.line()) {
      note = Optional.of(note());
    }
    return new SyscallEvent(name, args, result, errno, note);
  }

  /** {@code (Operation now in progress)}: the text as written, parentheses may nest. */
  private String note() throws ScenarioException {
    Token open = in.next();
    int depth = 1;
    while (true) {
      Token t = in.peek();
      if (t.kind() == Kind.EOF || t.line() != open.line()) {
        throw in.error(open, "unclosed '(' after the result, expected ')' on the same line");
      }
      in.next();
      if (t.isPunct("(")) {
        depth++;
      } else if (t.isPunct(")") && --depth == 0) {
        return in.between(open, t).strip();
      }
    }
  }

  /** Expressions separated by commas up to {@code close}, which is taken. */
  private List<Expr> items(String close, String what) throws ScenarioException {
    List<Expr> items = new ArrayList<>();
    if (in.accept(close)) {
      return items;
    }
    do {
      items.add(expr());
    } while (in.accept(","));
    in.expectPunct(close, "',' or '" + close + "' to close " + what);
    return items;
  }

  Expr expr() throws ScenarioException {
    Expr left = or();
    if (in.accept("=")) {
      return new Expr.Assign(left, expr());
    }
    return left;
  }

  private Expr or() throws ScenarioException {
    Expr left = atom();
    while (in.accept("|")) {
      left = new Expr.Or(left, atom());
    }
    return left;
  }

  private Expr atom() throws ScenarioException {
    Token t = in.peek();
    if (t.isPunct("-") || t.kind() == Kind.NUMBER) {
      return number();
    }
    switch (t.kind()) {
      case STRING:
        return new Expr.Str(in.next().text());
      case ELLIPSIS:
        in.next();
        return new Expr.Ellipsis();
      case WORD:
        in.next();
        if (in.accept("(")) {
          return new Expr.Call(t.text(), items(")", t.text() + "(...)"));
        }
        return new Expr.Ident(t.text());
      default:
        break;
    }
    if (in.accept("[")) {
      return new Expr.ListExpr(items("]", "the list"));
    }
    if (in.accept("{")) {
      return new Expr.Struct(items("}", "the struct"));
    }
    throw in.unexpected(ARG);
  }

  private Expr number() throws ScenarioException {
    boolean negative = in.accept("-");
    Token t = in.expect(Kind.NUMBER, "a number after '-'");
    long v = in.integer(t, "an integer argument");
    return new Expr.Num(negative ? -v : v, (negative ? "-" : "") + t.text());
  }
}
