package org.tcpsim.scenario.sweep.collect;

import java.util.List;

/**
 * What one plot shows, as plain data: {@link PlotPlan} decides it from the sweep and
 * {@link ChartFiles} draws it, so which lines and points a plot has can be tested without
 * drawing anything.
 *
 * @param fileStem the file name without {@code .png}/{@code .svg}, safe on every file system
 * @param title the scenario's name and the measure, and the values of any further dimensions
 * @param xLabel {@code KEY (UNIT)}, or {@code KEY} for plain numbers and names
 * @param xNames empty for a numeric x axis; otherwise the name shown at x = 0, 1, 2...
 * @param yLabel {@code MEASURE (UNIT)}, or {@code MEASURE} without a unit
 * @param legend whether to show a legend (there is one only with several lines)
 * @param series the lines, one per value of the second dimension
 */
record Plot(
    String fileStem,
    String title,
    String xLabel,
    List<String> xNames,
    String yLabel,
    boolean legend,
    List<Series> series) {
  Plot {
    xNames = List.copyOf(xNames);
    series = List.copyOf(series);
  }

  /** One line: its legend text and its points in x order. */
  record Series(String name, List<Point> points) {
    Series {
      points = List.copyOf(points);
    }
  }

  /**
   * One grid point: the measure's mean and the 95% confidence-interval half-width, 0 where it
   * is undefined (a single replication), so the point is drawn without a bar.
   */
  record Point(double x, double mean, double ci95) {}
}
