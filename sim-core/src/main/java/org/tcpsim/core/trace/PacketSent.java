package org.tcpsim.core.trace;

import org.tcpsim.core.net.Packet;

/** A node handed a packet to the channel {@code channel} (named {@code A>B}). */
public record PacketSent(long time, String node, String channel, Packet packet)
    implements TraceEvent {}
