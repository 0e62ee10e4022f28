package io.github.quantfolio.trading;

import java.time.Instant;

/**
 * One open position of a {@link LedgerSnapshot}.
 *
 * @param symbol the instrument
 * @param quantity signed units held: &gt; 0 long, &lt; 0 short
 * @param averagePrice quantity-weighted price of the open lots, fees excluded
 * @param openFees the opening fees still capitalized in the open lots (they are part of the
 *     unrealized P&amp;L)
 * @param mark the price the position is valued at: the latest mark or fill price
 * @param markTime when that price was observed
 * @param marketValue {@code quantity x mark} (negative for a short)
 * @param unrealizedPnl {@code quantity x (mark - averagePrice) - openFees}
 * @param realizedPnl everything the symbol has realized so far: closed round trips net of fees,
 *     plus dividends
 * @param weight {@code marketValue / nav} of the snapshot (NaN when the NAV is not positive)
 * @since 0.1.0
 */
public record LedgerPosition(String symbol, double quantity, double averagePrice,
    double openFees, double mark, Instant markTime, double marketValue, double unrealizedPnl,
    double realizedPnl, double weight) {

  /**
   * {@link Direction#LONG} or {@link Direction#SHORT}.
   *
   * @return {@link Direction#LONG} or {@link Direction#SHORT}
   */
  public Direction direction() {
    return quantity > 0 ? Direction.LONG : Direction.SHORT;
  }
}
