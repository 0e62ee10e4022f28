package io.github.quantfolio.core.adapters;

/**
 * A holding of {@code quantity} units of {@code symbol}: positive for a long position, negative
 * for a short one, entered at {@code averagePrice} on average (the quantity-weighted price of the
 * fills that built the position since it was last flat; fills that reduce it do not change it).
 *
 * @param symbol the instrument (not blank)
 * @param quantity signed units held, finite and not 0 (brokers list only non-empty positions)
 * @param averagePrice finite and &gt; 0
 * @since 0.1.0
 */
public record Position(String symbol, double quantity, double averagePrice) {

  /**
   * Validates the fields (see the record description).
   *
   * @param symbol the instrument (not blank)
   * @param quantity signed units held, finite and not 0
   * @param averagePrice finite and &gt; 0
   */
  public Position {
    Values.text(symbol, "Position", "symbol");
    String what = "Position in '" + symbol + "'";
    Values.finite(quantity, what, "quantity");
    if (quantity == 0) {
      throw new IllegalArgumentException(what + ": quantity cannot be 0 (brokers list only"
          + " non-empty positions)");
    }
    Values.positive(averagePrice, what, "averagePrice");
  }

  /**
   * {@code quantity x price}: the position's value at {@code price} (negative when short).
   *
   * @param price a price per unit
   * @return the signed market value
   */
  public double valueAt(double price) {
    return quantity * price;
  }
}
