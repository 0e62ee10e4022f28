package io.github.quantfolio.backtest;

/**
 * Why a position was closed, recorded on every {@link Trade}.
 *
 * @since 0.1.0
 */
public enum ExitReason {
  /** An exit (or opposite entry) signal, or an order that brought the position to zero. */
  SIGNAL,
  /** A target-weight rebalance brought the position to zero. */
  REBALANCE,
  /** The fixed stop-loss level was reached. */
  STOP_LOSS,
  /** The take-profit level was reached. */
  TAKE_PROFIT,
  /** The trailing stop was reached. */
  TRAILING_STOP,
  /** The ATR-based stop was reached. */
  ATR_STOP,
  /** The portfolio circuit breaker moved to cash. */
  CIRCUIT_BREAKER,
  /**
   * Equity fell below the maintenance margin at a close and the position was liquidated there
   * (see {@link MarginTerms}).
   */
  MARGIN_CALL,
  /** Still open at the last bar: valued at the last close, no exit costs charged. */
  END_OF_DATA
}
