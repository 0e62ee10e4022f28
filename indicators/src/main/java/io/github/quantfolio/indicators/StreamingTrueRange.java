package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;
import io.github.quantfolio.indicators.internal.Ranges;

/**
 * Streaming twin of {@link Indicators#trueRange(double[], double[], double[])}: NaN for the first
 * bar (no previous close), then Wilder's true range; exactly equal to the batch function. O(1).
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingTrueRange extends BarStream {

  private double prevClose = Double.NaN;

  private StreamingTrueRange() {
    super("TrueRange");
  }

  /**
   * A true range indicator.
   *
   * @return a new indicator
   */
  public static StreamingTrueRange of() {
    return new StreamingTrueRange();
  }

  @Override
  double step(double high, double low, double close) {
    double pc = prevClose;
    double tr = pc != pc ? Double.NaN : Ranges.trueRange(high, low, pc);
    if (Double.isInfinite(tr)) {
      throw Args.overflow(name(), "the true range", "bar", bar(),
          Oscillators.bar(high, low, close) + ", previous close = " + pc);
    }
    prevClose = close;
    return tr;
  }

  @Override
  void restart() {
    prevClose = Double.NaN;
  }
}
