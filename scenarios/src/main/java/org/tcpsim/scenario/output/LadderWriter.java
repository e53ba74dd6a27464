package org.tcpsim.scenario.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.TcpSegmentEvent;

/**
 * Ladder diagrams ({@code --ladder}) in the notation of RFC 9293's figures 6 to 13, one per
 * connection, to hold next to the RFC:
 *
 * <pre>
 *       TCP Peer A (10.0.0.1:1024)                               TCP Peer B (10.0.0.2:80)
 *
 *   1.  CLOSED                                                   LISTEN
 *
 *   2.  SYN-SENT    --&gt; &lt;SEQ=100&gt;&lt;CTL=SYN&gt;                   --&gt; SYN-RECEIVED
 *
 *   3.  ESTABLISHED &lt;-- &lt;SEQ=300&gt;&lt;ACK=101&gt;&lt;CTL=SYN,ACK&gt;      &lt;-- SYN-RECEIVED
 *
 *   4.  ESTABLISHED --&gt; &lt;SEQ=101&gt;&lt;ACK=301&gt;&lt;CTL=ACK&gt;          --&gt; ESTABLISHED
 *
 *   5.  ESTABLISHED --&gt; &lt;SEQ=101&gt;&lt;ACK=301&gt;&lt;CTL=ACK&gt;&lt;DATA=10&gt; --&gt; ESTABLISHED
 * </pre>
 *
 * <p>A connection is a 4-tuple: both ends' TCBs and every segment carrying the tuple in either
 * direction, injected and spoofed ones included. Peer A is the active opener (the sender of the
 * first SYN). Each line shows the states AFTER the departure or arrival of the segment; {@code
 * ...} marks a segment still in the network (delayed: other things happened between its departure
 * and its arrival), {@code XXX} one the network dropped; a segment the receiving TCP discarded
 * arrives with a note; state changes no segment explains, such as TIME-WAIT's end, get lines of
 * their own. Sequence numbers are absolute, as in the RFC. See {@link LadderBuilder} for the
 * rules.
 *
 * <p>Events are collected during the run; the ladders are drawn at the end. Not thread-safe: one
 * writer belongs to one run.
 */
public final class LadderWriter implements TraceSink {

  /** @param showTime start each line with the simulated time of its first event (seconds) */
  public record Options(boolean showTime) {
    public static final Options DEFAULT = new Options(false);
  }

  private record Logged(long order, TraceEvent event) {}

  private final EndpointNames names;
  private final Options options;
  private final Map<ConnectionKey, List<Logged>> connections = new LinkedHashMap<>();
  private final Map<Endpoint, List<Logged>> listeners = new HashMap<>();
  private long order;

  /** @param hostName a host's name for an address, or null for an address that is no host's */
  public LadderWriter(IntFunction<String> hostName, Options options) {
    this.names = new EndpointNames(hostName);
    this.options = Objects.requireNonNull(options, "options");
  }

  public LadderWriter(IntFunction<String> hostName) {
    this(hostName, Options.DEFAULT);
  }

  @Override
  public void accept(TraceEvent e) {
    ConnectionKey key = null;
    if (e instanceof TcpSegmentEvent t) {
      key = ConnectionKey.of(t.src(), t.dst());
    } else if (e instanceof PacketDropped d && d.packet().payload() instanceof Segment seg) {
      key = ConnectionKey.of(new Endpoint(d.packet().src(), seg.srcPort()),
          new Endpoint(d.packet().dst(), seg.dstPort()));
    } else if (e instanceof StateChanged s) {
      if (s.conn().isListening()) {
        // Whether a port listens decides what a peer without a TCB is in (LISTEN or CLOSED).
        listeners.computeIfAbsent(s.conn().local(), k -> new ArrayList<>())
            .add(new Logged(order++, e));
        return;
      }
      key = ConnectionKey.of(s.conn().local(), s.conn().remote());
    }
    if (key != null) {
      connections.computeIfAbsent(key, k -> new ArrayList<>()).add(new Logged(order++, e));
    }
  }

  /**
   * The connections seen, in order of first appearance, each as {@code A>B} with A the active
   * opener.
   */
  public List<ConnectionId> connections() {
    List<ConnectionId> out = new ArrayList<>(connections.size());
    for (ConnectionKey key : connections.keySet()) {
      Endpoint a = LadderBuilder.activeOpener(key, events(key));
      out.add(new ConnectionId(a, key.other(a)));
    }
    return out;
  }

  /** Every connection's ladder, in order of first appearance, separated by a blank line. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (ConnectionKey key : connections.keySet()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      render(key, sb);
    }
    return sb.toString();
  }

  /**
   * The ladder of one connection, named in either orientation ({@code A:1024>B:80} or {@code
   * B:80>A:1024}).
   *
   * @throws IllegalArgumentException naming the connections there are, when there is no such one
   */
  public String render(ConnectionId connection) {
    StringBuilder sb = new StringBuilder();
    render(find(connection), sb);
    return sb.toString();
  }

  /** Writes {@link #render()} to {@code out} (and does not close it). */
  public void writeTo(Writer out) throws IOException {
    out.write(render());
    out.flush();
  }

  /** Writes {@link #render(ConnectionId)} to {@code out} (and does not close it). */
  public void writeTo(Writer out, ConnectionId connection) throws IOException {
    out.write(render(connection));
    out.flush();
  }

  private ConnectionKey find(ConnectionId connection) {
    if (connection.remote() == null) {
      throw new IllegalArgumentException(
          "a ladder needs both ends of a connection, got " + names.conn(connection));
    }
    ConnectionKey key = ConnectionKey.of(connection.local(), connection.remote());
    if (!connections.containsKey(key)) {
      String known = connections().stream().map(names::conn).collect(Collectors.joining(", "));
      throw new IllegalArgumentException("no connection " + names.conn(connection)
          + " in this run" + (known.isEmpty() ? "" : "; connections: " + known));
    }
    return key;
  }

  private void render(ConnectionKey key, StringBuilder sb) {
    List<TraceEvent> events = events(key);
    Endpoint a = LadderBuilder.activeOpener(key, events);
    Ladder ladder = new LadderBuilder(a, key.other(a), names).build(events);
    LadderLayout.render(ladder, options.showTime(), sb);
  }

  /** The connection's events with its ports' listener events, in the order they happened. */
  private List<TraceEvent> events(ConnectionKey key) {
    List<Logged> all = new ArrayList<>(connections.get(key));
    all.addAll(listeners.getOrDefault(key.lo(), List.of()));
    if (!key.hi().equals(key.lo())) {
      all.addAll(listeners.getOrDefault(key.hi(), List.of()));
    }
    // Not Comparator.comparingLong: the JDK makes its lambda at run time, outside the class-data
    // archive, on every start.
    all.sort((a, b) -> Long.compare(a.order(), b.order()));
    List<TraceEvent> events = new ArrayList<>(all.size());
    for (Logged l : all) {
      events.add(l.event());
    }
    return events;
  }
}
