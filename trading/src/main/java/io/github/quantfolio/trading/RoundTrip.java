package io.github.quantfolio.trading;

import java.time.Instant;

/**
 * A closed round trip: {@code quantity} units of one open lot, opened at {@code entryPrice} and
 * closed at {@code exitPrice}. A reducing fill that closes several lots yields one round trip per
 * lot; a partly closed lot yields one per closing fill.
 *
 * <p>{@code pnl = sign x quantity x (exitPrice - entryPrice) - fees}, where {@code fees} is this
 * quantity's share of the opening fill's fee plus its share of the closing fill's fee (shares
 * are pro rata to quantity). Dividends are not part of a round trip (they are realized P&amp;L of
 * the symbol). After a split, {@code entryPrice} and {@code quantity} are split-adjusted.
 *
 * @param symbol the instrument
 * @param direction long (bought, then sold) or short (sold, then bought back)
 * @param quantity units closed, &gt; 0
 * @param entryTime when the lot was opened
 * @param entryPrice price per unit at which it was opened (split-adjusted)
 * @param exitTime when it was closed
 * @param exitPrice price per unit at which it was closed
 * @param fees the opening and closing fees of this quantity, &gt;= 0
 * @param pnl realized P&amp;L net of {@code fees}, in the account currency
 * @param tags the tags of the fill that opened the lot
 * @since 0.1.0
 */
public record RoundTrip(String symbol, Direction direction, double quantity, Instant entryTime,
    double entryPrice, Instant exitTime, double exitPrice, double fees, double pnl,
    FillTags tags) {

  /**
   * Whether the round trip made money after fees ({@code pnl > 0}).
   *
   * @return whether the round trip made money after fees ({@code pnl > 0})
   */
  public boolean isWin() {
    return pnl > 0;
  }

  /**
   * {@code pnl / (quantity x entryPrice)}: the net return on the capital the lot tied up.
   *
   * @return {@code pnl / (quantity x entryPrice)}: the net return on the capital the lot tied up
   */
  public double returnOnCost() {
    return pnl / (quantity * entryPrice);
  }
}
