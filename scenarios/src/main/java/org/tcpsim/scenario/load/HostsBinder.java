package org.tcpsim.scenario.load;

import static org.tcpsim.scenario.load.Parsers.BOOLEAN;
import static org.tcpsim.scenario.load.Parsers.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.tcpsim.core.net.Ipv4;
import org.tcpsim.scenario.load.BindContext.NodeInfo;
import org.tcpsim.scenario.load.BindContext.Obj;
import org.tcpsim.scenario.load.Parsers.P;
import org.tcpsim.scenario.load.Schema.Key;
import org.tcpsim.scenario.model.HostSpec;
import org.tcpsim.scenario.model.TcpOverrides;
import org.tcpsim.tcp.Profile;

/**
 * {@code hosts:} (README, Scenario files, {@code hosts}). Every name is declared in the context
 * before any body is bound, so that hosts may be referred to in any order and a host whose body
 * has problems still resolves where it is named.
 */
final class HostsBinder extends SectionBinder {
  private final TcpBinder tcp;

  HostsBinder(BindContext cx, TcpBinder tcp) {
    super(cx);
    this.tcp = tcp;
  }

  Map<String, HostSpec> hosts(Node n, String path) {
    Map<String, HostSpec> out = new LinkedHashMap<>();
    if (n == null || Yaml.isNull(n)) {
      return out;
    }
    if (!(n instanceof MappingNode m)) {
      errors.add(Yaml.loc(n), path, "got " + Yaml.describe(n),
          "a map of host names to hosts, such as A: { address: 10.0.0.1 }");
      cx.hostsUnreadable = true;
      return out;
    }
    // First pass: names and addresses, so that hosts may be referred to in any order.
    Map<String, Obj> bodies = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      declare(t, path, bodies);
    }
    for (Map.Entry<String, Obj> e : bodies.entrySet()) {
      HostSpec h = host(e.getKey(), e.getValue());
      if (h != null) {
        out.put(e.getKey(), h);
      }
    }
    return out;
  }

  /** Declares one node (its name, whether a router, its address); a readable body joins bodies. */
  private void declare(NodeTuple t, String path, Map<String, Obj> bodies) {
    String name = Yaml.key(t);
    String p = Yaml.path(path, name);
    if (!BindContext.HOST_NAME.matcher(name).matches()) {
      errors.add(Yaml.loc(t.getKeyNode()), p, "'" + name + "' is not a valid host name",
          "a name of letters, digits, '_' and '-' that starts with a letter");
      return;
    }
    Obj o = cx.obj(t.getValueNode(), p, Schema.HOST,
        "a map of host keys such as { address: 10.0.0.1 }");
    boolean router = o != null && cx.opt(o, Key.ROUTER, BOOLEAN, false);
    Optional<Integer> address = Optional.empty();
    if (o != null && !router) {
      address = address(o, name);
    }
    cx.nodes.put(name, new NodeInfo(name, router, address, Yaml.loc(t.getKeyNode())));
    if (o != null) {
      bodies.put(name, o);
    }
  }

  /** A host's address, unique and unicast, recorded as the host's; empty after reporting. */
  private Optional<Integer> address(Obj o, String name) {
    Integer a = cx.req(o, Key.ADDRESS, new P<>("an IPv4 address such as 10.0.0.1",
        Parsers::address));
    if (a == null) {
      return Optional.empty();
    }
    String clash = cx.owners.get(a);
    if (clash != null) {
      errors.add(o.loc(Key.ADDRESS), o.p(Key.ADDRESS), Ipv4.format(a)
          + " is already the address of host " + clash + " (line "
          + cx.nodes.get(clash).loc().line() + ")", "a unique address");
      return Optional.empty();
    }
    if (a == 0 || (a >>> 28) >= 0xE) {
      errors.add(o.loc(Key.ADDRESS), o.p(Key.ADDRESS), Ipv4.format(a)
          + " is not a unicast address", "an address such as 10.0.0.1");
      return Optional.empty();
    }
    cx.owners.put(a, name);
    return Optional.of(a);
  }

  /** The rest of a declared node's body; null when it has problems (they are reported). */
  private HostSpec host(String name, Obj o) {
    int before = errors.size();
    NodeInfo info = cx.nodes.get(name);
    Optional<Profile> profile = Optional.ofNullable(cx.opt(o, Key.PROFILE, profile()));
    TcpOverrides tcp = this.tcp.tcp(o, Key.TCP);
    if (info.router()) {
      for (String k : List.of(Key.ADDRESS, Key.TCP, Key.PROFILE)) {
        if (o.has(k)) {
          errors.add(o.keyLoc(k), o.p(k), "a router has no " + k,
              "only router: true (a router forwards packets and has no TCP)");
        }
      }
    }
    if (errors.size() != before) {
      return null;
    }
    return new HostSpec(name, info.router(),
        info.address().map(OptionalInt::of).orElse(OptionalInt.empty()), profile, tcp,
        info.loc());
  }
}
