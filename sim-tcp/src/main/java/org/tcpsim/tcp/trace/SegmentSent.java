package org.tcpsim.tcp.trace;

import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;

/**
 * A host's TCP put a segment on the wire. {@code injected} marks crafted and attack segments
 * (they enter the network at {@code host}). {@code cause} says why it was sent, with the RFC
 * section where one applies.
 */
public record SegmentSent(
    long time, String host, Endpoint src, Endpoint dst, Segment segment, boolean injected, String cause)
    implements TcpSegmentEvent {}
