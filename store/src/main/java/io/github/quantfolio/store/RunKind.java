package io.github.quantfolio.store;

/**
 * What kind of result a row of {@code backtest_runs} holds.
 *
 * @since 0.1.0
 */
public enum RunKind {
  /** A {@code BacktestResult} (signals or weights on one or more assets). */
  BACKTEST,
  /** A walk-forward portfolio ({@code PortfolioResult}): its backtest plus the rebalance log. */
  PORTFOLIO
}
