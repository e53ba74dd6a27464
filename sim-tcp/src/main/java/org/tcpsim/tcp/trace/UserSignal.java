package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TcpSignal;

/** What the application was told: {@code connected}, {@code connection reset}, {@code closing}, ... */
public record UserSignal(long time, String host, ConnectionId conn, TcpSignal signal)
    implements TraceEvent {}
