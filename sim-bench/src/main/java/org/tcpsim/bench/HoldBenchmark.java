package org.tcpsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tcpsim.core.EventQueue;
import org.tcpsim.core.Simulator;

/**
 * The classic hold model: with {@code pending} events queued, repeatedly take the earliest and
 * add one at its time plus an exponentially distributed delay (mean 1 ms), so the queue size stays
 * constant. One operation is one pop plus one push.
 *
 * <ul>
 *   <li>{@code queue}: an {@link EventQueue} implementation, driven directly.
 *   <li>{@code bareHeap}: a {@code long[]} 4-ary heap that only orders keys: the ceiling for a
 *       heap that must also carry an event and a tie-break (a radix heap, which is not a
 *       comparison heap, can pass it when the heap no longer fits in cache).
 *   <li>{@code simulator}: the whole kernel with its default queue, where each event's action
 *       schedules the next through {@link Simulator#schedule}.
 * </ul>
 *
 * <p>Run: {@code java -jar sim-bench/target/benchmarks.jar Hold}. On a shared machine, compare
 * within one run, or use {@link HoldRace}, which alternates the contestants in one JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class HoldBenchmark {

  /** Precomputed exponential delays, shared by every variant so they do the same work. */
  static final int DELAYS = 1 << 16;

  static long[] exponentialDelays(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] d = new long[DELAYS];
    for (int i = 0; i < DELAYS; i++) {
      d[i] = 1 + (long) (-Math.log(1 - rnd.nextDouble()) * 1_000_000);
    }
    return d;
  }

  static final Runnable NOTHING = () -> {};

  @State(Scope.Thread)
  public static class QueueState {
    @Param({"heap4", "radix", "reference"})
    public String impl;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    EventQueue queue;
    long[] delays;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      queue = EventQueue.named(impl);
      delays = exponentialDelays(1);
      for (int i = 0; i < pending; i++) {
        queue.add(delays[next++ & (DELAYS - 1)], NOTHING);
      }
    }
  }

  @Benchmark
  public long queue(QueueState s) {
    EventQueue q = s.queue;
    long t = q.peekTime();
    q.poll();
    q.add(t + s.delays[s.next++ & (DELAYS - 1)], NOTHING);
    return t;
  }

  @State(Scope.Thread)
  public static class BareState {
    @Param({"1000", "100000", "1000000"})
    public int pending;

    LongHeap4 heap;
    long[] delays;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      heap = new LongHeap4(pending);
      delays = exponentialDelays(1);
      for (int i = 0; i < pending; i++) {
        heap.add(delays[next++ & (DELAYS - 1)]);
      }
    }
  }

  @Benchmark
  public long bareHeap(BareState s) {
    long t = s.heap.poll();
    s.heap.add(t + s.delays[s.next++ & (DELAYS - 1)]);
    return t;
  }

  @State(Scope.Thread)
  public static class SimulatorState {
    @Param({"1000", "100000", "1000000"})
    public int pending;

    Simulator sim;
    long[] delays;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      sim = new Simulator();
      delays = exponentialDelays(1);
      Runnable hold = new Runnable() {
        @Override
        public void run() {
          sim.schedule(delays[next++ & (DELAYS - 1)], this);
        }
      };
      for (int i = 0; i < pending; i++) {
        sim.schedule(delays[next++ & (DELAYS - 1)], hold);
      }
    }
  }

  @Benchmark
  public boolean simulator(SimulatorState s) {
    return s.sim.step();
  }

  /** A 4-ary min-heap of bare {@code long} keys. */
  static final class LongHeap4 {
    private long[] keys;
    private int size;

    LongHeap4(int capacity) {
      keys = new long[Math.max(4, capacity)];
    }

    void add(long k) {
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 2;
        long pk = keys[parent];
        if (k >= pk) {
          break;
        }
        keys[i] = pk;
        i = parent;
      }
      keys[i] = k;
    }

    long poll() {
      long top = keys[0];
      long k = keys[--size];
      int i = 0;
      int n = size;
      while (true) {
        int first = (i << 2) + 1;
        if (first >= n) {
          break;
        }
        int best = first;
        long bk = keys[first];
        int end = Math.min(first + 4, n);
        for (int c = first + 1; c < end; c++) {
          if (keys[c] < bk) {
            best = c;
            bk = keys[c];
          }
        }
        if (bk >= k) {
          break;
        }
        keys[i] = bk;
        i = best;
      }
      keys[i] = k;
      return top;
    }
  }
}
