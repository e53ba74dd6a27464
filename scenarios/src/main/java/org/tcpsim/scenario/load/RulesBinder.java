package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.BOOLEAN;
import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.POSITIVE_DURATION;
import static org.tcpsim.scenario.load.Parsers.integer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.core.Time;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.AddressMatch;
import org.tcpsim.scenario.model.Rule;

/**
 * {@code rules:} (README, Scenario files, {@code rules}): a {@code match} and exactly one verdict
 * per rule, the verdict keys spelled as {@link Rule.Verdict#key()} spells them.
 */
final class RulesBinder extends SectionBinder {
  RulesBinder(BindContext cx) {
    super(cx);
  }

  List<Rule> rules(Node n, String path) {
    return cx.eachMap(n, path, "a list of rules such as - { match: { from: A }, drop: true }",
        Schema.RULE, "a rule such as { match: { from: A, nth: 1 }, drop: true }", this::rule);
  }

  /** One entry; null when it has problems (they are reported). */
  private Rule rule(Obj o) {
    Rule.Match match = null;
    if (!o.has(Key.MATCH)) {
      errors.add(o.loc(), o.p(Key.MATCH), "missing", "match: { from, to, flags, has, nth, after, "
          + "before }");
    } else {
      match = match(o.get(Key.MATCH), o.p(Key.MATCH));
    }
    List<String> verdicts = new ArrayList<>();
    Rule.Verdict verdict = null;
    long delay = 0;
    for (Rule.Verdict v : Rule.Verdict.values()) {
      if (!o.has(v.key())) {
        continue;
      }
      verdicts.add(v.key());
      if (verdicts.size() > 1) {
        errors.add(o.keyLoc(v.key()), o.p(v.key()), "a second action (" + verdicts.get(0)
            + " and " + v.key() + ")", "one of drop, delay, duplicate, corrupt per rule");
        continue;
      }
      verdict = v;
      if (v == Rule.Verdict.DELAY) {
        delay = cx.opt(o, v.key(), POSITIVE_DURATION, 0L);
      } else {
        Boolean b = cx.opt(o, v.key(), BOOLEAN);
        if (Boolean.FALSE.equals(b)) {
          errors.add(o.loc(v.key()), o.p(v.key()), v.key() + ": false does nothing",
              v.key() + ": true (or no rule)");
        }
      }
    }
    if (verdicts.isEmpty()) {
      errors.add(o.loc(), o.path, "a rule that does nothing",
          "one of drop: true, delay: DURATION, duplicate: true, corrupt: true");
    }
    if (o.hasErrors()) {
      return null;
    }
    return new Rule(match, verdict, delay, o.loc());
  }

  private Rule.Match match(Node n, String path) {
    Obj o = cx.obj(n, path, Schema.MATCH, "a map such as { from: A, to: B, flags: [SYN], nth: 1 }");
    if (o == null) {
      return null;
    }
    AddressMatch from = cx.opt(o, Key.FROM, cx.addressMatch());
    AddressMatch to = cx.opt(o, Key.TO, cx.addressMatch());
    Integer flags = o.has(Key.FLAGS) ? cx.flags(o.get(Key.FLAGS), o.p(Key.FLAGS)) : null;
    Integer has = o.has(Key.HAS) ? cx.flags(o.get(Key.HAS), o.p(Key.HAS)) : null;
    Long nth = cx.opt(o, Key.NTH, integer(1, Integer.MAX_VALUE));
    Long after = cx.opt(o, Key.AFTER, DURATION);
    Long beforeT = cx.opt(o, Key.BEFORE, DURATION);
    if (o.hasErrors()) {
      return null;
    }
    if (after != null && beforeT != null && beforeT <= after) {
      errors.add(o.loc(Key.BEFORE), o.p(Key.BEFORE), "before " + Time.format(beforeT)
          + " is not after after " + Time.format(after), "a time window with after < before");
      return null;
    }
    return new Rule.Match(Optional.ofNullable(from), Optional.ofNullable(to),
        flags == null ? OptionalInt.empty() : OptionalInt.of(flags), has == null ? 0 : has,
        nth == null ? OptionalInt.empty() : OptionalInt.of(nth.intValue()),
        after == null ? OptionalLong.empty() : OptionalLong.of(after),
        beforeT == null ? OptionalLong.empty() : OptionalLong.of(beforeT), o.loc());
  }
}
