package org.tcpsim.scenario.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a shard of a sweep on a fixed pool of threads, skipping runs whose file is already in the
 * directory (a sweep interrupted by Ctrl-C, a crash or {@code kill -9} resumes where it
 * stopped) once {@link #setAsideDamaged} has moved away the files that are not whole. Each
 * finished run is written at once, atomically, so nothing finished is lost.
 */
public final class SweepRunner {
  /** How a shard went. */
  public record Outcome(int ran, int skipped, int failedExpectations) {}

  /** A run threw: a bug in tcpsim, reported with the run that shows it. */
  public static final class RunFailed extends Exception {
    private final int run;

    RunFailed(int run, Throwable cause) {
      super("run " + run + " failed: " + cause, cause);
      this.run = run;
    }

    public int run() {
      return run;
    }
  }

  private final SweepPlan plan;
  private final Path dir;

  public SweepRunner(SweepPlan plan, Path dir) {
    this.plan = plan;
    this.dir = dir;
  }

  /** The shard's runs that have no file in the directory yet, in run order. */
  public List<Integer> pending(Shard shard) {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < plan.runs(); r++) {
      if (shard.owns(r) && !Files.exists(SweepFiles.runFile(dir, r))) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Checks the file of each of the shard's finished runs and sets aside every damaged one
   * ({@link RunFileCheck}), so that {@link #pending} sees its run as not done and the sweep runs
   * it again (README "Experiments", "Damaged run files"). Only the shard's own runs: other shards
   * may be writing into the same directory (README "Shards").
   *
   * @return the files set aside, in run order, with where they were and why
   * @throws IOException when a damaged file cannot be renamed
   */
  public List<RunFileCheck.Damaged> setAsideDamaged(Shard shard) throws IOException {
    List<RunFileCheck.Damaged> out = new ArrayList<>();
    for (int r = 0; r < plan.runs(); r++) {
      Path file = SweepFiles.runFile(dir, r);
      if (!shard.owns(r) || !Files.exists(file)) {
        continue;
      }
      try {
        RunFileCheck.read(file, r, plan.manifest());
      } catch (RunFileCheck.DamagedFile e) {
        RunFileCheck.setAside(file);
        out.add(new RunFileCheck.Damaged(r, file, e.getMessage()));
      }
    }
    return out;
  }

  /** Whether every run of the whole sweep has its file. */
  public boolean complete() {
    return pending(Shard.WHOLE).isEmpty();
  }

  /**
   * Runs the shard's pending runs.
   *
   * @param progress told of each finished run
   */
  public Outcome run(Shard shard, int jobs, Progress progress)
      throws RunFailed, IOException, InterruptedException {
    List<Integer> todo = pending(shard);
    int owned = 0;
    for (int r = 0; r < plan.runs(); r++) {
      owned += shard.owns(r) ? 1 : 0;
    }
    Files.createDirectories(dir.resolve(SweepFiles.RUNS));
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "sweep-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int run : todo) {
        futures.add(pool.submit(() -> {
          RunRecord record = plan.run(run);
          if (!record.passed()) {
            failed.incrementAndGet();
          }
          try {
            SweepFiles.writeRun(dir, record);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          progress.step();
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          if (e.getCause() instanceof UncheckedIOException io) {
            throw io.getCause();
          }
          throw new RunFailed(todo.get(i), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Outcome(todo.size(), owned - todo.size(), failed.get());
  }
}
