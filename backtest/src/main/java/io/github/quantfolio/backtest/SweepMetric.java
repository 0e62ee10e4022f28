package io.github.quantfolio.backtest;

/**
 * The metrics a sweep can be sorted and selected by; {@link #higherIsBetter()} gives the natural
 * direction (a max drawdown is negative, so higher — closer to 0 — is better too).
 *
 * @since 0.1.0
 */
public enum SweepMetric {
  /** {@link SweepMetrics#totalReturn()}. */
  TOTAL_RETURN(true),
  /** {@link SweepMetrics#cagr()}. */
  CAGR(true),
  /** {@link SweepMetrics#annualVolatility()}. */
  VOLATILITY(false),
  /** {@link SweepMetrics#sharpeRatio()}. */
  SHARPE(true),
  /** {@link SweepMetrics#sortinoRatio()}. */
  SORTINO(true),
  /** {@link SweepMetrics#maxDrawdown()} (negative). */
  MAX_DRAWDOWN(true),
  /** {@link SweepMetrics#calmarRatio()}. */
  CALMAR(true),
  /** {@link SweepMetrics#trades()}. */
  TRADES(true),
  /** {@link SweepMetrics#winRate()}. */
  WIN_RATE(true),
  /** {@link SweepMetrics#exposure()}. */
  EXPOSURE(true);

  private final boolean higherIsBetter;

  SweepMetric(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /**
   * True if larger values are better.
   *
   * @return true if larger values are better
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
