package org.tcpsim.core.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.random.RandomStreams;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.PacketReceived;
import org.tcpsim.core.trace.TraceBus;

/**
 * The topology of one run: hosts, routers, the links between them, and static shortest-path
 * routes.
 *
 * <p>Routes minimise the hop count. Ties are broken deterministically: from each node, a
 * breadth-first search visits neighbours ordered by name, then by the order the links were added,
 * and a destination keeps the first path that reaches it. Routes are computed on first use and
 * again after any change to the topology.
 */
public final class Network {
  private final Simulator simulator;
  private final RandomStreams streams;
  private final TraceBus trace;
  private final TraceBus.Topic<PacketDropped> dropTrace;
  final TraceBus.Topic<PacketReceived> receiveTrace;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<Integer, Host> hostsByAddress = new HashMap<>();
  private final List<Link> links = new ArrayList<>();
  private boolean routesValid;
  private PacketInterceptor interceptor;

  public Network(Simulator simulator, RandomStreams streams, TraceBus trace) {
    this.simulator = simulator;
    this.streams = streams;
    this.trace = trace;
    this.dropTrace = trace.topic(PacketDropped.class);
    this.receiveTrace = trace.topic(PacketReceived.class);
  }

  public Simulator simulator() {
    return simulator;
  }

  public RandomStreams streams() {
    return streams;
  }

  public TraceBus trace() {
    return trace;
  }

  public Host addHost(String name, int address) {
    checkName(name);
    Host clash = hostsByAddress.get(address);
    if (clash != null) {
      throw new IllegalArgumentException("address " + Ipv4.format(address) + " of host " + name
          + " is already host " + clash.name() + "'s");
    }
    Host h = new Host(this, name, address);
    nodes.put(name, h);
    hostsByAddress.put(address, h);
    routesChanged();
    return h;
  }

  public Router addRouter(String name) {
    checkName(name);
    Router r = new Router(this, name);
    nodes.put(name, r);
    routesChanged();
    return r;
  }

  private void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a node needs a name");
    }
    if (nodes.containsKey(name)) {
      throw new IllegalArgumentException("there is already a node named " + name);
    }
  }

  /** Connects two nodes with the same configuration in both directions. */
  public Link connect(Node a, Node b, ChannelConfig config) {
    return connect(a, b, config, config);
  }

  /** Connects two nodes; {@code ab} configures the direction a to b, {@code ba} the other. */
  public Link connect(Node a, Node b, ChannelConfig ab, ChannelConfig ba) {
    if (a == b) {
      throw new IllegalArgumentException("a link needs two different nodes, got " + a + " twice");
    }
    if (nodes.get(a.name()) != a || nodes.get(b.name()) != b) {
      throw new IllegalArgumentException("both ends must be nodes of this network");
    }
    Link l = new Link(this, links.size(), a, b, ab, ba);
    links.add(l);
    routesChanged();
    return l;
  }

  public Node node(String name) {
    return nodes.get(name);
  }

  public Host hostByAddress(int address) {
    return hostsByAddress.get(address);
  }

  public Collection<Node> nodes() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  public List<Link> links() {
    return Collections.unmodifiableList(links);
  }

  void routesChanged() {
    routesValid = false;
  }

  void ensureRoutes() {
    if (!routesValid) {
      computeRoutes();
    }
  }

  /** Recomputes every node's routing table. */
  public void computeRoutes() {
    for (Node source : nodes.values()) {
      source.routes = routesFrom(source);
    }
    routesValid = true;
  }

  private RoutingTable routesFrom(Node source) {
    Map<Node, NetInterface> firstHop = new LinkedHashMap<>();
    ArrayDeque<Node> frontier = new ArrayDeque<>();
    frontier.add(source);
    firstHop.put(source, null);
    // One lambda rather than Comparator.comparing(...).thenComparingInt(...): the JDK's own
    // lambdas inside those are made at run time, not taken from the class-data archive.
    Comparator<NetInterface> order = (a, b) -> {
      int byName = a.peer().node().name().compareTo(b.peer().node().name());
      return byName != 0 ? byName : Integer.compare(a.link().index(), b.link().index());
    };
    while (!frontier.isEmpty()) {
      Node n = frontier.poll();
      List<NetInterface> out = new ArrayList<>(n.interfaces());
      out.sort(order);
      for (NetInterface i : out) {
        Node next = i.peer().node();
        if (!firstHop.containsKey(next)) {
          firstHop.put(next, n == source ? i : firstHop.get(n));
          frontier.add(next);
        }
      }
    }
    TreeMap<Integer, NetInterface> exact = new TreeMap<>();
    List<RoutingTable.PrefixRoute> prefixes = new ArrayList<>();
    for (Map.Entry<Node, NetInterface> e : firstHop.entrySet()) {
      Node dest = e.getKey();
      NetInterface via = e.getValue();
      if (dest == source) {
        continue;
      }
      if (dest instanceof Host h) {
        exact.put(h.address(), via);
      }
      for (Prefix p : dest.ownedPrefixes()) {
        if (p.length() == 32) {
          exact.putIfAbsent(p.base(), via);
        } else {
          prefixes.add(new RoutingTable.PrefixRoute(p, via));
        }
      }
    }
    int[] keys = new int[exact.size()];
    NetInterface[] vals = new NetInterface[exact.size()];
    int k = 0;
    for (Map.Entry<Integer, NetInterface> e : exact.entrySet()) {
      keys[k] = e.getKey();
      vals[k++] = e.getValue();
    }
    return new RoutingTable(keys, vals, prefixes);
  }

  /** Lets {@code i} see (and take over) every packet a node sends; null removes it. */
  public void setInterceptor(PacketInterceptor i) {
    this.interceptor = i;
  }

  PacketInterceptor interceptor() {
    return interceptor;
  }

  /**
   * Records that something outside the network model (a scenario rule, say) discarded a packet at
   * {@code where} (a node or link name), for the trace.
   */
  public void dropped(String where, String reason, Packet p) {
    drop(where, null, reason, p);
  }

  /** Publishes a drop, if anyone listens. */
  void drop(String where, String channel, String reason, Packet p) {
    if (dropTrace.active()) {
      dropTrace.publish(new PacketDropped(simulator.now(), where, channel, reason, p));
    }
  }
}
