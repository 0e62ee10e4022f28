package io.github.quantfolio.core.adapters;

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

  /**
   * Validates the fields (see the record description).
   *
   * @param symbol the instrument (not blank)
   * @param bid the best bid, finite and &gt; 0
   * @param ask the best ask, finite and &gt;= bid
   * @param time when the quote was observed
   */
  public Quote {
    Values.text(symbol, "Quote", "symbol");
    String what = "Quote of '" + symbol + "'";
    Values.positive(bid, what, "bid");
    Values.positive(ask, what, "ask");
    if (ask < bid) {
      throw new IllegalArgumentException(what + ": expected ask >= bid, but found bid " + bid
          + " and ask " + ask);
    }
    Values.notNull(time, what, "time");
  }

  /**
   * A quote with bid = ask = {@code price} (e.g. a bar's close in a backtest).
   *
   * @param price the bid and the ask, finite and &gt; 0
   * @param symbol the instrument (not blank)
   * @param time when the quote was observed
   * @return a quote with bid = ask = {@code price} (e.g. a bar's close in a backtest)
   */
  public static Quote of(String symbol, double price, Instant time) {
    return new Quote(symbol, price, price, time);
  }

  /**
   * The mid price {@code (bid + ask) / 2}, computed so that it cannot overflow.
   *
   * @return the mid price {@code (bid + ask) / 2}, computed so that it cannot overflow
   */
  public double mid() {
    return bid + 0.5 * (ask - bid);
  }

  /**
   * The price a market order on {@code side} fills at: the ask for a buy, the bid for a sell.
   *
   * @param side buy or sell
   * @return the ask for {@link Side#BUY}, the bid for {@link Side#SELL}
   */
  public double priceFor(Side side) {
    return Values.notNull(side, "Quote of '" + symbol + "'", "side") == Side.BUY ? ask : bid;
  }
}
