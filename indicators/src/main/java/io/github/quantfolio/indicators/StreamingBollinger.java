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
  private final double invN;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double last = Double.NaN;

  private StreamingBollinger(int n, double k) {
    super("Bollinger(" + n + ", " + k + ")");
    this.moments = new WindowMoments(n);
    this.k = k;
    this.invN = 1.0 / n;
  }

  /**
   * Bollinger Bands of {@code n} values and {@code k} population standard deviations.
   *
   * @param n the window, {@code >= 1}
   * @param k the number of standard deviations (finite; usually 2)
   * @return a new indicator
   */
  public static StreamingBollinger of(int n, double k) {
    Args.period(n, "n");
    Args.finite(k, "k");
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
   */
  public double width() {
    return (upper() - lower()) / middle();
  }

  /**
   * %B of the last value, as {@link Bands#percentB(double[])} (0.5 for zero-width bands).
   *
   * @return the value
   */
  public double percentB() {
    double range = upper() - lower();
    return range == 0 ? 0.5 : (last - lower()) / range;
  }

  @Override
  double step(double x) {
    last = x;
    if (!moments.add(x)) {
      return Double.NaN;
    }
    double mean = moments.mean();
    double w = k * Dispersion.sd(moments.m2(), invN);
    upper = mean + w;
    lower = mean - w;
    return mean;
  }

  @Override
  void restart() {
    moments.clear();
  }
}
