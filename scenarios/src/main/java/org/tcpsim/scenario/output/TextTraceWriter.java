package org.tcpsim.scenario.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.IntFunction;
import org.tcpsim.core.trace.PacketDropped;
import org.tcpsim.core.trace.TraceEvent;
import org.tcpsim.core.trace.TraceSink;
import org.tcpsim.tcp.ConnectionId;
import org.tcpsim.tcp.Endpoint;
import org.tcpsim.tcp.Segment;
import org.tcpsim.tcp.SeqNum;
import org.tcpsim.tcp.TcpFlags;
import org.tcpsim.tcp.TcpOptions;
import org.tcpsim.tcp.trace.ListenerEvent;
import org.tcpsim.tcp.trace.SegmentDropped;
import org.tcpsim.tcp.trace.SegmentReceived;
import org.tcpsim.tcp.trace.SegmentSent;
import org.tcpsim.tcp.trace.StateChanged;
import org.tcpsim.tcp.trace.TimerFired;
import org.tcpsim.tcp.trace.UserSignal;

/**
 * The text trace ({@code --trace-format text}; README, Outputs, Text trace): one aligned line per
 * event, for people, to read next to Wireshark.
 *
 * <pre>
 *          time  host  event   what
 *   0.000000000  A     state   A:1024&gt;B:80      CLOSED -&gt; SYN-SENT
 *   0.000000000  A     send    A:1024 &gt; B:80    [SYN]       seq=0 win=65535 len=0 mss=536
 *   0.005000000  B     recv    A:1024 &gt; B:80    [SYN]       seq=0 win=65535 len=0 mss=536
 *   0.005000000  B     state   B:80&gt;A:1024      LISTEN -&gt; SYN-RECEIVED
 *                      why: SYN in LISTEN: ... (RFC 9293 3.10.7.2, third check)
 *   0.005000000  A-B   drop    B:80 &gt; A:1024    [SYN, ACK]  seq=0 ack=1 win=65535 len=0 mss=536  (loss)
 * </pre>
 *
 * <p>Times are seconds with nine decimals (the simulator's nanoseconds). Endpoints are named by
 * host ({@code A:1024}). Flags are written as Wireshark writes them, in bit order ({@code [FIN,
 * PSH, ACK]}). Sequence and acknowledgment numbers are relative to each direction's ISN unless
 * {@link Options#relativeSeq()} is off. State changes, what the application was told, timers,
 * listener queues and drops (with their reason) have their own lines; {@link Options#explain()}
 * adds a {@code why:} line with the cause and its RFC reference under every line that has one.
 * Packet send/receive events of the network are left out: the TCP's own events say the same with
 * the segment decoded.
 *
 * <p>Columns start narrow and widen when a longer value first comes, so the output streams
 * without buffering the run. Output is buffered; {@link #close()} (or {@link #flush()}) writes it
 * out. Not thread-safe: one writer belongs to one run.
 */
public final class TextTraceWriter implements TraceSink, Closeable, Flushable {

  /**
   * @param relativeSeq sequence numbers relative to each direction's ISN, as Wireshark shows them
   *     (default); false prints the raw 32-bit values ({@code --absolute-seq})
   * @param explain add the cause of every send, drop and state change ({@code --explain})
   */
  public record Options(boolean relativeSeq, boolean explain) {
    public static final Options DEFAULT = new Options(true, false);

    public Options withRelativeSeq(boolean on) {
      return new Options(on, explain);
    }

    public Options withExplain(boolean on) {
      return new Options(relativeSeq, on);
    }
  }

  private static final String WHY = "why: ";

  /** Wireshark writes flags in bit order, from low to high: {@code [FIN, PSH, ACK]}. */
  private static final int[] WIRESHARK_ORDER = {
    TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST, TcpFlags.PSH,
    TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR
  };

  private static final String[] WIRESHARK_NAMES = {
    "FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"
  };

  private final Writer out;
  private final EndpointNames names;
  private final Options options;
  private final RelativeSeq relative = new RelativeSeq();
  /** Wide enough for 999 s, past the 240 s of TIME-WAIT in the RFC profiles. */
  private final Column time = new Column(13);
  private final Column host = new Column(4);
  private final Column event = new Column(6);
  private final Column what = new Column(15);
  private final Column flags = new Column(10);
  private final StringBuilder line = new StringBuilder(200);
  private final StringBuilder seconds = new StringBuilder(20);
  private boolean headerWritten;

  /**
   * @param out where the lines go; wrapped in a buffer unless it is a {@link BufferedWriter}
   * @param hostName a host's name for an address, or null for an address that is no host's
   */
  public TextTraceWriter(Writer out, IntFunction<String> hostName, Options options) {
    Objects.requireNonNull(out, "out");
    this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
    this.names = new EndpointNames(hostName);
    this.options = Objects.requireNonNull(options, "options");
  }

  public TextTraceWriter(Writer out, IntFunction<String> hostName) {
    this(out, hostName, Options.DEFAULT);
  }

  @Override
  public void accept(TraceEvent e) {
    // The most frequent events first: segments dominate every trace.
    if (e instanceof SegmentSent s) {
      segmentLine(s.time(), s.host(), "send", s.src(), s.dst(), s.segment());
      if (s.injected()) {
        line.append("  (injected)");
      }
      end(s.cause());
    } else if (e instanceof SegmentReceived r) {
      segmentLine(r.time(), r.host(), "recv", r.src(), r.dst(), r.segment());
      end(null);
    } else if (e instanceof SegmentDropped d) {
      segmentLine(d.time(), d.host(), "drop", d.src(), d.dst(), d.segment());
      line.append("  (").append(d.reason().text()).append(')');
      end(d.cause());
    } else if (e instanceof PacketDropped d) {
      if (d.packet().payload() instanceof Segment seg) {
        Endpoint src = new Endpoint(d.packet().src(), seg.srcPort());
        Endpoint dst = new Endpoint(d.packet().dst(), seg.dstPort());
        segmentLine(d.time(), d.where(), "drop", src, dst, seg);
        line.append("  (").append(d.reason()).append(')');
        end(NetworkDrops.explain(d));
      }
    } else if (e instanceof StateChanged s) {
      connLine(s.time(), s.host(), "state", s.conn());
      line.append(s.from()).append(" -> ").append(s.to());
      end(s.cause());
    } else if (e instanceof UserSignal u) {
      connLine(u.time(), u.host(), "user", u.conn());
      line.append(u.signal().text());
      end(null);
    } else if (e instanceof TimerFired t) {
      connLine(t.time(), t.host(), "timer", t.conn());
      line.append(t.timer().text());
      if (t.detail() != null) {
        line.append("  ").append(t.detail());
      }
      end(null);
    } else if (e instanceof ListenerEvent l) {
      connLine(l.time(), l.host(), "listen", l.listener());
      line.append(l.what())
          .append("  syn-queue=").append(l.synQueue())
          .append(" accept-queue=").append(l.acceptQueue());
      end(null);
    }
  }

  private void segmentLine(
      long t, String where, String kind, Endpoint src, Endpoint dst, Segment seg) {
    start(t, where, kind);
    int mark = line.length();
    line.append(names.of(src)).append(" > ").append(names.of(dst));
    what.padFrom(line, mark);
    line.append("  ");
    mark = line.length();
    appendFlags(seg.flags());
    flags.padFrom(line, mark);
    line.append("  seq=");
    if (options.relativeSeq()) {
      line.append(relative.seq(src, dst, seg));
    } else {
      line.append(SeqNum.format(seg.seq()));
    }
    if (seg.has(TcpFlags.ACK)) {
      line.append(" ack=");
      if (options.relativeSeq()) {
        line.append(relative.ack(src, dst, seg));
      } else {
        line.append(SeqNum.format(seg.ack()));
      }
    }
    line.append(" win=").append(seg.window()).append(" len=").append(seg.dataLength());
    if (seg.has(TcpFlags.URG)) {
      line.append(" urp=").append(seg.urgentPointer());
    }
    if (!seg.options().equals(TcpOptions.NONE)) {
      line.append(' ').append(seg.options());
    }
  }

  private void connLine(long t, String where, String kind, ConnectionId conn) {
    start(t, where, kind);
    int mark = line.length();
    line.append(names.conn(conn));
    what.padFrom(line, mark);
    line.append("  ");
  }

  private void start(long t, String where, String kind) {
    if (!headerWritten) {
      headerWritten = true;
      time.right(line, "time");
      line.append("  ");
      host.left(line, "host");
      line.append("  ");
      event.left(line, "event");
      line.append("  what\n");
    }
    seconds.setLength(0);
    Seconds.append(seconds, t);
    time.right(line, seconds);
    line.append("  ");
    host.left(line, where);
    line.append("  ");
    event.left(line, kind);
    line.append("  ");
  }

  /** {@code [SYN, ACK]}, in Wireshark's order. */
  private void appendFlags(int bits) {
    line.append('[');
    boolean first = true;
    for (int i = 0; i < WIRESHARK_ORDER.length; i++) {
      if ((bits & WIRESHARK_ORDER[i]) != 0) {
        if (!first) {
          line.append(", ");
        }
        line.append(WIRESHARK_NAMES[i]);
        first = false;
      }
    }
    if (first) {
      line.append("<None>"); // Wireshark's word for a segment without flags
    }
    line.append(']');
  }

  /** Ends the line; in explain mode a {@code why:} line under the event column follows. */
  private void end(String cause) {
    line.append('\n');
    if (options.explain() && cause != null) {
      Column.spaces(line, time.width() + 2 + host.width() + 2);
      line.append(WHY).append(cause).append('\n');
    }
    try {
      out.append(line);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } finally {
      line.setLength(0);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes {@code out} (wrap standard output if it must stay open). */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
