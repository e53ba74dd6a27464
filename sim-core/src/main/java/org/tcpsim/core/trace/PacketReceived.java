package org.tcpsim.core.trace;

import org.tcpsim.core.net.Packet;

/** A packet arrived at {@code node} over the channel {@code channel} (named {@code A>B}). */
public record PacketReceived(long time, String node, String channel, Packet packet)
    implements TraceEvent {}
