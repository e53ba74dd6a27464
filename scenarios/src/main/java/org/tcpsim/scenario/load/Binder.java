package org.tcpsim.scenario.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.tcpsim.core.Time;
import org.tcpsim.core.net.ChannelConfig;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.core.net.LossModel;
import org.tcpsim.core.net.Prefix;
import org.tcpsim.core.net.QueueLimit;
import org.tcpsim.scenario.load.Shape.Fields;
import org.tcpsim.scenario.model.Action;
import org.tcpsim.scenario.model.AddressMatch;
import org.tcpsim.scenario.model.App;
import org.tcpsim.scenario.model.Attack;
import org.tcpsim.scenario.model.Close;
import org.tcpsim.scenario.model.ConnId;
import org.tcpsim.scenario.model.EndpointRef;
import org.tcpsim.scenario.model.Expectation;
import org.tcpsim.scenario.model.HostSpec;
import org.tcpsim.scenario.model.Inject;
import org.tcpsim.scenario.model.LadderLine;
import org.tcpsim.scenario.model.LinkSpec;
import org.tcpsim.scenario.model.Loc;
import org.tcpsim.tcp.Profile;
import org.tcpsim.scenario.model.Rule;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.model.Sweep;
import org.tcpsim.scenario.model.TcpOverrides;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpSettings;
import org.tcpsim.tcp.TcpState;

/**
 * Binds a checked node tree to the model records, reporting every problem it can find with its
 * location. Elements with problems are left out of the result (and nothing is returned when
 * there is any problem), but binding goes on so that independent problems are all reported.
 * One binder binds one tree.
 */
final class Binder {
  /** The user signals of design section 3 and RFC 9293's error messages. */
  static final List<String> SIGNALS = List.of("connected", "connection reset",
      "connection refused", "connection closing", "closing", "closed", "timeout",
      "connection aborted", "connection does not exist", "connection already exists",
      "insufficient resources");

  static final List<String> FLAG_NAMES =
      List.of("SYN", "ACK", "FIN", "RST", "PSH", "URG", "ECE", "CWR");

  static final List<String> STATE_NAMES =
      java.util.Arrays.stream(TcpState.values()).map(TcpState::toString).toList();

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
  private static final Pattern COUNTER = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final Pattern LADDER =
      Pattern.compile("\\s*([^\\s>]+)\\s*>\\s*(\\S+)\\s+(\\S+)((?:\\s+\\S+)*)\\s*");

  private final Errors errors;

  /** Every name under hosts, also those whose body has problems (so references still resolve). */
  private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();

  private final Map<Integer, String> owners = new HashMap<>();

  /** {@code hosts:} is there but is not a map: unknown host names are not worth reporting. */
  private boolean hostsUnreadable;
  private long until = Scenario.FOREVER;
  private final List<Timed> times = new ArrayList<>();

  /** A node name with what is known of it. */
  private record NodeInfo(String name, boolean router, Optional<Integer> address, Loc loc) {}

  /** A time to check against {@code until}. */
  private record Timed(long t, Loc loc, String path) {}

  private final List<SweepVary.Trial> sweepTrials = new ArrayList<>();

  Binder(Errors errors) {
    this.errors = errors;
  }

  /** Each varied key with its values, for the loader to try on the tree. */
  List<SweepVary.Trial> sweepTrials() {
    return sweepTrials;
  }

  // ---------------------------------------------------------------- value parsers

  @FunctionalInterface
  interface Fn<T> {
    T parse(String text) throws BadValue;
  }

  /** A parser with the description of what it accepts. */
  record P<T>(String expected, Fn<T> fn) {}

  static final P<String> STRING = new P<>("a string", s -> {
    if (s.isBlank()) {
      throw new BadValue("an empty string", "a string");
    }
    return s;
  });
  static final P<Long> DURATION = new P<>(Values.DURATION, Values::duration);
  static final P<Long> POSITIVE_DURATION = new P<>("a duration > 0 such as 10ms", s -> {
    long v = Values.duration(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero", "a duration > 0 such as 10ms");
    }
    return v;
  });
  static final P<Long> SIZE = new P<>(Values.SIZE, Values::size);
  static final P<Long> BIT_RATE = new P<>(Values.BIT_RATE, s -> {
    long v = Values.bitRate(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero",
          "a bit rate > 0 (leave rate out for an infinitely fast link)");
    }
    return v;
  });
  static final P<Double> EVENT_RATE = new P<>(Values.EVENT_RATE, s -> {
    double v = Values.eventRate(s);
    if (v == 0) {
      throw new BadValue("'" + s + "' is zero", "an event rate > 0 such as 100/s");
    }
    return v;
  });
  static final P<Double> PROBABILITY = new P<>(Values.PROBABILITY, Values::probability);
  static final P<Boolean> BOOLEAN = new P<>(Values.BOOLEAN, Values::bool);
  static final P<Double> NUMBER = new P<>("a number", Values::number);
  static final P<Long> SEQ = integer(0, 0xFFFF_FFFFL);
  static final P<Long> PORT = integer(1, 65_535);
  static final P<Prefix> PREFIX = new P<>("a prefix such as 198.51.100.0/24", s -> {
    try {
      return Prefix.parse(s.strip());
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage(), "a prefix such as 198.51.100.0/24");
    }
  });
  static final P<Close> CLOSE = new P<>("on-peer-close, never, after-send or a duration", s -> {
    switch (s.strip()) {
      case "on-peer-close":
        return Close.ON_PEER_CLOSE;
      case "never":
        return Close.NEVER;
      case "after-send":
        return Close.AFTER_SEND;
      default:
        break;
    }
    if (!s.strip().isEmpty() && Character.isDigit(s.strip().charAt(0))) {
      return Close.after(Values.duration(s));
    }
    throw new BadValue("unknown close '" + s + "'",
        "on-peer-close, never, after-send or a duration such as 2s",
        Suggest.closest(s.strip(), List.of("on-peer-close", "never", "after-send")));
  });

  static P<Long> integer(long min, long max) {
    return new P<>(Values.expectedInteger(min, max), s -> Values.integer(s, min, max));
  }

  static P<String> choice(String what, List<String> choices) {
    String expected = "one of " + String.join(", ", choices);
    return new P<>(expected, s -> {
      String v = s.strip();
      if (!choices.contains(v)) {
        throw new BadValue("unknown " + what + " '" + v + "'", expected,
            Suggest.closest(v, choices));
      }
      return v;
    });
  }

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

  private BadValue unknownNode(String name, boolean routerOk) {
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
        int address = address(hostPart);
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
        int address = address(hostPart);
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

  private static int address(String text) throws BadValue {
    try {
      return Ipv4.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage(), "an IPv4 address such as 10.0.0.1");
    }
  }

  // ---------------------------------------------------------------- node access

  /** A map being read: its entries by key, unknown keys already reported. */
  private final class Obj {
    final MappingNode node;
    final String path;
    final LinkedHashMap<String, NodeTuple> entries = new LinkedHashMap<>();

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
  private Obj obj(Node n, String path, Fields shape, String expected) {
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
  private List<Node> list(Node n, String path, String expected) {
    if (n == null || Yaml.isNull(n)) {
      return List.of();
    }
    if (n instanceof SequenceNode s) {
      return s.getValue();
    }
    errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n), expected);
    return List.of();
  }

  private <T> T value(Node n, String path, P<T> p) {
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
  private <T> T opt(Obj o, String key, P<T> p) {
    Node n = o.get(key);
    return n == null ? null : value(n, o.p(key), p);
  }

  /** The value under {@code key}, or {@code fallback} when absent or bad (bad is reported). */
  private <T> T opt(Obj o, String key, P<T> p, T fallback) {
    T v = opt(o, key, p);
    return v == null ? fallback : v;
  }

  /** The value under {@code key}; missing or bad is reported and gives null. */
  private <T> T req(Obj o, String key, P<T> p) {
    if (!o.has(key)) {
      errors.add(o.loc(), o.p(key), "missing", p.expected());
      return null;
    }
    return opt(o, key, p);
  }

  private void timed(Long t, Obj o, String key) {
    if (t != null) {
      times.add(new Timed(t, o.loc(key), o.p(key)));
    }
  }

  // ---------------------------------------------------------------- the scenario

  /** Binds the document; null when there was any problem. */
  Scenario bind(Node root) {
    if (!(root instanceof MappingNode)) {
      errors.add(Yaml.loc(root), "", "the scenario is " + Yaml.describe(root),
          "a map of keys such as name, hosts, links");
      return null;
    }
    Obj o = new Obj((MappingNode) root, "", Schema.ROOT);
    String name = req(o, "name", new P<>("a name for the scenario", STRING.fn()));
    Optional<String> description = Optional.ofNullable(opt(o, "description", STRING));
    long seed = opt(o, "seed", integer(0, Long.MAX_VALUE), Scenario.DEFAULT_SEED);
    if (o.has("until")) {
      until = opt(o, "until", POSITIVE_DURATION, Scenario.FOREVER);
    }
    Profile profile = opt(o, "profile", profile(), Profile.DEFAULT);
    TcpOverrides tcp = tcp(o, "tcp");
    Map<String, HostSpec> hosts = hosts(o.get("hosts"), "hosts");
    List<LinkSpec> links = links(o.get("links"), "links");
    List<App> apps = apps(o.get("apps"), "apps");
    List<Action> actions = actions(o.get("actions"), "actions");
    List<Inject> inject = injects(o.get("inject"), "inject");
    List<Rule> rules = rules(o.get("rules"), "rules");
    List<Attack> attacks = attacks(o.get("attacks"), "attacks");
    List<Expectation> expect = expectations(o.get("expect"), "expect");
    Optional<Sweep> sweep = o.has("sweep") ? Optional.ofNullable(sweep(o.get("sweep"), "sweep"))
        : Optional.empty();

    checkTopology(o, hosts, links);
    checkReachable(apps, links);
    checkTcp(profile, tcp, hosts);
    if (until == Scenario.FOREVER) {
      for (int i = 0; i < attacks.size(); i++) {
        if (attacks.get(i) instanceof Attack.SynFlood f && f.stop() == Scenario.FOREVER) {
          errors.add(f.loc(), "attacks." + i + ".syn-flood",
              "a flood with no stop in a scenario with no until would run forever",
              "stop: TIME in the flood, or until: TIME at the top level (or --set until=TIME)");
        }
      }
    } else {
      for (Timed t : times) {
        if (t.t() > until) {
          errors.add(t.loc(), t.path(), Time.format(t.t()) + " is after until ("
              + Time.format(until) + ")", "a time no later than until");
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Scenario(name, description, seed, until, profile, tcp, hosts, links, apps, actions,
        inject, rules, attacks, expect, sweep, o.loc());
  }

  private static P<Profile> profile() {
    P<String> names = choice("profile", Profile.names());
    return new P<>(names.expected(), s -> Profile.parse(names.fn().parse(s)));
  }

  // ---------------------------------------------------------------- TCP settings

  private TcpOverrides tcp(Obj parent, String key) {
    Node n = parent.get(key);
    if (n == null) {
      return TcpOverrides.none(parent.loc());
    }
    Obj o = obj(n, parent.p(key), Schema.TCP, "a map of TCP settings such as { mss: 536 }");
    if (o == null) {
      return TcpOverrides.none(Yaml.loc(n));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Loc> locs = new LinkedHashMap<>();
    for (String k : o.entries.keySet()) {
      String v = opt(o, k, tcpValue(TcpSettings.find(k)));
      if (v != null) {
        values.put(k, v);
        locs.put(k, o.loc(k));
      }
    }
    return new TcpOverrides(values, locs, o.loc());
  }

  /**
   * One TCP setting's value, checked by the TCP's own settings table. Sizes and durations are
   * read here first, so that they take the units the rest of the file takes ({@code 64KB}).
   */
  private static P<String> tcpValue(TcpSettings.Setting setting) {
    String expected = setting.expected();
    return new P<>(expected, s -> {
      String text = switch (setting.kind()) {
        case "size" -> Long.toString(Values.size(s));
        case "duration" -> Values.duration(s) + "ns";
        case "boolean" -> Boolean.toString(Values.bool(s));
        default -> s.strip();
      };
      try {
        TcpSettings.check(setting.key(), text);
      } catch (IllegalArgumentException e) {
        String problem = e.getMessage();
        if (!problem.contains(" is ")) {
          problem = "'" + s.strip() + "' is not allowed";
        }
        throw new BadValue(problem, expected);
      }
      return text;
    });
  }

  /**
   * Settings that only make sense together (rto-min <= rto-max, ...), per host: its profile with
   * the global settings, then its own, applied in the order written. The setting that makes the
   * configuration impossible is the one reported.
   */
  private void checkTcp(Profile profile, TcpOverrides global, Map<String, HostSpec> hosts) {
    Set<Loc> reported = new HashSet<>();
    checkTcp(reported, "", profile, global, global);
    for (HostSpec h : hosts.values()) {
      if (!h.router()) {
        checkTcp(reported, h.name(), h.profile().orElse(profile), global,
            global.overlaidBy(h.tcp()));
      }
    }
  }

  private void checkTcp(Set<Loc> reported, String host, Profile profile, TcpOverrides global,
      TcpOverrides t) {
    org.tcpsim.tcp.TcpConfig c = profile.config();
    for (Map.Entry<String, String> e : t.values().entrySet()) {
      String key = e.getKey();
      try {
        c = TcpSettings.apply(c, key, e.getValue());
      } catch (IllegalArgumentException ex) {
        Loc at = t.locOf(key).orElseThrow();
        if (reported.add(at)) {
          boolean fromGlobal = host.isEmpty() || global.locOf(key).equals(t.locOf(key));
          String problem = ex.getMessage().startsWith(key + ": ")
              ? ex.getMessage().substring(key.length() + 2) : ex.getMessage();
          errors.add(at, (fromGlobal ? "tcp." : "hosts." + host + ".tcp.") + key, problem,
              "TCP settings that agree with each other"
                  + (host.isEmpty() ? "" : " (host " + host + ", profile " + profile + ")"));
        }
        return;
      }
    }
  }

  // ---------------------------------------------------------------- hosts

  private Map<String, HostSpec> hosts(Node n, String path) {
    Map<String, HostSpec> out = new LinkedHashMap<>();
    if (n == null || Yaml.isNull(n)) {
      return out;
    }
    if (!(n instanceof MappingNode m)) {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n),
          "a map of host names to hosts, such as A: { address: 10.0.0.1 }");
      hostsUnreadable = true;
      return out;
    }
    // First pass: names and addresses, so that hosts may be referred to in any order.
    Map<String, Obj> bodies = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String name = Yaml.key(t);
      String p = Yaml.path(path, name);
      if (!HOST_NAME.matcher(name).matches()) {
        errors.add(Yaml.loc(t.getKeyNode()), p, "'" + name + "' is not a valid host name",
            "a name of letters, digits, '_' and '-' that starts with a letter");
        continue;
      }
      Obj o = obj(t.getValueNode(), p, Schema.HOST,
          "a map of host keys such as { address: 10.0.0.1 }");
      boolean router = o != null && opt(o, "router", BOOLEAN, false);
      Optional<Integer> address = Optional.empty();
      if (o != null && !router) {
        Integer a = req(o, "address", new P<>("an IPv4 address such as 10.0.0.1", Binder::address));
        if (a != null) {
          String clash = owners.get(a);
          if (clash != null) {
            errors.add(o.loc("address"), o.p("address"), Ipv4.format(a)
                + " is already the address of host " + clash + " (line "
                + nodes.get(clash).loc().line() + ")", "a unique address");
          } else if (a == 0 || (a >>> 28) >= 0xE) {
            errors.add(o.loc("address"), o.p("address"), Ipv4.format(a)
                + " is not a unicast address", "an address such as 10.0.0.1");
          } else {
            owners.put(a, name);
            address = Optional.of(a);
          }
        }
      }
      nodes.put(name, new NodeInfo(name, router, address, Yaml.loc(t.getKeyNode())));
      if (o != null) {
        bodies.put(name, o);
      }
    }
    for (Map.Entry<String, Obj> e : bodies.entrySet()) {
      String name = e.getKey();
      Obj o = e.getValue();
      int before = errors.size();
      NodeInfo info = nodes.get(name);
      Optional<Profile> profile = Optional.ofNullable(opt(o, "profile", profile()));
      TcpOverrides tcp = tcp(o, "tcp");
      if (info.router()) {
        for (String k : List.of("address", "tcp", "profile")) {
          if (o.has(k)) {
            errors.add(o.keyLoc(k), o.p(k), "a router has no " + k,
                "only router: true (a router forwards packets and has no TCP)");
          }
        }
      }
      if (errors.size() == before) {
        out.put(name, new HostSpec(name, info.router(),
            info.address().map(OptionalInt::of).orElse(OptionalInt.empty()), profile, tcp,
            info.loc()));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- links

  private List<LinkSpec> links(Node n, String path) {
    List<LinkSpec> out = new ArrayList<>();
    List<Node> items = list(n, path, "a list of links such as - { between: [A, B], delay: 5ms }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      int before = errors.size();
      Obj o = obj(items.get(i), p, Schema.LINK, "a link such as { between: [A, B], delay: 5ms }");
      if (o == null) {
        continue;
      }
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
        Obj d = obj(e.getValue().getValueNode(), o.p(key), Schema.DIRECTION,
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
      if (errors.size() == before && ends != null) {
        out.add(new LinkSpec(ends[0], ends[1], ab, ba, o.loc()));
      }
    }
    return out;
  }

  private String[] between(Obj o) {
    String expected = "a list of two node names such as [A, R]";
    if (!o.has("between")) {
      errors.add(o.loc(), o.p("between"), "missing", expected);
      return null;
    }
    Node n = o.get("between");
    if (!(n instanceof SequenceNode s) || s.getValue().size() != 2) {
      errors.add(Yaml.loc(n), o.p("between"), "got " + (n instanceof SequenceNode s
          ? "a list of " + s.getValue().size() : Yaml.describe(n)), expected);
      return null;
    }
    String a = value(s.getValue().get(0), o.p("between") + ".0", node(true));
    String b = value(s.getValue().get(1), o.p("between") + ".1", node(true));
    if (a == null || b == null) {
      return null;
    }
    if (a.equals(b)) {
      errors.add(Yaml.loc(n), o.p("between"), "a link from " + a + " to itself",
          "two different nodes");
      return null;
    }
    return new String[] {a, b};
  }

  /** {@code base} with the channel keys of {@code o} applied. */
  private ChannelConfig channel(Obj o, ChannelConfig base) {
    ChannelConfig c = base;
    Long delay = opt(o, "delay", DURATION);
    if (delay != null) {
      c = c.withDelay(delay);
    }
    Long rate = opt(o, "rate", BIT_RATE);
    if (rate != null) {
      c = c.withRate(rate);
    }
    Long jitter = opt(o, "jitter", DURATION);
    if (jitter != null) {
      c = c.withJitter(jitter);
    }
    QueueLimit queue = opt(o, "queue", new P<>("a number of packets such as 100, or a size "
        + "such as 64KB", s -> {
          String t = s.strip();
          QueueLimit q = t.matches("[+-]?\\d+") ? QueueLimit.packets(Values.integer(t, 1,
              Long.MAX_VALUE)) : QueueLimit.bytes(Values.size(t));
          if (q.limit() == 0) {
            throw new BadValue("'" + t + "' is zero", "a queue of at least 1 packet or byte");
          }
          return q;
        }));
    if (queue != null) {
      c = c.withQueue(queue);
    }
    LossModel loss = loss(o);
    if (loss != null) {
      c = c.withLoss(loss);
    }
    Double duplicate = opt(o, "duplicate", PROBABILITY);
    if (duplicate != null) {
      c = c.withDuplicate(duplicate);
    }
    Double reorder = opt(o, "reorder", PROBABILITY);
    Long reorderDelay = opt(o, "reorder-delay", DURATION);
    if (reorder != null || reorderDelay != null) {
      c = c.withReorder(reorder != null ? reorder : c.reorder(),
          reorderDelay != null ? reorderDelay : c.reorderDelay());
      if (reorder != null && reorder > 0 && c.reorderDelay() == 0) {
        errors.add(o.keyLoc("reorder"), o.p("reorder"), "reorder without reorder-delay",
            "reorder-delay: DURATION too (how long a reordered packet is held back)");
      }
    }
    Double corrupt = opt(o, "corrupt", PROBABILITY);
    if (corrupt != null) {
      c = c.withCorrupt(corrupt);
    }
    return c;
  }

  private LossModel loss(Obj o) {
    Node n = o.get("loss");
    if (n == null) {
      return null;
    }
    String p = o.p("loss");
    if (n instanceof ScalarNode) {
      Double v = value(n, p, PROBABILITY);
      return v == null ? null : new LossModel.Bernoulli(v);
    }
    Obj l = obj(n, p, Schema.LOSS,
        "a probability, or { gilbert-elliott: { p: 0.01, r: 0.3 } }");
    if (l == null) {
      return null;
    }
    if (!l.has("gilbert-elliott")) {
      errors.add(l.loc(), l.p("gilbert-elliott"), "missing",
          "a loss model such as { gilbert-elliott: { p: 0.01, r: 0.3 } }");
      return null;
    }
    Obj ge = obj(l.get("gilbert-elliott"), l.p("gilbert-elliott"), Schema.GILBERT_ELLIOTT,
        "a map such as { p: 0.01, r: 0.3 }");
    if (ge == null) {
      return null;
    }
    int before = errors.size();
    Double gp = req(ge, "p", PROBABILITY);
    Double gr = req(ge, "r", PROBABILITY);
    double good = opt(ge, "loss-good", PROBABILITY, 0.0);
    double bad = opt(ge, "loss-bad", PROBABILITY, 1.0);
    if (errors.size() > before) {
      return null;
    }
    if (gr == 0 && gp > 0) {
      errors.add(ge.loc("r"), ge.p("r"), "r is 0 while p is above 0",
          "r > 0 (with r = 0 the channel never leaves the Bad state)");
      return null;
    }
    return new LossModel.GilbertElliott(gp, gr, good, bad);
  }

  private void checkTopology(Obj root, Map<String, HostSpec> hosts, List<LinkSpec> links) {
    if (nodes.size() < 2 || !errors.isEmpty()) {
      return;
    }
    Set<String> linked = new HashSet<>();
    for (LinkSpec l : links) {
      linked.add(l.a());
      linked.add(l.b());
    }
    for (NodeInfo n : nodes.values()) {
      if (!linked.contains(n.name())) {
        errors.add(n.loc(), "hosts." + n.name(), n.name() + " is on no link",
            "every node in some link's between");
      }
    }
  }

  /** Each connect's target must be reachable from its host over the links. */
  private void checkReachable(List<App> apps, List<LinkSpec> links) {
    if (!errors.isEmpty()) {
      return;
    }
    Map<String, List<String>> adj = new HashMap<>();
    for (LinkSpec l : links) {
      adj.computeIfAbsent(l.a(), k -> new ArrayList<>()).add(l.b());
      adj.computeIfAbsent(l.b(), k -> new ArrayList<>()).add(l.a());
    }
    for (App a : apps) {
      if (a instanceof App.Connect c && c.target().host().isPresent()) {
        String to = c.target().host().get();
        Set<String> seen = new HashSet<>(List.of(c.from()));
        ArrayDeque<String> q = new ArrayDeque<>(List.of(c.from()));
        while (!q.isEmpty()) {
          for (String next : adj.getOrDefault(q.poll(), List.of())) {
            if (seen.add(next)) {
              q.add(next);
            }
          }
        }
        if (!seen.contains(to)) {
          errors.add(c.loc(), "connect", "no path from " + c.from() + " to " + to,
              "links joining them");
        }
      }
    }
  }

  // ---------------------------------------------------------------- apps

  private List<App> apps(Node n, String path) {
    List<App> out = new ArrayList<>();
    Map<String, String> listeners = new HashMap<>();
    List<Node> items = list(n, path, "a list of apps such as - { listen: B:80 }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Node item = items.get(i);
      if (!(item instanceof MappingNode m)) {
        errors.add(Yaml.loc(item), p, "got " + Yaml.describe(item),
            "an app such as { listen: B:80 } or { connect: B:80, from: A }");
        continue;
      }
      boolean isListen = m.getValue().stream().anyMatch(t -> Yaml.key(t).equals("listen"));
      boolean isConnect = m.getValue().stream().anyMatch(t -> Yaml.key(t).equals("connect"));
      if (isListen && isConnect) {
        errors.add(Yaml.loc(item), p, "both listen and connect", "one app per entry");
      } else if (isListen) {
        Obj o = new Obj(m, p, Schema.LISTEN);
        App.Listen l = listen(o);
        if (l != null) {
          String first = listeners.putIfAbsent(l.at().toString(), p);
          if (first != null) {
            errors.add(o.loc("listen"), o.p("listen"), l.at().display()
                + " already has a listener (" + first + ")", "one listener per address and port");
          }
          out.add(l);
        }
      } else if (isConnect) {
        App.Connect c = connect(new Obj(m, p, Schema.CONNECT));
        if (c != null) {
          out.add(c);
        }
      } else {
        errors.add(Yaml.loc(item), p, "an app with neither listen nor connect",
            "listen: HOST:PORT or connect: HOST:PORT");
      }
    }
    return out;
  }

  private App.Listen listen(Obj o) {
    int before = errors.size();
    EndpointRef at = opt(o, "listen", endpoint(false));
    App.Behaviour behaviour = opt(o, "behaviour", behaviour(), App.Behaviour.SINK);
    Long send = opt(o, "send", SIZE);
    Close close = opt(o, "close", CLOSE, Close.ON_PEER_CLOSE);
    if (errors.size() > before) {
      return null;
    }
    if (behaviour == App.Behaviour.SERVE && (send == null || send == 0)) {
      errors.add(o.has("send") ? o.loc("send") : o.loc(), o.p("send"),
          send == null ? "missing" : "0 bytes", "the size behaviour serve sends, such as 10KB");
    }
    if (behaviour != App.Behaviour.SERVE && send != null) {
      errors.add(o.keyLoc("send"), o.p("send"), "send with behaviour " + behaviour.key(),
          "behaviour: serve for a server that sends");
    }
    if (close.when() == Close.When.AFTER_SEND && behaviour != App.Behaviour.SERVE) {
      errors.add(o.loc("close"), o.p("close"), "after-send with behaviour " + behaviour.key(),
          "on-peer-close, never or a duration (after-send is for behaviour serve)");
    }
    if (errors.size() > before) {
      return null;
    }
    return new App.Listen(at, behaviour, send == null ? 0 : send, close, o.loc());
  }

  private static P<App.Behaviour> behaviour() {
    P<String> names = choice("behaviour", List.of("sink", "echo", "serve"));
    return new P<>(names.expected(),
        s -> App.Behaviour.valueOf(names.fn().parse(s).toUpperCase(Locale.ROOT)));
  }

  private App.Connect connect(Obj o) {
    int before = errors.size();
    EndpointRef target = opt(o, "connect", endpoint(true));
    String from = req(o, "from", node(false));
    Long at = opt(o, "at", DURATION, 0L);
    timed(at, o, "at");
    Long port = opt(o, "port", PORT);
    Long iss = opt(o, "iss", SEQ);
    long send = opt(o, "send", SIZE, 0L);
    Close close = opt(o, "close", CLOSE, Close.NEVER);
    long count = opt(o, "count", integer(1, 1_000_000), 1L);
    Long every = opt(o, "every", POSITIVE_DURATION);
    Double rate = opt(o, "rate", EVENT_RATE);
    if (errors.size() > before) {
      return null;
    }
    if (target.host().isPresent() && target.host().get().equals(from)) {
      errors.add(o.loc("connect"), o.p("connect"), "a connect from " + from + " to itself",
          "another host");
    }
    if (close.when() == Close.When.AFTER_SEND && send == 0) {
      errors.add(o.loc("close"), o.p("close"), "after-send with nothing to send",
          "send: SIZE, or close: never or a duration");
    }
    if (every != null && rate != null) {
      errors.add(o.keyLoc("rate"), o.p("rate"), "both every and rate",
          "one of them (every: fixed spacing, rate: Poisson arrivals)");
    }
    if ((every != null || rate != null) && !o.has("count")) {
      String k = every != null ? "every" : "rate";
      errors.add(o.keyLoc(k), o.p("count"), "missing with " + k, "count: N clients");
    }
    if (count > 1 && every == null && rate == null) {
      errors.add(o.loc("count"), o.p("count"), count + " clients but neither every nor rate",
          "every: DURATION or rate: N/s");
    }
    if (port != null && port + count - 1 > 65_535) {
      errors.add(o.loc("port"), o.p("port"), "ports " + port + " to " + (port + count - 1)
          + " for " + count + " clients", "ports within 1..65535");
    }
    if (errors.size() > before) {
      return null;
    }
    return new App.Connect(target, from, at,
        port == null ? OptionalInt.empty() : OptionalInt.of(port.intValue()),
        iss == null ? OptionalLong.empty() : OptionalLong.of(iss), send, close, (int) count,
        every == null ? OptionalLong.empty() : OptionalLong.of(every),
        rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate), o.loc());
  }

  // ---------------------------------------------------------------- actions

  private List<Action> actions(Node n, String path) {
    List<Action> out = new ArrayList<>();
    List<Node> items = list(n, path, "a list of actions such as - { at: 1s, host: A, call: crash }");
    P<Action.Call> call = enumChoice("call", Action.Call.values(), Action.Call::key);
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Obj o = obj(items.get(i), p, Schema.ACTION,
          "an action such as { at: 1s, host: A, call: crash }");
      if (o == null) {
        continue;
      }
      int before = errors.size();
      Long at = req(o, "at", DURATION);
      timed(at, o, "at");
      String host = req(o, "host", node(false));
      Action.Call c = req(o, "call", call);
      ConnId conn = opt(o, "conn", connId(false));
      Long size = opt(o, "size", SIZE);
      if (errors.size() > before) {
        continue;
      }
      if (c.needsConn() && conn == null) {
        errors.add(o.loc(), o.p("conn"), "missing for call " + c.key(),
            "the connection, such as \"" + host + ":1024>B:80\"");
      }
      if (!c.needsConn() && conn != null) {
        errors.add(o.keyLoc("conn"), o.p("conn"), "call " + c.key() + " takes no conn",
            "no conn (" + c.key() + " is about the whole host)");
      }
      if (conn != null && !conn.local().host().equals(Optional.of(host))) {
        errors.add(o.loc("conn"), o.p("conn"), "'" + conn.local().display()
            + "' is not an endpoint of host " + host,
            "a connection id LOCAL>REMOTE whose local end is on " + host);
      }
      if (c == Action.Call.SEND && (size == null || size == 0)) {
        errors.add(o.has("size") ? o.loc("size") : o.loc(), o.p("size"),
            size == null ? "missing for call send" : "0 bytes", "a size such as 10B");
      }
      if (c != Action.Call.SEND && size != null) {
        errors.add(o.keyLoc("size"), o.p("size"), "call " + c.key() + " takes no size",
            "size only with call: send");
      }
      if (errors.size() == before) {
        out.add(new Action(at, host, c, Optional.ofNullable(conn),
            size == null ? OptionalLong.empty() : OptionalLong.of(size), o.loc()));
      }
    }
    return out;
  }

  private static <E> P<E> enumChoice(String what, E[] values, java.util.function.Function<E,
      String> key) {
    List<String> keys = java.util.Arrays.stream(values).map(key).toList();
    P<String> names = choice(what, keys);
    return new P<>(names.expected(), s -> values[keys.indexOf(names.fn().parse(s))]);
  }

  // ---------------------------------------------------------------- inject

  private List<Inject> injects(Node n, String path) {
    List<Inject> out = new ArrayList<>();
    List<Node> items = list(n, path, "a list of segments such as - { at: 1s, from: \"A:1024\", "
        + "to: \"B:80\", flags: [SYN] }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Obj o = obj(items.get(i), p, Schema.INJECT,
          "a segment such as { at: 1s, from: \"A:1024\", to: \"B:80\", flags: [SYN] }");
      if (o == null) {
        continue;
      }
      int before = errors.size();
      Long at = req(o, "at", DURATION);
      timed(at, o, "at");
      EndpointRef from = req(o, "from", endpoint(true));
      EndpointRef to = req(o, "to", endpoint(true));
      Integer flags = o.has("flags") ? flags(o.get("flags"), o.p("flags")) : null;
      if (!o.has("flags")) {
        errors.add(o.loc(), o.p("flags"), "missing", "a list of flags such as [SYN] ([] for none)");
      }
      long seq = opt(o, "seq", SEQ, 0L);
      long ack = opt(o, "ack", SEQ, 0L);
      long window = opt(o, "window", integer(0, 65_535), 65_535L);
      long len = opt(o, "len", new P<>("a size from 0 to 65495 bytes", s -> {
        long v = Values.size(s);
        if (v > 65_495) {
          throw new BadValue("'" + s + "' is too large", "a size from 0 to 65495 bytes");
        }
        return v;
      }), 0L);
      String via = opt(o, "via", node(true));
      if (errors.size() > before) {
        continue;
      }
      if (via == null && from.host().isEmpty()) {
        errors.add(o.loc("from"), o.p("from"), Ipv4.format(from.address())
            + " is no host's address", "via: NODE saying where the segment enters the network");
        continue;
      }
      out.add(new Inject(at, from, to, flags, seq, ack, (int) window, (int) len,
          via != null ? via : from.host().get(), o.loc()));
    }
    return out;
  }

  /** A list of flag names ({@code [SYN, ACK]}) or one string ({@code "SYN,ACK"}). */
  private Integer flags(Node n, String path) {
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

  private static int flag(String name) throws BadValue {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    if (!FLAG_NAMES.contains(upper)) {
      throw new BadValue("unknown flag '" + name + "'", "one of " + String.join(", ", FLAG_NAMES),
          Suggest.closest(upper, FLAG_NAMES));
    }
    return TcpFlags.parse(List.of(upper));
  }

  // ---------------------------------------------------------------- rules

  private List<Rule> rules(Node n, String path) {
    List<Rule> out = new ArrayList<>();
    List<Node> items = list(n, path, "a list of rules such as - { match: { from: A }, drop: true }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Obj o = obj(items.get(i), p, Schema.RULE,
          "a rule such as { match: { from: A, nth: 1 }, drop: true }");
      if (o == null) {
        continue;
      }
      int before = errors.size();
      Rule.Match match = null;
      if (!o.has("match")) {
        errors.add(o.loc(), o.p("match"), "missing", "match: { from, to, flags, has, nth, after, "
            + "before }");
      } else {
        match = match(o.get("match"), o.p("match"));
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
          delay = opt(o, "delay", POSITIVE_DURATION, 0L);
        } else {
          Boolean b = opt(o, v.key(), BOOLEAN);
          if (Boolean.FALSE.equals(b)) {
            errors.add(o.loc(v.key()), o.p(v.key()), v.key() + ": false does nothing",
                v.key() + ": true (or no rule)");
          }
        }
      }
      if (verdicts.isEmpty()) {
        errors.add(o.loc(), p, "a rule that does nothing",
            "one of drop: true, delay: DURATION, duplicate: true, corrupt: true");
      }
      if (errors.size() == before) {
        out.add(new Rule(match, verdict, delay, o.loc()));
      }
    }
    return out;
  }

  private Rule.Match match(Node n, String path) {
    Obj o = obj(n, path, Schema.MATCH, "a map such as { from: A, to: B, flags: [SYN], nth: 1 }");
    if (o == null) {
      return null;
    }
    int before = errors.size();
    AddressMatch from = opt(o, "from", addressMatch());
    AddressMatch to = opt(o, "to", addressMatch());
    Integer flags = o.has("flags") ? flags(o.get("flags"), o.p("flags")) : null;
    Integer has = o.has("has") ? flags(o.get("has"), o.p("has")) : null;
    Long nth = opt(o, "nth", integer(1, Integer.MAX_VALUE));
    Long after = opt(o, "after", DURATION);
    Long beforeT = opt(o, "before", DURATION);
    if (errors.size() > before) {
      return null;
    }
    if (after != null && beforeT != null && beforeT <= after) {
      errors.add(o.loc("before"), o.p("before"), "before " + Time.format(beforeT)
          + " is not after after " + Time.format(after), "a time window with after < before");
      return null;
    }
    return new Rule.Match(Optional.ofNullable(from), Optional.ofNullable(to),
        flags == null ? OptionalInt.empty() : OptionalInt.of(flags), has == null ? 0 : has,
        nth == null ? OptionalInt.empty() : OptionalInt.of(nth.intValue()),
        after == null ? OptionalLong.empty() : OptionalLong.of(after),
        beforeT == null ? OptionalLong.empty() : OptionalLong.of(beforeT), o.loc());
  }

  // ---------------------------------------------------------------- attacks

  private List<Attack> attacks(Node n, String path) {
    List<Attack> out = new ArrayList<>();
    List<Node> items = list(n, path, "a list of attacks such as - { syn-flood: { ... } }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Obj o = obj(items.get(i), p, Schema.ATTACK, "an attack such as { syn-flood: { ... } }");
      if (o == null) {
        continue;
      }
      if (o.entries.size() != 1) {
        if (o.entries.isEmpty() && o.node.getValue().isEmpty()) {
          errors.add(o.loc(), p, "an attack without a kind", "syn-flood: { ... }");
        } else if (o.entries.size() > 1) {
          errors.add(o.loc(), p, "several kinds in one entry", "one attack per entry");
        }
        continue;
      }
      Attack.SynFlood f = synFlood(o.get("syn-flood"), o.p("syn-flood"));
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private Attack.SynFlood synFlood(Node n, String path) {
    Obj o = obj(n, path, Schema.SYN_FLOOD,
        "a map such as { target: B:80, rate: 1000/s, spoof: 198.51.100.0/24 }");
    if (o == null) {
      return null;
    }
    int before = errors.size();
    EndpointRef target = req(o, "target", endpoint(false));
    String from = req(o, "from", new P<>("a node name", s -> {
      String name = s.strip();
      if (!HOST_NAME.matcher(name).matches()) {
        throw new BadValue("'" + name + "' is not a valid node name",
            "a host name, or a new name for an implicit attacker");
      }
      return name;
    }));
    Double rate = req(o, "rate", EVENT_RATE);
    long start = opt(o, "start", DURATION, 0L);
    timed(start, o, "start");
    long stop = opt(o, "stop", DURATION, Scenario.FOREVER);
    Prefix spoof = opt(o, "spoof", PREFIX);
    if (errors.size() > before) {
      return null;
    }
    boolean implicit = !nodes.containsKey(from);
    if (implicit) {
      Optional<String> near = Suggest.closest(from, List.copyOf(nodes.keySet()));
      if (near.isPresent()) {
        errors.add(o.loc("from"), o.p("from"), "unknown host '" + from + "'",
            "a declared host, or a name unlike any host's for an implicit attacker", near);
      } else if (spoof == null) {
        errors.add(o.loc("from"), o.p("from"), "'" + from + "' is not a declared host and "
            + "there is no spoof", "spoof: PREFIX (an implicit attacker has no address)");
      }
    }
    if (o.has("stop") && stop <= start) {
      errors.add(o.loc("stop"), o.p("stop"), "stop " + Time.format(stop)
          + " is not after start " + Time.format(start), "stop > start");
    }
    if (errors.size() > before) {
      return null;
    }
    return new Attack.SynFlood(target, from, implicit, rate, start, stop,
        Optional.ofNullable(spoof), o.loc());
  }

  // ---------------------------------------------------------------- expect

  private List<Expectation> expectations(Node n, String path) {
    List<Expectation> out = new ArrayList<>();
    List<Node> items = list(n, path,
        "a list of expectations such as - { conn: \"A:1024>B:80\", state: ESTABLISHED }");
    for (int i = 0; i < items.size(); i++) {
      String p = Yaml.path(path, Integer.toString(i));
      Obj o = obj(items.get(i), p, Schema.EXPECT,
          "an expectation such as { conn: \"A:1024>B:80\", state: ESTABLISHED }");
      if (o != null) {
        Expectation e = expectation(o);
        if (e != null) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static final List<String> CHECKS =
      List.of("state", "counter", "signal", "delivered", "ladder");
  private static final List<String> COMPARISONS = List.of("=", "==", "!=", ">", ">=", "<", "<=");

  private Expectation expectation(Obj o) {
    int before = errors.size();
    Long at = opt(o, "at", DURATION);
    timed(at, o, "at");
    String host = opt(o, "host", node(true));
    ConnId conn = opt(o, "conn", connId(true));
    List<String> checks = CHECKS.stream().filter(o::has).toList();
    List<String> comparisons = COMPARISONS.stream().filter(o::has).toList();
    if (checks.isEmpty()) {
      errors.add(o.loc(), o.path, "nothing to check",
          "one of state, counter, signal, delivered, ladder");
      return null;
    }
    if (checks.size() > 1) {
      errors.add(o.keyLoc(checks.get(1)), o.p(checks.get(1)), "a second check (" + checks.get(0)
          + " and " + checks.get(1) + ")", "one check per entry");
      return null;
    }
    String what = checks.get(0);
    if (!what.equals("counter") && !comparisons.isEmpty()) {
      errors.add(o.keyLoc(comparisons.get(0)), o.p(comparisons.get(0)), "a comparison with "
          + what, "comparisons only with counter");
    }
    if (!what.equals("counter") && conn == null && !o.has("conn")) {
      errors.add(o.loc(), o.p("conn"), "missing for " + what, "the connection, such as "
          + "\"A:1024>B:80\"");
    }
    Expectation.Check check = switch (what) {
      case "state" -> {
        TcpState s = opt(o, "state", new P<>("a TCP state such as ESTABLISHED", Binder::state));
        yield s == null ? null : new Expectation.StateIs(s);
      }
      case "counter" -> counter(o, comparisons);
      case "signal" -> {
        String s = opt(o, "signal", choice("signal", SIGNALS));
        yield s == null ? null : new Expectation.SignalGot(s);
      }
      case "delivered" -> {
        Long b = opt(o, "delivered", SIZE);
        yield b == null ? null : new Expectation.DeliveredBytes(b);
      }
      default -> ladder(o);
    };
    if (errors.size() > before) {
      return null;
    }
    Optional<String> effectiveHost = Optional.ofNullable(host);
    if (conn != null) {
      Optional<String> owner = conn.local().host();
      if (host != null && !owner.equals(Optional.of(host))) {
        errors.add(o.loc("conn"), o.p("conn"), "'" + conn.local().display()
            + "' is not an endpoint of host " + host,
            "a connection id LOCAL>REMOTE whose local end is on " + host);
        return null;
      }
      effectiveHost = owner;
    }
    return new Expectation(at == null ? OptionalLong.empty() : OptionalLong.of(at),
        effectiveHost, Optional.ofNullable(conn), check, o.loc());
  }

  private static TcpState state(String text) throws BadValue {
    try {
      return TcpState.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue("unknown TCP state '" + text.strip() + "'",
          "one of " + String.join(", ", STATE_NAMES),
          Suggest.closest(text.strip().replace('_', '-'), STATE_NAMES));
    }
  }

  private Expectation.Check counter(Obj o, List<String> comparisons) {
    String name = opt(o, "counter", new P<>("a counter name such as listen.syn-dropped", s -> {
      String c = s.strip();
      if (!COUNTER.matcher(c).matches()) {
        throw new BadValue("'" + c + "' is not a counter name",
            "dotted lower-case words such as listen.syn-dropped");
      }
      return c;
    }));
    if (comparisons.size() != 1) {
      errors.add(comparisons.isEmpty() ? o.loc() : o.keyLoc(comparisons.get(1)), o.path,
          comparisons.isEmpty() ? "a counter without a comparison"
              : "two comparisons (" + comparisons.get(0) + " and " + comparisons.get(1) + ")",
          "one of \"=\", \"==\", \"!=\", \">\", \">=\", \"<\", \"<=\" with a number");
      return null;
    }
    String op = comparisons.get(0);
    Double v = opt(o, op, NUMBER);
    if (name == null || v == null) {
      return null;
    }
    return new Expectation.CounterCompare(name,
        Expectation.Comparison.bySymbol(op).orElseThrow(), v);
  }

  private Expectation.Check ladder(Obj o) {
    if (!(o.get("ladder") instanceof SequenceNode seq)) {
      errors.add(o.loc("ladder"), o.p("ladder"), "got " + Yaml.describe(o.get("ladder")),
          "a list of lines such as \"A > B SYN seq=100\"");
      return null;
    }
    List<Node> lines = seq.getValue();
    List<LadderLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Node line = lines.get(i);
      String p = o.p("ladder") + "." + i;
      Loc loc = Yaml.loc(line);
      LadderLine l = value(line, p, new P<>("a line such as \"A > B SYN seq=100\"",
          s -> ladderLine(s, loc)));
      if (l != null) {
        out.add(l);
      }
    }
    return new Expectation.LadderIs(out);
  }

  private static final List<String> LADDER_FIELDS = List.of("seq", "ack", "len", "wnd");

  private LadderLine ladderLine(String text, Loc loc) throws BadValue {
    String expected = "FROM > TO FLAGS [seq=N] [ack=N] [len=N] [wnd=N] such as "
        + "\"B > A SYN,ACK seq=300 ack=101\"";
    Matcher m = LADDER.matcher(text);
    if (!m.matches()) {
      throw new BadValue("'" + text + "' is not a ladder line", expected);
    }
    String from = ladderEnd(m.group(1));
    String to = ladderEnd(m.group(2));
    int flags = 0;
    if (!m.group(3).equalsIgnoreCase(TcpFlags.NONE)) {
      for (String f : m.group(3).split(",")) {
        flags |= flag(f);
      }
    }
    Map<String, Long> fields = new HashMap<>();
    for (String kv : m.group(4).strip().split("\\s+")) {
      if (kv.isEmpty()) {
        continue;
      }
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      if (eq < 0 || !LADDER_FIELDS.contains(k)) {
        throw new BadValue("'" + kv + "' in '" + text + "' is not a field",
            "seq=N, ack=N, len=N or wnd=N", Suggest.closest(k, LADDER_FIELDS).map(s -> s + "="));
      }
      if (fields.put(k, Values.integer(kv.substring(eq + 1), 0, 0xFFFF_FFFFL)) != null) {
        throw new BadValue(k + " twice in '" + text + "'", "each field once");
      }
    }
    return new LadderLine(text.strip(), from, to, flags, opt(fields, "seq"), opt(fields, "ack"),
        opt(fields, "len"), opt(fields, "wnd"), loc);
  }

  private static OptionalLong opt(Map<String, Long> m, String k) {
    Long v = m.get(k);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private String ladderEnd(String s) throws BadValue {
    if (DOTTED.matcher(s).matches()) {
      address(s);
      return s;
    }
    if (!nodes.containsKey(s)) {
      throw unknownNode(s, false);
    }
    return s;
  }

  // ---------------------------------------------------------------- sweep

  private Sweep sweep(Node n, String path) {
    Obj o = obj(n, path, Schema.SWEEP, "a map such as { vary: { until: [10s, 20s] } }");
    if (o == null) {
      return null;
    }
    int before = errors.size();
    List<Sweep.Dimension> dimensions = List.of();
    Node v = o.get("vary");
    if (v != null) {
      if (!(v instanceof MappingNode vm)) {
        errors.add(Yaml.loc(v), o.p("vary"), "got " + Yaml.describe(v),
            "a map of key paths to lists of values or ranges");
      } else {
        SweepVary vary = new SweepVary(errors);
        dimensions = vary.dimensions(vm, o.p("vary"));
        sweepTrials.addAll(vary.trials());
      }
    }
    long replications = opt(o, "replications", integer(1, 1_000_000), 1L);
    List<String> measure = new ArrayList<>();
    List<Loc> measureLocs = new ArrayList<>();
    List<Node> ms = list(o.get("measure"), o.p("measure"),
        "a list of measures such as [connections.established]");
    for (int i = 0; i < ms.size(); i++) {
      String m = value(ms.get(i), o.p("measure") + "." + i, STRING);
      if (m != null) {
        measure.add(m);
        measureLocs.add(Yaml.loc(ms.get(i)));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new Sweep(dimensions, (int) replications, measure, measureLocs, o.loc());
  }
}
