package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.Metrics;
import java.util.Locale;

/**
 * The summary kept for each run of a {@link ParameterSweep} (the equity curve is dropped unless
 * asked for): the headline metrics of {@link io.github.quantfolio.risk.PerformanceReport}, computed
 * with the same {@link Metrics} definitions, plus trade statistics.
 *
 * <p><b>A wiped-out run</b> (equity at 0 or below on some bar, possible with costs, leverage or
 * shorts) has no defined returns from there on: {@code wipedOut} is true, {@code totalReturn} is
 * the true final equity over capital minus 1 (-1 or below), {@code maxDrawdown} is -1 (everything
 * was lost), and CAGR, volatility, Sharpe, Sortino and Calmar are NaN, so the run sorts last by
 * them.
 *
 * @param totalReturn compounded return over the run (fraction)
 * @param cagr compound annual growth rate (fraction); NaN for a run shorter than one year (see
 *     {@link Metrics#cagr}: returns of shorter periods are not annualised)
 * @param annualVolatility annualised volatility of per-bar returns (fraction)
 * @param sharpeRatio annualised Sharpe ratio over {@code riskFreeRate}
 * @param sortinoRatio annualised Sortino ratio over {@code riskFreeRate}
 * @param maxDrawdown maximum drawdown (negative fraction)
 * @param calmarRatio CAGR over |max drawdown| (NaN with the CAGR, or without a drawdown)
 * @param trades round trips (including one still open at the end)
 * @param winRate per-trade win rate: share of closed round trips with positive PnL (NaN without
 *     closed trades)
 * @param exposure share of bars ending with a position
 * @param periods the number of bars
 * @param riskFreeRate the annual risk-free rate of the Sharpe and Sortino ratios
 * @param wipedOut whether equity reached 0 or below (see above)
 * @since 0.1.0
 */
public record SweepMetrics(double totalReturn, double cagr, double annualVolatility,
    double sharpeRatio, double sortinoRatio, double maxDrawdown, double calmarRatio, int trades,
    double winRate, double exposure, int periods, double riskFreeRate, boolean wipedOut) {

  /**
   * The metrics of an equity curve in two fused passes (the {@link Metrics} functions would walk it
   * a dozen times, which dominated sweep time). Same definitions as {@link Metrics}: Sharpe on
   * {@code r - rf} with the n - 1 standard deviation, Sortino over the downside deviation below
   * {@code rf} (mean over all n periods), CAGR over all periods if they make a year (else NaN),
   * drawdowns from the starting capital as the first peak. Falls back to {@link Metrics} if a
   * return or a sum of squares is not finite.
   */
  static SweepMetrics of(double[] equity, double initial, Frequency frequency,
      double riskFreeAnnual, int trades, int closedTrades, int wins, int barsInvested) {
    int n = equity.length;
    double f = frequency.periodsPerYear();
    double rf = Math.pow(1 + riskFreeAnnual, 1 / f) - 1;
    double winRate = closedTrades == 0 ? Double.NaN : (double) wins / closedTrades;
    double exposure = (double) barsInvested / n;
    double nan = Double.NaN;
    double[] r = returns(equity, initial);
    double sum = 0;
    double peak = initial;
    double maxDd = 0;
    boolean positive = true;
    for (int t = 0; t < n; t++) {
      sum += r[t];
      double e = equity[t];
      positive &= e > 0;
      if (e > peak) {
        peak = e;
      }
      double dd = e / peak - 1;
      if (dd < maxDd) {
        maxDd = dd;
      }
    }
    if (!positive) {
      return new SweepMetrics(equity[n - 1] / initial - 1, nan, nan, nan, nan, -1, nan, trades,
          winRate, exposure, n, riskFreeAnnual, true);
    }
    if (!Double.isFinite(sum) || n < 2) { // a NaN or infinite return poisons the sum
      double cagr = Metrics.cagr(r, frequency);
      return new SweepMetrics(Metrics.cumulativeReturn(r), cagr,
          Metrics.annualVolatility(r, frequency), Metrics.sharpeRatio(r, rf, frequency),
          Metrics.sortinoRatio(r, rf, frequency), Metrics.maxDrawdown(r),
          Metrics.calmarRatio(r, frequency), trades, winRate, exposure, n, riskFreeAnnual, false);
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
    if (!(ss < Double.POSITIVE_INFINITY) || !(ssEx < Double.POSITIVE_INFINITY)) {
      // squares overflowed (returns beyond ~1e154): Metrics sums them rescaled
      return new SweepMetrics(equity[n - 1] / initial - 1, Metrics.cagr(r, frequency),
          Metrics.annualVolatility(r, frequency), Metrics.sharpeRatio(r, rf, frequency),
          Metrics.sortinoRatio(r, rf, frequency), maxDd, Metrics.calmarRatio(r, frequency),
          trades, winRate, exposure, n, riskFreeAnnual, false);
    }
    double m1 = mean + c / n;
    double m1Ex = meanEx + cEx / n;
    // sum (x - m')^2 = sum (x - m)^2 - n (m' - m)^2
    double std = Math.sqrt((ss - n * (m1 - mean) * (m1 - mean)) / (n - 1));
    double stdEx = Math.sqrt((ssEx - n * (m1Ex - meanEx) * (m1Ex - meanEx)) / (n - 1));
    double cagr = n >= f ? Math.expm1(Math.log(equity[n - 1] / initial) * f / n) : Double.NaN;
    double downsideRisk = Math.sqrt(downside / n) * Math.sqrt(f);
    return new SweepMetrics(equity[n - 1] / initial - 1, cagr, std * Math.sqrt(f),
        m1Ex / stdEx * Math.sqrt(f), m1Ex * f / downsideRisk, maxDd,
        maxDd < 0 ? cagr / -maxDd : Double.NaN, trades, winRate, exposure, n, riskFreeAnnual,
        false);
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

  /**
   * The value of {@code metric}.
   *
   * @param metric the metric, not null
   * @return its value in this record's units (see the field of that name)
   */
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

  /**
   * One line with units: fractions as percentages, ratios annualised with the risk-free rate,
   * the per-trade win rate; "-" for undefined values.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%sreturn %s, CAGR %s, vol %s (ann.), Sharpe %s and "
        + "Sortino %s (ann., rf %s a year), max DD %s, Calmar %s, %d trades, per-trade win rate "
        + "%s, exposure %s of bars", wipedOut ? "WIPED OUT: " : "", pct(totalReturn), pct(cagr),
        pct(annualVolatility), num(sharpeRatio), num(sortinoRatio), pct(riskFreeRate),
        pct(maxDrawdown), num(calmarRatio), trades, pct(winRate), pct(exposure));
  }

  private static String pct(double v) {
    return v == v ? TextTable.num(100 * v, 2) + "%" : "-";
  }

  private static String num(double v) {
    return v == v ? TextTable.num(v, 3) : "-";
  }
}
