package io.github.quantfolio.core.adapters;

/**
 * The state of an order. {@link #FILLED}, {@link #CANCELLED}, {@link #EXPIRED} and
 * {@link #REJECTED} are final; a cancelled or expired order may hold partial fills.
 *
 * @since 0.1.0
 */
public enum OrderStatus {
  /** Accepted and waiting to be filled; nothing filled yet. */
  OPEN,
  /** Part of the quantity filled, the rest still working. */
  PARTIALLY_FILLED,
  /** Executed in full. */
  FILLED,
  /** Cancelled (by the caller, or an immediate-or-cancel remainder) before it was fully filled. */
  CANCELLED,
  /** Its time in force ran out before it was fully filled. */
  EXPIRED,
  /** Refused by the broker, nothing filled; {@link Order#message()} says why. */
  REJECTED;

  /**
   * Whether no further change can happen to an order in this state.
   *
   * @return true for FILLED, CANCELLED, EXPIRED and REJECTED
   */
  public boolean isFinal() {
    return this != OPEN && this != PARTIALLY_FILLED;
  }
}
