package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;

/** Return statistics over the bars up to an as-of bar (nothing after it is read). */
final class WindowStats {

  private WindowStats() {
  }

  /**
   * One symbol's last returns up to its as-of bar, with their time stamps and standardised
   * copy, computed once per cycle: correlations between windows on the same time stamps are
   * then a dot product.
   */
  static final class Window {
    final long[] times; // the m + 1 time stamps spanned by the m returns
    final double[] returns;
    final double[] standardised; // (r - mean) / sqrt(sum of squares); null if constant or m < 3
    final Bars bars;
    final int t;

    Window(Bars bars, int t, int n) {
      this.bars = bars;
      this.t = t;
      returns = returns(bars, t, n);
      int m = returns.length;
      times = new long[m + 1];
      for (int k = 0; k <= m; k++) {
        times[k] = bars.index().value(t - m + k);
      }
      double mean = 0;
      for (double r : returns) {
        mean += r;
      }
      mean /= Math.max(m, 1);
      double ss = 0;
      for (double r : returns) {
        ss += (r - mean) * (r - mean);
      }
      if (m < 3 || ss == 0) {
        standardised = null;
      } else {
        standardised = new double[m];
        double norm = Math.sqrt(ss);
        for (int k = 0; k < m; k++) {
          standardised[k] = (returns[k] - mean) / norm;
        }
      }
    }

    /** Pearson correlation with {@code other} over the periods both windows hold. */
    double correlation(Window other, int n) {
      if (java.util.Arrays.equals(times, other.times)) {
        if (standardised == null || other.standardised == null) {
          return Double.NaN;
        }
        double dot = 0;
        for (int k = 0; k < standardised.length; k++) {
          dot += standardised[k] * other.standardised[k];
        }
        return Math.max(-1, Math.min(1, dot)); // |dot| <= 1 up to rounding (Cauchy-Schwarz)
      }
      return WindowStats.correlation(bars, t, other.bars, other.t, n);
    }
  }

  /**
   * The last {@code n} simple close-to-close returns up to bar {@code t} (fewer if the series is
   * shorter or starts with NaN rows, as before a late listing).
   */
  static double[] returns(Bars bars, int t, int n) {
    int m = 0;
    while (m < Math.min(n, t) && !Double.isNaN(bars.close(t - m - 1))) {
      m++;
    }
    double[] r = new double[m];
    for (int k = 0; k < m; k++) {
      int i = t - m + 1 + k;
      r[k] = bars.close(i) / bars.close(i - 1) - 1;
    }
    return r;
  }

  /**
   * Pearson correlation of the two symbols' returns over the last {@code n} periods that both
   * have (matched by time stamp, walking back from their as-of bars); NaN with fewer than three
   * common returns or a constant series.
   */
  static double correlation(Bars a, int ta, Bars b, int tb, int n) {
    TimeIndex ia = a.index();
    TimeIndex ib = b.index();
    double[] x = new double[n];
    double[] y = new double[n];
    int k = 0;
    int i = ta;
    int j = tb;
    while (k < n && i >= 1 && j >= 1) {
      long va = ia.value(i);
      long vb = ib.value(j);
      if (va > vb) {
        i--;
      } else if (vb > va) {
        j--;
      } else {
        if (ia.value(i - 1) == ib.value(j - 1)) { // both returns span the same period
          x[k] = a.close(i) / a.close(i - 1) - 1;
          y[k] = b.close(j) / b.close(j - 1) - 1;
          k++;
        }
        i--;
        j--;
      }
    }
    return io.github.quantfolio.risk.Metrics.correlation(java.util.Arrays.copyOf(x, k),
        java.util.Arrays.copyOf(y, k));
  }
}
