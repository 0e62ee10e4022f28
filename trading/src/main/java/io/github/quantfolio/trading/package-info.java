/**
 * Everything between target weights and a broker: the {@link io.github.quantfolio.trading.Ledger}
 * of an account (fills to positions, cash, lots, realized and unrealized P&amp;L, exposure,
 * snapshots), and the tools around it.
 *
 * <p>Units: prices in the quote currency per unit, quantities in units (shares, contracts,
 * coins), cash and P&amp;L in the account currency, which is assumed to be the quote currency of
 * every symbol. Times are {@link java.time.Instant}s.
 *
 * <p>Bad input fails fast with {@link IllegalArgumentException} (or {@link NullPointerException}
 * for nulls) naming the event and the offending value, and leaves every object unchanged.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.trading;
