package org.tcpsim.core.trace;

/** Receives the events it wants published on a {@link TraceBus} it subscribed to, in time order. */
@FunctionalInterface
public interface TraceSink {
  void accept(TraceEvent event);

  /**
   * Whether this sink wants events of {@code type}; asked when it subscribes, so the answer must
   * not change afterwards. Every type, unless a sink says otherwise: events a sink does not want
   * are not built for it.
   */
  default boolean wants(Class<? extends TraceEvent> type) {
    return true;
  }
}
