package org.tcpsim.core.net;

/** A host's transport: receives the packets addressed to the host. */
@FunctionalInterface
public interface PacketHandler {
  void receive(Packet p);
}
