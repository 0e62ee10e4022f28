package io.github.quantfolio.report;

import io.github.quantfolio.report.internal.Java2dCanvas;
import io.github.quantfolio.report.internal.Painter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Renders a {@link Chart} as a PNG image with the JDK's Java2D, from the same layout as
 * {@link SvgRenderer}. Works with {@code java.awt.headless=true} (no display needed). Pixels may
 * differ slightly between JDKs and installed fonts (anti-aliasing, glyphs); the SVG is the exact
 * form. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class PngRenderer {

  private PngRenderer() {
  }

  /**
   * The chart drawn on an RGB image at {@code scale} times its size (2 for sharp high-DPI
   * screenshots).
   *
   * @param chart the chart, not null
   * @param scale the scale factor, 1..4
   * @return the image
   */
  public static BufferedImage image(Chart chart, int scale) {
    Objects.requireNonNull(chart, "chart");
    if (scale < 1 || scale > 4) {
      throw new IllegalArgumentException("Expected 1 <= scale <= 4, but found " + scale);
    }
    BufferedImage img = new BufferedImage(chart.width() * scale, chart.height() * scale,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(scale, scale);
      Painter.paint(chart, new Java2dCanvas(g));
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * The PNG file's bytes at scale 1.
   *
   * @param chart the chart, not null
   * @return the PNG bytes
   */
  public static byte[] render(Chart chart) {
    return render(chart, 1);
  }

  /**
   * The PNG file's bytes at {@code scale} times the chart's size.
   *
   * @param chart the chart, not null
   * @param scale 1..4
   * @return the PNG bytes
   */
  public static byte[] render(Chart chart, int scale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image(chart, scale), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@link #render(Chart)} to a file.
   *
   * @param chart the chart
   * @param path the file, created or overwritten
   * @return {@code path}
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path write(Chart chart, Path path) {
    Objects.requireNonNull(path, "path");
    try {
      Files.write(path, render(chart));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
    return path;
  }
}
