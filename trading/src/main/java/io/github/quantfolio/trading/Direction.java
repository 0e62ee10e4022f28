package io.github.quantfolio.trading;

/**
 * The direction of a position or of a closed round trip.
 *
 * @since 0.1.0
 */
public enum Direction {
  /** Bought first, sold later: profits when the price rises. */
  LONG,
  /** Sold first, bought back later: profits when the price falls. */
  SHORT;

  /**
   * {@code +1} for {@link #LONG}, {@code -1} for {@link #SHORT}.
   *
   * @return {@code +1} for {@link #LONG}, {@code -1} for {@link #SHORT}
   */
  public int sign() {
    return this == LONG ? 1 : -1;
  }
}
