package io.github.quantfolio.trading;

/**
 * Realized and unrealized P&amp;L of one symbol, strategy or signal.
 *
 * @param key the symbol, strategy or signal id (empty for fills recorded without one)
 * @param realized closed round trips net of fees, plus dividends
 * @param unrealized open lots at their marks, net of their capitalized opening fees
 * @since 0.1.0
 */
public record PnlLine(String key, double realized, double unrealized) {

  /**
   * {@code realized + unrealized}.
   *
   * @return {@code realized + unrealized}
   */
  public double total() {
    return realized + unrealized;
  }
}
