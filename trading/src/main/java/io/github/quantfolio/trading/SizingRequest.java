package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.util.List;

/**
 * What a {@link PositionSizer} knows about one proposed position: the signal, the asset's risk
 * and the portfolio. Optional inputs are NaN when unknown (empty for the book); a sizer that needs
 * one that is missing says so. Start from {@link #of} and add what you know with the
 * {@code with...} methods.
 *
 * @param symbol the instrument (not blank)
 * @param price the price per unit the size is computed at, finite and &gt; 0
 * @param equity the portfolio's value (NAV), finite and &gt; 0
 * @param cash the cash available for the purchase, or NaN when buying is not limited by cash
 * @param confidence the signal's confidence in [0, 1] (read as the probability of a win by Kelly
 *     sizing), or NaN
 * @param expectedReturn the expected return of the trade (a fraction; per trade for Kelly, annual
 *     for mean-variance Kelly), or NaN
 * @param maxLoss the loss at the stop as a fraction of the position, in (0, 1], or NaN
 * @param volatility the asset's annualised volatility, &gt; 0, or NaN
 * @param stopDistance the distance from the price to the stop in price units (e.g. 2 x ATR),
 *     &gt; 0, or NaN
 * @param correlationWithBook the asset's correlation with the current portfolio, in [-1, 1], or
 *     NaN
 * @param bookRisk what the open positions already lose at their stops, as a fraction of equity,
 *     &gt;= 0
 * @param book the open positions (weights and volatilities), for risk-parity sizing; may be
 *     empty
 * @param lotSize units per lot, &gt; 0 (1: whole shares)
 * @since 0.1.0
 */
public record SizingRequest(String symbol, double price, double equity, double cash,
    double confidence, double expectedReturn, double maxLoss, double volatility,
    double stopDistance, double correlationWithBook, double bookRisk, List<BookPosition> book,
    double lotSize) {

  /**
   * One open position of the book.
   *
   * @param symbol the instrument
   * @param weight its value over equity (negative when short)
   * @param volatility its annualised volatility, &gt; 0
   */
  public record BookPosition(String symbol, double weight, double volatility) {
    /**
     * Validates the fields.
     *
     * @param symbol the instrument (not null)
     * @param weight finite
     * @param volatility finite and &gt; 0
     */
    public BookPosition {
      Checks.notNull(symbol, "symbol");
      Checks.finite(weight, "weight of '" + symbol + "' in the book");
      Checks.positive(volatility, "volatility of '" + symbol + "' in the book");
    }
  }

  /**
   * Validates the fields (see the record description); messages name the symbol.
   *
   * @param symbol the instrument
   * @param price the price per unit
   * @param equity the portfolio's value
   * @param cash the cash available, or NaN
   * @param confidence in [0, 1], or NaN
   * @param expectedReturn finite, or NaN
   * @param maxLoss in (0, 1], or NaN
   * @param volatility &gt; 0, or NaN
   * @param stopDistance &gt; 0, or NaN
   * @param correlationWithBook in [-1, 1], or NaN
   * @param bookRisk &gt;= 0
   * @param book the open positions
   * @param lotSize units per lot
   */
  public SizingRequest {
    Checks.notNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("Sizing request: symbol must not be blank");
    }
    String what = "Sizing of '" + symbol + "': ";
    positive(price, what, "price");
    positive(equity, what, "equity");
    if (!Double.isNaN(cash) && !Double.isFinite(cash)) {
      throw new IllegalArgumentException(what + "expected finite cash (or NaN), but found " + cash);
    }
    optional(confidence, 0, 1, true, what, "confidence");
    if (Double.isInfinite(expectedReturn)) {
      throw new IllegalArgumentException(what + "expected finite expectedReturn (or NaN), but"
          + " found " + expectedReturn);
    }
    optional(maxLoss, 0, 1, false, what, "maxLoss");
    optionalPositive(volatility, what, "volatility");
    optionalPositive(stopDistance, what, "stopDistance");
    optional(correlationWithBook, -1, 1, true, what, "correlationWithBook");
    if (!(bookRisk >= 0) || bookRisk == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(what + "expected finite bookRisk >= 0, but found "
          + bookRisk);
    }
    book = List.copyOf(Checks.notNull(book, "book"));
    positive(lotSize, what, "lotSize");
  }

  private static void positive(double v, String what, String name) {
    if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(what + "expected finite " + name + " > 0, but found "
          + v);
    }
  }

  private static void optionalPositive(double v, String what, String name) {
    if (!Double.isNaN(v)) {
      positive(v, what, name);
    }
  }

  private static void optional(double v, double lo, double hi, boolean closedLow, String what,
      String name) {
    if (!Double.isNaN(v) && !((closedLow ? v >= lo : v > lo) && v <= hi)) {
      throw new IllegalArgumentException(what + "expected " + lo + (closedLow ? " <= " : " < ")
          + name + " <= " + hi + " (or NaN), but found " + v);
    }
  }

  /**
   * A request with only the symbol, price and equity known (no cash limit, whole units).
   *
   * @param symbol the instrument
   * @param price price per unit, &gt; 0
   * @param equity the portfolio's value, &gt; 0
   * @return the request
   */
  public static SizingRequest of(String symbol, double price, double equity) {
    return new SizingRequest(symbol, price, equity, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, List.of(), 1);
  }

  /**
   * This request with the signal's confidence and the trade's expected return and maximum loss
   * (seed 002's signal data).
   *
   * @param confidence in [0, 1]
   * @param expectedReturn the expected return of the trade
   * @param maxLoss the loss at the stop as a fraction of the position, in (0, 1]
   * @return a new request
   */
  public SizingRequest withSignal(double confidence, double expectedReturn, double maxLoss) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        volatility, stopDistance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with the signal's confidence only.
   *
   * @param confidence in [0, 1]
   * @return a new request
   */
  public SizingRequest withConfidence(double confidence) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        volatility, stopDistance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with the asset's annualised volatility and expected return (mean-variance).
   *
   * @param expectedAnnualReturn the annual expected return
   * @param annualVolatility the annual volatility, &gt; 0
   * @return a new request
   */
  public SizingRequest withMoments(double expectedAnnualReturn, double annualVolatility) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedAnnualReturn,
        maxLoss, annualVolatility, stopDistance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with the asset's annualised volatility.
   *
   * @param annualVolatility &gt; 0
   * @return a new request
   */
  public SizingRequest withVolatility(double annualVolatility) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        annualVolatility, stopDistance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with a stop {@code distance} price units away (e.g. 2 x ATR).
   *
   * @param distance &gt; 0
   * @return a new request
   */
  public SizingRequest withStopDistance(double distance) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        volatility, distance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with the portfolio around the position: cash, the risk already taken, the
   * asset's correlation with the book and the book's positions.
   *
   * @param cash the cash available (NaN: no cash limit)
   * @param bookRisk what the open positions lose at their stops, as a fraction of equity
   * @param correlationWithBook in [-1, 1], or NaN
   * @param book the open positions
   * @return a new request
   */
  public SizingRequest withPortfolio(double cash, double bookRisk, double correlationWithBook,
      List<BookPosition> book) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        volatility, stopDistance, correlationWithBook, bookRisk, book, lotSize);
  }

  /**
   * This request with another lot size.
   *
   * @param lot units per lot, &gt; 0
   * @return a new request
   */
  public SizingRequest withLotSize(double lot) {
    return new SizingRequest(symbol, price, equity, cash, confidence, expectedReturn, maxLoss,
        volatility, stopDistance, correlationWithBook, bookRisk, book, lot);
  }

  /**
   * The loss at the stop as a fraction of the position: {@code maxLoss} when given, else
   * {@code stopDistance / price}, else NaN.
   *
   * @return the loss fraction, or NaN
   */
  public double lossFraction() {
    return !Double.isNaN(maxLoss) ? maxLoss : stopDistance / price;
  }
}
