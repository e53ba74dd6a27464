package org.tcpsim.scenario.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;

/**
 * An entry of {@code expect:}, checked at the end of the run or at {@code at}.
 *
 * @param host the host it is about: given, or the owner of {@code conn}'s local endpoint
 * @param conn the connection it is about (required by state, signal, delivered and ladder)
 */
public record Expectation(
    OptionalLong at, Optional<String> host, Optional<ConnId> conn, Check check, Loc loc) {

  /** What is checked. */
  public sealed interface Check
      permits StateIs, CounterCompare, SignalGot, DeliveredBytes, LadderIs {}

  /** {@code state: ESTABLISHED}: the connection's state (CLOSED when it no longer exists). */
  public record StateIs(TcpState state) implements Check {}

  /** {@code counter: listen.syn-dropped, ">": 0}. */
  public record CounterCompare(String counter, Comparison op, double value) implements Check {}

  /** {@code signal: connection reset}: a user signal the connection's application received. */
  public record SignalGot(TcpSignal signal) implements Check {}

  /** {@code delivered: 10KB}: bytes delivered in order to the connection's application. */
  public record DeliveredBytes(long bytes) implements Check {}

  /** {@code ladder: [...]}: the exact sequence of segments on the connection. */
  public record LadderIs(List<LadderLine> lines) implements Check {
    public LadderIs {
      lines = List.copyOf(lines);
    }
  }

  /** The comparison keys of a counter expectation. */
  public enum Comparison {
    EQ("=="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** {@code "="} is a synonym of {@code "=="}. */
    public static Optional<Comparison> bySymbol(String s) {
      if (s.equals("=")) {
        return Optional.of(EQ);
      }
      for (Comparison c : values()) {
        if (c.symbol.equals(s)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    public boolean test(double actual, double expected) {
      return switch (this) {
        case EQ -> actual == expected;
        case NE -> actual != expected;
        case GT -> actual > expected;
        case GE -> actual >= expected;
        case LT -> actual < expected;
        case LE -> actual <= expected;
      };
    }
  }
}
