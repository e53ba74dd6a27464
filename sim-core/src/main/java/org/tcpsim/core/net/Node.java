package org.tcpsim.core.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tcpsim.core.trace.DropReason;
import org.tcpsim.core.trace.PacketReceived;

/** A host or a router: something with interfaces and a routing table. */
public abstract sealed class Node permits Host, Router {
  protected final Network network;
  private final String name;
  private final List<NetInterface> interfaces = new ArrayList<>();
  private final List<Prefix> ownedPrefixes = new ArrayList<>();
  RoutingTable routes = RoutingTable.EMPTY;

  Node(Network network, String name) {
    this.network = network;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Network network() {
    return network;
  }

  public List<NetInterface> interfaces() {
    return Collections.unmodifiableList(interfaces);
  }

  /** The prefixes routed to this node: its own address as a /32, and any added ones. */
  public List<Prefix> ownedPrefixes() {
    return Collections.unmodifiableList(ownedPrefixes);
  }

  /**
   * Routes a whole prefix to this node, for example the address range a SYN flooder spoofs, so
   * that replies to spoofed sources travel back towards it instead of being dropped for lack of a
   * route. Takes effect at the next {@link Network#computeRoutes()}.
   */
  public void addPrefix(Prefix p) {
    ownedPrefixes.add(p);
    network.routesChanged();
  }

  void attach(NetInterface i) {
    interfaces.add(i);
  }

  /** The interface a packet for {@code dst} leaves by, or null when there is no route. */
  public NetInterface route(int dst) {
    network.ensureRoutes();
    return routes.lookup(dst);
  }

  /**
   * Puts a packet this node originates into the network (its source address may be anything:
   * spoofing is allowed, the network routes on the destination only). The network's {@link
   * PacketInterceptor}, if any, sees it first.
   */
  public void send(Packet p) {
    PacketInterceptor i = network.interceptor();
    if (i != null && i.intercept(this, p)) {
      return;
    }
    forward(p);
  }

  /** Sends a packet on without asking the interceptor: for the copies an interceptor releases. */
  public final void transmit(Packet p) {
    forward(p);
  }

  /**
   * Sends a packet into the network from this node: routes it and hands it to the outgoing
   * channel, or drops it with reason {@code no-route}.
   */
  protected final void forward(Packet p) {
    NetInterface out = route(p.dst());
    if (out == null) {
      network.drop(name, null, DropReason.NO_ROUTE, p);
      return;
    }
    out.channel().send(p);
  }

  /** A packet arrives over {@code in}. */
  final void arrive(Packet p, NetInterface in) {
    if (network.receiveTrace.active()) {
      network.receiveTrace.publish(
          new PacketReceived(network.simulator().now(), name, in.peer().channel().name(), p));
    }
    receive(p, in);
  }

  protected abstract void receive(Packet p, NetInterface in);

  void drop(String reason, Packet p) {
    network.drop(name, null, reason, p);
  }

  @Override
  public String toString() {
    return name;
  }
}
