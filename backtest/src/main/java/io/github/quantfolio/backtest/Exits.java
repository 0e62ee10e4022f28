package io.github.quantfolio.backtest;

/**
 * Price-level exits checked on every bar while a position is open, in addition to signals.
 * Levels are fractions of the position's entry price (the market price of the fill that opened it,
 * before slippage); a NaN field is switched off. Start from {@link #none()}.
 *
 * <p>For a long position entered at {@code e} (shorts mirror every inequality):
 * <ul>
 *   <li>stop-loss at {@code e * (1 - stopLoss)};
 *   <li>trailing stop at {@code H * (1 - trailingStop)}, where {@code H} is the highest price seen
 *       since entry <em>before</em> the current bar's range: the entry price, earlier bars' highs
 *       and the current bar's open (the bar's own high is added after the bar, since within a bar
 *       the order of high and low is unknown);
 *   <li>ATR stop at {@code e - atrMultiple * ATR(atrPeriod)}, the Wilder ATR of the bar on which
 *       the entry was decided (known at decision time);
 *   <li>take-profit at {@code e * (1 + takeProfit)}.
 * </ul>
 * The protective level is the highest of the active stops. A bar that opens at or through it
 * exits at the open (a gap); otherwise a low at or below it exits at the level. Take-profit is
 * checked after the stops — when a bar's range touches both, the stop is assumed to come first
 * (the conservative reading) — and exits at the level, or at the open when the bar gaps through
 * it. On close-only data the open, high and low are the close. Exit fills pay the usual costs.
 *
 * @param stopLoss loss fraction in (0, 1), or NaN
 * @param takeProfit gain fraction &gt; 0, or NaN
 * @param trailingStop retracement fraction in (0, 1), or NaN
 * @param atrMultiple multiple of the ATR &gt; 0, or NaN
 * @param atrPeriod ATR period &gt;= 1 (ignored when {@code atrMultiple} is NaN)
 * @since 0.1.0
 */
public record Exits(double stopLoss, double takeProfit, double trailingStop, double atrMultiple,
    int atrPeriod) {

  /**
   * Validates the fields.
   *
   * @param stopLoss loss fraction in (0, 1), or NaN
   * @param takeProfit gain fraction &gt; 0, or NaN
   * @param trailingStop retracement fraction in (0, 1), or NaN
   * @param atrMultiple multiple of the ATR &gt; 0, or NaN
   * @param atrPeriod ATR period &gt;= 1 (ignored when {@code atrMultiple} is NaN)
   */
  public Exits {
    fraction(stopLoss, "stopLoss", 1);
    fraction(trailingStop, "trailingStop", 1);
    fraction(takeProfit, "takeProfit", Double.POSITIVE_INFINITY);
    fraction(atrMultiple, "atrMultiple", Double.POSITIVE_INFINITY);
    if (atrPeriod < 1) {
      throw new IllegalArgumentException("Expected atrPeriod >= 1, but found " + atrPeriod);
    }
  }

  private static void fraction(double v, String name, double upper) {
    if (!Double.isNaN(v) && !(v > 0 && v < upper)) {
      throw new IllegalArgumentException("Expected " + name + " in (0, " + upper
          + ") or NaN, but found " + v);
    }
  }

  /**
   * No price-level exits.
   *
   * @return exits with every rule off (ATR period 14 for a later ATR stop)
   */
  public static Exits none() {
    return new Exits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 14);
  }

  /**
   * Shorthand for {@code none().withStopLoss(fraction)}.
   *
   * @param fraction the loss from the entry price that exits, in (0, 1) (0.05 = 5 %)
   * @return exits with only a stop-loss
   */
  public static Exits stopLoss(double fraction) {
    return none().withStopLoss(fraction);
  }

  /**
   * A copy with a fixed stop-loss {@code fraction} below (above, for shorts) the entry.
   *
   * @param fraction the loss from the entry price that exits, in (0, 1) (0.05 = 5 %), or NaN for
   *     none
   * @return a copy with {@code stopLoss = fraction}
   */
  public Exits withStopLoss(double fraction) {
    return new Exits(fraction, takeProfit, trailingStop, atrMultiple, atrPeriod);
  }

  /**
   * A copy with a take-profit {@code fraction} above (below, for shorts) the entry.
   *
   * @param fraction the gain from the entry price that exits, finite &gt; 0 (0.1 = 10 %), or NaN
   *     for none
   * @return a copy with {@code takeProfit = fraction}
   */
  public Exits withTakeProfit(double fraction) {
    return new Exits(stopLoss, fraction, trailingStop, atrMultiple, atrPeriod);
  }

  /**
   * A copy with a trailing stop {@code fraction} below the best price since entry.
   *
   * @param fraction the retracement from the best price that exits, in (0, 1) (0.08 = 8 %), or NaN
   *     for none
   * @return a copy with {@code trailingStop = fraction}
   */
  public Exits withTrailingStop(double fraction) {
    return new Exits(stopLoss, takeProfit, fraction, atrMultiple, atrPeriod);
  }

  /**
   * A copy with a stop {@code multiple} Wilder ATRs of {@code period} bars from the entry.
   *
   * @param multiple the distance from the entry in ATRs, finite &gt; 0 (e.g. 2), or NaN for none
   * @param period the ATR period in bars, &gt;= 1 (e.g. 14)
   * @return a copy with {@code atrMultiple = multiple} and {@code atrPeriod = period}
   */
  public Exits withAtrStop(double multiple, int period) {
    return new Exits(stopLoss, takeProfit, trailingStop, multiple, period);
  }

  /**
   * The active exits in words, e.g. {@code Exits: stop-loss 5%, trailing stop 8%, ATR stop 2 x
   * ATR(14)}, or {@code Exits: none}.
   */
  @Override
  public String toString() {
    java.util.List<String> on = new java.util.ArrayList<>();
    if (!Double.isNaN(stopLoss)) {
      on.add("stop-loss " + percent(stopLoss));
    }
    if (!Double.isNaN(takeProfit)) {
      on.add("take-profit " + percent(takeProfit));
    }
    if (!Double.isNaN(trailingStop)) {
      on.add("trailing stop " + percent(trailingStop));
    }
    if (!Double.isNaN(atrMultiple)) {
      on.add("ATR stop " + BacktestConfig.number(atrMultiple) + " x ATR(" + atrPeriod + ")");
    }
    return "Exits: " + (on.isEmpty() ? "none" : String.join(", ", on));
  }

  static String percent(double fraction) {
    return BacktestConfig.number(100 * fraction) + "%";
  }

  /**
   * True if at least one exit is switched on.
   *
   * @return true if at least one exit is switched on
   */
  public boolean isActive() {
    return !Double.isNaN(stopLoss) || !Double.isNaN(takeProfit) || !Double.isNaN(trailingStop)
        || !Double.isNaN(atrMultiple);
  }
}
