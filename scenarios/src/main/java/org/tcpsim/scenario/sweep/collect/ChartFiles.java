package org.tcpsim.scenario.sweep.collect;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.tcpsim.scenario.sweep.SweepFiles;

/**
 * Draws a {@link Plot} with JFreeChart and writes it as PNG (800 by 500, for reports and
 * READMEs) and SVG (the same picture, scalable, for papers). Each file is written to a temporary
 * name and renamed into place, like every other file of a sweep.
 */
final class ChartFiles {
  static final int WIDTH = 800;
  static final int HEIGHT = 500;

  private ChartFiles() {}

  /** Writes {@code dir/STEM.png} and {@code dir/STEM.svg}; returns their names. */
  static List<String> write(Plot plot, Path dir) throws IOException {
    // Sweeps run on servers and cluster nodes without a display; AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = chart(plot);
    String png = plot.fileStem() + ".png";
    String svg = plot.fileStem() + ".svg";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
    SweepFiles.writeAtomically(dir.resolve(png), bytes.toByteArray());
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    // The default prefix of clip-path ids is derived from the clock; a fixed one makes the same
    // sweep give the same SVG bytes.
    g.setDefsKeyPrefix("tcpsim");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    SweepFiles.writeAtomically(dir.resolve(svg), g.getSVGDocument() + "\n");
    return List.of(png, svg);
  }

  /** Whether every x is above 0 and the largest is at least 50 times the smallest. */
  static boolean spansDecades(Plot plot) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Plot.Series s : plot.series()) {
      for (Plot.Point p : s.points()) {
        if (p.x() <= 0) {
          return false;
        }
        min = Math.min(min, p.x());
        max = Math.max(max, p.x());
      }
    }
    return max >= 50 * min;
  }

  static JFreeChart chart(Plot plot) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Plot.Series s : plot.series()) {
      YIntervalSeries series = new YIntervalSeries(s.name());
      for (Plot.Point p : s.points()) {
        series.add(p.x(), p.mean(), p.mean() - p.ci95(), p.mean() + p.ci95());
      }
      data.addSeries(series);
    }
    ValueAxis x;
    if (!plot.xNames().isEmpty()) {
      x = new SymbolAxis(plot.xLabel(), plot.xNames().toArray(new String[0]));
    } else if (spansDecades(plot)) {
      // A geometric range (16, 32, ..., 1024 or 0.25/s to 1024/s) crowds its first points into
      // one corner of a linear axis; a log axis spaces them evenly.
      LogAxis log = new LogAxis(plot.xLabel());
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###",
          java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
      x = log;
    } else {
      NumberAxis linear = new NumberAxis(plot.xLabel());
      linear.setAutoRangeIncludesZero(false);
      x = linear;
    }
    NumberAxis y = new NumberAxis(plot.yLabel());
    // Differences between grid points are what a sweep is for; a y axis forced down to zero
    // could flatten them and their error bars into one line.
    y.setAutoRangeIncludesZero(false);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    XYPlot xy = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart(plot.title(), JFreeChart.DEFAULT_TITLE_FONT, xy,
        plot.legend());
    ChartUtils.applyCurrentTheme(chart);
    // White with light grid lines, as plots in papers and lab reports are, and prints well.
    xy.setBackgroundPaint(java.awt.Color.WHITE);
    xy.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
    xy.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    return chart;
  }
}
