package io.github.quantfolio.report;

import io.github.quantfolio.report.internal.Painter;
import io.github.quantfolio.report.internal.SvgCanvas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders a {@link Chart} as SVG text with no dependency: the same chart always gives the same
 * bytes (coordinates rounded to 0.1 px and printed without the default locale, colours in
 * lower-case hex, no timestamps or random ids). Long series are reduced to the plot width by
 * {@link Downsample#minMax}, so a 10-year daily chart stays a few tens of kilobytes.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SvgRenderer {

  private SvgRenderer() {
  }

  /**
   * A standalone SVG document (XML declaration and the SVG namespace) that browsers and image
   * viewers open directly.
   *
   * @param chart the chart, not null
   * @return the SVG text
   */
  public static String render(Chart chart) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(chart, true);
  }

  /**
   * The {@code <svg>} element alone, scaled by its {@code viewBox} to the width of its container,
   * for embedding in HTML: without the namespace attribute (HTML5 parsers put {@code <svg>} in
   * the SVG namespace themselves) so the page refers to no URL.
   *
   * @param chart the chart, not null
   * @return the element's text
   */
  public static String inline(Chart chart) {
    return element(chart, false);
  }

  private static String element(Chart chart, boolean standalone) {
    Objects.requireNonNull(chart, "chart");
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<svg");
    if (standalone) {
      sb.append(" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(chart.width())
          .append("\" height=\"").append(chart.height()).append('"');
    }
    sb.append(" viewBox=\"0 0 ").append(chart.width()).append(' ').append(chart.height())
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" fill=\"#333333\" role=\"img\">\n");
    sb.append("<title>").append(io.github.quantfolio.report.internal.Num.xml(chart.title()))
        .append("</title>\n");
    Painter.paint(chart, new SvgCanvas(sb));
    sb.append("</svg>\n");
    return sb.toString();
  }

  /**
   * Writes {@link #render(Chart)} to a file in UTF-8.
   *
   * @param chart the chart
   * @param path the file, created or overwritten
   * @return {@code path}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path write(Chart chart, Path path) {
    Objects.requireNonNull(path, "path");
    try {
      Files.writeString(path, render(chart), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    return path;
  }
}
