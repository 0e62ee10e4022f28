package io.github.quantfolio.store;

/**
 * A metric column of a stored backtest run, for {@link RunQuery#where} and
 * {@link ResultStore#best(Metric, int)}. Returns are fractions, annualised where said; a metric
 * that was NaN when saved is SQL NULL and never matches a range, and sorts last.
 *
 * @since 0.1.0
 */
public enum Metric {
  /** Final equity in the account currency. */
  FINAL_EQUITY("final_equity", true),
  /** Total return over the run, a fraction. */
  TOTAL_RETURN("total_return", true),
  /** Compound annual growth rate, a fraction (NaN for a run shorter than a year). */
  ANNUAL_RETURN("annual_return", true),
  /** Annualised volatility of the per-bar returns (lower is better). */
  VOLATILITY("volatility", false),
  /** Annualised Sharpe ratio over the config's risk-free rate. */
  SHARPE("sharpe", true),
  /** Annualised Sortino ratio over the config's risk-free rate. */
  SORTINO("sortino", true),
  /** Maximum drawdown, a negative fraction (higher, i.e. closer to 0, is better). */
  MAX_DRAWDOWN("max_drawdown", true),
  /** Share of closed round trips that made money (NaN without closed trades). */
  WIN_RATE("win_rate", true),
  /** Number of round trips, open ones included. */
  TRADES("trades", true);

  private final String column;
  private final boolean higherIsBetter;

  Metric(String column, boolean higherIsBetter) {
    this.column = column;
    this.higherIsBetter = higherIsBetter;
  }

  /**
   * The column of table {@code backtest_runs} that holds the metric.
   *
   * @return the SQL column name
   */
  public String column() {
    return column;
  }

  /**
   * Whether a higher value ranks better in {@link ResultStore#best(Metric, int)}.
   *
   * @return true if higher is better
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
