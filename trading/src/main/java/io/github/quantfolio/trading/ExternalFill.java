package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;

/**
 * A trade reported by a trading engine after the fact, as seed 001's "update holdings" call
 * does: quantity, price, the net amount of cash that moved (before fees) and the fees.
 *
 * <p>The net amount is what the ledger books: the fill's price becomes
 * {@code netAmount / quantity}, so cash moves by {@code netAmount} (to rounding) plus or minus
 * the fee. It must agree with {@code quantity x price} to within {@link #NET_AMOUNT_TOLERANCE}
 * relative or half a cent absolute (engines round amounts to cents); a larger difference means
 * one of the numbers is wrong and is rejected with all three.
 *
 * @param symbol the instrument (not blank)
 * @param side buy or sell
 * @param quantity units, finite and &gt; 0
 * @param price price per unit as reported, finite and &gt; 0
 * @param netAmount cash exchanged for the units before fees, finite and &gt; 0
 * @param fee fees charged, finite and &gt;= 0
 * @param time when the trade happened
 * @since 0.1.0
 */
public record ExternalFill(String symbol, Side side, double quantity, double price,
    double netAmount, double fee, Instant time) {

  /** Largest accepted relative difference between {@code netAmount} and {@code quantity x price}. */
  public static final double NET_AMOUNT_TOLERANCE = 1e-6;

  /**
   * Validates the fields (see the record description).
   *
   * @param symbol the instrument (not blank)
   * @param side buy or sell
   * @param quantity units, finite and &gt; 0
   * @param price price per unit as reported, finite and &gt; 0
   * @param netAmount cash exchanged for the units before fees, finite and &gt; 0
   * @param fee fees charged, finite and &gt;= 0
   * @param time when the trade happened
   */
  public ExternalFill {
    Fill checked = Fill.of(symbol, side, quantity, price, fee, time);
    Checks.positive(netAmount, "netAmount of the " + side + " of '" + symbol + "'");
    double notional = checked.notional();
    double diff = Math.abs(netAmount - notional);
    if (diff > NET_AMOUNT_TOLERANCE * notional && diff > 0.005) {
      throw new IllegalArgumentException("Net amount " + netAmount + " of the " + side + " of '"
          + symbol + "' at " + time + " does not match quantity " + quantity + " x price "
          + price + " = " + notional);
    }
  }

  /**
   * The fill the ledger records: price {@code netAmount / quantity}, no client order id.
   *
   * @return the fill the ledger records: price {@code netAmount / quantity}, no client order id
   */
  public Fill toFill() {
    return Fill.of(symbol, side, quantity, netAmount / quantity, fee, time);
  }
}
