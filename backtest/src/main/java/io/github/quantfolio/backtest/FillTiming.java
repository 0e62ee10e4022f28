package io.github.quantfolio.backtest;

/**
 * When a decision made on bar {@code t} (from data up to and including {@code t}'s close) is
 * filled.
 *
 * @since 0.1.0
 */
public enum FillTiming {
  /**
   * The default: the next bar's open when the backtest runs on OHLC {@code Bars}, the next bar's
   * close when it runs on close prices only. No decision can use a price it trades at.
   */
  NEXT_BAR,
  /** The next bar's close (after that bar's stops were checked). */
  NEXT_CLOSE,
  /**
   * The decision bar's own close. Optimistic: it assumes the signal could be computed before the
   * closing auction from the very close it trades at. Offered for comparison with tools that
   * default to it (e.g. vectorbt's {@code from_signals}); never the default.
   */
  SAME_CLOSE
}
