package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.STRING;
import static org.tcpsim.scenario.load.Parsers.integer;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.scenario.model.Sweep;

/**
 * {@code sweep:} (README, Scenario files, {@code sweep}). The values under {@code vary} are kept
 * as trials for the loader, which binds the scenario once with each in place.
 */
final class SweepBinder extends SectionBinder {
  private final List<SweepVary.Trial> trials = new ArrayList<>();

  SweepBinder(BindContext cx) {
    super(cx);
  }

  /** Each varied key with its values, for the loader to try on the tree. */
  List<SweepVary.Trial> trials() {
    return trials;
  }

  Sweep sweep(Node n, String path) {
    Obj o = cx.obj(n, path, Schema.SWEEP, "a map such as { vary: { until: [10s, 20s] } }");
    if (o == null) {
      return null;
    }
    List<Sweep.Dimension> dimensions = List.of();
    Node v = o.get(Key.VARY);
    if (v != null) {
      if (!(v instanceof MappingNode vm)) {
        errors.add(Yaml.loc(v), o.p(Key.VARY), "got " + Yaml.describe(v),
            "a map of key paths to lists of values or ranges");
      } else {
        SweepVary vary = new SweepVary(errors);
        dimensions = vary.dimensions(vm, o.p(Key.VARY));
        trials.addAll(vary.trials());
      }
    }
    long replications = cx.opt(o, Key.REPLICATIONS, integer(1, 1_000_000), 1L);
    List<String> measure = new ArrayList<>();
    List<Loc> measureLocs = new ArrayList<>();
    List<Node> ms = cx.list(o.get(Key.MEASURE), o.p(Key.MEASURE),
        "a list of measures such as [connections.established]");
    for (int i = 0; i < ms.size(); i++) {
      String m = cx.value(ms.get(i), o.p(Key.MEASURE) + "." + i, STRING);
      if (m != null) {
        measure.add(m);
        measureLocs.add(Yaml.loc(ms.get(i)));
      }
    }
    if (o.hasErrors()) {
      return null;
    }
    return new Sweep(dimensions, (int) replications, measure, measureLocs, o.loc());
  }
}
