package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Scaled;

/**
 * Streaming twin of {@link Indicators#macd(double[], int, int, int)}, with TA-Lib's seeds; bit for
 * bit equal to the batch function. {@link #update(double)} returns the MACD line;
 * {@link #signal()} and {@link #histogram()} give the other two series. All three are NaN until
 * {@code slow + signal - 1} values have been seen. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingMacd extends SeriesStream {

  private final int fast;
  private final int slow;
  private final int signalPeriod;
  private final double kf;
  private final double af;
  private final double ks;
  private final double as;
  private final double kg;
  private final double ag;
  private int count;
  private double slowSum;
  private double fastSum;
  private double slowScaled; // the sums of x 2^-64, for seeds whose plain sums overflow
  private double fastScaled;
  private double lineSum;
  private double ef;
  private double es;
  private double sig = Double.NaN;
  private double hist = Double.NaN;

  private StreamingMacd(int fast, int slow, int signal) {
    super("Macd(" + fast + ", " + slow + ", " + signal + ")");
    this.fast = fast;
    this.slow = slow;
    this.signalPeriod = signal;
    kf = 2.0 / (fast + 1);
    af = 1.0 - kf;
    ks = 2.0 / (slow + 1);
    as = 1.0 - ks;
    kg = 2.0 / (signal + 1);
    ag = 1.0 - kg;
  }

  /**
   * A MACD with the given periods.
   *
   * @param fast the fast period, {@code >= 1} and {@code <= slow}
   * @param slow the slow period
   * @param signal the signal period, {@code >= 1}
   * @return a new indicator
   * @throws IllegalArgumentException if a period is {@code < 1} or {@code fast > slow}
   */
  public static StreamingMacd of(int fast, int slow, int signal) {
    Args.period(fast, "StreamingMacd", "fast");
    Args.period(slow, "StreamingMacd", "slow");
    Args.period(signal, "StreamingMacd", "signal");
    if (fast > slow) {
      throw new IllegalArgumentException("StreamingMacd: expected fast <= slow, but found fast = "
          + fast + ", slow = " + slow);
    }
    return new StreamingMacd(fast, slow, signal);
  }

  /**
   * The MACD line (same as {@link #value()}).
   *
   * @return the value
   */
  public double line() {
    return value();
  }

  /**
   * The signal line (NaN when the line is).
   *
   * @return the value
   */
  public double signal() {
    return isReady() ? sig : Double.NaN;
  }

  /**
   * The histogram, line minus signal (NaN when the line is).
   *
   * @return the value
   */
  public double histogram() {
    return isReady() ? hist : Double.NaN;
  }

  @Override
  double step(double v) {
    int firstOut = slow + signalPeriod - 2;
    int t = count;
    if (count <= firstOut) {
      count++; // saturates: only t <= firstOut is ever distinguished
    }
    double m;
    if (t < slow) {
      slowSum += v;
      slowScaled += v * Scaled.DOWN;
      if (t >= slow - fast) {
        fastSum += v;
        fastScaled += v * Scaled.DOWN;
      }
      if (t < slow - 1) {
        return Double.NaN;
      }
      ef = seed(fastSum, fastScaled, fast, v);
      es = seed(slowSum, slowScaled, slow, v);
      m = ef - es;
      lineSum = m;
    } else {
      ef = af * ef + kf * v;
      es = as * es + ks * v;
      m = ef - es;
      if (t <= firstOut) {
        lineSum += m;
      }
    }
    if (t < firstOut) {
      return Double.NaN;
    }
    sig = t == firstOut ? lineSum / signalPeriod : ag * sig + kg * m;
    hist = m - sig;
    if (Args.bad(hist)) { // not finite unless the line and the signal are
      throw Args.overflow(name(), "the value", "bar", bar(), "x = " + v);
    }
    return m;
  }

  /** An EMA seed: {@code sum / n}, or the scaled mean if the sum overflowed (as the batch MACD). */
  private double seed(double sum, double scaled, int n, double v) {
    double e = sum / n;
    if (Args.bad(e)) {
      e = scaled / n * Scaled.UP; // as Scaled.mean
      if (Args.bad(e)) {
        throw Args.overflow(name(), "the mean", "bar", bar(), "x = " + v);
      }
    }
    return e;
  }

  @Override
  void restart() {
    count = 0;
    slowSum = 0;
    fastSum = 0;
    slowScaled = 0;
    fastScaled = 0;
    lineSum = 0;
    sig = Double.NaN;
    hist = Double.NaN;
  }
}
