package org.tcpsim.core.trace;

import java.util.Arrays;

/**
 * The run's trace bus. Publishers guard every event with {@link #active()}:
 *
 * <pre>{@code
 * if (trace.active()) trace.publish(new PacketDropped(...));
 * }</pre>
 *
 * so with no sink subscribed no event object and no string is ever built.
 */
public final class TraceBus {
  private TraceSink[] sinks = new TraceSink[0];

  /** True when at least one sink listens. */
  public boolean active() {
    return sinks.length != 0;
  }

  public void subscribe(TraceSink sink) {
    sinks = Arrays.copyOf(sinks, sinks.length + 1);
    sinks[sinks.length - 1] = sink;
  }

  public void unsubscribe(TraceSink sink) {
    sinks = Arrays.stream(sinks).filter(s -> s != sink).toArray(TraceSink[]::new);
  }

  public void publish(TraceEvent event) {
    for (TraceSink sink : sinks) {
      sink.accept(event);
    }
  }
}
