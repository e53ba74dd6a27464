package org.tcpsim.tcp.trace;

import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;

/** A segment reached a host's TCP (before any check of it). */
public record SegmentReceived(long time, String host, Endpoint src, Endpoint dst, Segment segment)
    implements TcpSegmentEvent {}
