package org.tcpsim.scenario.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcpsim.core.Simulator;

/**
 * A clean stop of {@code tcpsim run} on SIGINT (Ctrl-C) or SIGTERM (README "Outputs"): the run
 * stops at the event it is running, and the summary and every output are still written.
 *
 * <p>A JVM shutdown hook rather than {@code sun.misc.Signal}: it is a supported API, it sees
 * both signals, and the JVM then exits with the shell's status for the signal (128 + its number:
 * 130 for SIGINT, 143 for SIGTERM). The hook only asks the simulator to stop (a volatile flag its
 * run loop reads, {@link Simulator#interrupt}), then waits for the main thread to write
 * everything, because the JVM ends as soon as the hooks return.
 */
final class StopOnSignal implements AutoCloseable {
  /** How long the hook waits for the summary and the files; after that the JVM exits anyway. */
  static final long WAIT_SECONDS = 30;

  private static final int RUNNING = 0;
  private static final int STOPPING = 1;
  private static final int DONE = 2;

  private final Simulator sim;
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final CountDownLatch written = new CountDownLatch(1);
  private final Thread hook;

  private StopOnSignal(Simulator sim) {
    this.sim = sim;
    this.hook = new Thread(this::onShutdown, "tcpsim-stop");
  }

  /** Installs the hook for one run; {@link #close()} when every output is written and flushed. */
  static StopOnSignal install(Simulator sim) {
    StopOnSignal s = new StopOnSignal(sim);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  private void onShutdown() {
    if (!state.compareAndSet(RUNNING, STOPPING)) {
      return; // the run had finished: System.exit at its end runs the hooks too
    }
    sim.interrupt();
    try {
      written.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The main thread has written everything: the hook, if running, may let the JVM exit. */
  @Override
  public void close() {
    state.set(DONE);
    written.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down (a signal came): the hook is running and now returns
    }
  }
}
