package org.tcpsim.scenario.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tcpsim.scenario.model.Sweep.Dimension;

/**
 * {@code sweep.vary}: each key path with a list of values ({@code [16, 128]}) or a range ({@code
 * {from: 16, to: 1024, times: 2}}, {@code {from: 0, to: 0.1, step: 0.01}}, units allowed as in
 * {@code {from: 10ms, to: 100ms, step: 10ms}}); {@code zip:} holds keys varied together, their
 * i-th values taken at once (one map, or a list of maps for several such groups).
 */
final class SweepVary {
  static final String ZIP = "zip";
  static final int MAX_VALUES = 10_000;
  static final String EXPECTED_VALUES =
      "a list of values such as [16, 128], or a range such as {from: 16, to: 1024, times: 2}";

  private static final Pattern NUMBER =
      Pattern.compile("(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*([A-Za-z/%]*)");
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  /** A key and its values as nodes, so each value can be tried in place of the key. */
  record Trial(String key, Node where, List<Node> values) {}

  private final Errors errors;
  private final List<Trial> trials = new ArrayList<>();

  SweepVary(Errors errors) {
    this.errors = errors;
  }

  List<Trial> trials() {
    return trials;
  }

  /** The dimensions of a {@code vary} map, in the order written; errors go to the error list. */
  List<Dimension> dimensions(MappingNode vary, String path) {
    List<Dimension> out = new ArrayList<>();
    for (NodeTuple t : vary.getValue()) {
      String key = Yaml.key(t);
      if (key.equals(ZIP)) {
        Node z = t.getValueNode();
        List<Node> groups = z instanceof SequenceNode s ? s.getValue() : List.of(z);
        for (int i = 0; i < groups.size(); i++) {
          String p = path + "." + ZIP + (z instanceof SequenceNode ? "." + i : "");
          Dimension d = zip(groups.get(i), p);
          if (d != null) {
            out.add(d);
          }
        }
        continue;
      }
      List<Node> values = values(t.getValueNode(), path + "." + key);
      if (values != null) {
        trials.add(new Trial(key, t.getKeyNode(), values));
        out.add(new Dimension(List.of(key), values.stream().map(v -> List.of(Yaml.toFlow(v)))
            .toList(), Yaml.loc(t.getKeyNode())));
      }
    }
    List<String> seen = new ArrayList<>();
    for (Dimension d : out) {
      for (String k : d.keys()) {
        if (seen.contains(k)) {
          errors.add(d.loc(), path + "." + k, "is varied twice",
              "each key in one place: on its own or in one zip group");
        }
        seen.add(k);
      }
    }
    return out;
  }

  /** Keys varied together: a map of keys to value lists or ranges of the same length. */
  private Dimension zip(Node n, String path) {
    if (!(n instanceof MappingNode m) || m.getValue().isEmpty()) {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n),
          "a map of keys varied together, such as { hosts.A.tcp.cc: [reno, newreno], "
              + "hosts.B.tcp.cc: [reno, newreno] }");
      return null;
    }
    Map<String, List<Node>> byKey = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = Yaml.key(t);
      List<Node> values = values(t.getValueNode(), path + "." + key);
      if (values == null) {
        return null;
      }
      trials.add(new Trial(key, t.getKeyNode(), values));
      byKey.put(key, values);
    }
    List<Integer> sizes = byKey.values().stream().map(List::size).toList();
    if (sizes.stream().distinct().count() > 1) {
      List<String> parts = new ArrayList<>();
      byKey.forEach((k, v) -> parts.add(k + " has " + v.size()));
      errors.add(Yaml.loc(n), path, "the keys have different numbers of values ("
          + String.join(", ", parts) + ")", "as many values for every key in a zip group");
      return null;
    }
    List<List<String>> tuples = new ArrayList<>();
    for (int i = 0; i < sizes.get(0); i++) {
      List<String> tuple = new ArrayList<>();
      for (List<Node> v : byKey.values()) {
        tuple.add(Yaml.toFlow(v.get(i)));
      }
      tuples.add(tuple);
    }
    return new Dimension(List.copyOf(byKey.keySet()), tuples, Yaml.loc(n));
  }

  /** A list's elements, or a range's values as scalars placed at the range; null on error. */
  List<Node> values(Node n, String path) {
    if (n instanceof SequenceNode s && !s.getValue().isEmpty()) {
      return s.getValue();
    }
    if (n instanceof MappingNode m) {
      return range(m, path);
    }
    errors.add(Yaml.loc(n), path,
        "got " + (n instanceof SequenceNode ? "an empty list" : Yaml.describe(n)),
        EXPECTED_VALUES);
    return null;
  }

  /**
   * A range's values as scalars placed at the range, in its unit; null on error. The values are
   * computed in decimal, so {@code step: 0.1} gives 0.3 and not 0.30000000000000004, and each is
   * then checked like a value written in the file (README "sweep").
   */
  private List<Node> range(MappingNode m, String path) {
    Map<String, Node> keys = rangeKeys(m, path);
    if (keys == null) {
      return null;
    }
    Number from = number(keys.get("from"), path + ".from");
    Number to = number(keys.get("to"), path + ".to");
    boolean geometric = keys.containsKey("times");
    Number by = number(keys.get(geometric ? "times" : "step"),
        path + (geometric ? ".times" : ".step"));
    if (from == null || to == null || by == null) {
      return null;
    }
    if (!from.unit().equals(to.unit()) || (!geometric && !by.unit().equals(from.unit()))
        || (geometric && !by.unit().isEmpty())) {
      errors.add(Yaml.loc(m), path, "the range mixes units ('" + from.unit() + "', '"
          + to.unit() + "', '" + by.unit() + "')",
          geometric ? "from and to in one unit, times a plain number"
              : "from, to and step in one unit, such as {from: 10ms, to: 50ms, step: 10ms}");
      return null;
    }
    if (from.value().compareTo(to.value()) > 0) {
      errors.add(Yaml.loc(m), path, "from is greater than to", "from at most to");
      return null;
    }
    List<BigDecimal> values = geometric
        ? times(m, path, from, to, by)
        : steps(keys.get("step"), path, from, to, by);
    if (values == null) {
      return null;
    }
    if (values.size() > MAX_VALUES) {
      errors.add(Yaml.loc(m), path, "the range has more than " + MAX_VALUES + " values",
          "a range of at most " + MAX_VALUES + " values");
      return null;
    }
    List<Node> out = new ArrayList<>();
    for (BigDecimal v : values) {
      out.add(Yaml.scalar(plain(v) + from.unit(), m));
    }
    return out;
  }

  /** A range's keys by name: from and to, and exactly one of step or times; null on error. */
  private Map<String, Node> rangeKeys(MappingNode m, String path) {
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = Yaml.key(t);
      if (!List.of("from", "to", "step", "times").contains(k)) {
        errors.add(Yaml.loc(t.getKeyNode()), path + "." + k, "unknown range key '" + k + "'",
            "from, to, and step or times", Suggest.closest(k, List.of("from", "to", "step",
                "times")));
        return null;
      }
      keys.put(k, t.getValueNode());
    }
    if (!keys.containsKey("from") || !keys.containsKey("to")
        || keys.containsKey("step") == keys.containsKey("times")) {
      errors.add(Yaml.loc(m), path, "a range needs from, to, and one of step or times",
          "{from: 0, to: 0.1, step: 0.01} or {from: 16, to: 1024, times: 2}");
      return null;
    }
    return keys;
  }

  /**
   * {@code times}: from, from * times, ... up to to. Stops one past {@link #MAX_VALUES}, so the
   * caller can report a range too long without building it whole; null if it would never grow.
   */
  private List<BigDecimal> times(MappingNode m, String path, Number from, Number to, Number by) {
    if (by.value().compareTo(BigDecimal.ONE) <= 0 || from.value().signum() <= 0) {
      errors.add(Yaml.loc(m), path, "times " + by.text() + " from " + from.text()
          + " never grows", "times above 1 and from above 0");
      return null;
    }
    List<BigDecimal> values = new ArrayList<>();
    for (BigDecimal v = from.value(); v.compareTo(to.value()) <= 0 && values.size() <= MAX_VALUES;
        v = v.multiply(by.value(), PRECISION)) {
      values.add(v);
    }
    return values;
  }

  /** {@code step}: from, from + step, ... up to to; stops as {@link #times} does. */
  private List<BigDecimal> steps(Node step, String path, Number from, Number to, Number by) {
    if (by.value().signum() <= 0) {
      errors.add(Yaml.loc(step), path + ".step", "step " + by.text()
          + " never reaches to", "a step above 0");
      return null;
    }
    List<BigDecimal> values = new ArrayList<>();
    for (BigDecimal v = from.value(); v.compareTo(to.value()) <= 0 && values.size() <= MAX_VALUES;
        v = v.add(by.value(), PRECISION)) {
      values.add(v);
    }
    return values;
  }

  private record Number(BigDecimal value, String unit, String text) {}

  private Number number(Node n, String path) {
    Matcher x = n instanceof ScalarNode s ? NUMBER.matcher(s.getValue().strip()) : null;
    if (x == null || !x.matches()) {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n),
          "a number, with a unit where the key has one (16, 0.01, 10ms, 1Mbps)");
      return null;
    }
    return new Number(new BigDecimal(x.group(1)), x.group(2), ((ScalarNode) n).getValue());
  }

  private static String plain(BigDecimal v) {
    String s = v.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
