package io.github.quantfolio.core.adapters;

/**
 * A trade put to a {@link TradeReviewer}: what would be done, at about what price, and why.
 *
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param referencePrice the price the proposal assumes (e.g. the latest mid), finite and &gt; 0,
 *     with a finite notional {@code quantity x referencePrice}
 * @param rationale why the trade is proposed, for the reviewer (not null; may be empty)
 * @since 0.1.0
 */
public record TradeProposal(String symbol, Side side, double quantity, double referencePrice,
    String rationale) {

  /**
   * Validates the fields (see the record description).
   *
   * @param symbol the instrument (not blank)
   * @param side buy or sell
   * @param quantity units, finite and &gt; 0
   * @param referencePrice the price the proposal assumes (e.g. the latest mid), finite and &gt; 0,
   *    with a finite notional {@code quantity x referencePrice}
   * @param rationale why the trade is proposed, for the reviewer (not null; may be empty)
   */
  public TradeProposal {
    Values.text(symbol, "Trade proposal", "symbol");
    Values.notNull(side, "Trade proposal of '" + symbol + "'", "side");
    String what = "Trade proposal (" + side + " '" + symbol + "')";
    Values.positive(quantity, what, "quantity");
    Values.positive(referencePrice, what, "referencePrice");
    Values.finiteProduct(quantity, "quantity", referencePrice, "referencePrice", what);
    Values.notNull(rationale, what, "rationale");
  }

  /**
   * {@code quantity x referencePrice}.
   *
   * @return {@code quantity x referencePrice}
   */
  public double notional() {
    return quantity * referencePrice;
  }
}
