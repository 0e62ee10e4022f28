package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#cci(double[], double[], double[], int)}, bit for bit equal
 * to the batch function. O(n) per update: the mean absolute deviation about a moving mean has no
 * O(1) update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingCci extends BarStream {

  private final double[] ring;
  private int pos;
  private int count;

  private StreamingCci(int n) {
    super("Cci(" + n + ")");
    ring = new double[n];
  }

  /**
   * A CCI over {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingCci of(int n) {
    return new StreamingCci(Args.period(n, "n"));
  }

  @Override
  double step(double high, double low, double close) {
    double tp = Oscillators.typicalPrice(high, low, close);
    ring[pos] = tp;
    pos = pos + 1 == ring.length ? 0 : pos + 1;
    if (count < ring.length) {
      count++;
    }
    return count == ring.length ? Oscillators.cci(ring, tp) : Double.NaN;
  }

  @Override
  void restart() {
    pos = 0;
    count = 0;
  }
}
