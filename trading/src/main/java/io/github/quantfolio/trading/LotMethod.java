package io.github.quantfolio.trading;

/**
 * Which open lots a reducing fill closes, and so which cost the realized P&amp;L is measured
 * against.
 *
 * @since 0.1.0
 */
public enum LotMethod {
  /** First in, first out: the oldest open lot is closed first (the default). */
  FIFO,
  /** Last in, first out: the newest open lot is closed first. */
  LIFO,
  /**
   * Average cost: every open unit carries the position's quantity-weighted average price (and
   * average capitalized fee per unit); lots are still closed oldest first, which only decides
   * the strategy and signal tags the P&amp;L is attributed to.
   */
  AVERAGE_COST
}
