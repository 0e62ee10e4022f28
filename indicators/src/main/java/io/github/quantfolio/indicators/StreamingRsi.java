package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#rsi(double[], int)}: Wilder's RSI with TA-Lib's seed, bit
 * for bit equal to the batch function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingRsi extends SeriesStream {

  private final int n;
  private final double a;
  private final double invN;
  private int count;
  private double prev;
  private double g;
  private double l;

  private StreamingRsi(int n) {
    super("Rsi(" + n + ")");
    this.n = n;
    this.a = (n - 1.0) / n;
    this.invN = 1.0 / n;
  }

  /**
   * An RSI of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingRsi of(int n) {
    return new StreamingRsi(Args.period(n, "StreamingRsi", "n"));
  }

  @Override
  double step(double v) {
    if (count == 0) {
      prev = v;
      count = 1;
      return Double.NaN;
    }
    double d = v - prev;
    prev = v;
    if (count <= n) {
      g += Oscillators.gain(d);
      l += Oscillators.loss(d);
      if (++count <= n) {
        return Double.NaN;
      }
      g /= n;
      l /= n;
      return rsi(v);
    }
    g = g * a + Oscillators.gain(d) * invN;
    l = l * a + Oscillators.loss(d) * invN;
    return rsi(v);
  }

  private double rsi(double v) {
    if (Args.bad(g) | Args.bad(l)) { // as the batch RSI: an average overflowed
      throw Args.overflow(name(), "the average gain or loss", "bar", bar(), "x = " + v);
    }
    return Oscillators.rsiAnyMagnitude(g, l);
  }

  @Override
  void restart() {
    count = 0;
    g = 0;
    l = 0;
  }
}
