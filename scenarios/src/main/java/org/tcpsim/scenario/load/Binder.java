package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.POSITIVE_DURATION;
import static org.tcpsim.scenario.load.Parsers.STRING;
import static org.tcpsim.scenario.load.Parsers.integer;
import static org.tcpsim.scenario.load.Parsers.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.core.Time;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.BindContext.Timed;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.scenario.model.App;
import org.tcpsim.scenario.model.Attack;
import org.tcpsim.scenario.model.Expectation;
import org.tcpsim.scenario.model.HostSpec;
import org.tcpsim.scenario.model.Inject;
import org.tcpsim.scenario.model.LinkSpec;
import org.tcpsim.scenario.model.Rule;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.model.Sweep;
import org.tcpsim.scenario.model.TcpOverrides;
import org.tcpsim.tcp.Profile;

/**
 * Binds a checked node tree to the model records, reporting every problem it can find with its
 * location. Elements with problems are left out of the result (and nothing is returned when
 * there is any problem), but binding goes on so that independent problems are all reported.
 * One binder binds one tree.
 *
 * <p>This class reads the top level (README, Scenario files, Top level) and hands each section
 * to its own binder, in file-format order, all sharing one {@link BindContext}; then it runs the
 * checks that span sections, once every section is bound.
 */
final class Binder {
  private final BindContext cx;
  private final Errors errors;
  private final TcpBinder tcp;
  private final SweepBinder sweep;
  private long until = Scenario.FOREVER;

  Binder(Errors errors) {
    this.cx = new BindContext(errors);
    this.errors = errors;
    this.tcp = new TcpBinder(cx);
    this.sweep = new SweepBinder(cx);
  }

  /** Each varied key with its values, for the loader to try on the tree. */
  List<SweepVary.Trial> sweepTrials() {
    return sweep.trials();
  }

  /** Binds the document; null when there was any problem. */
  Scenario bind(Node root) {
    if (!(root instanceof MappingNode)) {
      errors.add(Yaml.loc(root), "", "the scenario is " + Yaml.describe(root),
          "a map of keys such as name, hosts, links");
      return null;
    }
    Obj o = cx.map((MappingNode) root, "", Schema.ROOT);
    String name = cx.req(o, Key.NAME, new P<>("a name for the scenario", STRING.fn()));
    Optional<String> description = Optional.ofNullable(cx.opt(o, Key.DESCRIPTION, STRING));
    long seed = cx.opt(o, Key.SEED, integer(0, Long.MAX_VALUE), Scenario.DEFAULT_SEED);
    if (o.has(Key.UNTIL)) {
      until = cx.opt(o, Key.UNTIL, POSITIVE_DURATION, Scenario.FOREVER);
    }
    Profile profile = cx.opt(o, Key.PROFILE, profile(), Profile.DEFAULT);
    TcpOverrides tcp = this.tcp.tcp(o, Key.TCP);
    Map<String, HostSpec> hosts = new HostsBinder(cx, this.tcp).hosts(o.get(Key.HOSTS), Key.HOSTS);
    LinksBinder linksBinder = new LinksBinder(cx);
    List<LinkSpec> links = linksBinder.links(o.get(Key.LINKS), Key.LINKS);
    AppsBinder appsBinder = new AppsBinder(cx);
    List<App> apps = appsBinder.apps(o.get(Key.APPS), Key.APPS);
    List<Action> actions = new ActionsBinder(cx).actions(o.get(Key.ACTIONS), Key.ACTIONS);
    List<Inject> inject = new InjectBinder(cx).injects(o.get(Key.INJECT), Key.INJECT);
    List<Rule> rules = new RulesBinder(cx).rules(o.get(Key.RULES), Key.RULES);
    List<Attack> attacks = new AttacksBinder(cx).attacks(o.get(Key.ATTACKS), Key.ATTACKS);
    List<Expectation> expect = new ExpectBinder(cx).expectations(o.get(Key.EXPECT), Key.EXPECT);
    Optional<Sweep> sweep = o.has(Key.SWEEP)
        ? Optional.ofNullable(this.sweep.sweep(o.get(Key.SWEEP), Key.SWEEP)) : Optional.empty();

    linksBinder.checkTopology(links);
    appsBinder.checkReachable(apps, links);
    appsBinder.checkClientTotal(apps, o.keyLoc(Key.APPS));
    this.tcp.checkTcp(profile, tcp, hosts);
    checkUntil(attacks);
    if (!errors.isEmpty()) {
      return null;
    }
    return new Scenario(name, description, seed, until, profile, tcp, hosts, links, apps, actions,
        inject, rules, attacks, expect, sweep, o.loc());
  }

  /**
   * With no {@code until}, a flood must stop by itself or the run never ends; with one, nothing
   * may be timed after it.
   */
  private void checkUntil(List<Attack> attacks) {
    if (until == Scenario.FOREVER) {
      for (int i = 0; i < attacks.size(); i++) {
        if (attacks.get(i) instanceof Attack.SynFlood f && f.stop() == Scenario.FOREVER) {
          errors.add(f.loc(), Key.ATTACKS + "." + i + "." + Key.SYN_FLOOD,
              "a flood with no stop in a scenario with no until would run forever",
              "stop: TIME in the flood, or until: TIME at the top level (or --set until=TIME)");
        }
      }
    } else {
      for (Timed t : cx.times) {
        if (t.t() > until) {
          errors.add(t.loc(), t.path(), Time.format(t.t()) + " is after until ("
              + Time.format(until) + ")", "a time no later than until");
        }
      }
    }
  }
}
