package org.tcpsim.tcp.trace;

import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpDropReason;

/**
 * A host's TCP discarded a segment. {@code reason} is a short word from the trace contract
 * ({@code checksum}, {@code out-of-window}, {@code no-listener}, {@code backlog}, ...); {@code
 * cause} is the sentence with its RFC reference.
 */
public record SegmentDropped(
    long time, String host, Endpoint src, Endpoint dst, Segment segment, TcpDropReason reason, String cause)
    implements TcpSegmentEvent {}
