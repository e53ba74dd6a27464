package org.tcpsim.scenario.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tcpsim.core.net.Host;
import org.tcpsim.core.net.Link;
import org.tcpsim.scenario.cli.RunCommand.BadOption;
import org.tcpsim.scenario.output.CapturePoint;
import org.tcpsim.scenario.output.JsonlTraceWriter;
import org.tcpsim.scenario.output.LadderWriter;
import org.tcpsim.scenario.output.PcapWriter;
import org.tcpsim.scenario.output.TextTraceWriter;
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;

/**
 * The files and streams {@code tcpsim run} writes: the trace (text or JSON Lines, to a file or
 * standard output), the pcap, the ladders and, with {@code --out DIR}, all of them plus {@code
 * summary.json} under fixed names. Every file is written to a temporary name and renamed when
 * complete, so a file that exists is whole.
 */
final class Outputs implements Closeable {
  static final String TRACE_JSONL = "trace.jsonl";
  static final String TRACE_TEXT = "trace.txt";
  static final String LADDER = "ladder.txt";
  static final String PCAP = "capture.pcap";
  static final String SUMMARY = "summary.json";

  /** Ladders printed on the terminal; the rest go to ladder.txt with --out. */
  static final int LADDERS_SHOWN = 8;

  private final RunOptions o;
  private final PrintWriter stdout;
  private final List<Closeable> open = new ArrayList<>();
  private final List<Path[]> renames = new ArrayList<>();
  private LadderWriter ladder;
  private Path outDir;
  /** Set when every output was written; until then close() discards the partial files. */
  private boolean complete;

  Outputs(RunOptions o, PrintWriter stdout) {
    this.o = o;
    this.stdout = stdout;
  }

  /** True when the trace goes to standard output (then the summary goes to standard error). */
  boolean traceOnStdout() {
    return "-".equals(o.trace);
  }

  /** Checks the options that need the network, then opens every output and subscribes it. */
  void attach(Simulation sim) throws BadOption, IOException {
    String format = o.traceFormat;
    if (!format.equals("text") && !format.equals("jsonl")) {
      throw new BadOption("--trace-format: expected text or jsonl, got '" + format + "'");
    }
    CapturePoint point = capturePoint(sim);
    IntFunction<String> names = sim::hostName;
    if (o.out != null) {
      outDir = Path.of(o.out);
      try {
        Files.createDirectories(outDir);
      } catch (IOException e) {
        throw new BadOption("--out: cannot create directory " + outDir + ": " + e.getMessage());
      }
      sim.subscribe(opened(new JsonlTraceWriter(file(outDir.resolve(TRACE_JSONL)))));
      sim.subscribe(textTrace(writer(file(outDir.resolve(TRACE_TEXT))), names, true));
      sim.subscribe(opened(new PcapWriter(file(outDir.resolve(PCAP)), point)));
    }
    if (o.trace != null) {
      if (traceOnStdout()) {
        Writer w = new NonClosingWriter(stdout);
        if (format.equals("jsonl")) {
          JsonlTraceWriter j = new JsonlTraceWriter(w);
          open.add(j);
          sim.subscribe(j);
        } else {
          sim.subscribe(textTrace(w, names, true));
        }
      } else {
        OutputStream f = file(Path.of(o.trace));
        sim.subscribe(format.equals("jsonl") ? opened(new JsonlTraceWriter(f))
            : textTrace(writer(f), names, true));
      }
    }
    if (o.pcap != null) {
      sim.subscribe(opened(new PcapWriter(file(Path.of(o.pcap)), point)));
    }
    if (o.ladder || o.out != null) {
      ladder = new LadderWriter(names);
      sim.subscribe(ladder);
    }
  }

  /**
   * Registers a writer to be closed before the stream under it (outputs close in the reverse of
   * the order they were opened), so its buffer reaches the file.
   */
  private <T extends Closeable> T opened(T writer) {
    open.add(writer);
    return writer;
  }

  private TextTraceWriter textTrace(Writer w, IntFunction<String> names, boolean register) {
    TextTraceWriter t = new TextTraceWriter(w, names, TextTraceWriter.Options.DEFAULT
        .withRelativeSeq(!o.absoluteSeq).withExplain(o.explain));
    if (register) {
      open.add(t);
    }
    return t;
  }

  private static Writer writer(OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  private CapturePoint capturePoint(Simulation sim) throws BadOption {
    if (o.pcapAt == null) {
      return CapturePoint.allHosts(n -> sim.network().node(n) instanceof Host);
    }
    if (sim.network().node(o.pcapAt) != null) {
      return CapturePoint.node(o.pcapAt);
    }
    List<String> links = new ArrayList<>();
    for (Link l : sim.network().links()) {
      String reverse = l.b().node().name() + "-" + l.a().node().name();
      if (l.name().equals(o.pcapAt) || reverse.equals(o.pcapAt)) {
        return CapturePoint.link(l.name());
      }
      links.add(l.name());
    }
    List<String> nodes = sim.network().nodes().stream().map(n -> n.name()).toList();
    throw new BadOption("--pcap-at: no node or link named '" + o.pcapAt + "', expected one of "
        + String.join(", ", nodes) + (links.isEmpty() ? "" : ", " + String.join(", ", links)));
  }

  /** A file written under a temporary name and renamed to {@code p} at {@link #close()}. */
  private OutputStream file(Path p) throws BadOption {
    Path tmp = p.resolveSibling(p.getFileName() + ".part");
    try {
      OutputStream s = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      renames.add(new Path[] {tmp, p});
      open.add(s);
      return s;
    } catch (IOException e) {
      throw new BadOption("cannot write " + p + ": " + e.getMessage());
    }
  }

  /** After the run: the ladders on the terminal (--ladder), and ladder.txt and summary.json. */
  void finish(RunResult result, PrintWriter summaryStream) throws IOException, BadOption {
    if (o.ladder) {
      List<org.tcpsim.tcp.ConnectionId> conns = ladder.connections();
      PrintWriter w = traceOnStdout() ? summaryStream : stdout;
      for (int i = 0; i < Math.min(LADDERS_SHOWN, conns.size()); i++) {
        w.println();
        w.print(ladder.render(conns.get(i)));
      }
      if (conns.size() > LADDERS_SHOWN) {
        w.println();
        w.println("... and " + (conns.size() - LADDERS_SHOWN) + " more connections"
            + (outDir != null ? " (all in " + outDir.resolve(LADDER) + ")"
                : " (--out DIR writes them all to DIR/" + LADDER + ")"));
      }
      w.flush();
    }
    if (outDir != null) {
      try (Writer w = writer(file(outDir.resolve(LADDER)))) {
        w.write(ladder.render());
      }
      try (OutputStream s = file(outDir.resolve(SUMMARY))) {
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValue(new NonClosing(s), result.summaryTree());
        s.write('\n');
      }
    }
    complete = true;
  }

  /**
   * Flushes and closes everything, then renames each finished file into place; after a failure
   * (before {@link #finish}) the partial files are deleted instead.
   */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
    for (Path[] r : renames) {
      if (!complete) {
        Files.deleteIfExists(r[0]);
      } else if (Files.exists(r[0])) {
        try {
          Files.move(r[0], r[1], StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(r[0], r[1], StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    renames.clear();
  }

  /** Standard output must stay open after the trace is done with it. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Keeps a stream open when a library (Jackson) closes what it was given. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
