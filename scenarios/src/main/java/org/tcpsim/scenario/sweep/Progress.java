package org.tcpsim.scenario.sweep;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Tells the user how a sweep is going: a progress bar (runs done, rate, ETA) on a terminal;
 * otherwise plain lines, one per tenth of the runs, which read well in a batch job's log.
 */
public interface Progress extends AutoCloseable {
  void step();

  @Override
  void close();

  /** A bar on a terminal, else plain lines on {@code err}. */
  static Progress forConsole(int total, PrintWriter err, boolean terminal) {
    return terminal ? new Bar(total) : new Lines(total, err, System::nanoTime);
  }

  /** The progressbar library's bar, drawn on standard error. */
  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(int total) {
      this.bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).showSpeed().build();
    }

    @Override
    public synchronized void step() {
      bar.step();
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** {@code sweep: 30/60 runs (50%), 12.5 runs/s, about 2 s left}. */
  final class Lines implements Progress {
    private final int total;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private int lastTenth;

    Lines(int total, PrintWriter err, LongSupplier clock) {
      this.total = total;
      this.err = err;
      this.clock = clock;
      this.start = clock.getAsLong();
    }

    @Override
    public synchronized void step() {
      done++;
      int tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth == lastTenth) {
        return;
      }
      lastTenth = tenth;
      double seconds = Math.max(1e-9, (clock.getAsLong() - start) / 1e9);
      double rate = done / seconds;
      err.printf("sweep: %d/%d runs (%d%%), %.1f runs/s, about %s left%n", done, total,
          done * 100 / total, rate, eta((total - done) / rate));
      err.flush();
    }

    static String eta(double seconds) {
      if (seconds < 60) {
        return Math.round(seconds) + " s";
      }
      if (seconds < 3600) {
        return Math.round(seconds / 60) + " min";
      }
      return String.format("%.1f h", seconds / 3600);
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
