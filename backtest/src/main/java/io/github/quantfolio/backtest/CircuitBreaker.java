package io.github.quantfolio.backtest;

/**
 * A portfolio-level kill switch checked at every close: when equity has fallen more than
 * {@code maxDrawdown} below its peak (the peak since the start or since the last resumption), or
 * a single bar lost more than {@code dailyLossLimit}, every position is ordered to cash (filled
 * like any decision, on a later bar, with exit reason {@link ExitReason#CIRCUIT_BREAKER}). The
 * portfolio stays in cash until the next scheduled rebalance, which re-estimates weights and resets
 * the peak. NaN switches a rule off.
 *
 * @param maxDrawdown drawdown fraction in (0, 1), or NaN
 * @param dailyLossLimit one-bar loss fraction in (0, 1), or NaN
 * @since 0.1.0
 */
public record CircuitBreaker(double maxDrawdown, double dailyLossLimit) {

  /**
   * Validates the fields: each in (0, 1) or NaN, at least one set.
   *
   * @param maxDrawdown drawdown fraction in (0, 1), or NaN
   * @param dailyLossLimit one-bar loss fraction in (0, 1), or NaN
   */
  public CircuitBreaker {
    check(maxDrawdown, "maxDrawdown");
    check(dailyLossLimit, "dailyLossLimit");
    if (Double.isNaN(maxDrawdown) && Double.isNaN(dailyLossLimit)) {
      throw new IllegalArgumentException("Expected a maxDrawdown or a dailyLossLimit, but both "
          + "are NaN (off): such a breaker never trips");
    }
  }

  private static void check(double v, String name) {
    if (!Double.isNaN(v) && !(v > 0 && v < 1)) {
      throw new IllegalArgumentException("Expected 0 < " + name + " < 1 or NaN, but found " + v);
    }
  }

  /**
   * In words, e.g. {@code CircuitBreaker: to cash beyond a 25% drawdown from the peak or a 5%
   * loss in one bar}.
   */
  @Override
  public String toString() {
    String dd = Double.isNaN(maxDrawdown) ? null
        : "a " + Exits.percent(maxDrawdown) + " drawdown from the peak";
    String bar = Double.isNaN(dailyLossLimit) ? null
        : "a " + Exits.percent(dailyLossLimit) + " loss in one bar";
    return "CircuitBreaker: to cash beyond " + (dd == null ? bar : bar == null ? dd
        : dd + " or " + bar);
  }

  /**
   * Cash when the drawdown from the peak exceeds {@code fraction}.
   *
   * @param fraction the largest drawdown from the peak tolerated, in (0, 1) (0.2 = 20 %)
   * @return a breaker with only the drawdown rule
   */
  public static CircuitBreaker maxDrawdown(double fraction) {
    return new CircuitBreaker(fraction, Double.NaN);
  }

  /**
   * Cash when one bar loses more than {@code fraction}.
   *
   * @param fraction the largest loss in one bar tolerated, in (0, 1) (0.05 = 5 %)
   * @return a breaker with only the one-bar rule
   */
  public static CircuitBreaker dailyLossLimit(double fraction) {
    return new CircuitBreaker(Double.NaN, fraction);
  }

  /**
   * A copy that also has a one-bar loss limit.
   *
   * @param fraction the largest loss in one bar tolerated, in (0, 1), or NaN to switch it off
   * @return a copy with {@code dailyLossLimit = fraction}
   */
  public CircuitBreaker withDailyLossLimit(double fraction) {
    return new CircuitBreaker(maxDrawdown, fraction);
  }
}
