package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.internal.Normal;
import io.github.quantfolio.risk.internal.TailQuantiles;
import io.github.quantfolio.risk.internal.WealthPath;

/**
 * Performance and risk metrics of a series of per-period <b>simple</b> returns, with the
 * semantics of empyrical (Quantopian) and, for the trade statistics, quantstats.
 *
 * <p><b>Units.</b> Inputs are per period (0.01 = 1%); a {@link Frequency} gives the periods per
 * year {@code f} used to annualise: means x {@code f}, volatilities x {@code sqrt(f)}. Rates
 * named {@code ...PerPeriod} are per period, {@code ...Annual} per year.
 *
 * <p><b>Missing values.</b> NaN marks a period without a return. Unless a method says otherwise
 * it is <em>skipped</em>: statistics use the valid returns only ({@code n} below counts them).
 * Compounding metrics ({@link #cumulativeReturn}, {@link #cagr}, drawdowns) treat NaN as a period
 * of no change, and {@link #cagr} counts it in the elapsed time, as empyrical does. Two-series
 * metrics use the periods where both are valid.
 *
 * <p><b>Undefined values.</b> Where a ratio's denominator is zero (no volatility, no losing
 * period, no drawdown) the result is what IEEE division gives, as in empyrical: {@code ±Infinity}
 * for a non-zero numerator, NaN for {@code 0/0}. Series too short for a statistic (fewer than 2
 * valid returns for anything with a standard deviation) give NaN. Each method states its case.
 * Arguments that are wrong (null, mismatched lengths, a window of 0, a confidence outside
 * (0, 1)) throw instead.
 *
 * @since 0.1.0
 */
public final class Metrics {

  private Metrics() {
  }

  // ------------------------------------------------------------------ helpers

  private static double[] check(double[] r, String name) {
    Checks.notNull(r, name);
    for (int i = 0; i < r.length; i++) {
      if (Double.isInfinite(r[i])) {
        throw new IllegalArgumentException("Return at position " + i + " of '" + name + "' is "
            + r[i] + "; returns must be finite (NaN for missing)");
      }
    }
    return r;
  }

  private static void sameLength(double[] r, double[] b) {
    if (r.length != b.length) {
      throw new IllegalArgumentException("Expected returns and benchmark of equal length, but found "
          + r.length + " and " + b.length);
    }
  }

  private static double ppy(Frequency frequency) {
    return Checks.notNull(frequency, "frequency").periodsPerYear();
  }

  /** Mean of valid values (one correction pass); NaN if none. */
  static double mean(double[] r) {
    double s = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        s += v;
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double m = s / n;
    double c = 0;
    for (double v : r) {
      if (v == v) {
        c += v - m;
      }
    }
    return m + c / n;
  }

  /** Sample standard deviation (divisor n - 1) of valid values; NaN if fewer than 2. */
  static double std(double[] r) {
    double m = mean(r);
    double ss = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        double d = v - m;
        ss += d * d;
        n++;
      }
    }
    return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
  }

  private static double[] minus(double[] r, double c) {
    double[] out = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i] - c;
    }
    return out;
  }

  /** r - b where both are valid, NaN elsewhere. */
  private static double[] active(double[] r, double[] b) {
    double[] out = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i] - b[i];
    }
    return out;
  }

  private static int countValid(double[] r) {
    int n = 0;
    for (double v : r) {
      if (v == v) {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ returns

  /**
   * Total compounded return {@code prod(1 + r_t) - 1}; NaN periods count as no change; 0 for an
   * empty series.
   */
  public static double cumulativeReturn(double[] returns) {
    check(returns, "returns");
    return Math.expm1(WealthPath.walk(returns, null).logWealth);
  }

  /**
   * Compound annual growth rate {@code (1 + cumulativeReturn)^(f / n) - 1} where {@code n} is the
   * number of periods <em>including</em> NaN ones (empyrical's {@code annual_return}); NaN for an
   * empty series.
   */
  public static double cagr(double[] returns, Frequency frequency) {
    check(returns, "returns");
    double f = ppy(frequency);
    if (returns.length == 0) {
      return Double.NaN;
    }
    // exp(log W x f / n): finite even when W itself would overflow a double
    return Math.expm1(WealthPath.walk(returns, null).logWealth * f / returns.length);
  }

  /** Annualised volatility: sample standard deviation (n - 1) x {@code sqrt(f)}; NaN if n &lt; 2. */
  public static double annualVolatility(double[] returns, Frequency frequency) {
    check(returns, "returns");
    return std(returns) * Math.sqrt(ppy(frequency));
  }

  /**
   * Annualised Sharpe ratio {@code mean(r - rf) / std(r - rf) x sqrt(f)} with the sample
   * standard deviation (n - 1). NaN if n &lt; 2; {@code ±Infinity} or NaN for zero volatility.
   */
  public static double sharpeRatio(double[] returns, double riskFreePerPeriod, Frequency frequency) {
    check(returns, "returns");
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    double f = ppy(frequency);
    double[] ex = minus(returns, riskFreePerPeriod);
    if (countValid(ex) < 2) {
      return Double.NaN;
    }
    return mean(ex) / std(ex) * Math.sqrt(f);
  }

  /**
   * Annualised downside deviation below a required return:
   * {@code sqrt(mean(min(r - req, 0)^2)) x sqrt(f)}, the mean taken over all n valid periods
   * (empyrical's {@code downside_risk}). NaN for an empty series.
   */
  public static double downsideRisk(double[] returns, double requiredReturnPerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    Checks.finite(requiredReturnPerPeriod, "requiredReturnPerPeriod");
    double f = ppy(frequency);
    double s = 0;
    int n = 0;
    for (double v : returns) {
      if (v == v) {
        double d = Math.min(v - requiredReturnPerPeriod, 0);
        s += d * d;
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.sqrt(s / n) * Math.sqrt(f);
  }

  /**
   * Annualised Sortino ratio {@code mean(r - req) x f / downsideRisk(r, req, f)} (empyrical).
   * NaN if n &lt; 2; {@code +Infinity} when no period falls below {@code req} and the mean
   * excess is positive.
   */
  public static double sortinoRatio(double[] returns, double requiredReturnPerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    Checks.finite(requiredReturnPerPeriod, "requiredReturnPerPeriod");
    double f = ppy(frequency);
    double[] ex = minus(returns, requiredReturnPerPeriod);
    if (countValid(ex) < 2) {
      return Double.NaN;
    }
    return mean(ex) * f / downsideRisk(returns, requiredReturnPerPeriod, frequency);
  }

  /**
   * The underwater series: {@code W_t / max(1, W_1..W_t) - 1} where {@code W} is wealth
   * compounded from 1 (NaN periods hold wealth unchanged); values in (-1, 0].
   */
  public static double[] drawdownSeries(double[] returns) {
    check(returns, "returns");
    double[] dd = new double[returns.length];
    WealthPath.walk(returns, dd);
    return dd;
  }

  /**
   * Maximum drawdown as a negative fraction (-0.10 = a 10% fall from a peak), the starting
   * wealth counting as a peak (empyrical); 0 if wealth never falls, including an empty series.
   */
  public static double maxDrawdown(double[] returns) {
    return WealthPath.walk(check(returns, "returns"), null).maxDrawdown;
  }

  /** Calmar ratio {@code cagr / |maxDrawdown|}; NaN when there is no drawdown (empyrical). */
  public static double calmarRatio(double[] returns, Frequency frequency) {
    double dd = maxDrawdown(returns);
    if (!(dd < 0)) {
      return Double.NaN;
    }
    return cagr(returns, frequency) / -dd;
  }

  /**
   * Omega ratio (Keating &amp; Shadwick 2002) as empyrical: with the per-period threshold
   * {@code tau = (1 + requiredReturnAnnual)^(1/f) - 1}, the sum of gains over {@code rf + tau}
   * divided by the sum of shortfalls below it. NaN if n &lt; 2 or there is no shortfall, or if
   * {@code requiredReturnAnnual <= -1}.
   */
  public static double omegaRatio(double[] returns, double riskFreePerPeriod,
      double requiredReturnAnnual, Frequency frequency) {
    check(returns, "returns");
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    Checks.finite(requiredReturnAnnual, "requiredReturnAnnual");
    double f = ppy(frequency);
    if (countValid(returns) < 2 || requiredReturnAnnual <= -1) {
      return Double.NaN;
    }
    double tau = f == 1 ? requiredReturnAnnual : Math.pow(1 + requiredReturnAnnual, 1 / f) - 1;
    double num = 0;
    double den = 0;
    for (double v : returns) {
      double d = v - riskFreePerPeriod - tau;
      if (d > 0) {
        num += d;
      } else if (d < 0) {
        den -= d;
      }
    }
    return den > 0 ? num / den : Double.NaN;
  }

  /**
   * {@code |q95| / |q5|} of the valid returns, quantiles interpolated linearly (numpy's
   * default). NaN for an empty series; {@code Infinity} if the 5th percentile is 0.
   */
  public static double tailRatio(double[] returns) {
    check(returns, "returns");
    int n = countValid(returns);
    if (n == 0) {
      return Double.NaN;
    }
    TailQuantiles.Result q = TailQuantiles.of(returns, n, 0.05);
    return Math.abs(q.upper()) / Math.abs(q.lower());
  }

  // ------------------------------------------------------------------ tail risk

  private static double checkConfidence(double confidence) {
    return Checks.inOpenRange(confidence, 0, 1, "confidence");
  }

  /**
   * Value at risk at {@code confidence} (e.g. 0.95) as a per-period <em>return</em>: the level
   * that returns fall below with probability {@code 1 - confidence}, so a loss is negative
   * (-0.03 = a 3% loss), as empyrical's {@code value_at_risk}.
   *
   * <ul>
   *   <li>HISTORICAL: the {@code 1 - confidence} quantile of the valid returns, interpolated
   *       linearly (numpy's default).
   *   <li>GAUSSIAN: {@code mean + z sd} with {@code z = Phi^-1(1 - confidence)}, sd with n - 1.
   *   <li>CORNISH_FISHER: {@code mean + z_cf sd}, {@code z_cf = z + (z^2 - 1) S/6 + (z^3 - 3z)
   *       K/24 - (2z^3 - 5z) S^2/36} with the moment skewness {@code S = m3 / m2^1.5} and excess
   *       kurtosis {@code K = m4 / m2^2 - 3} (population moments, as in the Cornish-Fisher
   *       literature).
   * </ul>
   *
   * NaN for an empty series (n &lt; 2 for the parametric methods).
   */
  public static double valueAtRisk(double[] returns, double confidence, VarMethod method) {
    check(returns, "returns");
    checkConfidence(confidence);
    Checks.notNull(method, "method");
    double alpha = 1 - confidence;
    if (method == VarMethod.HISTORICAL) {
      int n = countValid(returns);
      return n == 0 ? Double.NaN : TailQuantiles.of(returns, n, alpha).lower();
    }
    if (countValid(returns) < 2) {
      return Double.NaN;
    }
    double z = Normal.quantile(alpha);
    double m = mean(returns);
    double sd = std(returns);
    if (method == VarMethod.GAUSSIAN) {
      return m + z * sd;
    }
    double[] sk = momentSkewKurt(returns);
    double s = sk[0];
    double k = sk[1];
    double zcf = z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24
        - (2 * z * z * z - 5 * z) * s * s / 36;
    return m + zcf * sd;
  }

  /**
   * Conditional value at risk (expected shortfall) at {@code confidence}, as a per-period return
   * (negative for a loss): the mean return in the worst {@code 1 - confidence} of outcomes.
   *
   * <ul>
   *   <li>HISTORICAL: the mean of the {@code floor((n - 1)(1 - confidence)) + 1} smallest valid
   *       returns (empyrical's {@code conditional_value_at_risk}).
   *   <li>GAUSSIAN: {@code mean - sd phi(z) / (1 - confidence)}.
   *   <li>CORNISH_FISHER: the expected shortfall of the Cornish-Fisher quantile function,
   *       {@code (1/a) integral_0^a q_cf(u) du}, integrated in closed form with
   *       {@code integral_-inf^z x^k phi(x) dx} for k = 0..3.
   * </ul>
   *
   * NaN for an empty series (n &lt; 2 for the parametric methods).
   */
  public static double conditionalValueAtRisk(double[] returns, double confidence,
      VarMethod method) {
    check(returns, "returns");
    checkConfidence(confidence);
    Checks.notNull(method, "method");
    double alpha = 1 - confidence;
    if (method == VarMethod.HISTORICAL) {
      int n = countValid(returns);
      return n == 0 ? Double.NaN : TailQuantiles.of(returns, n, alpha).lowerTailMean();
    }
    if (countValid(returns) < 2) {
      return Double.NaN;
    }
    double z = Normal.quantile(alpha);
    double m = mean(returns);
    double sd = std(returns);
    double phi = Normal.density(z);
    if (method == VarMethod.GAUSSIAN) {
      return m - sd * phi / alpha;
    }
    double[] sk = momentSkewKurt(returns);
    double s = sk[0];
    double k = sk[1];
    // Partial moments of the standard normal below z, divided by alpha = Phi(z).
    double i0 = alpha;
    double i1 = -phi;
    double i2 = alpha - z * phi;
    double i3 = -(z * z + 2) * phi;
    double e = i1 + (i2 - i0) * s / 6 + (i3 - 3 * i1) * k / 24 - (2 * i3 - 5 * i1) * s * s / 36;
    return m + sd * e / alpha;
  }

  /** Population skewness m3/m2^1.5 and excess kurtosis m4/m2^2 - 3 of the valid values. */
  private static double[] momentSkewKurt(double[] r) {
    double m = mean(r);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        double d = v - m;
        double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
        n++;
      }
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
  }

  /**
   * Sample skewness, bias-corrected (adjusted Fisher-Pearson {@code G1 = g1 sqrt(n(n-1))/(n-2)},
   * as pandas {@code Series.skew}, Excel {@code SKEW} and {@code scipy.stats.skew(bias=False)}).
   * NaN if n &lt; 3 or all values are equal.
   */
  public static double skewness(double[] returns) {
    check(returns, "returns");
    int n = countValid(returns);
    if (n < 3) {
      return Double.NaN;
    }
    double[] sk = momentSkewKurt(returns);
    return sk[0] * Math.sqrt((double) n * (n - 1)) / (n - 2);
  }

  /**
   * Sample excess kurtosis, bias-corrected ({@code G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3))}, as
   * pandas {@code Series.kurt}, Excel {@code KURT} and
   * {@code scipy.stats.kurtosis(bias=False)}); 0 for a normal distribution. NaN if n &lt; 4 or
   * all values are equal.
   */
  public static double kurtosis(double[] returns) {
    check(returns, "returns");
    int n = countValid(returns);
    if (n < 4) {
      return Double.NaN;
    }
    double g2 = momentSkewKurt(returns)[1];
    return ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
  }

  // ------------------------------------------------------------------ versus a benchmark

  /**
   * Beta {@code cov(r, b) / var(b)} over the periods where both are valid (empyrical). NaN if
   * fewer than 2 such periods or the benchmark does not vary.
   */
  public static double beta(double[] returns, double[] benchmark) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    double[] r = new double[returns.length];
    double[] b = new double[returns.length];
    for (int i = 0; i < r.length; i++) {
      boolean both = returns[i] == returns[i] && benchmark[i] == benchmark[i];
      r[i] = both ? returns[i] : Double.NaN;
      b[i] = both ? benchmark[i] : Double.NaN;
    }
    if (countValid(r) < 2) {
      return Double.NaN;
    }
    double mr = mean(r);
    double mb = mean(b);
    double cov = 0;
    double var = 0;
    for (int i = 0; i < r.length; i++) {
      if (r[i] == r[i]) {
        double db = b[i] - mb;
        cov += (r[i] - mr) * db;
        var += db * db;
      }
    }
    return var == 0 ? Double.NaN : cov / var;
  }

  /**
   * Annualised Jensen's alpha as empyrical: {@code (1 + mean(r - rf - beta (b - rf)))^f - 1} over
   * the periods where both are valid, beta from {@link #beta}. NaN where beta is.
   */
  public static double alpha(double[] returns, double[] benchmark, double riskFreePerPeriod,
      Frequency frequency) {
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    double f = ppy(frequency);
    double[] r = minus(check(returns, "returns"), riskFreePerPeriod);
    double[] b = minus(check(benchmark, "benchmark"), riskFreePerPeriod);
    double beta = beta(r, b);
    if (beta != beta) {
      return Double.NaN;
    }
    double[] a = new double[r.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = r[i] - beta * b[i];
    }
    return Math.pow(1 + mean(a), f) - 1;
  }

  /**
   * Annualised tracking error: sample standard deviation (n - 1) of {@code r - b} x
   * {@code sqrt(f)} over the periods where both are valid. NaN if fewer than 2.
   */
  public static double trackingError(double[] returns, double[] benchmark, Frequency frequency) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    return std(active(returns, benchmark)) * Math.sqrt(ppy(frequency));
  }

  /**
   * Annualised information ratio {@code mean(r - b) / std(r - b) x sqrt(f)} (std with n - 1)
   * over the periods where both are valid. NaN if fewer than 2; {@code ±Infinity} or NaN if the
   * active return does not vary.
   */
  public static double informationRatio(double[] returns, double[] benchmark, Frequency frequency) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    double[] a = active(returns, benchmark);
    if (countValid(a) < 2) {
      return Double.NaN;
    }
    return mean(a) / std(a) * Math.sqrt(ppy(frequency));
  }

  /**
   * Up-market capture (empyrical): {@code cagr(r | b > 0) / cagr(b | b > 0)}, each CAGR over the
   * periods where the benchmark rose. NaN if it never rose.
   */
  public static double upCapture(double[] returns, double[] benchmark, Frequency frequency) {
    return capture(returns, benchmark, frequency, true);
  }

  /**
   * Down-market capture (empyrical): {@code cagr(r | b < 0) / cagr(b | b < 0)}. NaN if the
   * benchmark never fell.
   */
  public static double downCapture(double[] returns, double[] benchmark, Frequency frequency) {
    return capture(returns, benchmark, frequency, false);
  }

  private static double capture(double[] returns, double[] benchmark, Frequency frequency,
      boolean up) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    int n = 0;
    for (double b : benchmark) {
      if (up ? b > 0 : b < 0) {
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double[] r = new double[n];
    double[] b = new double[n];
    for (int i = 0, k = 0; i < benchmark.length; i++) {
      if (up ? benchmark[i] > 0 : benchmark[i] < 0) {
        r[k] = returns[i];
        b[k] = benchmark[i];
        k++;
      }
    }
    return cagr(r, frequency) / cagr(b, frequency);
  }

  // ------------------------------------------------------------------ path and trade statistics

  /**
   * Stability of the equity curve (empyrical {@code stability_of_timeseries}): the R^2 of a
   * least-squares line through the cumulative log returns {@code sum log(1 + r)} of the valid
   * periods against their position. NaN if fewer than 2 valid returns or a flat curve.
   */
  public static double stability(double[] returns) {
    return WealthPath.stability(check(returns, "returns"));
  }

  /**
   * Ulcer index (Martin &amp; McCann 1989): {@code sqrt(mean(d_t^2))} of the drawdown series
   * {@link #drawdownSeries} over all periods, as a fraction (0.05 = 5%). NaN for an empty series.
   */
  public static double ulcerIndex(double[] returns) {
    WealthPath p = WealthPath.walk(check(returns, "returns"), null);
    return p.periods == 0 ? Double.NaN : Math.sqrt(p.sumSquaredDrawdown / p.periods);
  }

  /**
   * Share of winning periods among the periods with a non-zero return (quantstats): flat
   * periods and NaN are not counted. NaN if no period has a non-zero return.
   */
  public static double winRate(double[] returns) {
    check(returns, "returns");
    int wins = 0;
    int decided = 0;
    for (double v : returns) {
      if (v > 0) {
        wins++;
      }
      if (v > 0 || v < 0) {
        decided++;
      }
    }
    return decided == 0 ? Double.NaN : (double) wins / decided;
  }

  /**
   * Sum of gains over the absolute sum of losses (quantstats {@code profit_factor}).
   * {@code +Infinity} with gains and no loss; NaN with neither.
   */
  public static double profitFactor(double[] returns) {
    check(returns, "returns");
    double gains = 0;
    double losses = 0;
    for (double v : returns) {
      if (v > 0) {
        gains += v;
      } else if (v < 0) {
        losses -= v;
      }
    }
    return gains / losses;
  }

  /**
   * Average winning return over the absolute average losing return (quantstats
   * {@code payoff_ratio}). {@code +Infinity} with wins and no loss; NaN without wins.
   */
  public static double payoffRatio(double[] returns) {
    check(returns, "returns");
    double gains = 0;
    double losses = 0;
    int w = 0;
    int l = 0;
    for (double v : returns) {
      if (v > 0) {
        gains += v;
        w++;
      } else if (v < 0) {
        losses -= v;
        l++;
      }
    }
    if (w == 0) {
      return Double.NaN;
    }
    return l == 0 ? Double.POSITIVE_INFINITY : (gains / w) / (losses / l);
  }

  /**
   * Kelly fraction {@code p - (1 - p) / R} with {@code p = winRate} and {@code R = payoffRatio}
   * (quantstats {@code kelly_criterion}): the fraction of capital a repeated bet with these odds
   * would stake. {@code p} when there is no loss; NaN where p or R is.
   */
  public static double kellyFraction(double[] returns) {
    double p = winRate(returns);
    double r = payoffRatio(returns);
    if (p != p || r != r) {
      return Double.NaN;
    }
    return p - (1 - p) / r;
  }

  // ------------------------------------------------------------------ rolling

  private static void checkWindow(int window, int length) {
    if (window < 2) {
      throw new IllegalArgumentException("Expected window >= 2, but found " + window);
    }
  }

  /**
   * Rolling annualised volatility over {@code window} periods: element {@code t} uses periods
   * {@code t - window + 1 .. t}; NaN for the first {@code window - 1} periods and for windows
   * holding a NaN (pandas' default {@code min_periods = window}).
   */
  public static double[] rollingVolatility(double[] returns, int window, Frequency frequency) {
    check(returns, "returns");
    checkWindow(window, returns.length);
    double sq = Math.sqrt(ppy(frequency));
    double[] out = rollingStd(returns, window);
    for (int i = 0; i < out.length; i++) {
      out[i] *= sq;
    }
    return out;
  }

  /** A statistic of the window {@code [from, to)}. */
  private interface WindowStatistic {
    double of(int from, int to);
  }

  /**
   * Full-length rolling values: NaN during warm-up and for windows in which {@code missing}
   * holds for some period; each window computed afresh (two-pass statistics, no drift).
   */
  private static double[] rolling(int length, int window, java.util.function.IntPredicate missing,
      WindowStatistic statistic) {
    double[] out = new double[length];
    java.util.Arrays.fill(out, Double.NaN);
    int lastMissing = -1;
    for (int t = 0; t < length; t++) {
      if (missing.test(t)) {
        lastMissing = t;
      }
      if (t >= window - 1 && lastMissing <= t - window) {
        out[t] = statistic.of(t - window + 1, t + 1);
      }
    }
    return out;
  }

  /** Windowed sample standard deviation. */
  private static double[] rollingStd(double[] r, int window) {
    return rolling(r.length, window, t -> r[t] != r[t],
        (a, b) -> std(java.util.Arrays.copyOfRange(r, a, b)));
  }

  /**
   * Rolling annualised Sharpe ratio over {@code window} periods (as {@link #sharpeRatio} on each
   * window); NaN during warm-up and for windows holding a NaN.
   */
  public static double[] rollingSharpe(double[] returns, int window, double riskFreePerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    checkWindow(window, returns.length);
    return rolling(returns.length, window, t -> returns[t] != returns[t],
        (a, b) -> sharpeRatio(java.util.Arrays.copyOfRange(returns, a, b), riskFreePerPeriod,
            frequency));
  }

  /**
   * Rolling beta over {@code window} periods; NaN during warm-up and for windows in which either
   * series holds a NaN.
   */
  public static double[] rollingBeta(double[] returns, double[] benchmark, int window) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    checkWindow(window, returns.length);
    return rolling(returns.length, window,
        t -> returns[t] != returns[t] || benchmark[t] != benchmark[t],
        (a, b) -> beta(java.util.Arrays.copyOfRange(returns, a, b),
            java.util.Arrays.copyOfRange(benchmark, a, b)));
  }

  /**
   * Rolling maximum drawdown within each trailing window of {@code window} periods (wealth
   * restarting at 1 at the window's start); NaN during warm-up. NaN periods inside a window
   * count as no change, as in {@link #maxDrawdown}.
   */
  public static double[] rollingMaxDrawdown(double[] returns, int window) {
    check(returns, "returns");
    checkWindow(window, returns.length);
    return rolling(returns.length, window, t -> false,
        (a, b) -> maxDrawdown(java.util.Arrays.copyOfRange(returns, a, b)));
  }
}
