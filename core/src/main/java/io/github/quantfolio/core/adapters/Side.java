package io.github.quantfolio.core.adapters;

/**
 * The direction of an order or trade proposal.
 *
 * @since 0.1.0
 */
public enum Side {
  /** Buy: increases the position, pays cash. */
  BUY,
  /** Sell: decreases the position, receives cash. */
  SELL
}
