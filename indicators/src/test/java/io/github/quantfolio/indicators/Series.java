package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;

/** Test inputs (simulated bars) and array comparisons. */
final class Series {

  static final double NaN = Double.NaN;

  private Series() {
  }

  /**
   * One simulated asset's daily bars: {@code days} bars from {@code MarketSimulator} (seeded, with
   * fat tails and calm/stressed regimes; a single asset never lists late).
   */
  static Bars bars(long seed, int days) {
    return MarketSimulator.builder().seed(seed).assets(1).sectors(1).days(days).build()
        .simulate().bars("A01");
  }

  /** The largest |value| (the scale of differences of these values). */
  static double scale(double[] x) {
    double m = 0;
    for (double v : x) {
      if (Math.abs(v) > m) {
        m = Math.abs(v);
      }
    }
    return m;
  }

  /**
   * Asserts equal length, NaN at the same indices, and agreement within {@code tol} relative
   * elsewhere (see {@link Tolerance}).
   */
  static void assertClose(String what, double[] expected, double[] actual, double tol,
      double scale) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      if (Double.isNaN(e) || Double.isNaN(a)) {
        if (Double.isNaN(e) != Double.isNaN(a)) {
          fail(what + ": index " + i + " expected " + e + " but was " + a);
        }
        continue;
      }
      double bound = tol * Math.max(Math.max(Math.abs(e), Math.abs(a)), scale);
      if (!(Math.abs(e - a) <= bound)) {
        fail(what + ": index " + i + " expected " + e + " but was " + a + " (difference "
            + Math.abs(e - a) + " > " + bound + ")");
      }
    }
  }

  /** Index of the first non-NaN value, or the length. */
  static int firstValid(double[] x) {
    int i = 0;
    while (i < x.length && Double.isNaN(x[i])) {
      i++;
    }
    return i;
  }
}
