package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of high/low/close bars: NaN handling, the latest value. */
abstract class BarStream extends AbstractStream {

  BarStream(String name) {
    super(name);
  }

  /**
   * Adds the next bar and returns the indicator's new value (NaN during the warm-up). A bar with a
   * NaN is missing: the result is NaN and the indicator restarts.
   *
   * @param high the bar's high: finite, or NaN for missing
   * @param low the bar's low
   * @param close the bar's close
   * @return the new value
   * @throws IllegalArgumentException if an input is infinite or the bar breaks
   *     {@code low <= close <= high} (the state is unchanged)
   * @throws ArithmeticException if the value overflows the range of double (the indicator then
   *     takes no more bars)
   * @throws IllegalStateException if an earlier update overflowed
   */
  public final double update(double high, double low, double close) {
    requireLive();
    if (Args.badBar(high, low, close)) {
      requireBar(high, low, close);
      return missing();
    }
    double v;
    try {
      v = step(high, low, close);
    } catch (ArithmeticException e) {
      throw fail(e);
    }
    return accept(v);
  }

  /** The new value after a valid bar; may throw {@link ArithmeticException}. */
  abstract double step(double high, double low, double close);
}
