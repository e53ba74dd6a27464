package org.tcpsim.core.net;

/** Forwards every packet towards its destination; has no transport. */
public final class Router extends Node {
  Router(Network network, String name) {
    super(network, name);
  }

  @Override
  protected void receive(Packet p, NetInterface in) {
    forward(p);
  }
}
