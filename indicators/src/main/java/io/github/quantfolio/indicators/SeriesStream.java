package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of one series: NaN handling and the latest value. */
abstract class SeriesStream extends AbstractStream {

  SeriesStream(String name) {
    super(name);
  }

  /**
   * Adds the next value and returns the indicator's new value (NaN during the warm-up). A NaN
   * input is a missing value: the result is NaN and the indicator restarts.
   *
   * @param x the next value: finite, or NaN for missing
   * @return the new value
   * @throws IllegalArgumentException if {@code x} is infinite (the state is unchanged)
   * @throws ArithmeticException if the value overflows the range of double (the indicator then
   *     takes no more values)
   * @throws IllegalStateException if an earlier update overflowed
   */
  public final double update(double x) {
    requireLive();
    if (Args.bad(x)) {
      Args.notInfinite(name(), x, "x", bar());
      return missing();
    }
    double v;
    try {
      v = step(x);
    } catch (ArithmeticException e) {
      throw fail(e);
    }
    return accept(v);
  }

  /** The new value after {@code x} (finite); may throw {@link ArithmeticException}. */
  abstract double step(double x);
}
