package io.github.quantfolio.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable chart: a title, an x and a y {@link Axis}, the {@link Mark}s drawn in the plot
 * area, notes (e.g. "cannot draw 'A03': no finite value") and a size in pixels. Render it with
 * {@link #toSvg()} / {@link #toPng()} or write it with {@link #writeSvg(Path)} /
 * {@link #writePng(Path)}. A legend lists every named mark under the title.
 *
 * <p>Build one from {@link Charts} (the ready-made kinds) or by hand:
 *
 * <pre>{@code
 * Chart c = Chart.of("Growth of 1", Axis.dates("Date"), Axis.number("Value (x)").log())
 *     .with(new Mark.Line("Strategy", days, growth, Palette.BLUE, 1.5, false));
 * Files.writeString(path, c.toSvg());
 * }</pre>
 *
 * @param title the title, not null
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param marks what is drawn, in drawing order (copied)
 * @param notes messages drawn in the plot area's top-left corner (copied)
 * @param width the width in pixels, 120..10000
 * @param height the height in pixels, 80..10000
 * @since 0.1.0
 */
public record Chart(String title, Axis x, Axis y, List<Mark> marks, List<String> notes,
    int width, int height) {

  /** The default width in pixels. */
  public static final int WIDTH = 720;
  /** The default height in pixels. */
  public static final int HEIGHT = 320;

  /**
   * Validates and copies.
   *
   * @param title title
   * @param x x axis
   * @param y y axis
   * @param marks marks
   * @param notes notes
   * @param width width
   * @param height height
   */
  public Chart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    marks = List.copyOf(marks);
    notes = List.copyOf(notes);
    if (width < 120 || width > 10_000 || height < 80 || height > 10_000) {
      throw new IllegalArgumentException("Expected 120 <= width <= 10000 and 80 <= height <= "
          + "10000, but found " + width + " x " + height);
    }
  }

  /**
   * An empty chart of the default size.
   *
   * @param title the title
   * @param x the horizontal axis
   * @param y the vertical axis
   * @return the chart
   */
  public static Chart of(String title, Axis x, Axis y) {
    return new Chart(title, x, y, List.of(), List.of(), WIDTH, HEIGHT);
  }

  /**
   * This chart with one more mark drawn on top.
   *
   * @param mark the mark, not null
   * @return the new chart
   */
  public Chart with(Mark mark) {
    Objects.requireNonNull(mark, "mark");
    List<Mark> l = new ArrayList<>(marks);
    l.add(mark);
    return new Chart(title, x, y, l, notes, width, height);
  }

  /**
   * This chart with one more note (shown in the plot area).
   *
   * @param note the text, not null
   * @return the new chart
   */
  public Chart withNote(String note) {
    Objects.requireNonNull(note, "note");
    List<String> l = new ArrayList<>(notes);
    l.add(note);
    return new Chart(title, x, y, marks, l, width, height);
  }

  /**
   * This chart at another size.
   *
   * @param width pixels, 120..10000
   * @param height pixels, 80..10000
   * @return the new chart
   */
  public Chart withSize(int width, int height) {
    return new Chart(title, x, y, marks, notes, width, height);
  }

  /**
   * This chart with another y axis (e.g. {@code chart.withY(chart.y().log())}).
   *
   * @param axis the axis
   * @return the new chart
   */
  public Chart withY(Axis axis) {
    return new Chart(title, x, axis, marks, notes, width, height);
  }

  /**
   * The chart as a standalone SVG document ({@link SvgRenderer#render(Chart)}).
   *
   * @return the SVG text
   */
  public String toSvg() {
    return SvgRenderer.render(this);
  }

  /**
   * The chart as a PNG image ({@link PngRenderer#render(Chart)}).
   *
   * @return the PNG file's bytes
   */
  public byte[] toPng() {
    return PngRenderer.render(this);
  }

  /**
   * Writes {@link #toSvg()} to a file (UTF-8).
   *
   * @param path the file, created or overwritten
   * @return {@code path}
   */
  public Path writeSvg(Path path) {
    return SvgRenderer.write(this, path);
  }

  /**
   * Writes {@link #toPng()} to a file.
   *
   * @param path the file, created or overwritten
   * @return {@code path}
   */
  public Path writePng(Path path) {
    return PngRenderer.write(this, path);
  }
}
