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

  /**
   * The metrics of an equity curve in two fused passes (the {@link Metrics} functions would walk it
   * a dozen times, which dominated sweep time). Same definitions as {@link Metrics}: Sharpe on
   * {@code r - rf} with the n - 1 standard deviation, Sortino over the downside deviation below
   * {@code rf} (mean over all n periods), CAGR over all periods, drawdowns from the starting
   * capital as the first peak. Falls back to {@link Metrics} if a return is not finite.
   */
  static SweepMetrics of(double[] equity, double initial, Frequency frequency,
      double riskFreeAnnual, int trades, int closedTrades, int wins, int barsInvested) {
    int n = equity.length;
    double f = frequency.periodsPerYear();
    double rf = Math.pow(1 + riskFreeAnnual, 1 / f) - 1;
    double winRate = closedTrades == 0 ? Double.NaN : (double) wins / closedTrades;
    double exposure = (double) barsInvested / n;
    double[] r = returns(equity, initial);
    double sum = 0;
    double peak = initial;
    double maxDd = 0;
    for (int t = 0; t < n; t++) {
      sum += r[t];
      double e = equity[t];
      if (e > peak) {
        peak = e;
      }
      double dd = e / peak - 1;
      if (dd < maxDd) {
        maxDd = dd;
      }
    }
    if (!Double.isFinite(sum) || n < 2) { // a NaN or infinite return poisons the sum
      double cagr = Metrics.cagr(r, frequency);
      return new SweepMetrics(Metrics.cumulativeReturn(r), cagr,
          Metrics.annualVolatility(r, frequency), Metrics.sharpeRatio(r, rf, frequency),
          Metrics.sortinoRatio(r, rf, frequency), Metrics.maxDrawdown(r),
          Metrics.calmarRatio(r, frequency), trades, winRate, exposure, n);
    }
    // two-pass moments with Metrics' correction term, of r and of r - rf
    double mean = sum / n;
    double meanEx = mean - rf;
    double c = 0;
    double cEx = 0;
    double ss = 0;
    double ssEx = 0;
    double downside = 0;
    for (int t = 0; t < n; t++) {
      double d = r[t] - mean;
      c += d;
      ss += d * d;
      double ex = r[t] - rf;
      double dEx = ex - meanEx;
      cEx += dEx;
      ssEx += dEx * dEx;
      double below = Math.min(ex, 0);
      downside += below * below;
    }
    double m1 = mean + c / n;
    double m1Ex = meanEx + cEx / n;
    // sum (x - m')^2 = sum (x - m)^2 - n (m' - m)^2
    double std = Math.sqrt((ss - n * (m1 - mean) * (m1 - mean)) / (n - 1));
    double stdEx = Math.sqrt((ssEx - n * (m1Ex - meanEx) * (m1Ex - meanEx)) / (n - 1));
    double cagr = Math.expm1(Math.log(equity[n - 1] / initial) * f / n);
    double downsideRisk = Math.sqrt(downside / n) * Math.sqrt(f);
    return new SweepMetrics(equity[n - 1] / initial - 1, cagr, std * Math.sqrt(f),
        m1Ex / stdEx * Math.sqrt(f), m1Ex * f / downsideRisk, maxDd,
        maxDd < 0 ? cagr / -maxDd : Double.NaN, trades, winRate, exposure, n);
  }

  private static double[] returns(double[] equity, double initial) {
    double[] r = new double[equity.length];
    double prev = initial;
    for (int t = 0; t < r.length; t++) {
      r[t] = equity[t] / prev - 1;
      prev = equity[t];
    }
    return r;
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
