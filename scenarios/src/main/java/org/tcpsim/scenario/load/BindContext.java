package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.FLAG_NAMES;
import static org.tcpsim.scenario.load.Parsers.STRING;
import static org.tcpsim.scenario.load.Parsers.flag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Shape.Fields;
import org.tcpsim.scenario.model.AddressMatch;
import org.tcpsim.scenario.model.ConnId;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Loc;

/**
 * What the section binders of one scenario tree share: the error collector, the declared nodes
 * and their addresses (so that any section can name a host, in any order), the times to check
 * against {@code until}, and reading maps, lists and values with every problem reported where it
 * was written. One context per bind.
 */
final class BindContext {
  /** What a host or node name looks like (README, Scenario files, {@code hosts}). */
  static final Pattern HOST_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  /** Written like an IPv4 address rather than a host name. */
  static final Pattern DOTTED = Pattern.compile("[0-9.]+");

  final Errors errors;

  /** Every name under hosts, also those whose body has problems (so references still resolve). */
  final Map<String, NodeInfo> nodes = new LinkedHashMap<>();

  /** The host of each declared address. */
  final Map<Integer, String> owners = new HashMap<>();

  /** {@code hosts:} is there but is not a map: unknown host names are not worth reporting. */
  boolean hostsUnreadable;

  /** Every time written in the file, checked against {@code until} once it is known. */
  final List<Timed> times = new ArrayList<>();

  /** A node name with what is known of it. */
  record NodeInfo(String name, boolean router, Optional<Integer> address, Loc loc) {}

  /** A time to check against {@code until}. */
  record Timed(long t, Loc loc, String path) {}

  BindContext(Errors errors) {
    this.errors = errors;
  }

  // ---------------------------------------------------------------- names and addresses

  /** A host name standing for a declared node; routers only when {@code routerOk}. */
  P<String> node(boolean routerOk) {
    String expected = routerOk ? "a node declared under hosts" : "a host declared under hosts";
    return new P<>(expected, s -> {
      String name = s.strip();
      NodeInfo n = nodes.get(name);
      if (n == null) {
        throw unknownNode(name, routerOk);
      }
      if (n.router() && !routerOk) {
        throw new BadValue("'" + name + "' is a router", "a host (routers have no TCP)",
            Suggest.closest(name, hostNames(false)));
      }
      return name;
    });
  }

  BadValue unknownNode(String name, boolean routerOk) {
    List<String> names = hostNames(routerOk);
    String expected = names.isEmpty() ? "a host declared under hosts"
        : names.size() <= 12 ? "one of " + String.join(", ", names)
        : "a name declared under hosts";
    BadValue b = new BadValue("unknown host '" + name + "'", expected,
        Suggest.closest(name, names));
    b.unknownHost = true;
    return b;
  }

  private List<String> hostNames(boolean routers) {
    return nodes.values().stream().filter(n -> routers || !n.router()).map(NodeInfo::name)
        .toList();
  }

  /** {@code B:80} or {@code 10.0.0.2:80}; {@code anyAddress}: an address of no host is fine. */
  P<EndpointRef> endpoint(boolean anyAddress) {
    String expected = "HOST:PORT such as B:80 or 10.0.0.2:80";
    return new P<>(expected, s -> {
      String text = s.strip();
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw new BadValue("'" + text + "' has no port", expected);
      }
      String hostPart = text.substring(0, colon).strip();
      String portPart = text.substring(colon + 1).strip();
      int port;
      try {
        port = (int) Values.integer(portPart, 1, 65_535);
      } catch (BadValue b) {
        throw new BadValue("port '" + portPart + "' in '" + text + "' is not 1..65535",
            expected);
      }
      if (hostPart.isEmpty()) {
        throw new BadValue("'" + text + "' has no host", expected);
      }
      if (DOTTED.matcher(hostPart).matches()) {
        int address = Parsers.address(hostPart);
        String owner = owners.get(address);
        if (owner == null && !anyAddress) {
          BadValue b = new BadValue("no host has address " + hostPart, "a host's name or address");
          b.unknownHost = true;
          throw b;
        }
        return new EndpointRef(Optional.ofNullable(owner), address, port);
      }
      NodeInfo n = nodes.get(hostPart);
      if (n == null) {
        throw unknownNode(hostPart, false);
      }
      if (n.router()) {
        throw new BadValue("'" + hostPart + "' is a router and has no address",
            "a host with TCP");
      }
      return new EndpointRef(Optional.of(hostPart), n.address().orElse(0), port);
    });
  }

  /** {@code A:1024>B:80}; with {@code listener}, also {@code B:80>*}. */
  P<ConnId> connId(boolean listener) {
    String expected = "LOCAL>REMOTE such as \"A:1024>B:80\"" + (listener ? " or \"B:80>*\"" : "");
    return new P<>(expected, s -> {
      String text = s.strip();
      int gt = text.indexOf('>');
      if (gt < 0 || text.indexOf('>', gt + 1) >= 0) {
        throw new BadValue("'" + text + "' is not a connection id", expected);
      }
      EndpointRef local = endpoint(false).fn().parse(text.substring(0, gt));
      String right = text.substring(gt + 1).strip();
      if (right.equals("*")) {
        if (!listener) {
          throw new BadValue("'" + text + "' has no remote end", expected);
        }
        return new ConnId(local, Optional.empty());
      }
      return new ConnId(local, Optional.of(endpoint(true).fn().parse(right)));
    });
  }

  /** A rule's from/to: {@code A}, {@code 10.0.0.9}, {@code A:1024}. */
  P<AddressMatch> addressMatch() {
    String expected = "a host, an address or HOST:PORT";
    return new P<>(expected, s -> {
      String text = s.strip();
      int colon = text.lastIndexOf(':');
      String hostPart = colon < 0 ? text : text.substring(0, colon).strip();
      OptionalInt port = OptionalInt.empty();
      if (colon >= 0) {
        String portPart = text.substring(colon + 1).strip();
        try {
          port = OptionalInt.of((int) Values.integer(portPart, 1, 65_535));
        } catch (BadValue b) {
          throw new BadValue("port '" + portPart + "' in '" + text + "' is not 1..65535",
              expected);
        }
      }
      if (DOTTED.matcher(hostPart).matches()) {
        int address = Parsers.address(hostPart);
        return new AddressMatch(Optional.ofNullable(owners.get(address)), address, port);
      }
      NodeInfo n = nodes.get(hostPart);
      if (n == null) {
        throw unknownNode(hostPart, false);
      }
      if (n.router()) {
        throw new BadValue("'" + hostPart + "' is a router and has no address", expected);
      }
      return new AddressMatch(Optional.of(hostPart), n.address().orElse(0), port);
    });
  }

  // ---------------------------------------------------------------- node access

  /** A map being read: its entries by key, unknown keys already reported. */
  final class Obj {
    final MappingNode node;
    final String path;
    final LinkedHashMap<String, NodeTuple> entries = new LinkedHashMap<>();
    /** The problems counted once the map was read: what {@link #hasErrors} compares against. */
    private final int errorsWhenRead;

    Obj(MappingNode node, String path, Fields shape) {
      this.node = node;
      this.path = path;
      for (NodeTuple t : node.getValue()) {
        String key = Yaml.key(t);
        if (shape.field(key).isEmpty()) {
          List<String> keys = new ArrayList<>(shape.fields().keySet());
          errors.add(Yaml.loc(t.getKeyNode()), p(key), "unknown " + shape.what() + " '" + key
              + "'", "one of " + String.join(", ", keys), Suggest.closest(key, keys));
          continue;
        }
        entries.put(key, t);
      }
      errorsWhenRead = errors.size();
    }

    /**
     * Whether a problem was reported since the map was read (its unknown keys do not count).
     * Such an element is left out, and the checks between its values are skipped: they would
     * only repeat the problem (README, Scenario files: every problem is reported once, at once).
     */
    boolean hasErrors() {
      return errors.size() > errorsWhenRead;
    }

    Node get(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? null : t.getValueNode();
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }

    String p(String key) {
      return Yaml.path(path, key);
    }

    Loc loc() {
      return Yaml.loc(node);
    }

    Loc loc(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? loc() : Yaml.loc(t.getValueNode());
    }

    Loc keyLoc(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? loc() : Yaml.loc(t.getKeyNode());
    }
  }

  /** The node as a map of {@code shape}, or null after reporting; nothing counts as empty. */
  Obj obj(Node n, String path, Fields shape, String expected) {
    if (n instanceof MappingNode m) {
      return new Obj(m, path, shape);
    }
    if (Yaml.isNull(n)) {
      return new Obj(Yaml.emptyMap(n), path, shape);
    }
    errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n), expected);
    return null;
  }

  /** The entries of a list; a missing or empty value gives none; anything else is reported. */
  List<Node> list(Node n, String path, String expected) {
    if (n == null || Yaml.isNull(n)) {
      return List.of();
    }
    if (n instanceof SequenceNode s) {
      return s.getValue();
    }
    errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n), expected);
    return List.of();
  }

  /**
   * Binds each entry of the section list {@code n} with {@code bind}, given the entry and its path
   * ({@code section.N}), and keeps what it returns unless null: a bad entry is left out but the
   * walk goes on, since every problem is reported at once (README, Scenario files). A missing or
   * empty list gives none; a value that is not a list is reported as {@link #list} reports it.
   */
  <T> List<T> eachEntry(Node n, String path, String expected, BiFunction<Node, String, T> bind) {
    List<T> out = new ArrayList<>();
    List<Node> items = list(n, path, expected);
    for (int i = 0; i < items.size(); i++) {
      T bound = bind.apply(items.get(i), Yaml.path(path, Integer.toString(i)));
      if (bound != null) {
        out.add(bound);
      }
    }
    return out;
  }

  /**
   * Binds each entry of the section list {@code n}, read as a map of {@code shape}, with
   * {@code bind}; what it returns is kept unless null. This is the shape of {@code links},
   * {@code actions}, {@code inject}, {@code rules}, {@code attacks} and {@code expect} (README,
   * Scenario files, Top level: each a list of maps). An entry that is not a map is reported as
   * {@link #obj} reports it (against {@code entryExpected}) and skipped; one written as null is
   * an empty map, so that its missing keys are what gets reported.
   */
  <T> List<T> eachMap(Node n, String path, String expected, Fields shape, String entryExpected,
      Function<Obj, T> bind) {
    return eachEntry(n, path, expected, (item, p) -> {
      Obj o = obj(item, p, shape, entryExpected);
      return o == null ? null : bind.apply(o);
    });
  }

  /**
   * The scalar {@code n} read by {@code p}, or null after reporting. An unknown host is only
   * counted, not shown, when {@code hosts:} could not be read: it would repeat that problem.
   */
  <T> T value(Node n, String path, P<T> p) {
    if (!(n instanceof ScalarNode s) || Yaml.isNull(n)) {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n), p.expected());
      return null;
    }
    try {
      return p.fn().parse(s.getValue());
    } catch (BadValue b) {
      if (b.unknownHost && hostsUnreadable) {
        errors.addHidden();
      } else {
        errors.add(Yaml.loc(n), path, b);
      }
      return null;
    }
  }

  /** The value under {@code key}, or null when absent or bad (bad is reported). */
  <T> T opt(Obj o, String key, P<T> p) {
    Node n = o.get(key);
    return n == null ? null : value(n, o.p(key), p);
  }

  /** The value under {@code key}, or {@code fallback} when absent or bad (bad is reported). */
  <T> T opt(Obj o, String key, P<T> p, T fallback) {
    T v = opt(o, key, p);
    return v == null ? fallback : v;
  }

  /** The value under {@code key}; missing or bad is reported and gives null. */
  <T> T req(Obj o, String key, P<T> p) {
    if (!o.has(key)) {
      errors.add(o.loc(), o.p(key), "missing", p.expected());
      return null;
    }
    return opt(o, key, p);
  }

  /** Keeps the time written under {@code key}, to check against {@code until} at the end. */
  void timed(Long t, Obj o, String key) {
    if (t != null) {
      times.add(new Timed(t, o.loc(key), o.p(key)));
    }
  }

  /** A map already known to be one, read as {@code shape}. */
  Obj map(MappingNode m, String path, Fields shape) {
    return new Obj(m, path, shape);
  }

  /** A list of flag names ({@code [SYN, ACK]}) or one string ({@code "SYN,ACK"}). */
  Integer flags(Node n, String path) {
    String expected = "flags from " + String.join(", ", FLAG_NAMES);
    List<Node> items;
    if (n instanceof SequenceNode s) {
      items = s.getValue();
    } else if (n instanceof ScalarNode && !Yaml.isNull(n)) {
      items = List.of(n);
    } else {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n), "a list of " + expected);
      return null;
    }
    int flags = 0;
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String p = n instanceof SequenceNode ? path + "." + i : path;
      String text = value(item, p, new P<>(expected, STRING.fn()));
      if (text == null) {
        ok = false;
        continue;
      }
      for (String name : text.split("[,\\s]+")) {
        if (name.isEmpty()) {
          continue;
        }
        try {
          flags |= flag(name);
        } catch (BadValue b) {
          errors.add(Yaml.loc(item), p, b);
          ok = false;
        }
      }
    }
    return ok ? flags : null;
  }
}
