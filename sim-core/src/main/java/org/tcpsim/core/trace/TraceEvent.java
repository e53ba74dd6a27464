package org.tcpsim.core.trace;

/**
 * Something a component reports to the trace bus. Every layer defines its own event records
 * (the network's are {@link PacketSent}, {@link PacketReceived}, {@link PacketDropped} and
 * {@link QueueLength}); sinks test the type with {@code instanceof}.
 */
public interface TraceEvent {
  /** Simulated time of the event, in nanoseconds. */
  long time();
}
