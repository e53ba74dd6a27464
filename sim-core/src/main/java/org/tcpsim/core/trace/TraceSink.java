package org.tcpsim.core.trace;

/** Receives every event published on a {@link TraceBus} it subscribed to, in time order. */
@FunctionalInterface
public interface TraceSink {
  void accept(TraceEvent event);
}
