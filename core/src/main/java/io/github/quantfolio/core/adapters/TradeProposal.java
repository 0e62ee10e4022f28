package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;

/**
 * A trade put to a {@link TradeReviewer}: what would be done, at about what price, and why.
 *
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param referencePrice the price the proposal assumes (e.g. the latest mid), finite and &gt; 0
 * @param rationale why the trade is proposed, for the reviewer (not null; may be empty)
 * @since 0.1.0
 */
public record TradeProposal(String symbol, Side side, double quantity, double referencePrice,
    String rationale) {

  /** Validates the fields (see the record description). */
  public TradeProposal {
    Values.symbol(symbol, "symbol");
    Checks.notNull(side, "side");
    Checks.positive(quantity, "quantity");
    Checks.positive(referencePrice, "referencePrice");
    Checks.notNull(rationale, "rationale");
  }

  /** {@code quantity x referencePrice}. */
  public double notional() {
    return quantity * referencePrice;
  }
}
