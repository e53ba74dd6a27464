package org.tcpsim.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.tcpsim.core.Simulator;

/**
 * The hold model of {@link HoldBenchmark}, with the queue, the bare heap and the simulator run in
 * turns of a fixed time slice inside one JVM, so that each round's ratios compare runs made
 * within a second of each other.
 *
 * <p>Why besides JMH: on a shared virtual machine, the speed of a memory-bound loop drifts by
 * 30-50% over tens of seconds (other tenants' use of the shared L3 cache and memory bandwidth).
 * JMH measures one benchmark after another, so its ratio of two benchmarks carries that drift;
 * the median of per-round ratios here does not.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp sim-bench/target/benchmarks.jar
 * org.tcpsim.bench.HoldRace [pending] [rounds] [sliceMillis] [queue]} (defaults 100000, 40, 200,
 * radix). One JVM still differs from the next by a few percent (JIT decisions, memory layout):
 * run it more than once.
 */
public final class HoldRace {
  private HoldRace() {}

  /**
   * One of the three contestants: {@link #batch} runs {@link #BATCH} hold operations in a loop of
   * its own, so each loop stays monomorphic; only the call per batch is shared.
   */
  private interface Contestant {
    long batch();

    default long runFor(long nanos) {
      long end = System.nanoTime() + nanos;
      long ops = 0;
      long sink = 0;
      while (System.nanoTime() < end) {
        sink += batch();
        ops += BATCH;
      }
      return sink == 42 ? ops + 1 : ops; // uses the results, so that none is optimised away
    }
  }

  private static final int BATCH = 1024;

  public static void main(String[] args) {
    int pending = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    long slice = (args.length > 2 ? Long.parseLong(args[2]) : 200) * 1_000_000L;
    String impl = args.length > 3 ? args[3] : "radix";

    Contestant[] all = {queue(impl, pending), bare(pending), simulator(pending)};
    String[] names = {"queue " + impl, "bare heap", "simulator"};
    for (int w = 0; w < 10; w++) {
      for (Contestant c : all) {
        c.runFor(slice);
      }
    }
    double[][] rate = new double[all.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < all.length; i++) {
        long start = System.nanoTime();
        long ops = all[i].runFor(slice);
        rate[i][r] = ops * 1e9 / (System.nanoTime() - start);
      }
    }
    System.out.printf(Locale.ROOT, "hold model, %,d pending, %d rounds of %d ms each%n",
        pending, rounds, slice / 1_000_000);
    for (int i = 0; i < all.length; i++) {
      System.out.printf(Locale.ROOT, "  %-14s median %6.2f M ops/s (min %.2f, max %.2f)%n",
          names[i], median(rate[i]) / 1e6, min(rate[i]) / 1e6, max(rate[i]) / 1e6);
    }
    for (int i : new int[] {0, 2}) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = rate[i][r] / rate[1][r];
      }
      double[] sorted = ratio.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT,
          "  %-14s / bare heap, per round: median %.0f%% (quartiles %.0f%%..%.0f%%)%n",
          names[i], 100 * median(ratio), 100 * sorted[rounds / 4], 100 * sorted[3 * rounds / 4]);
    }
  }

  private static Contestant queue(String impl, int pending) {
    HoldBenchmark.QueueState s = new HoldBenchmark.QueueState();
    s.impl = impl;
    s.pending = pending;
    s.setUp();
    HoldBenchmark b = new HoldBenchmark();
    return looping(() -> b.queue(s));
  }

  private static Contestant bare(int pending) {
    HoldBenchmark.BareState s = new HoldBenchmark.BareState();
    s.pending = pending;
    s.setUp();
    HoldBenchmark b = new HoldBenchmark();
    return looping(() -> b.bareHeap(s));
  }

  /**
   * A batch of {@code op}. Only the queue and the bare heap share this loop, so its call site
   * sees two receivers, which the JIT inlines both of behind a type check.
   */
  private static Contestant looping(LongSupplier op) {
    return () -> {
      long sink = 0;
      for (int k = 0; k < BATCH; k++) {
        sink += op.getAsLong();
      }
      return sink;
    };
  }

  private static Contestant simulator(int pending) {
    HoldBenchmark.SimulatorState s = new HoldBenchmark.SimulatorState();
    s.pending = pending;
    s.setUp();
    Simulator sim = s.sim;
    return () -> {
      long ran = 0;
      for (int k = 0; k < BATCH; k++) {
        ran += sim.step() ? 1 : 0;
      }
      return ran;
    };
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
