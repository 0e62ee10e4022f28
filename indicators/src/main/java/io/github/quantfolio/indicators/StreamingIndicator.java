package io.github.quantfolio.indicators;

/**
 * An indicator fed one bar at a time: the streaming twin of a function of {@link Indicators}.
 * Each implementation has an {@code update(...)} method taking one bar's inputs (a value, or
 * high/low/close, ...) that returns the new value; after the same inputs it holds the same number
 * the batch function gives at that bar, bit for bit.
 *
 * <p><b>Warm-up and missing values</b> follow the batch rules: {@link #value()} is NaN until the
 * indicator's lookback has been served; a NaN input (a missing bar) makes the value NaN and
 * restarts the indicator, which then warms up again.
 *
 * <p><b>Errors.</b> An infinite input, a bar breaking {@code low <= close <= high} or a negative
 * volume throws {@link IllegalArgumentException} naming the indicator, the bar (counted from 0 by
 * updates) and the values, and leaves the state unchanged. A value beyond the range of
 * {@code double} from finite inputs throws {@link ArithmeticException} at the same bar as the batch
 * function; the indicator then takes no more bars (its state holds the overflow): every later
 * call of {@code update} or {@link #value()} throws {@link IllegalStateException} naming the
 * failure, and {@code toString()} shows it. Start a new instance.
 *
 * <p><b>Cost.</b> {@code update} is O(1): constant work per bar, or, for window indicators, O(1)
 * amortised (the window's block sums are refreshed once every n bars, costing n additions then).
 * CCI is the exception, O(n) per bar. Memory is O(n).
 *
 * <p>Implementations are mutable and not thread-safe: use one instance per feed, and a new
 * instance to start over.
 *
 * @since 0.1.0
 */
public interface StreamingIndicator {

  /**
   * The latest value: NaN during the warm-up and after a missing input.
   *
   * @return the value
   */
  double value();

  /**
   * Whether {@link #value()} is defined (the warm-up is over and the last input was complete).
   *
   * @return whether the value is defined
   */
  default boolean isReady() {
    double v = value();
    return v == v;
  }
}
