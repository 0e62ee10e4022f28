package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.AtrState;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#atr(double[], double[], double[], int)}: Wilder's average
 * true range with TA-Lib's seed, bit for bit equal to the batch function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingAtr extends BarStream {

  private final AtrState atr;

  private StreamingAtr(int n) {
    super("Atr(" + n + ")");
    atr = new AtrState(n);
  }

  /**
   * An ATR of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingAtr of(int n) {
    return new StreamingAtr(Args.period(n, "StreamingAtr", "n"));
  }

  @Override
  double step(double high, double low, double close) {
    double r = atr.add(high, low, close);
    if (Double.isInfinite(r)) { // as the batch ATR
      throw Args.overflow(name(), "the average true range", "bar", bar(),
          Oscillators.bar(high, low, close));
    }
    return r;
  }

  @Override
  void restart() {
    atr.clear();
  }
}
