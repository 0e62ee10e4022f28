package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class RendererTest {

  static double[] days(int n) {
    double[] d = new double[n];
    long start = LocalDate.of(2015, 1, 2).toEpochDay();
    for (int i = 0; i < n; i++) {
      d[i] = start + i + 2 * (i / 5); // business-day-like
    }
    return d;
  }

  static double[] walk(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] y = new double[n];
    double v = 1;
    for (int i = 0; i < n; i++) {
      v *= 1 + 0.01 * r.nextGaussian();
      y[i] = v;
    }
    return y;
  }

  static Chart sample(int n) {
    double[] x = days(n);
    return Chart.of("Growth of 1", Axis.dates("Date"), Axis.number("Value (x)"))
        .with(new Mark.Line("Strategy", x, walk(n, 1), Palette.BLUE, 1.5, false))
        .with(new Mark.Line("Benchmark", x, walk(n, 2), Palette.VERMILLION, 1, true));
  }

  /** Text of every {@code <text>} element. */
  static String texts(Document d) {
    NodeList l = d.getElementsByTagName("text");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < l.getLength(); i++) {
      sb.append(l.item(i).getTextContent()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void svgIsWellFormedXmlWithTitleLegendAndDateTicks() throws Exception {
    Document d = Xml.parse(sample(2520).toSvg());
    assertEquals("svg", d.getDocumentElement().getNodeName());
    String t = texts(d);
    assertTrue(t.contains("Growth of 1") && t.contains("Strategy") && t.contains("Benchmark"));
    assertTrue(t.contains("2016") && t.contains("2020"), t);
    assertTrue(t.contains("Date") && t.contains("Value (x)"));
    assertEquals(2, d.getElementsByTagName("polyline").getLength() - gridAndAxes(d));
  }

  /** Polylines that are not series: grid lines, tick marks, axes, legend swatches. */
  private static int gridAndAxes(Document d) {
    NodeList l = d.getElementsByTagName("polyline");
    int n = 0;
    for (int i = 0; i < l.getLength(); i++) {
      String pts = l.item(i).getAttributes().getNamedItem("points").getNodeValue();
      if (pts.split(" ").length <= 3) {
        n++;
      }
    }
    return n;
  }

  @Test
  void sameInputSameBytesWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      String a = sample(500).toSvg();
      Locale.setDefault(Locale.GERMANY); // decimal comma must not leak in
      String b = sample(500).toSvg();
      assertEquals(a, b);
      assertFalse(b.matches("(?s).*\\d,\\d+\".*") && b.contains("points=\"1,"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void longSeriesAreReducedToThePixelWidth() {
    String small = sample(700).toSvg();
    String big = sample(20_000).toSvg();
    // 20,000 points per line would take ~20 bytes each; min/max per column keeps <= 4 a column
    assertTrue(big.length() < 4 * small.length(), big.length() + " vs " + small.length());
    assertTrue(big.length() < 150_000, "size " + big.length());
  }

  @Test
  void pngDecodesUnderHeadless() throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless(), "surefire sets java.awt.headless=true");
    byte[] png = sample(1000).toPng();
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(img);
    assertEquals(Chart.WIDTH, img.getWidth());
    assertEquals(Chart.HEIGHT, img.getHeight());
    assertTrue(countNear(img, Palette.BLUE) > 200, "the blue strategy line is drawn");
    BufferedImage twice = PngRenderer.image(sample(100), 2);
    assertEquals(2 * Chart.WIDTH, twice.getWidth());
  }

  static int countNear(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255))
            + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) + Math.abs((p & 255) - (rgb & 255));
        n += d < 40 ? 1 : 0;
      }
    }
    return n;
  }

  static Stream<Arguments> edgeCases() {
    double[] x1 = {LocalDate.of(2020, 1, 1).toEpochDay()};
    double[] x3 = days(3);
    double[] x100 = days(100);
    double[] nan = new double[100];
    java.util.Arrays.fill(nan, Double.NaN);
    double[] negative = walk(100, 3);
    for (int i = 50; i < 100; i++) {
      negative[i] = -negative[i];
    }
    double[] constant = new double[100];
    java.util.Arrays.fill(constant, 5);
    double[] huge = {1e300, -1e300, 1e300};
    double[] max = {Double.MAX_VALUE, -Double.MAX_VALUE, 0};
    Axis d = Axis.dates("Date");
    Axis v = Axis.number("Value");
    return Stream.of(
        Arguments.of("one point", Chart.of("One", d, v)
            .with(new Mark.Line("a", x1, new double[] {1}, Palette.BLUE, 1, false)), null),
        Arguments.of("constant", Chart.of("Constant", d, v)
            .with(new Mark.Line("a", x100, constant, Palette.BLUE, 1, false)), null),
        Arguments.of("all-NaN next to a good series", Chart.of("Some NaN", d, v)
            .with(new Mark.Line("good", x100, walk(100, 4), Palette.BLUE, 1, false))
            .with(new Mark.Line("A03", x100, nan, Palette.GREEN, 1, false)),
            "cannot draw 'A03': no finite value"),
        Arguments.of("all NaN", Chart.of("All NaN", d, v)
            .with(new Mark.Line("A03", x100, nan, Palette.GREEN, 1, false)),
            "cannot draw: 'A03': no finite value"),
        Arguments.of("negative equity, linear", Chart.of("Negative", d, v)
            .with(new Mark.Line("a", x100, negative, Palette.BLUE, 1, false)), null),
        Arguments.of("negative equity, log", Chart.of("Negative log", d, v.log())
            .with(new Mark.Line("a", x100, negative, Palette.BLUE, 1, false)),
            "cannot draw: 'a': values <= 0 on a log scale"),
        Arguments.of("1e300", Chart.of("Huge", d, v)
            .with(new Mark.Line("a", x3, huge, Palette.BLUE, 1, false)), null),
        Arguments.of("beyond double range", Chart.of("Max", d, v)
            .with(new Mark.Line("a", x3, max, Palette.BLUE, 1, false)),
            "cannot draw: the y values span"),
        Arguments.of("no marks", Chart.of("Empty", d, v), "cannot draw: no data"),
        Arguments.of("bars on log", Chart.of("Bars", Axis.number("x"), v.log())
            .with(new Mark.Bars("b", new double[] {1, 2}, new double[] {1, 2}, 0.8,
                Palette.BLUE, Palette.VERMILLION)), "bars cannot be drawn on a log scale"),
        Arguments.of("empty heatmap", Chart.of("Cells", Axis.categories("c", List.of()),
            Axis.categories("r", List.of())).with(new Mark.Cells(null, new double[][] {{}},
                ColourScale.diverging(0, 1), Mark.CellText.PERCENT)), "cannot draw"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeCases")
  void edgeDataNeverThrowsAndSaysWhatItCannotDraw(String name, Chart chart, String message)
      throws Exception {
    String svg = chart.toSvg();
    String text = texts(Xml.parse(svg));
    if (message == null) {
      assertFalse(text.contains("cannot draw"), text);
      assertTrue(svg.contains("<polyline points=\"") || svg.contains("<circle"), "data drawn");
    } else {
      assertTrue(text.contains(message), () -> "expected '" + message + "' in\n" + text);
    }
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(chart.toPng()));
    if (message != null) {
      // the message is drawn in dark red (ColorBrewer's #b2182b) in the PNG too
      assertTrue(countNear(img, 0xB2182B) > 20, "visible message in the PNG");
    }
  }

  @Test
  void marksAreImmutable() {
    double[] x = {1, 2, 3};
    double[] y = {4, 5, 6};
    Mark.Line l = new Mark.Line("a", x, y, Palette.BLUE, 1, false);
    x[0] = 99; // the caller's array is copied on the way in
    l.y()[0] = 99; // and accessors hand out copies
    assertArrayEquals(new double[] {1, 2, 3}, l.x());
    assertArrayEquals(new double[] {4, 5, 6}, l.y());
    double[][] v = {{1, 2}};
    Mark.Cells c = new Mark.Cells(null, v, ColourScale.diverging(0, 1), null);
    v[0][0] = 9;
    c.values()[0][1] = 9;
    assertArrayEquals(new double[] {1, 2}, c.values()[0]);
  }

  @Test
  void writesFiles(@TempDir Path dir) throws Exception {
    Chart c = sample(50);
    assertEquals(c.toSvg(), Files.readString(c.writeSvg(dir.resolve("c.svg"))));
    assertArrayEquals(c.toPng(), Files.readAllBytes(c.writePng(dir.resolve("c.png"))));
  }

  @Test
  void heatmapCellsAndColourBar() throws Exception {
    double[][] v = {{0.1, -0.05, Double.NaN}, {0.02, 0.0, -0.2}};
    Chart c = Chart.of("Monthly returns", Axis.categories("Month", List.of("Jan", "Feb", "Mar")),
        Axis.categories("Year", List.of("2020", "2021")))
        .with(new Mark.Cells("Return (%)", v, ColourScale.diverging(0, 0.1),
            Mark.CellText.PERCENT));
    Document d = Xml.parse(c.toSvg());
    String t = texts(d);
    assertTrue(t.contains("10.0") && t.contains("-5.0") && t.contains("-20.0"), t);
    assertTrue(t.contains("Jan") && t.contains("2021") && t.contains("Return (%)"));
    // 6 cells + 32 colour-bar steps + background
    assertEquals(1 + 6 + 32, d.getElementsByTagName("rect").getLength());
  }
}
