package org.tcpsim.scenario.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.tcpsim.scenario.model.Loc;

/**
 * {@code --vary KEY=VALUES}: adds a dimension to {@code sweep.vary}, or replaces the one that
 * varies KEY. VALUES is {@code 16,128,1024}, or YAML: {@code [1s, 2s]}, {@code {from: 16, to:
 * 1024, times: 2}}. {@code --vary zip={k1: [..], k2: [..]}} adds a group of keys varied together,
 * replacing whatever varied those keys before. The values themselves are checked later, with the
 * file's own.
 */
final class SweepOverrides {
  static final String EXAMPLE =
      "KEY=VALUES such as hosts.B.tcp.backlog=16,128,1024 or links.0.loss={from: 0, to: 0.05, "
          + "step: 0.01}";

  private SweepOverrides() {}

  static void vary(MappingNode root, String assignment, Errors errors) {
    int eq = assignment.indexOf('=');
    String key = (eq < 0 ? assignment : assignment.substring(0, eq)).strip();
    String source = "--vary " + key;
    Loc where = Loc.of(source);
    if (eq < 0 || key.isEmpty()) {
      errors.add(where, key, eq < 0 ? "no '=' in '" + assignment + "'"
          : "no key before '=' in '" + assignment + "'", EXAMPLE);
      return;
    }
    String text = assignment.substring(eq + 1).strip();
    boolean yaml = text.startsWith("[") || text.startsWith("{");
    Errors parseErrors = new Errors();
    Optional<Node> parsed = Yaml.compose(yaml ? text : "[" + text + "]", source, parseErrors);
    if (!parseErrors.isEmpty() || parsed.isEmpty()) {
      errors.add(where, key, "bad values '" + text + "'"
          + (parseErrors.isEmpty() ? "" : ": " + parseErrors.sorted().get(0).message()), EXAMPLE);
      return;
    }
    Node value = Yaml.copyChecked(parsed.get(), key, errors);
    MappingNode vary = varyMap(root, where, errors);
    if (vary == null) {
      return;
    }
    List<NodeTuple> entries = vary.getValue();
    if (key.equals(SweepVary.ZIP)) {
      varyZip(entries, key, value, where, errors);
    } else {
      varyOne(entries, key, value, where, errors);
    }
  }

  /** {@code --vary zip=...}: the group replaces every group or key it shares a key with. */
  private static void varyZip(List<NodeTuple> entries, String key, Node value, Loc where,
      Errors errors) {
    if (!(value instanceof MappingNode group)) {
      errors.add(where, key, "got " + Yaml.describe(value),
          "zip={k1: [v1, v2], k2: [w1, w2]}: keys varied together");
      return;
    }
    List<String> keys = group.getValue().stream().map(Yaml::key).toList();
    entries.removeIf(t -> keys.contains(Yaml.key(t)));
    // The new group takes the place of the first group it replaces, so the grid's order
    // (and its plots' axes) stay as the file has them.
    List<Node> groups = new ArrayList<>();
    NodeTuple zip = find(entries, SweepVary.ZIP);
    boolean placed = false;
    if (zip != null) {
      Node old = zip.getValueNode();
      for (Node g : old instanceof SequenceNode s ? s.getValue() : List.of(old)) {
        if (!(g instanceof MappingNode gm)
            || gm.getValue().stream().map(Yaml::key).noneMatch(keys::contains)) {
          groups.add(g);
        } else if (!placed) {
          groups.add(group);
          placed = true;
        }
      }
    }
    if (!placed) {
      groups.add(group);
    }
    NodeTuple replacement = new NodeTuple(Yaml.scalar(SweepVary.ZIP, value),
        new SequenceNode(Tag.SEQ, true, groups, FlowStyle.FLOW, value.getStartMark(),
            value.getEndMark()));
    if (zip == null) {
      entries.add(replacement);
    } else {
      entries.set(entries.indexOf(zip), replacement);
    }
  }

  /** {@code --vary KEY=...}: replaces KEY's dimension, unless the file varies KEY in a zip. */
  private static void varyOne(List<NodeTuple> entries, String key, Node value, Loc where,
      Errors errors) {
    NodeTuple zip = find(entries, SweepVary.ZIP);
    if (zip != null) {
      Node old = zip.getValueNode();
      for (Node g : old instanceof SequenceNode s ? s.getValue() : List.of(old)) {
        if (g instanceof MappingNode gm && gm.getValue().stream().map(Yaml::key)
            .anyMatch(key::equals)) {
          List<String> with = gm.getValue().stream().map(Yaml::key).filter(k -> !k.equals(key))
              .toList();
          errors.add(where, key, "is varied together with " + String.join(", ", with)
              + " in the file's zip group",
              "--vary 'zip={" + key + ": [...], " + with.get(0) + ": [...]}' to replace the group");
          return;
        }
      }
    }
    NodeTuple existing = find(entries, key);
    NodeTuple replacement = new NodeTuple(Yaml.scalar(key, value), value);
    if (existing == null) {
      entries.add(replacement);
    } else {
      entries.set(entries.indexOf(existing), replacement);
    }
  }

  /** {@code sweep.vary}, created when the file has none. */
  private static MappingNode varyMap(MappingNode root, Loc where, Errors errors) {
    MappingNode sweep = child(root, Schema.Key.SWEEP, where, errors);
    return sweep == null ? null : child(sweep, Schema.Key.VARY, where, errors);
  }

  private static MappingNode child(MappingNode parent, String key, Loc where, Errors errors) {
    NodeTuple t = find(parent.getValue(), key);
    if (t == null) {
      MappingNode created = Yaml.emptyMap(parent);
      parent.getValue().add(new NodeTuple(Yaml.scalar(key, parent), created));
      return created;
    }
    if (t.getValueNode() instanceof MappingNode m) {
      return m;
    }
    if (Yaml.isNull(t.getValueNode())) {
      MappingNode created = Yaml.emptyMap(parent);
      parent.getValue().set(parent.getValue().indexOf(t), new NodeTuple(t.getKeyNode(), created));
      return created;
    }
    errors.add(where, key, "the file's " + key + " is " + Yaml.describe(t.getValueNode()),
        "a map to add the dimension to");
    return null;
  }

  private static NodeTuple find(List<NodeTuple> entries, String key) {
    return entries.stream().filter(t -> Yaml.key(t).equals(key)).findFirst().orElse(null);
  }
}
