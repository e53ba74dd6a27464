package org.tcpsim.core.trace;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The run's trace bus. Publishers take a {@link Topic} per event type once, and guard every event
 * with it:
 *
 * <pre>{@code
 * if (drops.active()) drops.publish(new PacketDropped(...));
 * }</pre>
 *
 * so an event nobody wants is never built, nor the strings in it. A sink says which event types
 * it wants ({@link TraceSink#wants}); a run whose only sinks count state changes builds no
 * segment events at all.
 */
public final class TraceBus {
  private TraceSink[] sinks = new TraceSink[0];
  private final Map<Class<?>, Topic<?>> topics = new IdentityHashMap<>();

  /** The sinks, in subscription order, that want events of one type. */
  public static final class Topic<E extends TraceEvent> {
    private final Class<E> type;
    private TraceSink[] sinks;

    private Topic(Class<E> type, TraceSink[] sinks) {
      this.type = type;
      this.sinks = sinks;
    }

    /** True when at least one sink wants this type. */
    public boolean active() {
      return sinks.length != 0;
    }

    public void publish(E event) {
      for (TraceSink sink : sinks) {
        sink.accept(event);
      }
    }
  }

  /** True when at least one sink listens, to anything. */
  public boolean active() {
    return sinks.length != 0;
  }

  /** The topic of one event type; publishers keep it in a field. */
  @SuppressWarnings("unchecked")
  public <E extends TraceEvent> Topic<E> topic(Class<E> type) {
    return (Topic<E>) topics.computeIfAbsent(type, t -> new Topic<>(type, sinksFor(type)));
  }

  public void subscribe(TraceSink sink) {
    sinks = Arrays.copyOf(sinks, sinks.length + 1);
    sinks[sinks.length - 1] = sink;
    refresh();
  }

  public void unsubscribe(TraceSink sink) {
    sinks = Arrays.stream(sinks).filter(s -> s != sink).toArray(TraceSink[]::new);
    refresh();
  }

  /** Delivers an event to the sinks that want its type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void publish(TraceEvent event) {
    ((Topic) topic(event.getClass())).publish(event);
  }

  private void refresh() {
    for (Topic<?> t : topics.values()) {
      t.sinks = sinksFor(t.type);
    }
  }

  private TraceSink[] sinksFor(Class<? extends TraceEvent> type) {
    return Arrays.stream(sinks).filter(s -> s.wants(type)).toArray(TraceSink[]::new);
  }
}
