package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;

/**
 * A two-sided quote: the best bid and ask of {@code symbol} at {@code time}.
 *
 * @param symbol the instrument (not blank)
 * @param bid the best bid, finite and &gt; 0
 * @param ask the best ask, finite and &gt;= bid
 * @param time when the quote was observed
 * @since 0.1.0
 */
public record Quote(String symbol, double bid, double ask, Instant time) {

  /** Validates the fields (see the record description). */
  public Quote {
    Values.symbol(symbol, "symbol");
    Checks.positive(bid, "bid of '" + symbol + "'");
    Checks.positive(ask, "ask of '" + symbol + "'");
    if (ask < bid) {
      throw new IllegalArgumentException("Expected ask >= bid for '" + symbol + "', but found bid "
          + bid + " and ask " + ask);
    }
    Checks.notNull(time, "time");
  }

  /** A quote with bid = ask = {@code price} (e.g. a bar's close in a backtest). */
  public static Quote of(String symbol, double price, Instant time) {
    return new Quote(symbol, price, price, time);
  }

  /** The mid price {@code (bid + ask) / 2}. */
  public double mid() {
    return 0.5 * (bid + ask);
  }

  /** The price a market order on {@code side} fills at: the ask for a buy, the bid for a sell. */
  public double priceFor(Side side) {
    return Checks.notNull(side, "side") == Side.BUY ? ask : bid;
  }
}
