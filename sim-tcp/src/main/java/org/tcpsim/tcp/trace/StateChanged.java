package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TcpState;

/** A connection changed state ({@code from != to}); {@code cause} cites the RFC rule. */
public record StateChanged(
    long time, String host, ConnectionId conn, TcpState from, TcpState to, String cause)
    implements TraceEvent {}
