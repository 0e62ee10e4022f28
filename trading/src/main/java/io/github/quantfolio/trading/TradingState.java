package io.github.quantfolio.trading;

/**
 * What a {@link TradingPipeline}'s risk gate lets through (the trading states of Nautilus
 * Trader's risk engine).
 *
 * @since 0.1.0
 */
public enum TradingState {
  /** Every order the limits allow. */
  ACTIVE,
  /**
   * Only orders that reduce an open position (toward zero, never through it): entered when the
   * daily-loss limit is breached, left at the first cycle of the next day or by
   * {@link TradingPipeline#resume()}.
   */
  REDUCING,
  /**
   * No new order; working orders are cancelled. Entered by the kill switch
   * ({@link TradingPipeline#halt(String)}) or the drawdown circuit breaker, left only by
   * {@link TradingPipeline#resume()}.
   */
  HALTED
}
