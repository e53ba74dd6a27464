package org.tcpsim.scenario.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the closest valid name within edit distance 2. */
public final class Suggest {
  static final int MAX_DISTANCE = 2;

  private Suggest() {}

  /**
   * The candidate closest to {@code word} (ignoring case; ties go to the earlier candidate) if it
   * is within {@link #MAX_DISTANCE} edits and the edits do not replace the whole word (so {@code
   * M} does not suggest {@code A}).
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(word)) {
        continue;
      }
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d <= MAX_DISTANCE && d < Math.max(w.length(), c.length()) && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
