package org.tcpsim.tcp.trace;

import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.tcp.ConnectionId;

/**
 * Something happened at a listener: {@code what} is the counter it bumped ({@code syn-queued},
 * {@code syn-dropped}, {@code syn-cookies-sent}, {@code syn-cookies-accepted}, {@code
 * syn-cookies-rejected}, {@code accepted}, {@code accept-overflow}, {@code synack-timeout}); the
 * queue lengths are those after the event.
 */
public record ListenerEvent(
    long time, String host, ConnectionId listener, String what, int synQueue, int acceptQueue)
    implements TraceEvent {}
