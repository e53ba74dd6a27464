package org.tcpsim.core.trace;

/** The transmit queue of channel {@code channel} ({@code A>B}) changed length. */
public record QueueLength(long time, String channel, int packets, long bytes)
    implements TraceEvent {}
