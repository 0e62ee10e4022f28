package io.github.quantfolio.core.adapters;

/**
 * A holding of {@code quantity} units of {@code symbol} bought at {@code averagePrice} on
 * average (the quantity-weighted mean of the buy fills since the position was last flat; sells
 * do not change it).
 *
 * @param symbol the instrument (not blank)
 * @param quantity units held, finite and &gt; 0 (brokers list only non-empty positions)
 * @param averagePrice finite and &gt; 0
 * @since 0.1.0
 */
public record Position(String symbol, double quantity, double averagePrice) {

  /** Validates the fields (see the record description). */
  public Position {
    Values.text(symbol, "Position", "symbol");
    String what = "Position in '" + symbol + "'";
    Values.positive(quantity, what, "quantity");
    Values.positive(averagePrice, what, "averagePrice");
  }

  /** {@code quantity x price}: the position's value at {@code price}. */
  public double valueAt(double price) {
    return quantity * price;
  }
}
