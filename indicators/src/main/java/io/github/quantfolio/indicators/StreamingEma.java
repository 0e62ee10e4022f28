package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.SeededEma;

/**
 * Streaming twin of {@link Indicators#ema(double[], int)}: seeded with the mean of the first n
 * values, then {@code e = e + k (x - e)}, {@code k = 2 / (n + 1)}. Bit for bit equal to the batch
 * function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingEma extends SeriesStream {

  private final SeededEma ema;

  private StreamingEma(int n) {
    super("Ema(" + n + ")");
    ema = new SeededEma(n);
  }

  /**
   * An EMA of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingEma of(int n) {
    return new StreamingEma(Args.period(n, "StreamingEma", "n"));
  }

  @Override
  double step(double x) {
    double e = ema.add(x);
    if (Double.isInfinite(e)) {
      throw Args.overflow(name(), "the moving average", "bar", bar(), "x = " + x);
    }
    return e;
  }

  @Override
  void restart() {
    ema.clear();
  }
}
