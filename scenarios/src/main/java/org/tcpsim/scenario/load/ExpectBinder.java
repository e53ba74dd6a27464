package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.NUMBER;
import static org.tcpsim.scenario.load.Parsers.SIZE;
import static org.tcpsim.scenario.load.Parsers.choice;
import static org.tcpsim.scenario.load.Parsers.flag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.ConnId;
import org.tcpsim.scenario.model.Expectation;
import org.tcpsim.scenario.model.LadderLine;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpSignal;
import org.tcpsim.tcp.TcpState;

/**
 * {@code expect:} (README, Scenario files, {@code expect}): exactly one check per entry (a state,
 * a counter with one comparison, a signal, bytes delivered, or a ladder), on a connection or a
 * host.
 */
final class ExpectBinder extends SectionBinder {
  static final List<String> STATE_NAMES =
      Arrays.stream(TcpState.values()).map(TcpState::toString).toList();

  private static final Pattern COUNTER = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final Pattern LADDER =
      Pattern.compile("\\s*([^\\s>]+)\\s*>\\s*(\\S+)\\s+(\\S+)((?:\\s+\\S+)*)\\s*");

  /** The keys of which an entry has exactly one. */
  private static final List<String> CHECKS =
      List.of(Key.STATE, Key.COUNTER, Key.SIGNAL, Key.DELIVERED, Key.LADDER);

  /** The fields a ladder line may compare (not keys: they are written inside the line). */
  private static final List<String> LADDER_FIELDS = List.of("seq", "ack", "len", "wnd");

  ExpectBinder(BindContext cx) {
    super(cx);
  }

  List<Expectation> expectations(Node n, String path) {
    return cx.eachMap(n, path,
        "a list of expectations such as - { conn: \"A:1024>B:80\", state: ESTABLISHED }",
        Schema.EXPECT, "an expectation such as { conn: \"A:1024>B:80\", state: ESTABLISHED }",
        this::expectation);
  }

  /** One entry; null when it has problems (they are reported). */
  private Expectation expectation(Obj o) {
    Long at = cx.opt(o, Key.AT, DURATION);
    cx.timed(at, o, Key.AT);
    String host = cx.opt(o, Key.HOST, cx.node(true));
    ConnId conn = cx.opt(o, Key.CONN, cx.connId(true));
    List<String> checks = CHECKS.stream().filter(o::has).toList();
    List<String> comparisons = Key.COMPARISONS.stream().filter(o::has).toList();
    if (checks.isEmpty()) {
      errors.add(o.loc(), o.path, "nothing to check", "one of " + String.join(", ", CHECKS));
      return null;
    }
    if (checks.size() > 1) {
      errors.add(o.keyLoc(checks.get(1)), o.p(checks.get(1)), "a second check (" + checks.get(0)
          + " and " + checks.get(1) + ")", "one check per entry");
      return null;
    }
    String what = checks.get(0);
    if (!what.equals(Key.COUNTER) && !comparisons.isEmpty()) {
      errors.add(o.keyLoc(comparisons.get(0)), o.p(comparisons.get(0)), "a comparison with "
          + what, "comparisons only with " + Key.COUNTER);
    }
    if (!what.equals(Key.COUNTER) && conn == null && !o.has(Key.CONN)) {
      errors.add(o.loc(), o.p(Key.CONN), "missing for " + what, "the connection, such as "
          + "\"A:1024>B:80\"");
    }
    Expectation.Check check = check(o, what, comparisons);
    if (o.hasErrors()) {
      return null;
    }
    return scoped(o, at, host, conn, check);
  }

  /** The one check of an entry, {@code what} being its key; null after reporting. */
  private Expectation.Check check(Obj o, String what, List<String> comparisons) {
    return switch (what) {
      case Key.STATE -> {
        TcpState s = cx.opt(o, Key.STATE, new P<>("a TCP state such as ESTABLISHED",
            ExpectBinder::state));
        yield s == null ? null : new Expectation.StateIs(s);
      }
      case Key.COUNTER -> counter(o, comparisons);
      case Key.SIGNAL -> {
        // The signals of RFC 9293 3.9 and 3.10's error responses, as TcpSignal names them.
        String s = cx.opt(o, Key.SIGNAL, choice(Key.SIGNAL, TcpSignal.scenarioNames()));
        yield s == null ? null : new Expectation.SignalGot(TcpSignal.byScenarioName(s));
      }
      case Key.DELIVERED -> {
        Long b = cx.opt(o, Key.DELIVERED, SIZE);
        yield b == null ? null : new Expectation.DeliveredBytes(b);
      }
      default -> ladder(o);
    };
  }

  /**
   * The expectation, on the host {@code host} names or else the host of {@code conn}'s local end;
   * null (after reporting) when the two disagree.
   */
  private Expectation scoped(Obj o, Long at, String host, ConnId conn,
      Expectation.Check check) {
    Optional<String> effectiveHost = Optional.ofNullable(host);
    if (conn != null) {
      Optional<String> owner = conn.local().host();
      if (host != null && !owner.equals(Optional.of(host))) {
        errors.add(o.loc(Key.CONN), o.p(Key.CONN), "'" + conn.local().display()
            + "' is not an endpoint of host " + host,
            "a connection id LOCAL>REMOTE whose local end is on " + host);
        return null;
      }
      effectiveHost = owner;
    }
    return new Expectation(at == null ? OptionalLong.empty() : OptionalLong.of(at),
        effectiveHost, Optional.ofNullable(conn), check, o.loc());
  }

  private static TcpState state(String text) throws BadValue {
    try {
      return TcpState.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue("unknown TCP state '" + text.strip() + "'",
          "one of " + String.join(", ", STATE_NAMES),
          Suggest.closest(text.strip().replace('_', '-'), STATE_NAMES));
    }
  }

  private Expectation.Check counter(Obj o, List<String> comparisons) {
    String name = cx.opt(o, Key.COUNTER, new P<>("a counter name such as listen.syn-dropped", s -> {
      String c = s.strip();
      if (!COUNTER.matcher(c).matches()) {
        throw new BadValue("'" + c + "' is not a counter name",
            "dotted lower-case words such as listen.syn-dropped");
      }
      return c;
    }));
    if (comparisons.size() != 1) {
      errors.add(comparisons.isEmpty() ? o.loc() : o.keyLoc(comparisons.get(1)), o.path,
          comparisons.isEmpty() ? "a counter without a comparison"
              : "two comparisons (" + comparisons.get(0) + " and " + comparisons.get(1) + ")",
          "one of \"=\", \"==\", \"!=\", \">\", \">=\", \"<\", \"<=\" with a number");
      return null;
    }
    String op = comparisons.get(0);
    Double v = cx.opt(o, op, NUMBER);
    if (name == null || v == null) {
      return null;
    }
    return new Expectation.CounterCompare(name,
        Expectation.Comparison.bySymbol(op).orElseThrow(), v);
  }

  private Expectation.Check ladder(Obj o) {
    if (!(o.get(Key.LADDER) instanceof SequenceNode seq)) {
      errors.add(o.loc(Key.LADDER), o.p(Key.LADDER), "got " + Yaml.describe(o.get(Key.LADDER)),
          "a list of lines such as \"A > B SYN seq=100\"");
      return null;
    }
    List<Node> lines = seq.getValue();
    List<LadderLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Node line = lines.get(i);
      String p = o.p(Key.LADDER) + "." + i;
      Loc loc = Yaml.loc(line);
      LadderLine l = cx.value(line, p, new P<>("a line such as \"A > B SYN seq=100\"",
          s -> ladderLine(s, loc)));
      if (l != null) {
        out.add(l);
      }
    }
    return new Expectation.LadderIs(out);
  }

  private LadderLine ladderLine(String text, Loc loc) throws BadValue {
    String expected = "FROM > TO FLAGS [seq=N] [ack=N] [len=N] [wnd=N] such as "
        + "\"B > A SYN,ACK seq=300 ack=101\"";
    Matcher m = LADDER.matcher(text);
    if (!m.matches()) {
      throw new BadValue("'" + text + "' is not a ladder line", expected);
    }
    String from = ladderEnd(m.group(1));
    String to = ladderEnd(m.group(2));
    int flags = 0;
    if (!m.group(3).equalsIgnoreCase(TcpFlags.NONE)) {
      for (String f : m.group(3).split(",")) {
        flags |= flag(f);
      }
    }
    Map<String, Long> fields = new HashMap<>();
    for (String kv : m.group(4).strip().split("\\s+")) {
      if (kv.isEmpty()) {
        continue;
      }
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      if (eq < 0 || !LADDER_FIELDS.contains(k)) {
        throw new BadValue("'" + kv + "' in '" + text + "' is not a field",
            "seq=N, ack=N, len=N or wnd=N", Suggest.closest(k, LADDER_FIELDS).map(s -> s + "="));
      }
      if (fields.put(k, Values.integer(kv.substring(eq + 1), 0, 0xFFFF_FFFFL)) != null) {
        throw new BadValue(k + " twice in '" + text + "'", "each field once");
      }
    }
    return new LadderLine(text.strip(), from, to, flags, field(fields, "seq"), field(fields, "ack"),
        field(fields, "len"), field(fields, "wnd"), loc);
  }

  private static OptionalLong field(Map<String, Long> m, String k) {
    Long v = m.get(k);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private String ladderEnd(String s) throws BadValue {
    if (BindContext.DOTTED.matcher(s).matches()) {
      Parsers.address(s);
      return s;
    }
    if (!cx.nodes.containsKey(s)) {
      throw cx.unknownNode(s, false);
    }
    return s;
  }
}
