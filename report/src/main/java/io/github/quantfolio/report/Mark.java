package io.github.quantfolio.report;

import java.util.List;
import java.util.Objects;

/**
 * Something drawn in a chart's plot area, in data coordinates. Every mark copies its arrays on
 * the way in and its accessors return copies (immutable, thread-safe); NaN in a series is a gap (a line breaks there; a bar or point is not drawn). A mark
 * with a non-null {@code name} gets a legend entry. Colours are {@code 0xRRGGBB} (see
 * {@link Palette}).
 *
 * @since 0.1.0
 */
public sealed interface Mark {

  /**
   * The legend name, or null for none.
   *
   * @return the legend name, or null for none
   */
  String name();

  /**
   * A polyline through {@code (x[i], y[i])}, broken at NaN. Long lines are reduced to the plot's
   * pixel width by {@link Downsample#minMax} before drawing.
   *
   * @param name legend name or null
   * @param x the x values, increasing (NaN skipped)
   * @param y the y values, same length
   * @param rgb the colour
   * @param width stroke width in pixels, &gt; 0
   * @param dashed whether dashed
   */
  record Line(String name, double[] x, double[] y, int rgb, double width, boolean dashed)
      implements Mark {
    /**
     * Validates and copies.
     *
     * @param name legend name or null
     * @param x x values
     * @param y y values
     * @param rgb colour
     * @param width stroke width
     * @param dashed whether dashed
     */
    public Line {
      x = x.clone();
      y = y.clone();
      sameLength(x, y, "x", "y");
      if (!(width > 0)) {
        throw new IllegalArgumentException("Expected width > 0, but found " + width);
      }
    }

    /**
     * the x values (a copy).
     *
     * @return the x values (a copy)
     */
    @Override
    public double[] x() {
      return x.clone();
    }

    /**
     * the y values (a copy).
     *
     * @return the y values (a copy)
     */
    @Override
    public double[] y() {
      return y.clone();
    }
  }

  /**
   * A filled band between {@code low[i]} and {@code high[i]} over {@code x[i]} (underwater
   * drawdowns, stacked weights), broken at NaN.
   *
   * @param name legend name or null
   * @param x the x values, increasing
   * @param low the lower edge
   * @param high the upper edge
   * @param rgb the fill colour (drawn 80% opaque, with a 1 px edge in the same colour)
   */
  record Area(String name, double[] x, double[] low, double[] high, int rgb) implements Mark {
    /**
     * Validates and copies.
     *
     * @param name legend name or null
     * @param x x values
     * @param low lower edge
     * @param high upper edge
     * @param rgb colour
     */
    public Area {
      x = x.clone();
      low = low.clone();
      high = high.clone();
      sameLength(x, low, "x", "low");
      sameLength(x, high, "x", "high");
    }

    /**
     * the x values (a copy).
     *
     * @return the x values (a copy)
     */
    @Override
    public double[] x() {
      return x.clone();
    }

    /**
     * the lower edge (a copy).
     *
     * @return the lower edge (a copy)
     */
    @Override
    public double[] low() {
      return low.clone();
    }

    /**
     * the upper edge (a copy).
     *
     * @return the upper edge (a copy)
     */
    @Override
    public double[] high() {
      return high.clone();
    }
  }

  /**
   * Vertical bars from 0 to {@code y[i]} centred at {@code x[i]}, {@code width} data units wide;
   * bars below 0 take {@code negativeRgb}.
   *
   * @param name legend name or null
   * @param x the bar centres
   * @param y the bar heights (NaN = no bar)
   * @param width the bar width in x units, &gt; 0
   * @param rgb colour of bars &gt;= 0
   * @param negativeRgb colour of bars &lt; 0
   */
  record Bars(String name, double[] x, double[] y, double width, int rgb, int negativeRgb)
      implements Mark {
    /**
     * Validates and copies.
     *
     * @param name legend name or null
     * @param x centres
     * @param y heights
     * @param width width
     * @param rgb colour
     * @param negativeRgb negative colour
     */
    public Bars {
      x = x.clone();
      y = y.clone();
      sameLength(x, y, "x", "y");
      if (!(width > 0) || !Double.isFinite(width)) {
        throw new IllegalArgumentException("Expected finite bar width > 0, but found " + width);
      }
    }

    /**
     * the bar centres (a copy).
     *
     * @return the bar centres (a copy)
     */
    @Override
    public double[] x() {
      return x.clone();
    }

    /**
     * the bar heights (a copy).
     *
     * @return the bar heights (a copy)
     */
    @Override
    public double[] y() {
      return y.clone();
    }
  }

  /**
   * A grid of coloured cells (heatmap) on two category axes: cell {@code values[r][c]} is centred
   * at {@code (c, r)}, row 0 at the top. Optionally each cell shows its value as text.
   *
   * @param name the colour bar's title (e.g. "Return (%)"), or null for none
   * @param values rows of equal length (NaN = an empty grey cell)
   * @param scale the colour scale
   * @param text how each cell's value is printed, or null for no text
   */
  record Cells(String name, double[][] values, ColourScale scale, CellText text) implements Mark {
    /**
     * Validates and copies.
     *
     * @param name colour bar title or null
     * @param values the grid
     * @param scale the colour scale
     * @param text the cell text format or null
     */
    public Cells {
      Objects.requireNonNull(scale, "scale");
      double[][] c = new double[values.length][];
      for (int r = 0; r < values.length; r++) {
        c[r] = values[r].clone();
        if (c[r].length != values[0].length) {
          throw new IllegalArgumentException("Expected rows of equal length, but row " + r
              + " has " + c[r].length + " cells and row 0 has " + values[0].length);
        }
      }
      values = c;
    }

    /**
     * the grid (a copy).
     *
     * @return the grid (a copy)
     */
    @Override
    public double[][] values() {
      double[][] c = new double[values.length][];
      for (int r = 0; r < c.length; r++) {
        c[r] = values[r].clone();
      }
      return c;
    }
  }

  /** How heatmap cells print their values. */
  enum CellText {
    /** As percent with one decimal (the value is a fraction). */
    PERCENT,
    /** With two decimals. */
    DECIMAL2
  }

  /**
   * Points (circles) at {@code (x[i], y[i])}, optionally labelled.
   *
   * @param name legend name or null
   * @param x x values
   * @param y y values
   * @param rgb colour
   * @param radius circle radius in pixels, &gt; 0
   * @param labels a label per point (copied), or empty for none
   */
  record Points(String name, double[] x, double[] y, int rgb, double radius, List<String> labels)
      implements Mark {
    /**
     * Validates and copies.
     *
     * @param name legend name or null
     * @param x x values
     * @param y y values
     * @param rgb colour
     * @param radius radius
     * @param labels labels or empty
     */
    public Points {
      x = x.clone();
      y = y.clone();
      sameLength(x, y, "x", "y");
      labels = List.copyOf(labels);
      if (!labels.isEmpty() && labels.size() != x.length) {
        throw new IllegalArgumentException("Expected " + x.length + " labels, but found "
            + labels.size());
      }
      if (!(radius > 0)) {
        throw new IllegalArgumentException("Expected radius > 0, but found " + radius);
      }
    }

    /**
     * the x values (a copy).
     *
     * @return the x values (a copy)
     */
    @Override
    public double[] x() {
      return x.clone();
    }

    /**
     * the y values (a copy).
     *
     * @return the y values (a copy)
     */
    @Override
    public double[] y() {
      return y.clone();
    }
  }

  /**
   * Straight segments from {@code (x1[i], y1[i])} to {@code (x2[i], y2[i])} (dendrogram links,
   * reference lines).
   *
   * @param name legend name or null
   * @param x1 start x
   * @param y1 start y
   * @param x2 end x
   * @param y2 end y
   * @param rgb colour
   * @param width stroke width in pixels
   */
  record Segments(String name, double[] x1, double[] y1, double[] x2, double[] y2, int rgb,
      double width) implements Mark {
    /**
     * Validates and copies.
     *
     * @param name legend name or null
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @param rgb colour
     * @param width stroke width
     */
    public Segments {
      x1 = x1.clone();
      y1 = y1.clone();
      x2 = x2.clone();
      y2 = y2.clone();
      sameLength(x1, y1, "x1", "y1");
      sameLength(x1, x2, "x1", "x2");
      sameLength(x1, y2, "x1", "y2");
      if (!(width > 0)) {
        throw new IllegalArgumentException("Expected width > 0, but found " + width);
      }
    }

    /**
     * the start x values (a copy).
     *
     * @return the start x values (a copy)
     */
    @Override
    public double[] x1() {
      return x1.clone();
    }

    /**
     * the start y values (a copy).
     *
     * @return the start y values (a copy)
     */
    @Override
    public double[] y1() {
      return y1.clone();
    }

    /**
     * the end x values (a copy).
     *
     * @return the end x values (a copy)
     */
    @Override
    public double[] x2() {
      return x2.clone();
    }

    /**
     * the end y values (a copy).
     *
     * @return the end y values (a copy)
     */
    @Override
    public double[] y2() {
      return y2.clone();
    }
  }

  private static void sameLength(double[] a, double[] b, String an, String bn) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("Expected " + an + " and " + bn + " of equal length, but"
          + " found " + a.length + " and " + b.length);
    }
  }
}
