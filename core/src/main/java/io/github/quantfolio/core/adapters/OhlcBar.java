package io.github.quantfolio.core.adapters;

import java.time.Instant;

/**
 * One bar of one symbol, as a bar-driven {@link PaperBroker} consumes it.
 *
 * @param symbol the instrument (not blank)
 * @param time the bar's timestamp
 * @param open first price, finite and &gt; 0
 * @param high highest price, &gt;= open, close and low
 * @param low lowest price, finite, &gt; 0 and &lt;= open, close and high
 * @param close last price, finite and &gt; 0
 * @param volume units traded, finite and &gt;= 0, or NaN when unknown
 * @since 0.1.0
 */
public record OhlcBar(String symbol, Instant time, double open, double high, double low,
    double close, double volume) {

  /**
   * Validates the fields (see the record description); messages name the symbol and time.
   *
   * @param symbol the instrument
   * @param time the timestamp
   * @param open first price
   * @param high highest price
   * @param low lowest price
   * @param close last price
   * @param volume units traded, or NaN
   */
  public OhlcBar {
    Values.text(symbol, "Bar", "symbol");
    Values.notNull(time, "Bar of '" + symbol + "'", "time");
    String what = "Bar of '" + symbol + "' at " + time;
    Values.positive(open, what, "open");
    Values.positive(high, what, "high");
    Values.positive(low, what, "low");
    Values.positive(close, what, "close");
    if (!(low <= Math.min(open, close) && high >= Math.max(open, close))) {
      throw new IllegalArgumentException(what + ": expected low <= open, close <= high, but found"
          + " open " + open + ", high " + high + ", low " + low + ", close " + close);
    }
    if (!Double.isNaN(volume) && !(volume >= 0 && volume < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(what + ": expected finite volume >= 0 (or NaN), but"
          + " found " + volume);
    }
  }
}
