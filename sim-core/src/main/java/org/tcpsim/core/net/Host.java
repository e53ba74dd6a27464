package org.tcpsim.core.net;

import org.tcpsim.core.trace.DropReason;

/**
 * An end system with one address. Packets addressed to it go to its {@link PacketHandler} (the
 * transport); packets for others are dropped: hosts do not forward. A host that is down (crashed)
 * neither sends nor hears anything.
 */
public final class Host extends Node {
  private final int address;
  private PacketHandler handler;
  private boolean up = true;

  Host(Network network, String name, int address) {
    super(network, name);
    this.address = address;
  }

  public int address() {
    return address;
  }

  public void setHandler(PacketHandler handler) {
    this.handler = handler;
  }

  public PacketHandler handler() {
    return handler;
  }

  public boolean isUp() {
    return up;
  }

  /** Brings the host down (it hears and sends nothing) or back up. */
  public void setUp(boolean up) {
    this.up = up;
  }

  /** As {@link Node#send}; but a down host sends nothing (dropped, reason {@code host-down}). */
  @Override
  public void send(Packet p) {
    if (!up) {
      network.drop(name(), null, DropReason.HOST_DOWN, p);
      return;
    }
    super.send(p);
  }

  @Override
  protected void receive(Packet p, NetInterface in) {
    if (!up) {
      drop(DropReason.HOST_DOWN, p);
    } else if (p.dst() != address) {
      drop(DropReason.NOT_FOR_HOST, p);
    } else if (handler == null) {
      drop(DropReason.NO_ROUTE, p);
    } else {
      handler.receive(p);
    }
  }
}
