package io.github.quantfolio.indicators;

/**
 * An indicator fed one bar at a time: the streaming twin of a function of {@link Indicators}.
 * Each implementation has an {@code update(...)} method taking one bar's inputs (a value, or
 * high/low/close, ...) that returns the new value; after the same inputs it holds the same number
 * the batch function gives at that bar, bit for bit.
 *
 * <p><b>Warm-up and missing values</b> follow the batch rules: {@link #value()} is NaN until the
 * indicator's lookback has been served; a NaN input (a missing bar) makes the value NaN and
 * restarts the indicator, which then warms up again; an infinite input throws
 * {@link IllegalArgumentException} and leaves the state unchanged.
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
