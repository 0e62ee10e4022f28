package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import java.util.List;

/**
 * Annualised expected-return estimators from historical prices, as in PyPortfolioOpt's
 * {@code expected_returns} module. Each works per asset on that asset's own valid returns
 * ({@link PriceFrame#returns()}: NaN wherever either price is missing), so late listings use
 * their shorter history; {@code f} is the frame's periods per year.
 *
 * <h2>Sample size</h2>
 * The estimate of an asset uses its {@code returns.validCount(asset)} valid returns
 * ({@code prices.returns().describe()} lists each asset's count and first and last date). The
 * minimum-observation rule: an asset needs at least {@code min(f, rows / 2)} valid returns - a
 * year of them, or half of the frame's rows. Below both, its annual figure would be an
 * extrapolation of a sample much shorter than the other assets' (a stock listed two days before
 * the end of a 16-day window gave -918% a year from 2 returns), so it is refused with the count
 * and dates; estimate on a window in which it trades throughout, or leave it out. A frame whose
 * assets all have the same count (e.g. after {@code dropIncompleteRows()}) always passes: its
 * sample size is the frame's, chosen by the caller. The same rule applies to the pairs behind a
 * CAPM beta's asset column.
 *
 * @since 0.1.0
 */
public final class ExpectedReturns {

  private ExpectedReturns() {
  }

  private static double ppy(ReturnFrame r) {
    try {
      return r.frequency().periodsPerYear();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The count of valid returns of one column, checked against the minimum-observation rule: an
   * asset needs at least {@code min(f, rows / 2)} valid returns, i.e. a year of them or half of
   * the frame (see the class comment).
   *
   * @throws IllegalArgumentException if the column has no valid return, or fewer than the rule
   *     asks (asset, count, dates, frame rows and periods a year named)
   */
  private static int valid(ReturnFrame r, double[] x, String asset, double f) {
    int n = 0;
    int first = -1;
    int last = -1;
    for (int t = 0; t < x.length; t++) {
      if (x[t] == x[t]) {
        n++;
        first = first < 0 ? t : first;
        last = t;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("Asset '" + asset + "' has no valid return");
    }
    if (n < f && 2 * n < x.length) {
      throw new IllegalArgumentException("The expected return of '" + asset + "' would rest on "
          + n + " valid return" + (n == 1 ? "" : "s") + " (" + r.index().label(first) + " .. "
          + r.index().label(last) + ") of the frame's " + x.length + " rows: fewer than half "
          + "the frame and less than a year (" + MeanVariance.fmt(f) + " periods), so annualising "
          + "would extrapolate them " + MeanVariance.fmt(Math.round(f / n * 10) / 10.0)
          + "-fold while other assets use a longer sample; estimate on a window in which '"
          + asset + "' trades throughout (dropIncompleteRows() or between(...)), or leave it out");
    }
    return n;
  }

  /**
   * Compounded (geometric) mean: {@code (prod(1 + r))^(f / n) - 1} over the asset's n valid
   * returns (PyPortfolioOpt {@code mean_historical_return}).
   *
   * @param prices prices per asset (NaN = missing), whose frequency is given or can be inferred
   * @return the annualised geometric mean return of each asset (fraction, 0.07 = 7 % a year)
   * @throws IllegalArgumentException if an asset has no valid return, or fewer than the
   *     minimum-observation rule asks (see the class comment; asset, count and dates named)
   */
  public static AssetVector meanHistorical(PriceFrame prices) {
    return meanHistorical(Checks.notNull(prices, "prices").returns());
  }

  /**
   * {@link #meanHistorical(PriceFrame)} from simple returns.
   *
   * @param returns simple returns per asset (NaN = missing), whose frequency is given or can be
   *     inferred
   * @return the annualised geometric mean return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #meanHistorical(PriceFrame)}, or for log returns
   */
  public static AssetVector meanHistorical(ReturnFrame returns) {
    requireSimple(returns);
    double f = ppy(returns);
    List<String> assets = returns.assets();
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      double[] r = returns.column(a);
      int n = valid(returns, r, assets.get(a), f);
      double logG = 0;
      for (double v : r) {
        if (v == v) {
          logG += Math.log1p(v);
        }
      }
      double g = logG / n;
      out[a] = annualised(Math.expm1(logG * f / n), "Geometric mean return of '" + assets.get(a)
          + "'", "mean log growth " + MeanVariance.fmt(g), f);
    }
    return AssetVector.of(assets, out);
  }

  /**
   * Arithmetic mean x f over each asset's valid returns.
   *
   * @param prices prices per asset (NaN = missing), whose frequency is given or can be inferred
   * @return the annualised arithmetic mean return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #meanHistorical(PriceFrame)}
   */
  public static AssetVector arithmetic(PriceFrame prices) {
    return arithmetic(Checks.notNull(prices, "prices").returns());
  }

  /**
   * {@link #arithmetic(PriceFrame)} from simple returns.
   *
   * @param returns simple returns per asset (NaN = missing), whose frequency is given or can be
   *     inferred
   * @return the annualised arithmetic mean return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #meanHistorical(PriceFrame)}, or for log returns
   */
  public static AssetVector arithmetic(ReturnFrame returns) {
    requireSimple(returns);
    double f = ppy(returns);
    List<String> assets = returns.assets();
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      valid(returns, returns.column(a), assets.get(a), f);
      out[a] = returns.mean(assets.get(a)) * f;
    }
    return AssetVector.of(assets, out);
  }

  /**
   * Exponentially weighted mean, compounded: {@code (1 + m)^f - 1} with
   * {@code m = sum_t w_t r_t / sum_t w_t}, {@code w_t = (1 - a)^(T - 1 - t)},
   * {@code a = 2 / (span + 1)}, over each asset's valid returns with weights by position
   * (pandas {@code ewm(span, adjust=True).mean()}; PyPortfolioOpt {@code ema_historical_return}).
   *
   * @param prices prices per asset (NaN = missing), whose frequency is given or can be inferred
   * @param span the span in periods, finite and &gt;= 1 (PyPortfolioOpt's default is 500)
   * @return the annualised exponentially weighted mean return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #meanHistorical(PriceFrame)}, or if span &lt; 1
   */
  public static AssetVector ema(PriceFrame prices, double span) {
    return ema(Checks.notNull(prices, "prices").returns(), span);
  }

  /**
   * {@link #ema(PriceFrame, double)} from simple returns.
   *
   * @param returns simple returns per asset (NaN = missing), whose frequency is given or can be
   *     inferred
   * @param span the span in periods, finite and &gt;= 1
   * @return the annualised exponentially weighted mean return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #ema(PriceFrame, double)}, or for log returns
   */
  public static AssetVector ema(ReturnFrame returns, double span) {
    requireSimple(returns);
    Checks.finite(span, "span");
    if (span < 1) {
      throw new IllegalArgumentException("Expected span >= 1, but found " + span);
    }
    double f = ppy(returns);
    double decay = 1 - 2 / (span + 1);
    List<String> assets = returns.assets();
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      double[] r = returns.column(a);
      valid(returns, r, assets.get(a), f);
      double num = 0;
      double den = 0;
      double w = 1;
      for (int t = r.length - 1; t >= 0; t--) {
        if (r[t] == r[t]) {
          num += w * r[t];
          den += w;
        }
        w *= decay;
      }
      out[a] = annualised(Math.pow(1 + num / den, f) - 1, "EMA return of '" + assets.get(a) + "'",
          "weighted mean return " + MeanVariance.fmt(num / den), f);
    }
    return AssetVector.of(assets, out);
  }

  /**
   * CAPM expected returns {@code rf + beta_i (R_m - rf)} (PyPortfolioOpt {@code capm_return}):
   * the market is {@code market} or, if null, the equal-weighted average of the assets' valid
   * returns each period; {@code beta_i = cov(r_i, m) / var(m)} where, as pandas and PyPortfolioOpt
   * compute it, the covariance uses the periods where both are valid and the market variance all
   * of the market's valid periods (both with divisor n - 1); {@code R_m} is the market's
   * compounded annual return.
   *
   * @param prices prices per asset (NaN = missing), whose frequency is given or can be inferred
   * @param market market prices (one column, same timestamps as {@code prices}), or null
   * @param riskFreeRate the annual risk-free rate (fraction, 0.02 = 2 %), finite
   * @return the annualised CAPM expected return of each asset (fraction)
   * @throws IllegalArgumentException as {@link #meanHistorical(PriceFrame)} for each asset, or
   *     if the timestamps differ, the market does not vary or a beta has fewer than 2 pairs
   */
  public static AssetVector capm(PriceFrame prices, PriceFrame market, double riskFreeRate) {
    Checks.notNull(prices, "prices");
    Checks.finite(riskFreeRate, "riskFreeRate");
    ReturnFrame r = prices.returns();
    double f = ppy(r);
    int t = r.rows();
    double[] m;
    if (market != null) {
      if (market.assetCount() != 1) {
        throw new IllegalArgumentException("Expected one market column, but found " + market.assets());
      }
      if (!market.index().equals(prices.index())) {
        throw new IllegalArgumentException("Market and asset prices must share timestamps, but the "
            + "market has " + market.index() + " and the assets " + prices.index() + "; align "
            + "them first (e.g. join with Alignment.INTERSECTION)");
      }
      m = market.returns().column(0);
    } else {
      m = new double[t];
      for (int k = 0; k < t; k++) {
        double s = 0;
        int c = 0;
        for (int a = 0; a < r.assetCount(); a++) {
          double v = r.get(k, a);
          if (v == v) {
            s += v;
            c++;
          }
        }
        m[k] = c == 0 ? Double.NaN : s / c;
      }
    }
    int nm = valid(r, m, "market", f);
    double logG = 0;
    for (double v : m) {
      if (v == v) {
        logG += Math.log1p(v);
      }
    }
    double marketReturn = annualised(Math.expm1(logG * f / nm), "The market's return",
        "mean log growth " + MeanVariance.fmt(logG / nm), f);
    List<String> assets = r.assets();
    double varM = marketVariance(m);
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      double[] x = r.column(a);
      valid(r, x, assets.get(a), f);
      double beta = pairCovariance(x, m, assets.get(a)) / varM;
      out[a] = riskFreeRate + beta * (marketReturn - riskFreeRate);
      if (!Double.isFinite(out[a])) {
        throw new IllegalArgumentException("CAPM return of '" + assets.get(a) + "' overflows: beta "
            + MeanVariance.fmt(beta) + " x market excess return "
            + MeanVariance.fmt(marketReturn - riskFreeRate) + " is beyond the double range");
      }
    }
    return AssetVector.of(assets, out);
  }

  private static double marketVariance(double[] m) {
    double s = 0;
    int n = 0;
    for (double v : m) {
      if (v == v) {
        s += v;
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("The market has " + n + " valid return(s); a beta needs 2");
    }
    double mean = s / n;
    double ss = 0;
    for (double v : m) {
      if (v == v) {
        ss += (v - mean) * (v - mean);
      }
    }
    if (ss == 0) {
      throw new IllegalArgumentException("The market return does not vary; betas are undefined");
    }
    return ss / (n - 1);
  }

  private static double pairCovariance(double[] x, double[] m, String asset) {
    double sx = 0;
    double sm = 0;
    int n = 0;
    for (int k = 0; k < x.length; k++) {
      if (x[k] == x[k] && m[k] == m[k]) {
        sx += x[k];
        sm += m[k];
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("Asset '" + asset + "' shares " + n
          + " period(s) with the market; a beta needs 2");
    }
    double mx = sx / n;
    double mm = sm / n;
    double cov = 0;
    for (int k = 0; k < x.length; k++) {
      if (x[k] == x[k] && m[k] == m[k]) {
        cov += (x[k] - mx) * (m[k] - mm);
      }
    }
    return cov / (n - 1);
  }

  /**
   * {@code value}, or an error saying that annualising {@code what} overflowed (a compounded
   * growth beyond the double range would otherwise surface as "Value of 'X' is Infinity").
   */
  private static double annualised(double value, String what, String perPeriod, double f) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " overflows: " + perPeriod
          + " per period, annualised over " + MeanVariance.fmt(f) + " periods a year, is beyond "
          + "the double range (are these prices in one currency unit, without splits?)");
    }
    return value;
  }

  private static void requireSimple(ReturnFrame r) {
    Checks.notNull(r, "returns");
    if (r.type() != ReturnFrame.Type.SIMPLE) {
      throw new IllegalArgumentException("Expected simple returns, but found " + r.type()
          + " returns; convert with as(ReturnFrame.Type.SIMPLE)");
    }
  }
}
