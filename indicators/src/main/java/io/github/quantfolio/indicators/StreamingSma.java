package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.RunningSum;

/**
 * Streaming twin of {@link Indicators#sma(double[], int)}: the simple moving average of the last
 * n values, bit for bit equal to the batch function. O(1) per update.
 *
 * <pre>{@code
 * StreamingSma sma = StreamingSma.of(20);
 * for (double close : feed) {
 *   double v = sma.update(close);   // NaN for the first 19 values
 * }
 * }</pre>
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingSma extends SeriesStream {

  private final RunningSum sum;
  private final double inv;

  private StreamingSma(int n) {
    super("Sma(" + n + ")");
    sum = new RunningSum(n);
    inv = 1.0 / n;
  }

  /**
   * A simple moving average of {@code n} values.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingSma of(int n) {
    return new StreamingSma(Args.period(n, "StreamingSma", "n"));
  }

  @Override
  double step(double x) {
    double m = sum.add(x) * inv;
    if (Args.bad(m) && sum.isFull()) { // the sum overflowed: the exact mean, as the batch SMA
      m = sum.mean();
      if (Args.bad(m)) {
        throw Args.overflow(name(), "the mean", "bar", bar(), "x = " + x);
      }
    }
    return m;
  }

  @Override
  void restart() {
    sum.clear();
  }
}
