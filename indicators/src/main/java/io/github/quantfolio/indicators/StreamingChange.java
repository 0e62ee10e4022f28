package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#roc(double[], int)} ({@link #roc(int)}, percent) and
 * {@link Indicators#momentum(double[], int)} ({@link #momentum(int)}): the change over the last n
 * values, bit for bit equal to the batch functions. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingChange extends SeriesStream {

  private final int n;
  private final boolean percent;
  private final double[] ring;
  private int pos;
  private int count;

  private StreamingChange(int n, boolean percent) {
    super((percent ? "Roc(" : "Momentum(") + n + ")");
    this.n = n;
    this.percent = percent;
    this.ring = new double[n];
  }

  /**
   * Rate of change in percent over {@code n} values, {@code 100 (x_t / x_(t-n) - 1)}.
   *
   * @param n the distance, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingChange roc(int n) {
    return new StreamingChange(Args.period(n, "StreamingChange", "n"), true);
  }

  /**
   * Momentum over {@code n} values, {@code x_t - x_(t-n)}.
   *
   * @param n the distance, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingChange momentum(int n) {
    return new StreamingChange(Args.period(n, "StreamingChange", "n"), false);
  }

  @Override
  double step(double v) {
    double p = ring[pos];
    if (count < n) {
      ring[pos] = v;
      pos = pos + 1 == n ? 0 : pos + 1;
      count++;
      return Double.NaN;
    }
    double y = Oscillators.change(v, p, percent);
    if (Args.bad(y)) { // before any change of state
      throw Oscillators.changeError(name(), percent, v, p, "bar", bar(),
          "the value " + n + " bars earlier");
    }
    ring[pos] = v;
    pos = pos + 1 == n ? 0 : pos + 1;
    return y;
  }

  @Override
  void restart() {
    pos = 0;
    count = 0;
  }
}
