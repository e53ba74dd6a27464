package org.tcpsim.scenario.sweep.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.ESTABLISHED;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.TIME;
import static org.tcpsim.scenario.sweep.collect.SweepFixture.dim;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpsim.scenario.sweep.SweepManifest;
import org.tcpsim.scenario.sweep.SweepManifest.Dimension;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The plots a user opens: their files, lines, points, error bars, axes and legends. */
class PlotFilesTest {
  @TempDir Path tmp;

  static final double CI3 = 4.302652729749464 * 0.001 / Math.sqrt(3);

  Path collectAll(SweepManifest m) throws Exception {
    Path dir = SweepFixture.writeAll(tmp.resolve("sweep"), m);
    Collector.collect(List.of(dir), dir, "tcpsim collect sweep");
    return dir.resolve("plots");
  }

  static List<Plot> plan(SweepManifest m) {
    List<Integer> all = new ArrayList<>();
    for (int r = 0; r < m.runs(); r++) {
      all.add(r);
    }
    return PlotPlan.plan(m, new Grid(m), PointStats.of(
        all.stream().map(r -> SweepFixture.run(m, r)).toList(),
        m.measures().stream().map(SweepManifest.Measure::name).toList()));
  }

  /** Every {@code <text>} of the SVG, which must be well-formed XML. */
  static List<String> svgTexts(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList texts = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      out.add(texts.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void everyMeasureHasA800By500PngAndAnSvgWithItsTitleAxesAndLegend() throws Exception {
    Path plots = collectAll(SweepFixture.twoByTwo());
    for (String measure : List.of(TIME.name(), ESTABLISHED.name())) {
      BufferedImage png = ImageIO.read(plots.resolve(measure + ".png").toFile());
      assertThat(png).as(measure).isNotNull();
      assertThat(png.getWidth()).isEqualTo(800);
      assertThat(png.getHeight()).isEqualTo(500);
    }
    // JFreeChart draws the rotated y label as outlines, so the SVG has it as a path, not text
    assertThat(svgTexts(plots.resolve("handshake.time.mean.svg"))).contains(
        "handshake: handshake.time.mean", "links.0.delay (ms)", "links.0.loss = 0",
        "links.0.loss = 0.1");
    assertThat(svgTexts(plots.resolve("connections.established.svg")))
        .contains("handshake: connections.established");
  }

  @Test
  void theYAxisIsTheMeasureWithItsUnitWhenItHasOne() {
    List<Plot> plots = plan(SweepFixture.twoByTwo());
    assertThat(plots).extracting(p -> ChartFiles.chart(p).getXYPlot().getRangeAxis().getLabel())
        .containsExactly("handshake.time.mean (s)", "connections.established");
  }

  @Test
  void eachLineIsOneValueOfTheSecondDimensionWithTheMeanAndItsInterval() {
    Plot time = plan(SweepFixture.twoByTwo()).get(0);
    assertThat(time.fileStem()).isEqualTo("handshake.time.mean");
    assertThat(time.xLabel()).isEqualTo("links.0.delay (ms)");
    assertThat(time.xNames()).isEmpty();
    assertThat(time.yLabel()).isEqualTo("handshake.time.mean (s)");
    assertThat(time.legend()).isTrue();
    assertThat(time.series()).extracting(Plot.Series::name)
        .containsExactly("links.0.loss = 0", "links.0.loss = 0.1");
    List<Plot.Point> lossless = time.series().get(0).points();
    assertThat(lossless).extracting(Plot.Point::x).containsExactly(10.0, 50.0);
    assertThat(lossless.get(0).mean()).isCloseTo(0.021, within(1e-12));
    assertThat(lossless.get(1).mean()).isCloseTo(0.041, within(1e-12));
    assertThat(lossless.get(0).ci95()).isCloseTo(CI3, within(1e-12));
    assertThat(time.series().get(1).points()).extracting(Plot.Point::mean)
        .satisfiesExactly(m -> assertThat(m).isCloseTo(0.031, within(1e-12)),
            m -> assertThat(m).isCloseTo(0.051, within(1e-12)));
  }

  @Test
  void errorBarsAreTheConfidenceIntervalAroundTheMean() {
    JFreeChart chart = ChartFiles.chart(plan(SweepFixture.twoByTwo()).get(0));
    assertThat(chart.getXYPlot().getRenderer()).isInstanceOf(XYErrorRenderer.class);
    IntervalXYDataset data = (IntervalXYDataset) chart.getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getStartYValue(0, 0)).isCloseTo(0.021 - CI3, within(1e-12));
    assertThat(data.getEndYValue(0, 0)).isCloseTo(0.021 + CI3, within(1e-12));
  }

  @Test
  void namesOnTheFirstDimensionAreShownByPosition() throws Exception {
    SweepManifest m = SweepFixture.manifest(
        List.of(dim("profile", "rfc793", "rfc9293", "rfc5961", "linux")), 2, List.of(TIME));
    Plot p = plan(m).get(0);
    assertThat(p.xLabel()).isEqualTo("profile");
    assertThat(p.xNames()).containsExactly("rfc793", "rfc9293", "rfc5961", "linux");
    assertThat(p.legend()).isFalse();
    assertThat(p.series()).hasSize(1);
    assertThat(p.series().get(0).points()).extracting(Plot.Point::x)
        .containsExactly(0.0, 1.0, 2.0, 3.0);
    assertThat(ChartFiles.chart(p).getXYPlot().getDomainAxis()).isInstanceOf(SymbolAxis.class);

    Path plots = collectAll(m);
    assertThat(svgTexts(plots.resolve("handshake.time.mean.svg")))
        .contains("rfc793", "rfc9293", "rfc5961", "linux", "profile");
  }

  @Test
  void aZippedSecondDimensionNamesEveryKeyInTheLegend() throws Exception {
    Dimension queue = new Dimension(List.of("hosts.B.tcp.backlog", "hosts.B.tcp.syn-cookies"),
        List.of(List.of("16", "false"), List.of("1024", "true")));
    SweepManifest m = SweepFixture.manifest(
        List.of(dim("attacks.0.syn-flood.rate", "100/s", "1000/s"), queue), 2, List.of(TIME));
    Plot p = plan(m).get(0);
    assertThat(p.xLabel()).isEqualTo("attacks.0.syn-flood.rate (/s)");
    assertThat(p.series()).extracting(Plot.Series::name).containsExactly(
        "hosts.B.tcp.backlog = 16, hosts.B.tcp.syn-cookies = false",
        "hosts.B.tcp.backlog = 1024, hosts.B.tcp.syn-cookies = true");
    assertThat(svgTexts(collectAll(m).resolve("handshake.time.mean.svg"))).contains(
        "hosts.B.tcp.backlog = 16, hosts.B.tcp.syn-cookies = false",
        "hosts.B.tcp.backlog = 1024, hosts.B.tcp.syn-cookies = true");
  }

  @Test
  void aThirdDimensionGivesOnePlotPerValueWithASafeFileName() throws Exception {
    SweepManifest m = SweepFixture.manifest(List.of(dim("links.0.delay", "10ms", "50ms"),
        dim("links.0.loss", "0", "0.1"), dim("attacks.0.syn-flood.rate", "100/s", "1000/s")),
        1, List.of(TIME));
    List<Plot> plots = plan(m);
    assertThat(plots).extracting(Plot::fileStem).containsExactly(
        "handshake.time.mean--attacks.0.syn-flood.rate=100_s",
        "handshake.time.mean--attacks.0.syn-flood.rate=1000_s");
    assertThat(plots).extracting(Plot::title).containsExactly(
        "handshake: handshake.time.mean (attacks.0.syn-flood.rate = 100/s)",
        "handshake: handshake.time.mean (attacks.0.syn-flood.rate = 1000/s)");
    // points 0, 2, 4, 6 have rate 100/s: means 0.02, 0.04 (loss 0) and 0.06, 0.08 (delay 50ms)
    assertThat(plots.get(0).series().get(0).points()).extracting(Plot.Point::mean)
        .satisfiesExactly(v -> assertThat(v).isCloseTo(0.02, within(1e-12)),
            v -> assertThat(v).isCloseTo(0.06, within(1e-12)));
    assertThat(plots.get(1).series().get(1).points()).extracting(Plot.Point::mean)
        .satisfiesExactly(v -> assertThat(v).isCloseTo(0.05, within(1e-12)),
            v -> assertThat(v).isCloseTo(0.09, within(1e-12)));

    Path dir = collectAll(m);
    assertThat(SweepFixture.files(dir)).containsExactly(
        "handshake.time.mean--attacks.0.syn-flood.rate=1000_s.png",
        "handshake.time.mean--attacks.0.syn-flood.rate=1000_s.svg",
        "handshake.time.mean--attacks.0.syn-flood.rate=100_s.png",
        "handshake.time.mean--attacks.0.syn-flood.rate=100_s.svg");
  }

  @Test
  void withoutADimensionThePlotIsOnePoint() {
    SweepManifest m = SweepFixture.manifest(List.of(), 3, List.of(TIME));
    Plot p = plan(m).get(0);
    assertThat(p.series()).hasSize(1);
    assertThat(p.series().get(0).points()).hasSize(1);
    assertThat(p.series().get(0).points().get(0).mean()).isCloseTo(0.021, within(1e-12));
    assertThat(p.xNames()).containsExactly("all runs");
  }

  @Test
  void aPointWithOneReplicationHasNoErrorBarAndAnUndefinedMeanNoPoint() {
    SweepManifest m = SweepFixture.manifest(List.of(dim("links.0.delay", "10ms", "50ms")), 1,
        List.of(TIME));
    assertThat(plan(m).get(0).series().get(0).points()).extracting(Plot.Point::ci95)
        .containsExactly(0.0, 0.0);
    SweepManifest g = SweepFixture.twoByTwo();
    List<Integer> runs = List.of(9, 11);
    Plot established = PlotPlan.plan(g, new Grid(g), PointStats.of(
        runs.stream().map(r -> SweepFixture.run(g, r)).toList(),
        List.of(TIME.name(), ESTABLISHED.name())))
        .get(1);
    // run 9: 0; run 11: undefined. One point, mean 0, no bar.
    assertThat(established.series().get(1).points()).containsExactly(new Plot.Point(50, 0, 0));
  }

  @Test
  void unsafeCharactersNeverReachAFileName() {
    assertThat(PlotPlan.safe("a/b\\c:d e*?<>|\"f")).isEqualTo("a_b_c_d_e______f");
    assertThat(PlotPlan.safe("..")).isEqualTo("_.");
    assertThat(PlotPlan.safe("x".repeat(300))).hasSize(200);
  }
}
