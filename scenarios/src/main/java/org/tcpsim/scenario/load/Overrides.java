package org.tcpsim.scenario.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.tcpsim.scenario.load.Shape.Fields;
import org.tcpsim.scenario.load.Shape.Leaf;
import org.tcpsim.scenario.load.Shape.ListOf;
import org.tcpsim.scenario.load.Shape.Named;
import org.tcpsim.scenario.model.Loc;

/**
 * {@code --set KEY=VALUE}: replaces (or adds) one value in the node tree before binding, so a
 * value from the command line gets exactly the checks a value in the file gets. The path is
 * dotted: map keys by name, list entries by index from 0 ({@code hosts.B.tcp.backlog}, {@code
 * links.0.loss}, {@code until}). The path must exist, except that its last key may be added to a
 * map (and missing maps on the way created) where the scenario's shape has that key.
 */
final class Overrides {
  static final String EXAMPLE = "KEY=VALUE such as hosts.B.tcp.backlog=64";

  private Overrides() {}

  /** Applies one {@code KEY=VALUE}; problems are reported as coming from {@code --set KEY}. */
  static void apply(MappingNode root, String assignment, Errors errors) {
    int eq = assignment.indexOf('=');
    String key = (eq < 0 ? assignment : assignment.substring(0, eq)).strip();
    Loc where = Loc.of(Yaml.SET_PREFIX + key);
    if (eq < 0) {
      errors.add(where, key, "no '=' in '" + assignment + "'", EXAMPLE);
      return;
    }
    if (key.isEmpty()) {
      errors.add(where, key, "no key before '=' in '" + assignment + "'", EXAMPLE);
      return;
    }
    String text = assignment.substring(eq + 1);
    String source = Yaml.SET_PREFIX + key;
    Errors yamlErrors = new Errors();
    Optional<Node> parsed = Yaml.compose(text, source, yamlErrors);
    if (!yamlErrors.isEmpty()) {
      String yaml = yamlErrors.sorted().get(0).message();
      if (yaml.startsWith("YAML: " + NestingLimit.PROBLEM)) {
        // Too deep is no syntax error: say the limit once, without quoting thousands of brackets.
        errors.add(where, key, NestingLimit.PROBLEM, NestingLimit.EXPECTED);
      } else {
        errors.add(where, key, "bad value '" + text + "': " + yaml,
            "a YAML value such as 64, 10ms or {p: 0.01, r: 0.3}");
      }
      return;
    }
    Node value = parsed.orElseGet(() -> new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN,
        Optional.of(new Mark(source, 0, 0, 0, new int[0], 0)), Optional.empty()));
    Errors copyErrors = new Errors();
    value = Yaml.copyChecked(value, key, copyErrors);
    errors.addAll(copyErrors);
    if (copyErrors.isEmpty()) {
      set(root, key, value, where, errors);
    }
  }

  /**
   * Puts {@code value} at {@code path}. Path problems are reported at {@code where}.
   *
   * @return whether the value was put
   */
  static boolean set(MappingNode root, String path, Node value, Loc where, Errors errors) {
    String[] segments = path.split("\\.", -1);
    for (String s : segments) {
      if (s.isEmpty()) {
        errors.add(where, path, "an empty key in the path", EXAMPLE);
        return false;
      }
    }
    return new PathWalk(root, value, where, errors).walk(segments);
  }

  /** What one step down the path did: went on to the next key, put the value, or failed. */
  private enum Step {
    ON,
    PUT,
    FAILED
  }

  /**
   * One walk down a {@code --set} path. It keeps the node reached so far, the scenario's shape
   * there (so a key is checked against {@link Schema} even where the file has no node yet; see
   * README "--set KEY=VALUE") and the path walked so far, which the messages quote. Each step
   * either goes down one key, puts the value at the last key, or reports one problem and stops.
   */
  private static final class PathWalk {
    private final Node value;
    private final Loc where;
    private final Errors errors;
    private Node cur;
    private Shape shape = Schema.ROOT;
    private String walked = "";

    PathWalk(MappingNode root, Node value, Loc where, Errors errors) {
      this.cur = root;
      this.value = value;
      this.where = where;
      this.errors = errors;
    }

    /** Takes each key in turn; {@code segments} is never empty and has no empty key. */
    boolean walk(String[] segments) {
      for (int i = 0; i < segments.length; i++) {
        String seg = segments[i];
        String here = Yaml.path(walked, seg);
        Step step = step(seg, here, i == segments.length - 1);
        if (step != Step.ON) {
          return step == Step.PUT;
        }
        walked = here;
      }
      return false;
    }

    private Step step(String seg, String here, boolean last) {
      if (shape instanceof Leaf) {
        errors.add(where, here, "'" + walked + "' is a single value, not a map or list",
            "a path that ends at " + walked);
        return Step.FAILED;
      }
      if (shape instanceof ListOf list) {
        return intoList(list, seg, here, last);
      }
      return intoMap(seg, here, last);
    }

    /** A list is indexed from 0, and only an existing entry may be replaced or walked into. */
    private Step intoList(ListOf list, String seg, String here, boolean last) {
      if (!(cur instanceof SequenceNode seq)) {
        errors.add(where, walked, "is " + Yaml.describe(cur) + ", not a list",
            "a list to index with " + seg);
        return Step.FAILED;
      }
      int n = seq.getValue().size();
      int index = -1;
      if (seg.matches("\\d{1,9}")) {
        index = Integer.parseInt(seg);
      }
      if (index < 0 || index >= n) {
        errors.add(where, here, "no entry " + seg + " in " + walked + " (it has " + n + ")",
            n == 0 ? "an existing entry" : "an index from 0 to " + (n - 1));
        return Step.FAILED;
      }
      if (last) {
        seq.getValue().set(index, value);
        return Step.PUT;
      }
      cur = seq.getValue().get(index);
      shape = list.element();
      return Step.ON;
    }

    /**
     * A map key must be one the shape allows. The last key is replaced or added; a missing key on
     * the way is created as an empty map, but only where the shape says a map belongs there.
     */
    private Step intoMap(String seg, String here, boolean last) {
      if (!(cur instanceof MappingNode map)) {
        errors.add(where, walked, "is " + Yaml.describe(cur) + ", not a map",
            "a map to hold '" + seg + "'");
        return Step.FAILED;
      }
      NodeTuple found = find(map, seg);
      Shape next = shapeUnder(map, found, seg, here, last);
      if (next == null) {
        return Step.FAILED;
      }
      if (last) {
        put(map, found, seg);
        return Step.PUT;
      }
      if (found == null) {
        if (!(next instanceof Fields || next instanceof Named)) {
          errors.add(where, here, "is not in the scenario",
              "a path to an existing entry (or set " + here + " as a whole)");
          return Step.FAILED;
        }
        MappingNode created = Yaml.emptyMap(value);
        map.getValue().add(new NodeTuple(Yaml.scalar(seg, value), created));
        cur = created;
      } else {
        cur = found.getValueNode();
      }
      shape = next;
      return Step.ON;
    }

    /**
     * The shape under key {@code seg}, or null once reported. Under a map of named entries
     * (hosts, say) only an existing name may be walked through; a new name may only be the last
     * key. Under fixed fields the key must be one of them.
     */
    private Shape shapeUnder(MappingNode map, NodeTuple found, String seg, String here,
        boolean last) {
      if (shape instanceof Named named) {
        if (found == null && !last) {
          List<String> keys = keys(map);
          errors.add(where, here, "no " + named.what() + " '" + seg + "' in " + walked,
              keys.isEmpty() ? "an existing " + named.what() : "one of " + String.join(", ", keys),
              Suggest.closest(seg, keys));
          return null;
        }
        return named.value();
      }
      Fields fields = (Fields) shape;
      Optional<Shape> field = fields.field(seg);
      if (field.isEmpty()) {
        List<String> keys = new ArrayList<>(fields.fields().keySet());
        errors.add(where, here, "unknown " + fields.what() + " '" + seg + "'",
            "one of " + String.join(", ", keys), Suggest.closest(seg, keys));
        return null;
      }
      return field.get();
    }

    /** Replaces the value in place, so the key keeps its position and its mark; else appends. */
    private void put(MappingNode map, NodeTuple found, String seg) {
      if (found == null) {
        map.getValue().add(new NodeTuple(Yaml.scalar(seg, value), value));
      } else {
        int at = map.getValue().indexOf(found);
        map.getValue().set(at, new NodeTuple(found.getKeyNode(), value));
      }
    }
  }

  private static NodeTuple find(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (Yaml.key(t).equals(key)) {
        return t;
      }
    }
    return null;
  }

  private static List<String> keys(MappingNode map) {
    return map.getValue().stream().map(Yaml::key).toList();
  }
}
