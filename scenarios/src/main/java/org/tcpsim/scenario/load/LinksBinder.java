package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.BIT_RATE;
import static org.tcpsim.scenario.load.Parsers.DURATION;
import static org.tcpsim.scenario.load.Parsers.PROBABILITY;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.LossModel;
import org.tcpsim.core.net.QueueLimit;
import org.tcpsim.scenario.load.BindContext.NodeInfo;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.LinkSpec;

/**
 * {@code links:} (README, Scenario files, {@code links}): each link's channel, with the keys
 * written {@code X>Y} overriding it for one direction, and the check that every node is on a link.
 */
final class LinksBinder extends SectionBinder {
  /** A queue limit: a bare integer counts packets, a size counts bytes. */
  private static final P<QueueLimit> QUEUE = new P<>("a number of packets such as 100, or a size "
      + "such as 64KB", s -> {
        String t = s.strip();
        QueueLimit q = t.matches("[+-]?\\d+") ? QueueLimit.packets(Values.integer(t, 1,
            Long.MAX_VALUE)) : QueueLimit.bytes(Values.size(t));
        if (q.limit() == 0) {
          throw new BadValue("'" + t + "' is zero", "a queue of at least 1 packet or byte");
        }
        return q;
      });

  LinksBinder(BindContext cx) {
    super(cx);
  }

  List<LinkSpec> links(Node n, String path) {
    return cx.eachEntry(n, path, "a list of links such as - { between: [A, B], delay: 5ms }",
        (item, p) -> {
          // Counted before the map is read: a link with an unknown key is left out too.
          int before = errors.size();
          Obj o = cx.obj(item, p, Schema.LINK, "a link such as { between: [A, B], delay: 5ms }");
          return o == null ? null : link(o, before);
        });
  }

  /**
   * One entry, with its {@code X>Y} keys overriding the channel for one direction (README,
   * Scenario files, {@code links}); null when anything since {@code before} was reported.
   */
  private LinkSpec link(Obj o, int before) {
    String[] ends = between(o);
    ChannelConfig base = channel(o, ChannelConfig.DEFAULT);
    ChannelConfig ab = base;
    ChannelConfig ba = base;
    for (Map.Entry<String, NodeTuple> e : o.entries.entrySet()) {
      String key = e.getKey();
      if (!key.contains(">") || ends == null) {
        continue;
      }
      String[] dir = key.split(">", -1);
      String forward = ends[0] + ">" + ends[1];
      String backward = ends[1] + ">" + ends[0];
      boolean isForward = key.equals(forward);
      if (!isForward && !key.equals(backward)) {
        errors.add(o.keyLoc(key), o.p(key), "'" + key + "' is not a direction of this link",
            "'" + forward + "' or '" + backward + "'",
            Suggest.closest(key, List.of(forward, backward)));
        continue;
      }
      Obj d = cx.obj(e.getValue().getValueNode(), o.p(key), Schema.DIRECTION,
          "a map of link keys such as { loss: 0.1 }");
      if (d != null && dir.length == 2) {
        ChannelConfig c = channel(d, base);
        if (isForward) {
          ab = c;
        } else {
          ba = c;
        }
      }
    }
    if (errors.size() > before || ends == null) {
      return null;
    }
    return new LinkSpec(ends[0], ends[1], ab, ba, o.loc());
  }

  private String[] between(Obj o) {
    String expected = "a list of two node names such as [A, R]";
    if (!o.has(Key.BETWEEN)) {
      errors.add(o.loc(), o.p(Key.BETWEEN), "missing", expected);
      return null;
    }
    Node n = o.get(Key.BETWEEN);
    if (!(n instanceof SequenceNode s) || s.getValue().size() != 2) {
      errors.add(Yaml.loc(n), o.p(Key.BETWEEN), "got " + (n instanceof SequenceNode s
          ? "a list of " + s.getValue().size() : Yaml.describe(n)), expected);
      return null;
    }
    String a = cx.value(s.getValue().get(0), o.p(Key.BETWEEN) + ".0", cx.node(true));
    String b = cx.value(s.getValue().get(1), o.p(Key.BETWEEN) + ".1", cx.node(true));
    if (a == null || b == null) {
      return null;
    }
    if (a.equals(b)) {
      errors.add(Yaml.loc(n), o.p(Key.BETWEEN), "a link from " + a + " to itself",
          "two different nodes");
      return null;
    }
    return new String[] {a, b};
  }

  /** {@code base} with the channel keys of {@code o} applied. */
  private ChannelConfig channel(Obj o, ChannelConfig base) {
    ChannelConfig c = base;
    Long delay = cx.opt(o, Key.DELAY, DURATION);
    if (delay != null) {
      c = c.withDelay(delay);
    }
    Long rate = cx.opt(o, Key.RATE, BIT_RATE);
    if (rate != null) {
      c = c.withRate(rate);
    }
    Long jitter = cx.opt(o, Key.JITTER, DURATION);
    if (jitter != null) {
      c = c.withJitter(jitter);
    }
    QueueLimit queue = cx.opt(o, Key.QUEUE, QUEUE);
    if (queue != null) {
      c = c.withQueue(queue);
    }
    LossModel loss = loss(o);
    if (loss != null) {
      c = c.withLoss(loss);
    }
    Double duplicate = cx.opt(o, Key.DUPLICATE, PROBABILITY);
    if (duplicate != null) {
      c = c.withDuplicate(duplicate);
    }
    Double reorder = cx.opt(o, Key.REORDER, PROBABILITY);
    Long reorderDelay = cx.opt(o, Key.REORDER_DELAY, DURATION);
    if (reorder != null || reorderDelay != null) {
      c = c.withReorder(reorder != null ? reorder : c.reorder(),
          reorderDelay != null ? reorderDelay : c.reorderDelay());
      if (reorder != null && reorder > 0 && c.reorderDelay() == 0) {
        errors.add(o.keyLoc(Key.REORDER), o.p(Key.REORDER), "reorder without reorder-delay",
            "reorder-delay: DURATION too (how long a reordered packet is held back)");
      }
    }
    Double corrupt = cx.opt(o, Key.CORRUPT, PROBABILITY);
    if (corrupt != null) {
      c = c.withCorrupt(corrupt);
    }
    return c;
  }

  private LossModel loss(Obj o) {
    Node n = o.get(Key.LOSS);
    if (n == null) {
      return null;
    }
    String p = o.p(Key.LOSS);
    if (n instanceof ScalarNode) {
      Double v = cx.value(n, p, PROBABILITY);
      return v == null ? null : new LossModel.Bernoulli(v);
    }
    Obj l = cx.obj(n, p, Schema.LOSS,
        "a probability, or { gilbert-elliott: { p: 0.01, r: 0.3 } }");
    if (l == null) {
      return null;
    }
    if (!l.has(Key.GILBERT_ELLIOTT)) {
      errors.add(l.loc(), l.p(Key.GILBERT_ELLIOTT), "missing",
          "a loss model such as { gilbert-elliott: { p: 0.01, r: 0.3 } }");
      return null;
    }
    Obj ge = cx.obj(l.get(Key.GILBERT_ELLIOTT), l.p(Key.GILBERT_ELLIOTT), Schema.GILBERT_ELLIOTT,
        "a map such as { p: 0.01, r: 0.3 }");
    if (ge == null) {
      return null;
    }
    Double gp = cx.req(ge, Key.P, PROBABILITY);
    Double gr = cx.req(ge, Key.R, PROBABILITY);
    double good = cx.opt(ge, Key.LOSS_GOOD, PROBABILITY, 0.0);
    double bad = cx.opt(ge, Key.LOSS_BAD, PROBABILITY, 1.0);
    if (ge.hasErrors()) {
      return null;
    }
    if (gr == 0 && gp > 0) {
      errors.add(ge.loc(Key.R), ge.p(Key.R), "r is 0 while p is above 0",
          "r > 0 (with r = 0 the channel never leaves the Bad state)");
      return null;
    }
    return new LossModel.GilbertElliott(gp, gr, good, bad);
  }

  /** When there is more than one node, every node must be on some link. */
  void checkTopology(List<LinkSpec> links) {
    if (cx.nodes.size() < 2 || !errors.isEmpty()) {
      return;
    }
    Set<String> linked = new HashSet<>();
    for (LinkSpec l : links) {
      linked.add(l.a());
      linked.add(l.b());
    }
    for (NodeInfo n : cx.nodes.values()) {
      if (!linked.contains(n.name())) {
        errors.add(n.loc(), Key.HOSTS + "." + n.name(), n.name() + " is on no link",
            "every node in some link's between");
      }
    }
  }
}
