package org.tcpsim.core.trace;

import org.tcpsim.core.net.Packet;

/**
 * The network or a node discarded a packet. {@code where} is a node name or a link name
 * ({@code A-B}); {@code channel} is the direction ({@code A>B}) for drops on a link, else null.
 * {@code reason} is one of the {@code DropReason} constants or a layer's own short word.
 */
public record PacketDropped(long time, String where, String channel, String reason, Packet packet)
    implements TraceEvent {}
