package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Dispersion;
import io.github.quantfolio.indicators.internal.WindowMoments;

/**
 * Streaming twin of {@link Indicators#bollinger(double[], int, double)}: {@link #update(double)}
 * returns the middle band (the simple moving average); {@link #upper()}, {@link #lower()},
 * {@link #width()} and {@link #percentB()} give the rest. Bit for bit equal to the batch function.
 * O(1) amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingBollinger extends SeriesStream {

  private final WindowMoments moments;
  private final double k;
  private final int n;
  private final double invN;
  private final double[] exact = new double[3];
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double last = Double.NaN;

  private StreamingBollinger(int n, double k) {
    super("Bollinger(" + n + ", " + k + ")");
    this.moments = new WindowMoments(n);
    this.k = k;
    this.n = n;
    this.invN = 1.0 / n;
  }

  /**
   * Bollinger Bands of {@code n} values and {@code k} population standard deviations.
   *
   * @param n the window, {@code >= 1}
   * @param k the number of standard deviations, finite and {@code >= 0} (usually 2)
   * @return a new indicator
   */
  public static StreamingBollinger of(int n, double k) {
    Args.period(n, "StreamingBollinger", "n");
    Args.multiplier(k, "StreamingBollinger", "k");
    return new StreamingBollinger(n, k);
  }

  /**
   * The upper band (NaN when not ready).
   *
   * @return the value
   */
  public double upper() {
    return isReady() ? upper : Double.NaN;
  }

  /**
   * The middle band, the simple moving average (same as {@link #value()}).
   *
   * @return the value
   */
  public double middle() {
    return value();
  }

  /**
   * The lower band (NaN when not ready).
   *
   * @return the value
   */
  public double lower() {
    return isReady() ? lower : Double.NaN;
  }

  /**
   * BandWidth {@code (upper - lower) / middle}, as {@link Bands#width()}.
   *
   * @return the value
   * @throws ArithmeticException if the bands are defined but the bandwidth is not finite (a
   *     middle line of 0)
   */
  public double width() {
    return Bands.width(upper(), middle(), lower(), "bar", bar() - 1);
  }

  /**
   * %B of the last value, as {@link Bands#percentB(double[])} (0.5 for zero-width bands).
   *
   * @return the value
   */
  public double percentB() {
    return Bands.percentB(last, upper(), lower(), "bar", bar() - 1);
  }

  @Override
  double step(double x) {
    last = x;
    if (!moments.add(x)) {
      return Double.NaN;
    }
    double mean = moments.mean();
    double m2 = moments.m2();
    double sd;
    // the sums overflowed or underflowed: as the batch kernel
    if (Args.bad(m2 + mean) || Dispersion.underflows(moments.anchor(), m2)) {
      Dispersion.exact(moments.window(), moments.windowStart(), n, x, exact);
      mean = exact[0];
      sd = exact[1];
    } else {
      sd = Dispersion.sd(m2, invN);
    }
    double w = k * sd;
    double up = mean + w;
    double lo = mean - w;
    if (Args.bad(up) | Args.bad(lo)) {
      throw Args.overflow(name(), "a band", "bar", bar(), "mean = " + mean + ", deviation = " + sd);
    }
    upper = up;
    lower = lo;
    return mean;
  }

  @Override
  void restart() {
    moments.clear();
  }
}
