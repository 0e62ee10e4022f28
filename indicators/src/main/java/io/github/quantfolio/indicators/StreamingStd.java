package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Dispersion;
import io.github.quantfolio.indicators.internal.WindowMoments;

/**
 * Streaming twin of {@link Indicators#rollingStd(double[], int)} (the population standard
 * deviation of the last n values) and, with {@link #zscore(int)}, of
 * {@link Indicators#zscore(double[], int)}. Bit for bit equal to the batch functions. O(1)
 * amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingStd extends SeriesStream {

  private final WindowMoments moments;
  private final int n;
  private final double invN;
  private final boolean z;
  private final double[] exact = new double[3];

  private StreamingStd(int n, boolean z) {
    super((z ? "ZScore(" : "Std(") + n + ")");
    this.moments = new WindowMoments(n);
    this.n = n;
    this.invN = 1.0 / n;
    this.z = z;
  }

  /**
   * The rolling population standard deviation of {@code n} values.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingStd of(int n) {
    return new StreamingStd(Args.period(n, "StreamingStd", "n"), false);
  }

  /**
   * The rolling z-score over {@code n} values (0 for a constant window).
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingStd zscore(int n) {
    return new StreamingStd(Args.period(n, "StreamingStd", "n"), true);
  }

  @Override
  double step(double x) {
    if (!moments.add(x)) {
      return Double.NaN;
    }
    double mean = moments.mean();
    double m2 = moments.m2();
    // the sums overflowed or underflowed: as the batch kernel
    if (Args.bad(m2 + mean) || Dispersion.underflows(moments.anchor(), m2)) {
      Dispersion.exact(moments.window(), moments.windowStart(), n, x, exact);
      return z ? exact[2] : exact[1];
    }
    double sd = Dispersion.sd(m2, invN);
    return z ? Dispersion.zscore(x, mean, sd) : sd;
  }

  @Override
  void restart() {
    moments.clear();
  }
}
