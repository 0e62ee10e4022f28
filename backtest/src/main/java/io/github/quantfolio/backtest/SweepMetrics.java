package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.risk.Metrics;
import java.util.Locale;

/**
 * The summary kept for each run of a {@link ParameterSweep} (the equity curve is dropped unless
 * asked for): the headline metrics of {@link io.github.quantfolio.risk.PerformanceReport}, computed
 * with the same {@link Metrics} functions, plus trade statistics.
 *
 * @param totalReturn compounded return over the run
 * @param cagr compound annual growth rate
 * @param annualVolatility annualised volatility of per-bar returns
 * @param sharpeRatio annualised Sharpe ratio (risk-free rate from the config)
 * @param sortinoRatio annualised Sortino ratio
 * @param maxDrawdown maximum drawdown (negative)
 * @param calmarRatio CAGR over |max drawdown|
 * @param trades round trips (including one still open at the end)
 * @param winRate share of closed round trips with positive PnL (NaN without closed trades)
 * @param exposure share of bars ending with a position
 * @param periods the number of bars
 * @since 0.1.0
 */
public record SweepMetrics(double totalReturn, double cagr, double annualVolatility,
    double sharpeRatio, double sortinoRatio, double maxDrawdown, double calmarRatio, int trades,
    double winRate, double exposure, int periods) {

  static SweepMetrics of(double[] returns, Frequency f, double riskFreeAnnual, int trades,
      int closedTrades, int wins, int barsInvested) {
    double rf = Math.pow(1 + riskFreeAnnual, 1 / f.periodsPerYear()) - 1;
    double cagr = Metrics.cagr(returns, f);
    double mdd = Metrics.maxDrawdown(returns);
    return new SweepMetrics(Metrics.cumulativeReturn(returns), cagr,
        Metrics.annualVolatility(returns, f), Metrics.sharpeRatio(returns, rf, f),
        Metrics.sortinoRatio(returns, rf, f), mdd, Metrics.calmarRatio(returns, f), trades,
        closedTrades == 0 ? Double.NaN : (double) wins / closedTrades,
        (double) barsInvested / returns.length, returns.length);
  }

  /** The value of {@code metric}. */
  public double get(SweepMetric metric) {
    return switch (metric) {
      case TOTAL_RETURN -> totalReturn;
      case CAGR -> cagr;
      case VOLATILITY -> annualVolatility;
      case SHARPE -> sharpeRatio;
      case SORTINO -> sortinoRatio;
      case MAX_DRAWDOWN -> maxDrawdown;
      case CALMAR -> calmarRatio;
      case TRADES -> trades;
      case WIN_RATE -> winRate;
      case EXPOSURE -> exposure;
    };
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "return %.4f, CAGR %.4f, vol %.4f, Sharpe %.3f, Sortino "
        + "%.3f, max DD %.4f, Calmar %.3f, %d trades, win rate %.3f, exposure %.3f", totalReturn,
        cagr, annualVolatility, sharpeRatio, sortinoRatio, maxDrawdown, calmarRatio, trades,
        winRate, exposure);
  }
}
