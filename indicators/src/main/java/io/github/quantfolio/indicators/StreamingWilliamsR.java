package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.HighLow;
import io.github.quantfolio.indicators.internal.WindowExtremum;

/**
 * Streaming twin of {@link Indicators#williamsR(double[], double[], double[], int)}, exactly equal
 * to the batch function. O(1) amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingWilliamsR extends BarStream {

  private final WindowExtremum hh;
  private final WindowExtremum ll;

  private StreamingWilliamsR(int n) {
    super("WilliamsR(" + n + ")");
    hh = new WindowExtremum(n, true);
    ll = new WindowExtremum(n, false);
  }

  /**
   * Williams %R over {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingWilliamsR of(int n) {
    return new StreamingWilliamsR(Args.period(n, "StreamingWilliamsR", "n"));
  }

  @Override
  double step(double high, double low, double close) {
    double h = hh.add(high);
    double l = ll.add(low);
    return h != h ? Double.NaN : HighLow.williamsR(h, l, close);
  }

  @Override
  void restart() {
    hh.clear();
    ll.clear();
  }
}
