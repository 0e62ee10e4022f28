package io.github.quantfolio.core.adapters;

/**
 * How an order is priced.
 *
 * @since 0.1.0
 */
public enum OrderType {
  /** Fill at the prevailing price: a buy at the ask, a sell at the bid (or the next bar's open). */
  MARKET,
  /** Fill only at the limit price or better. */
  LIMIT,
  /**
   * Becomes a market order once the price reaches the stop: a buy stop when the price rises to
   * it (above the market), a sell stop when it falls to it (below the market).
   */
  STOP,
  /** Becomes a limit order at the limit price once the price reaches the stop. */
  STOP_LIMIT
}
