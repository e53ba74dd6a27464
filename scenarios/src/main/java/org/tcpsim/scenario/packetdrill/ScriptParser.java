package org.tcpsim.scenario.packetdrill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.packetdrill.Token.Kind;

/**
 * Parses a packetdrill script into a {@link Script}, by recursive descent over the tokens. The
 * grammar, as the scripts in packetdrill's TCP suite use it:
 *
 * <pre>
 * script  := (flag | event)*
 * flag    := --name[=value]                      (packetdrill's command-line flags)
 * event   := time action | `shell`               (a shell line may come without a time)
 * time    := when ['~' when] ['...' number] | '*'
 * when    := ['+'] seconds                      ('+' makes it relative to the previous event)
 * action  := packet | syscall | `shell` | %{ code }%
 * </pre>
 *
 * Packets are {@link PacketParser}'s, system calls {@link SyscallParser}'s. The first error
 * stops the parse, as in packetdrill; it names {@code FILE:LINE:COL} and what was expected.
 */
public final class ScriptParser {
  private static final String TIME =
      "a time such as 0, 0.100, +.1, 0.1~0.2 or *, or a --flag or a `shell command`";
  private static final String ACTION =
      "a packet (< or >), a system call such as close(3) = 0, a `shell command` or a "
          + "%{ assertion }%";

  private final Cursor in;
  private final PacketParser packets;
  private final SyscallParser syscalls;

  private ScriptParser(Cursor in) {
    this.in = in;
    this.packets = new PacketParser(in);
    this.syscalls = new SyscallParser(in);
  }

  /** Parses {@code text}; {@code file} names it in errors. */
  public static Script parse(String file, String text) throws ScenarioException {
    Cursor in = new Cursor(file, text, Lexer.tokens(file, text));
    return new ScriptParser(in).script();
  }

  /** Reads and parses a script file (UTF-8). */
  public static Script parse(Path path) throws ScenarioException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw readError(path, "no such file");
    } catch (IOException e) {
      throw readError(path, String.valueOf(e.getMessage()));
    }
    return parse(path.toString(), text);
  }

  private static ScenarioException readError(Path path, String why) {
    return new ScenarioException(List.of(new ScenarioError(path.toString(), 0, 0,
        "cannot read the file: " + why + ", expected a readable packetdrill script")));
  }

  private Script script() throws ScenarioException {
    List<Script.Flag> flags = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    while (!in.atEnd()) {
      Token t = in.peek();
      if (t.kind() == Kind.FLAG) {
        flags.add(flag(in.next()));
      } else if (t.kind() == Kind.SHELL) {
        events.add(new Event(t.line(), t.col(), new TimeSpec.Untimed(),
            new ShellEvent(in.next().text())));
      } else {
        TimeSpec time = time();
        events.add(new Event(t.line(), t.col(), time, action()));
      }
    }
    return new Script(in.file(), flags, events);
  }

  /** {@code --name=value} or {@code --name}, the whole word as the lexer kept it. */
  private static Script.Flag flag(Token t) {
    String body = t.text().substring(2);
    int eq = body.indexOf('=');
    return eq < 0
        ? new Script.Flag(body, Optional.empty(), t.line())
        : new Script.Flag(body.substring(0, eq), Optional.of(body.substring(eq + 1)), t.line());
  }

  private TimeSpec time() throws ScenarioException {
    if (in.accept("*")) {
      return new TimeSpec.Any();
    }
    TimeSpec start = when();
    if (in.accept("~")) {
      start = new TimeSpec.Range(start, when());
    }
    if (in.peek().kind() == Kind.ELLIPSIS) {
      in.next();
      Token end = in.expect(Kind.NUMBER, "the end time of a blocking call, as in +0...0.010");
      return new TimeSpec.Blocking(start, micros(end));
    }
    return start;
  }

  private TimeSpec when() throws ScenarioException {
    boolean relative = in.accept("+");
    Token t = in.peek();
    if (t.kind() != Kind.NUMBER) {
      throw in.unexpected(relative ? "a number of seconds after '+', as in +.1" : TIME);
    }
    in.next();
    long us = micros(t);
    return relative ? new TimeSpec.Relative(us) : new TimeSpec.Absolute(us);
  }

  /** Seconds as written ({@code .1}, {@code 0.010}) to whole microseconds. */
  private long micros(Token t) throws ScenarioException {
    if (t.text().startsWith("0x")) {
      throw in.error(t, "'" + t.text() + "' is hexadecimal, expected seconds such as 0.100");
    }
    try {
      return new BigDecimal(t.text()).movePointRight(6).longValueExact();
    } catch (ArithmeticException e) {
      throw in.error(t, "'" + t.text() + "' is finer than a microsecond or too large, "
          + "expected seconds with at most 6 decimals");
    }
  }

  private Event.Action action() throws ScenarioException {
    Token t = in.peek();
    if (t.isPunct("<") || t.isPunct(">")) {
      return packets.packet();
    }
    if (t.kind() == Kind.WORD && in.peek(1).isPunct("(")) {
      return syscalls.syscall();
    }
    if (t.kind() == Kind.SHELL) {
      return new ShellEvent(in.next().text());
    }
    if (t.kind() == Kind.CODE) {
      return new AssertEvent(in.next().text());
    }
    throw in.unexpected(ACTION);
  }
}
