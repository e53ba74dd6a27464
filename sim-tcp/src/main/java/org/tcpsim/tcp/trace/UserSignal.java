package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;

/** What the application was told: {@code connected}, {@code connection reset}, {@code closing}, ... */
public record UserSignal(long time, String host, ConnectionId conn, String signal)
    implements TraceEvent {}
