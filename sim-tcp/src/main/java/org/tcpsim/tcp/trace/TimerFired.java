package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.TimerKind;

/** A connection's timer expired: {@code retransmit}, {@code persist}, {@code delayed-ack}, {@code keepalive}, {@code time-wait}. */
public record TimerFired(long time, String host, ConnectionId conn, TimerKind timer, String detail)
    implements TraceEvent {}
