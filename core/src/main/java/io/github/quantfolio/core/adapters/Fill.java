package io.github.quantfolio.core.adapters;

import java.time.Instant;

/**
 * One execution: {@code quantity} units of {@code symbol} bought or sold at {@code price}, with the
 * fee the venue charged for it. An order may fill in several parts; each part is a {@code Fill}.
 *
 * <p>Cash effect: a buy pays {@code quantity x price + fee}, a sell receives
 * {@code quantity x price - fee}.
 *
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param price price per unit in the quote currency, finite and &gt; 0
 * @param fee fees and commissions of this execution in the account currency, finite and &gt;= 0
 *     (a rebate is not a fill's fee: record it as a cash flow)
 * @param time when the execution happened
 * @param clientOrderId the order this fill belongs to, or empty for a fill recorded without an
 *     order (an external trade, a transfer in)
 * @since 0.1.0
 */
public record Fill(String symbol, Side side, double quantity, double price, double fee,
    Instant time, String clientOrderId) {

  /**
   * Validates the fields (see the record description); messages name the fill.
   *
   * @param symbol the instrument (not blank)
   * @param side buy or sell
   * @param quantity units, finite and &gt; 0
   * @param price price per unit in the quote currency, finite and &gt; 0
   * @param fee fees and commissions of this execution in the account currency, finite and &gt;= 0
   *    (a rebate is not a fill's fee: record it as a cash flow)
   * @param time when the execution happened
   * @param clientOrderId the order this fill belongs to, or empty for a fill recorded without an
   *    order (an external trade, a transfer in)
   */
  public Fill {
    Values.text(symbol, "Fill", "symbol");
    Values.notNull(side, "Fill of '" + symbol + "'", "side");
    String what = side + " fill of '" + symbol + "'";
    Values.positive(quantity, what, "quantity");
    Values.positive(price, what, "price");
    Values.finite(fee, what, "fee");
    if (fee < 0) {
      throw new IllegalArgumentException(what + ": expected fee >= 0, but found " + fee);
    }
    Values.finiteProduct(quantity, "quantity", price, "price", what);
    Values.notNull(time, what, "time");
    Values.notNull(clientOrderId, what, "clientOrderId");
  }

  /**
   * A fill that belongs to no order ({@code clientOrderId} empty).
   *
   * @param symbol the instrument (not blank)
   * @param side buy or sell
   * @param quantity units, finite and &gt; 0
   * @param price price per unit, finite and &gt; 0
   * @param fee fees of this execution, finite and &gt;= 0
   * @param time when the execution happened
   * @return a fill that belongs to no order ({@code clientOrderId} empty)
   */
  public static Fill of(String symbol, Side side, double quantity, double price, double fee,
      Instant time) {
    return new Fill(symbol, side, quantity, price, fee, time, "");
  }

  /**
   * {@code quantity x price}: the traded value before fees.
   *
   * @return {@code quantity x price}: the traded value before fees
   */
  public double notional() {
    return quantity * price;
  }

  /**
   * The change of cash this fill causes: {@code -(quantity x price) - fee} for a buy,
   * {@code quantity x price - fee} for a sell.
   *
   * @return the cash change in the account's currency: negative for a buy, fee deducted
   */
  public double cashFlow() {
    return side == Side.BUY ? -notional() - fee : notional() - fee;
  }

  /**
   * The signed change of the position: {@code +quantity} for a buy, {@code -quantity} for a sell.
   *
   * @return the quantity, negated for a sell
   */
  public double signedQuantity() {
    return side == Side.BUY ? quantity : -quantity;
  }

  /** For example {@code BUY 10 'AAPL' @ 187.5 (fee 1.0) at 2024-05-01T14:30:00Z}. */
  @Override
  public String toString() {
    return side + " " + plain(quantity) + " '" + symbol + "' @ " + plain(price)
        + " (fee " + plain(fee) + ") at " + time
        + (clientOrderId.isEmpty() ? "" : ", order " + clientOrderId);
  }

  /** Whole numbers without a trailing ".0"; others as {@link Double#toString(double)}. */
  private static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
