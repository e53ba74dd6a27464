package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcpsim.core.Time;
import org.tcpsim.scenario.load.ScenarioError;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.model.Scenario;
import org.tcpsim.scenario.run.RunResult;
import org.tcpsim.scenario.run.Simulation;
import org.tcpsim.scenario.sweep.SweepFiles;
import org.tcpsim.tcp.TcpStack;
import org.tcpsim.tcp.app.AppStats;

/**
 * {@code tcpsim bench}: whole scenarios timed in one JVM, warm-up runs first (so the JIT has
 * compiled the hot paths, as it has in a sweep), then timed runs. Wall time is the simulation's
 * own (building and running, not loading the file or starting the JVM); peak heap is read from
 * the heap memory pools, after a GC before each run.
 */
public final class BenchCommand {
  static final CommandSpec SPEC = new CommandSpec("bench", List.of(
      "Time whole scenarios. Warm-up runs, then timed runs in the same JVM; per file the "
          + "median, min and max wall time, events, events per second, peak heap and what the "
          + "run did.", "Exit status: 0 done; 2 bad input."),
      List.of(
          OptionSpec.value("--runs", "N", "Timed runs per file (default 5)."),
          OptionSpec.value("--warmup", "N", "Untimed runs before them (default 2)."),
          OptionSpec.flag("--json", "One JSON object per file instead of text.")),
      "FILE", 1, CommandSpec.MANY, "Scenario files or names of bundled scenarios.");

  private final List<String> files;
  private final int runs;
  private final int warmup;
  private final boolean json;

  BenchCommand(Args a) throws UsageException {
    files = a.parameters();
    Integer r = a.intValue("--runs");
    Integer w = a.intValue("--warmup");
    runs = r == null ? 5 : r;
    warmup = w == null ? 2 : w;
    json = a.has("--json");
  }

  int call(PrintWriter out, PrintWriter err) {
    if (runs < 1 || warmup < 0) {
      err.println("tcpsim bench: --runs: expected at least 1 and --warmup at least 0, got "
          + runs + " and " + warmup);
      err.flush();
      return Main.BAD_INPUT;
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (String f : files) {
      try {
        ScenarioSource s = ScenarioSource.resolve(f);
        scenarios.add(ScenarioLoader.parse(s.text(), s.name(), List.of()));
      } catch (ScenarioException e) {
        e.errors().stream().map(ScenarioError::toString).forEach(err::println);
        err.flush();
        return Main.BAD_INPUT;
      }
    }
    for (int i = 0; i < files.size(); i++) {
      Map<String, Object> r = bench(scenarios.get(i));
      r.put("file", files.get(i));
      out.println(json ? SweepFiles.toJson(r).replaceAll("\\s*\\n\\s*", " ").strip()
          : text(r));
      out.flush();
    }
    return Main.OK;
  }

  private Map<String, Object> bench(Scenario scenario) {
    for (int i = 0; i < warmup; i++) {
      new Simulation(scenario).run();
    }
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long[] wall = new long[runs];
    long peak = 0;
    long before = 0;
    RunResult last = null;
    for (int i = 0; i < runs; i++) {
      last = null;
      before = heapAfterGc(heap);
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      last = new Simulation(scenario).run();
      wall[i] = System.nanoTime() - start;
      peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
    }
    // What the finished run still holds (its connections, with everything they keep), while
    // the run is still referenced.
    long held = Math.max(0, heapAfterGc(heap) - before);
    long[] sorted = wall.clone();
    Arrays.sort(sorted);
    long median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    long completed = 0;
    long delivered = 0;
    for (AppStats a : last.simulation().appStats().values()) {
      completed += a.completions();
      delivered += a.bytesReceived();
    }
    long clientsOpened = 0;
    long clientsCompleted = 0;
    for (AppStats a : last.simulation().clientStats()) {
      clientsOpened += a.connectionsOpened();
      clientsCompleted += a.completions();
    }
    long open = last.simulation().stacks().values().stream()
        .mapToLong(TcpStack::connectionCount).sum();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario.name());
    m.put("runs", runs);
    m.put("warmup", warmup);
    m.put("wall_median_s", median / 1e9);
    m.put("wall_min_s", sorted[0] / 1e9);
    m.put("wall_max_s", sorted[runs - 1] / 1e9);
    m.put("events", last.eventsExecuted());
    m.put("events_per_s", Math.round(last.eventsExecuted() / (median / 1e9)));
    m.put("peak_heap_mib", mib(peak));
    m.put("connections_completed", completed);
    m.put("clients_opened", clientsOpened);
    m.put("clients_completed", clientsCompleted);
    m.put("bytes_delivered", delivered);
    m.put("simulated_end", Time.format(last.simulatedTime()));
    m.put("connections_open_at_end", open);
    m.put("heap_held_at_end_mib", mib(held));
    m.put("heap_per_open_connection_b", open == 0 ? null : held / open);
    return m;
  }

  /** Heap in use after a full collection. */
  private static long heapAfterGc(List<MemoryPoolMXBean> heap) {
    System.gc();
    return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  private static double mib(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  private static String text(Map<String, Object> r) {
    StringBuilder b = new StringBuilder(String.format(
        "%s: median %.3f s (min %.3f, max %.3f) over %d runs after %d warm-up; %,d events, %,d "
            + "events/s; peak heap %.1f MiB; %,d connections completed, %,d bytes delivered, "
            + "simulated end %s",
        r.get("file"), r.get("wall_median_s"), r.get("wall_min_s"), r.get("wall_max_s"),
        r.get("runs"), r.get("warmup"), r.get("events"), r.get("events_per_s"),
        r.get("peak_heap_mib"), r.get("connections_completed"), r.get("bytes_delivered"),
        r.get("simulated_end")));
    long opened = (Long) r.get("clients_opened");
    if (opened > 0) {
      long done = (Long) r.get("clients_completed");
      b.append(String.format("; clients: %,d of %,d completed (%.1f%%)", done, opened,
          100.0 * done / opened));
    }
    if (r.get("heap_per_open_connection_b") != null) {
      b.append(String.format("; at the end %,d connections open, %.1f MiB heap held, %,d B per "
              + "connection", r.get("connections_open_at_end"), r.get("heap_held_at_end_mib"),
          r.get("heap_per_open_connection_b")));
    }
    return b.toString();
  }
}
