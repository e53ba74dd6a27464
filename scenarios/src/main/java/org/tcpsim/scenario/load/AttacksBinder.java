package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.EVENT_RATE;
import static org.tcpsim.scenario.load.Parsers.PREFIX;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.Attack;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Scenario;

/**
 * {@code attacks:} (README, Scenario files, {@code attacks}): one kind per entry; a
 * {@code syn-flood}'s {@code from} may name a node that is not declared (an implicit attacker).
 */
final class AttacksBinder extends SectionBinder {
  AttacksBinder(BindContext cx) {
    super(cx);
  }

  List<Attack> attacks(Node n, String path) {
    return cx.eachMap(n, path, "a list of attacks such as - { syn-flood: { ... } }",
        Schema.ATTACK, "an attack such as { syn-flood: { ... } }", this::attack);
  }

  /** One entry, which names exactly one kind; null when it has problems (they are reported). */
  private Attack attack(Obj o) {
    if (o.entries.size() != 1) {
      if (o.entries.isEmpty() && o.node.getValue().isEmpty()) {
        errors.add(o.loc(), o.path, "an attack without a kind", "syn-flood: { ... }");
      } else if (o.entries.size() > 1) {
        errors.add(o.loc(), o.path, "several kinds in one entry", "one attack per entry");
      }
      return null;
    }
    return synFlood(o.get(Key.SYN_FLOOD), o.p(Key.SYN_FLOOD));
  }

  private Attack.SynFlood synFlood(Node n, String path) {
    Obj o = cx.obj(n, path, Schema.SYN_FLOOD,
        "a map such as { target: B:80, rate: 1000/s, spoof: 198.51.100.0/24 }");
    if (o == null) {
      return null;
    }
    EndpointRef target = cx.req(o, Key.TARGET, cx.endpoint(false));
    String from = cx.req(o, Key.FROM, new P<>("a node name", s -> {
      String name = s.strip();
      if (!BindContext.HOST_NAME.matcher(name).matches()) {
        throw new BadValue("'" + name + "' is not a valid node name",
            "a host name, or a new name for an implicit attacker");
      }
      return name;
    }));
    Double rate = cx.req(o, Key.RATE, EVENT_RATE);
    long start = cx.opt(o, Key.START, DURATION, 0L);
    cx.timed(start, o, Key.START);
    long stop = cx.opt(o, Key.STOP, DURATION, Scenario.FOREVER);
    Prefix spoof = cx.opt(o, Key.SPOOF, PREFIX);
    if (o.hasErrors()) {
      return null;
    }
    boolean implicit = !cx.nodes.containsKey(from);
    if (implicit) {
      Optional<String> near = Suggest.closest(from, List.copyOf(cx.nodes.keySet()));
      if (near.isPresent()) {
        errors.add(o.loc(Key.FROM), o.p(Key.FROM), "unknown host '" + from + "'",
            "a declared host, or a name unlike any host's for an implicit attacker", near);
      } else if (spoof == null) {
        errors.add(o.loc(Key.FROM), o.p(Key.FROM), "'" + from + "' is not a declared host and "
            + "there is no spoof", "spoof: PREFIX (an implicit attacker has no address)");
      }
    }
    if (o.has(Key.STOP) && stop <= start) {
      errors.add(o.loc(Key.STOP), o.p(Key.STOP), "stop " + Time.format(stop)
          + " is not after start " + Time.format(start), "stop > start");
    }
    if (o.hasErrors()) {
      return null;
    }
    return new Attack.SynFlood(target, from, implicit, rate, start, stop,
        Optional.ofNullable(spoof), o.loc());
  }
}
