package org.tcpsim.core.net;

/**
 * Sees every packet a node puts into the network, before it is routed, and may take it over: drop
 * it, hold it back, send it twice or damage it. Scenario rules ("delay the first SYN from A by 3
 * s") are built on this; the network itself never needs one.
 */
@FunctionalInterface
public interface PacketInterceptor {
  /**
   * Called once per packet a node sends. Returns false to let the packet go on unchanged; true
   * when the interceptor has taken it, and then sends any copies itself with {@link
   * Node#transmit(Packet)}.
   */
  boolean intercept(Node from, Packet p);
}
