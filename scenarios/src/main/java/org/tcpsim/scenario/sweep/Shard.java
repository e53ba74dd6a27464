package org.tcpsim.scenario.sweep;

/**
 * {@code --shard I/N}: this process runs every N-th run starting at run I-1, so N processes
 * (a Slurm job array with {@code --array=1-N}, or N machines) share a sweep without talking to
 * each other, and the shards together are exactly the whole sweep.
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count);
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static Shard parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    try {
      if (slash > 0) {
        int i = Integer.parseInt(t.substring(0, slash).strip());
        int n = Integer.parseInt(t.substring(slash + 1).strip());
        if (n >= 1 && i >= 1 && i <= n) {
          return new Shard(i, n);
        }
        if (i == 0) {
          throw new IllegalArgumentException("--shard: shards count from 1, got '" + text
              + "'; expected I/N with 1 <= I <= N (for a Slurm array use --array=1-N)");
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N, such as 2/3, "
        + "got '" + text + "'");
  }

  public boolean owns(int run) {
    return run % count == index - 1;
  }

  public boolean isWhole() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
