package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tcpsim.core.Simulator;
import org.tcpsim.core.Time;

/**
 * How far a long {@code tcpsim run} has got (README "Outputs"): simulated time against {@code
 * until}, events per second and an estimate of the wall time left, on standard error.
 *
 * <p>A daemon thread reads the simulator's clock and event count; it never schedules an event,
 * so the run, its trace and every output byte stay what they were, and the run loop pays
 * nothing. The reads are unsynchronised: a value a little stale only shows in the line printed.
 */
final class RunProgress implements AutoCloseable {
  /** On a terminal: one line rewritten every half second, after the first two seconds. */
  static final long TERMINAL_FIRST_MS = 2_000;
  static final long TERMINAL_EVERY_MS = 500;
  /** Elsewhere (a log file, CI): a plain line every five seconds, after the first five. */
  static final long PLAIN_FIRST_MS = 5_000;
  static final long PLAIN_EVERY_MS = 5_000;

  private final Simulator sim;
  private final long until;
  private final PrintWriter err;
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean stopped;
  /** Whether a terminal line is showing and must be cleared before the summary. */
  private boolean drawn;

  private RunProgress(Simulator sim, long until, PrintWriter err, boolean terminal) {
    this.sim = sim;
    this.until = until;
    this.err = err;
    this.terminal = terminal;
    this.thread = new Thread(this::loop, "tcpsim-progress");
    thread.setDaemon(true);
  }

  /**
   * Starts reporting on {@code err}; {@code until} is {@link Long#MAX_VALUE} for a run to the last
   * event. On a terminal (standard input and output: Java 17 cannot ask about standard error
   * alone, the same test as the sweep's bar) the line is rewritten in place.
   */
  static RunProgress start(Simulator sim, long until, PrintWriter err, boolean terminal) {
    RunProgress p = new RunProgress(sim, until, err, terminal);
    p.thread.start();
    return p;
  }

  private void loop() {
    long start = System.nanoTime();
    long first = terminal ? TERMINAL_FIRST_MS : PLAIN_FIRST_MS;
    long every = terminal ? TERMINAL_EVERY_MS : PLAIN_EVERY_MS;
    long simStart = sim.now();
    long lastEvents = sim.eventsExecuted();
    long lastWall = start;
    long next = first;
    while (!stopped) {
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      if (elapsedMs < next) {
        sleep(next - elapsedMs);
        continue;
      }
      next += every;
      long wall = System.nanoTime();
      long now = sim.now();
      long events = sim.eventsExecuted();
      double rate = (events - lastEvents) / Math.max(1e-9, (wall - lastWall) / 1e9);
      lastEvents = events;
      lastWall = wall;
      double simPerWall = (now - simStart) / Math.max(1.0, wall - start);
      String line = format(now, until, rate, secondsLeft(now, simPerWall));
      show(line);
    }
  }

  private double secondsLeft(long now, double simPerWall) {
    if (until == Long.MAX_VALUE || simPerWall <= 0) {
      return Double.NaN;
    }
    return (until - now) / simPerWall / 1e9;
  }

  private synchronized void show(String line) {
    if (stopped) {
      return;
    }
    if (terminal) {
      // \r and "erase to end of line": the line is rewritten in place and a shorter one
      // leaves nothing of the longer one before it.
      err.print("\r" + line + "\033[K");
      drawn = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Stops reporting and clears the terminal line, so the summary starts on a clean line. */
  @Override
  public void close() {
    synchronized (this) {
      stopped = true;
      if (drawn) {
        err.print("\r\033[K");
        err.flush();
      }
    }
    thread.interrupt();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close(): the loop sees stopped and ends
    }
  }

  /**
   * {@code tcpsim: 12.5s of 100s simulated (12%), 3.2M events/s, about 1m10s left}; without an
   * {@code until} (a run to the last event) or an estimate ({@code secondsLeft} NaN), the parts
   * that cannot be known are left out.
   */
  static String format(long now, long until, double eventsPerSecond, double secondsLeft) {
    StringBuilder b = new StringBuilder("tcpsim: ").append(simulated(now));
    if (until != Long.MAX_VALUE) {
      b.append(" of ").append(Time.format(until)).append(" simulated (")
          .append(until == 0 ? 100 : (long) Math.floor(100.0 * now / until)).append("%)");
    } else {
      b.append(" simulated");
    }
    b.append(", ").append(count(eventsPerSecond)).append(" events/s");
    if (!Double.isNaN(secondsLeft)) {
      b.append(", about ").append(duration(secondsLeft)).append(" left");
    }
    return b.toString();
  }

  /** 240ms, 482.0s: a tenth of a second is enough once past one (the trace has the rest). */
  static String simulated(long ns) {
    if (ns < Time.SECOND) {
      return Time.format(ns);
    }
    return String.format(Locale.ROOT, "%.1fs", ns / 1e9);
  }

  /** 950, 12.3k, 3.2M: three figures at most. */
  static String count(double n) {
    if (n < 1_000) {
      return Long.toString(Math.round(n));
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.1fM", n / 1e6);
  }

  /** 7s, 1m10s, 2h05m, 3d04h; beyond a thousand days "over 1000 days". */
  static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3_600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3_600, s % 3_600 / 60);
    }
    if (s < 1_000L * 86_400) {
      return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, s % 86_400 / 3_600);
    }
    return "over 1000 days";
  }
}
