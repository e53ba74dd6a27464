package org.tcpsim.scenario.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.tcpsim.core.net.Packet;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.trace.ListenerEvent;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.TimerFired;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * Writes the JSON Lines trace, version 1 (README, Outputs, JSON Lines trace; a contract): one
 * object per line, in the order the events arrive (time order), keys in a fixed order, so that
 * identical runs give identical bytes and a trace can be compared with {@code diff} or hashed as
 * a fingerprint.
 *
 * <p>The contract's events: {@code send} (SegmentSent), {@code recv} (SegmentReceived), {@code
 * drop} (SegmentDropped, and PacketDropped when the packet carries a segment), {@code state}
 * (StateChanged) and {@code user} (UserSignal). Extensions the contract allows ("more fields may
 * be added"): {@code timer} (TimerFired) and {@code listen} (ListenerEvent) events, and a {@code
 * cause} on {@code send} and TCP {@code drop} events (see {@link Options#causes()}). Packet-level
 * send/receive and queue lengths are not written: the TCP events already say it at the level a
 * reader of the trace thinks in.
 *
 * <p>Output is buffered by the generator; nothing reaches the target before {@link #flush()},
 * {@link #close()} or a full buffer. Not thread-safe, like the simulator that feeds it.
 */
public final class JsonlTraceWriter implements TraceSink, Closeable, Flushable {
  /** How the writer behaves beyond the contract. */
  public record Options(boolean causes, boolean closeTarget) {
    /** Causes on send and drop events, and {@link #close()} closes the target. */
    public static final Options DEFAULT = new Options(true, true);

    /** The same, without the optional {@code cause} on send and drop events (smaller files). */
    public Options withoutCauses() {
      return new Options(false, closeTarget);
    }

    /** The same, but {@link #close()} only flushes: for standard output ({@code --trace -}). */
    public Options keepingTargetOpen() {
      return new Options(causes, false);
    }
  }

  private final JsonGenerator json;
  private final Options options;
  private long lines;

  /** Writes UTF-8 to {@code out}; {@link #close()} closes it. */
  public JsonlTraceWriter(OutputStream out) {
    this(out, Options.DEFAULT);
  }

  public JsonlTraceWriter(OutputStream out, Options options) {
    this.options = options;
    this.json = create(g -> g.createGenerator(out, JsonEncoding.UTF8), options);
  }

  /** Writes to {@code out} (which should encode UTF-8 if it ends in bytes); close closes it. */
  public JsonlTraceWriter(Writer out) {
    this(out, Options.DEFAULT);
  }

  public JsonlTraceWriter(Writer out, Options options) {
    this.options = options;
    this.json = create(g -> g.createGenerator(out), options);
  }

  private interface Opener {
    JsonGenerator open(JsonFactory factory) throws IOException;
  }

  private static JsonGenerator create(Opener opener, Options options) {
    JsonFactoryBuilder b = new JsonFactoryBuilder();
    // One object per line and nothing between them: JSON Lines (jsonlines.org), not Jackson's
    // default of a space between root values.
    b.rootValueSeparator((String) null);
    b.configure(StreamWriteFeature.AUTO_CLOSE_TARGET, options.closeTarget());
    try {
      return opener.open(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written so far. */
  public long lines() {
    return lines;
  }

  @Override
  public void accept(TraceEvent event) {
    try {
      if (event instanceof SegmentSent e) {
        send(e);
      } else if (event instanceof SegmentReceived e) {
        recv(e);
      } else if (event instanceof SegmentDropped e) {
        tcpDrop(e);
      } else if (event instanceof PacketDropped e) {
        networkDrop(e);
      } else if (event instanceof StateChanged e) {
        state(e);
      } else if (event instanceof UserSignal e) {
        user(e);
      } else if (event instanceof TimerFired e) {
        timer(e);
      } else if (event instanceof ListenerEvent e) {
        listen(e);
      }
      // PacketSent, PacketReceived, QueueLength and other layers' events: not in this format.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void send(SegmentSent e) throws IOException {
    begin(e.time(), "send");
    json.writeStringField("host", e.host());
    seg(e.src(), e.dst(), e.segment());
    // Contract: "injected" appears only when true, so ordinary lines stay short.
    if (e.injected()) {
      json.writeBooleanField("injected", true);
    }
    cause(e.cause());
    end();
  }

  private void recv(SegmentReceived e) throws IOException {
    begin(e.time(), "recv");
    json.writeStringField("host", e.host());
    seg(e.src(), e.dst(), e.segment());
    end();
  }

  private void tcpDrop(SegmentDropped e) throws IOException {
    begin(e.time(), "drop");
    json.writeStringField("where", e.host());
    json.writeStringField("reason", e.reason().text());
    seg(e.src(), e.dst(), e.segment());
    cause(e.cause());
    end();
  }

  /** A drop by a link or a node's IP layer; only packets that carry a TCP segment are written. */
  private void networkDrop(PacketDropped e) throws IOException {
    Packet p = e.packet();
    if (!(p.payload() instanceof Segment s)) {
      return;
    }
    begin(e.time(), "drop");
    json.writeStringField("where", e.where());
    json.writeStringField("reason", e.reason());
    seg(new Endpoint(p.src(), s.srcPort()), new Endpoint(p.dst(), s.dstPort()), s);
    end();
  }

  private void state(StateChanged e) throws IOException {
    begin(e.time(), "state");
    json.writeStringField("host", e.host());
    conn(e.conn());
    // TcpState.toString is the RFC spelling (SYN-SENT), as the contract wants.
    json.writeStringField("from", e.from().toString());
    json.writeStringField("to", e.to().toString());
    json.writeStringField("cause", e.cause());
    end();
  }

  private void user(UserSignal e) throws IOException {
    begin(e.time(), "user");
    json.writeStringField("host", e.host());
    conn(e.conn());
    json.writeStringField("signal", e.signal().text());
    end();
  }

  private void timer(TimerFired e) throws IOException {
    begin(e.time(), "timer");
    json.writeStringField("host", e.host());
    conn(e.conn());
    json.writeStringField("timer", e.timer().text());
    if (e.detail() != null) {
      json.writeStringField("detail", e.detail());
    }
    end();
  }

  private void listen(ListenerEvent e) throws IOException {
    begin(e.time(), "listen");
    json.writeStringField("host", e.host());
    conn(e.listener());
    json.writeStringField("what", e.what());
    json.writeNumberField("syn_queue", e.synQueue());
    json.writeNumberField("accept_queue", e.acceptQueue());
    end();
  }

  private void begin(long time, String ev) throws IOException {
    json.writeStartObject();
    json.writeNumberField("t", time);
    json.writeStringField("ev", ev);
  }

  private void end() throws IOException {
    json.writeEndObject();
    json.writeRaw('\n');
    lines++;
  }

  private void conn(ConnectionId id) throws IOException {
    json.writeStringField("conn", id.toString());
  }

  private void cause(String cause) throws IOException {
    if (options.causes() && cause != null) {
      json.writeStringField("cause", cause);
    }
  }

  /**
   * The contract's {@code seg}: src, dst, flags (trace order SYN, ACK, FIN, RST, PSH, URG, ECE,
   * CWR), seq, ack (only with ACK), len (data octets only), wnd. Sequence numbers are the
   * absolute unsigned 32-bit values of the header (RFC 9293 3.1), not relative ones.
   */
  private void seg(Endpoint src, Endpoint dst, Segment s) throws IOException {
    json.writeObjectFieldStart("seg");
    json.writeStringField("src", src.toString());
    json.writeStringField("dst", dst.toString());
    json.writeArrayFieldStart("flags");
    for (String name : TcpFlags.names(s.flags())) {
      json.writeString(name);
    }
    json.writeEndArray();
    json.writeNumberField("seq", Integer.toUnsignedLong(s.seq()));
    if (s.has(TcpFlags.ACK)) {
      json.writeNumberField("ack", Integer.toUnsignedLong(s.ack()));
    }
    json.writeNumberField("len", s.dataLength());
    json.writeNumberField("wnd", s.window());
    json.writeEndObject();
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  /** Flushes; closes the target too unless the options keep it open. */
  @Override
  public void close() throws IOException {
    json.close();
  }
}
