package io.github.quantfolio.report;

/**
 * Shape-preserving reduction of a long series to the width of a plot: for each pixel column,
 * keep the first, the lowest, the highest and the last point (the "min/max per pixel column"
 * method, M4 by Jugel et al., VLDB 2014). A line drawn through the kept points rasterises to the
 * same pixels as the full series, so spikes and drawdown bottoms survive, while a 10-year daily
 * series of 2,520 points drawn 700 pixels wide keeps at most 2,800 and usually far fewer.
 *
 * @since 0.1.0
 */
public final class Downsample {

  private Downsample() {
  }

  /**
   * The positions to keep, in increasing order. Points with NaN x or y are kept as gap markers
   * (one per run of NaN) so that a line still breaks there. With {@code columns} &gt;= the number
   * of points, every position is kept.
   *
   * @param x the x values, non-decreasing where finite
   * @param y the y values, same length
   * @param columns the number of pixel columns, at least 1
   * @return the kept positions (a new array)
   * @throws IllegalArgumentException if the lengths differ or {@code columns < 1}
   */
  public static int[] minMax(double[] x, double[] y, int columns) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("Expected x and y of equal length, but found "
          + x.length + " and " + y.length);
    }
    if (columns < 1) {
      throw new IllegalArgumentException("Expected columns >= 1, but found " + columns);
    }
    int n = x.length;
    if (n <= 4L * columns) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (v < lo) {
        lo = v;
      }
      if (v > hi) {
        hi = v;
      }
    }
    int[] out = new int[n];
    int m = 0;
    int col = -1;
    int first = -1;
    int min = -1;
    int max = -1;
    int last = -1;
    boolean inGap = false;
    double span = hi - lo;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        m = flush(out, m, first, min, max, last);
        first = -1;
        col = -1;
        if (!inGap) {
          out[m++] = i;
          inGap = true;
        }
        continue;
      }
      inGap = false;
      int c = span > 0 && Double.isFinite(span)
          ? (int) Math.min(columns - 1, (long) ((x[i] - lo) / span * columns)) : 0;
      if (c != col || first < 0) {
        m = flush(out, m, first, min, max, last);
        col = c;
        first = i;
        min = i;
        max = i;
      }
      if (y[i] < y[min]) {
        min = i;
      }
      if (y[i] > y[max]) {
        max = i;
      }
      last = i;
    }
    m = flush(out, m, first, min, max, last);
    return java.util.Arrays.copyOf(out, m);
  }

  private static int flush(int[] out, int m, int first, int min, int max, int last) {
    if (first < 0) {
      return m;
    }
    int a = Math.min(min, max);
    int b = Math.max(min, max);
    int[] c = {first, a, b, last};
    int prev = -1;
    for (int v : c) {
      if (v != prev && (m == 0 || out[m - 1] < v)) {
        out[m++] = v;
      }
      prev = v;
    }
    return m;
  }
}
