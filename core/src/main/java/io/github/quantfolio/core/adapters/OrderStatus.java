package io.github.quantfolio.core.adapters;

/**
 * The state of an order. {@link #FILLED}, {@link #CANCELLED} and {@link #REJECTED} are final.
 *
 * @since 0.1.0
 */
public enum OrderStatus {
  /** Accepted and waiting to be filled (a limit order away from the market). */
  OPEN,
  /** Executed in full. */
  FILLED,
  /** Cancelled by the caller before it was filled. */
  CANCELLED,
  /** Refused by the broker; {@link Order#message()} says why. */
  REJECTED;

  /** Whether no further change can happen to an order in this state. */
  public boolean isFinal() {
    return this != OPEN;
  }
}
