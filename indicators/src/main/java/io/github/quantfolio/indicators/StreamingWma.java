package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.MovingAverages;

/**
 * Streaming twin of {@link Indicators#wma(double[], int)}: the linearly weighted moving average of
 * the last n values (weights 1..n, newest n), bit for bit equal to the batch function. O(1)
 * amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingWma extends SeriesStream {

  private final int n;
  private final double inv;
  private final double[] block;
  private final double[] a1; // weighted suffix sums of the previous block; a1[n] = 0
  private double p0;
  private double p1;
  private int pos;
  private boolean full;

  private StreamingWma(int n) {
    super("Wma(" + n + ")");
    this.n = n;
    this.inv = 2.0 / ((double) n * (n + 1));
    this.block = new double[n];
    this.a1 = new double[n + 1];
  }

  /**
   * A WMA of {@code n} values.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingWma of(int n) {
    return new StreamingWma(Args.period(n, "StreamingWma", "n"));
  }

  @Override
  double step(double v) {
    int p = pos;
    block[p] = v;
    p1 += v * p;
    p0 += v;
    double r;
    if (full) {
      r = (a1[p + 1] + p1 + (n - p) * p0) * inv;
    } else {
      r = p == n - 1 ? (p1 + p0) * inv : Double.NaN;
    }
    if (Args.bad(r) && (full || p == n - 1)) { // the sums overflowed, as in the batch WMA
      r = MovingAverages.wmaOverflow(name(), block, p + 1 == n ? 0 : p + 1, n, "bar", bar(), v);
    }
    if (++pos == n) {
      double s0 = 0;
      double s1 = 0;
      for (int j = n - 1; j >= 0; j--) {
        s0 += block[j];
        s1 += s0;
        a1[j] = s1;
      }
      p0 = 0;
      p1 = 0;
      pos = 0;
      full = true;
    }
    return r;
  }

  @Override
  void restart() {
    p0 = 0;
    p1 = 0;
    pos = 0;
    full = false;
  }
}
