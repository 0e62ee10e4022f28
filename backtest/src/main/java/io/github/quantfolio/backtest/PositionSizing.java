package io.github.quantfolio.backtest;

/**
 * How much a signal entry buys (or sells short), evaluated when the entry fills.
 *
 * @param kind the sizing rule
 * @param amount its parameter: a fraction of equity, a currency value or a share count
 * @since 0.1.0
 */
public record PositionSizing(Kind kind, double amount) {

  /** Sizing rules. */
  public enum Kind {
    /** Position value = {@code amount} x equity at the fill (a fraction, e.g. 0.25). */
    FRACTION_OF_EQUITY,
    /** Position value = {@code amount} currency units. */
    FIXED_VALUE,
    /** Position = {@code amount} shares. */
    FIXED_SHARES
  }

  /**
   * Validates the amount (finite, &gt; 0).
   *
   * @param kind the sizing rule
   * @param amount its parameter: a fraction of equity, a currency value or a share count
   */
  public PositionSizing {
    if (kind == null) {
      throw new NullPointerException("Argument 'kind' must not be null");
    }
    if (!(amount > 0) || amount == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected a finite " + kind + " sizing amount > 0, but "
          + "found " + amount);
    }
  }

  /**
   * In words: {@code PositionSizing: 25% of equity per position}, {@code ... 10000.00 per
   * position} or {@code ... 100 shares per position}.
   */
  @Override
  public String toString() {
    return "PositionSizing: " + switch (kind) {
      case FRACTION_OF_EQUITY -> Exits.percent(amount) + " of equity";
      case FIXED_VALUE -> io.github.quantfolio.core.internal.TextTable.num(amount, 2);
      case FIXED_SHARES -> BacktestConfig.number(amount) + " shares";
    } + " per position";
  }

  /**
   * Each position worth {@code fraction} of equity at its fill.
   *
   * @param fraction the position's value as a fraction of equity, finite &gt; 0 (0.25 = 25 %)
   * @return the sizing
   */
  public static PositionSizing fractionOfEquity(double fraction) {
    return new PositionSizing(Kind.FRACTION_OF_EQUITY, fraction);
  }

  /**
   * Each position worth {@code value} currency units.
   *
   * @param value the position's value in currency units, finite &gt; 0
   * @return the sizing
   */
  public static PositionSizing fixedValue(double value) {
    return new PositionSizing(Kind.FIXED_VALUE, value);
  }

  /**
   * Each position {@code shares} shares.
   *
   * @param shares the number of shares per position, finite &gt; 0 (fills are rounded toward zero
   *     under whole shares)
   * @return the sizing
   */
  public static PositionSizing fixedShares(double shares) {
    return new PositionSizing(Kind.FIXED_SHARES, shares);
  }
}
