package org.tcpsim.scenario.packetdrill;

import java.util.List;

/**
 * A system call argument as packetdrill writes it: {@code 3}, {@code SOL_SOCKET}, {@code "abc"},
 * {@code [1]}, {@code {fd=4, events=POLLIN}}, {@code O_RDWR|O_NONBLOCK}, {@code ...},
 * {@code msg_iov(1)=[{...,0}]}.
 */
public sealed interface Expr {
  /** A decimal or hexadecimal integer, possibly negative; {@code text} as written. */
  record Num(long value, String text) implements Expr {}

  /** A symbolic name such as {@code SOCK_STREAM} or {@code NULL}. */
  record Ident(String name) implements Expr {}

  /** A double-quoted string, escapes ({@code \xHH}, {@code \n}, ...) decoded. */
  record Str(String value) implements Expr {}

  /** {@code [a, b]}: an array, or a pointer to one value ({@code [1]}). */
  record ListExpr(List<Expr> items) implements Expr {
    public ListExpr {
      items = List.copyOf(items);
    }
  }

  /** {@code {a, b}}: a struct, usually of {@code field=value} items. */
  record Struct(List<Expr> items) implements Expr {
    public Struct {
      items = List.copyOf(items);
    }
  }

  /** {@code left|right}: bitwise or of flags. */
  record Or(Expr left, Expr right) implements Expr {}

  /** {@code ...}: any value, or "the runner fills this in". */
  record Ellipsis() implements Expr {}

  /** {@code name(args)}: a field with a count ({@code msg_iov(1)}) or a helper call. */
  record Call(String name, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code target=value}: a struct field and its value. */
  record Assign(Expr target, Expr value) implements Expr {}
}
