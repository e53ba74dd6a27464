package org.tcpsim.scenario.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.tcpsim.scenario.model.Loc;

/**
 * YAML text to a node tree (SnakeYAML Engine's composer, so every node keeps its line and
 * column), plus the structural checks every map gets: keys are plain scalars and appear once.
 */
final class Yaml {
  /** Marks whose source name starts with this come from the command line, not a file. */
  static final String SET_PREFIX = "--set ";

  private Yaml() {}

  /**
   * Composes one YAML document. {@code source} names it in every mark (the file name, or
   * {@code --set KEY}). Syntax errors, and lists and maps nested deeper than {@link
   * NestingLimit#MAX_DEPTH}, go to {@code errors}; an empty document gives empty.
   */
  static Optional<Node> compose(String text, String source, Errors errors) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(50)
        .build();
    try {
      // What Compose.composeString does, with the nesting limit between parser and composer.
      return new Composer(settings, new NestingLimit(new ParserImpl(settings,
          new StreamReader(settings, text)))).getSingleNode();
    } catch (NestingLimit.TooDeep e) {
      Loc loc = e.mark.map(Yaml::loc).orElse(Loc.of(source));
      errors.add(loc, "", "YAML: " + NestingLimit.PROBLEM, NestingLimit.EXPECTED);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      Loc loc = mark.map(Yaml::loc).orElse(Loc.of(source));
      errors.add(ScenarioError.at(loc, syntaxMessage(e)));
    } catch (YamlEngineException e) {
      errors.add(ScenarioError.at(Loc.of(source), "YAML: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "bad YAML" : e.getProblem();
    if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return "YAML syntax: a tab character, expected spaces (YAML does not allow tabs for "
          + "indentation)";
    }
    StringBuilder sb = new StringBuilder("YAML syntax: ").append(problem);
    if (e.getContext() != null && e.getContextMark().isPresent()
        && !e.getContextMark().equals(e.getProblemMark())) {
      Mark m = e.getContextMark().get();
      sb.append(" (").append(e.getContext()).append(" at line ").append(m.getLine() + 1)
          .append(", column ").append(m.getColumn() + 1).append(')');
    }
    return sb.toString();
  }

  static Loc loc(Mark m) {
    String name = m.getName();
    if (name.startsWith(SET_PREFIX)) {
      return Loc.of(name);
    }
    return new Loc(name, m.getLine() + 1, m.getColumn() + 1);
  }

  static Loc loc(Node n) {
    return n.getStartMark().map(Yaml::loc).orElse(Loc.of("?"));
  }

  /** A null, or an empty plain scalar: a key with nothing after it. */
  static boolean isNull(Node n) {
    return n instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty()
        && s.getScalarStyle() == ScalarStyle.PLAIN);
  }

  /** What a node is, for "got ..." in messages. */
  static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "a map";
    }
    if (n instanceof SequenceNode) {
      return "a list";
    }
    if (isNull(n)) {
      return "nothing";
    }
    return "'" + ((ScalarNode) n).getValue() + "'";
  }

  static String key(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * A deep copy, so that aliases become independent nodes (a {@code --set} through one must not
   * change the other) and the tree can be changed freely; marks are kept. Maps whose keys are
   * not plain scalars, duplicate keys, recursive aliases, and nesting that aliases make deeper
   * than {@link NestingLimit#MAX_DEPTH} are reported and left out.
   */
  static Node copyChecked(Node n, String path, Errors errors) {
    return copy(n, path, errors, new IdentityHashMap<>());
  }

  private static Node copy(Node n, String path, Errors errors, IdentityHashMap<Node, Node> open) {
    if (n instanceof ScalarNode s) {
      return new ScalarNode(s.getTag(), true, s.getValue(), s.getScalarStyle(), s.getStartMark(),
          s.getEndMark());
    }
    if (open.containsKey(n)) {
      errors.add(loc(n), path, "a recursive alias", "a tree without cycles");
      return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, n.getStartMark(),
          n.getEndMark());
    }
    if (open.size() >= NestingLimit.MAX_DEPTH) {
      // The text was within the limit (NestingLimit), so an alias took it deeper: stop here
      // rather than recurse as deep as a chain of aliases can reach.
      errors.add(loc(n), topKey(path), NestingLimit.PROBLEM + " (through aliases)",
          NestingLimit.EXPECTED);
      return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, n.getStartMark(),
          n.getEndMark());
    }
    open.put(n, n);
    try {
      if (n instanceof SequenceNode q) {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < q.getValue().size(); i++) {
          items.add(copy(q.getValue().get(i), path(path, Integer.toString(i)), errors, open));
        }
        return new SequenceNode(Tag.SEQ, true, items, q.getFlowStyle(), q.getStartMark(),
            q.getEndMark());
      }
      MappingNode m = (MappingNode) n;
      List<NodeTuple> tuples = new ArrayList<>();
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks) || isNull(k)) {
          errors.add(loc(k), path, "a key that is " + describe(k), "a plain name as key");
          continue;
        }
        String key = ks.getValue();
        Node first = seen.putIfAbsent(key, k);
        if (first != null) {
          Loc f = loc(first);
          errors.add(loc(k), path(path, key), "duplicate key '" + key + "'" + (f.hasPosition()
              ? " (first at line " + f.line() + ", column " + f.col() + ")" : ""),
              "each key once");
          continue;
        }
        tuples.add(new NodeTuple(copy(k, path, errors, open),
            copy(t.getValueNode(), path(path, key), errors, open)));
      }
      return new MappingNode(Tag.MAP, true, tuples, m.getFlowStyle(), m.getStartMark(),
          m.getEndMark());
    } finally {
      open.remove(n);
    }
  }

  /** The first key of a path: a path 64 levels deep says less than where it starts. */
  private static String topKey(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The node as one line of flow YAML that composes back to an equal tree. */
  static String toFlow(Node n) {
    if (n instanceof ScalarNode s) {
      String v = s.getValue();
      if (s.getScalarStyle() == ScalarStyle.PLAIN && !v.isEmpty()) {
        return v;
      }
      return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    if (n instanceof SequenceNode q) {
      return q.getValue().stream().map(Yaml::toFlow).collect(Collectors.joining(", ", "[", "]"));
    }
    return ((MappingNode) n).getValue().stream()
        .map(t -> toFlow(t.getKeyNode()) + ": " + toFlow(t.getValueNode()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static MappingNode emptyMap(Node at) {
    return new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.FLOW, at.getStartMark(),
        at.getEndMark());
  }

  static ScalarNode scalar(String value, Node at) {
    return new ScalarNode(Tag.STR, true, value, ScalarStyle.PLAIN, at.getStartMark(),
        at.getEndMark());
  }
}
