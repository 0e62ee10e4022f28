package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.internal.History;
import io.github.quantfolio.risk.internal.Moments;
import io.github.quantfolio.risk.internal.Normal;
import io.github.quantfolio.risk.internal.ReturnChecks;
import io.github.quantfolio.risk.internal.Rolling;
import io.github.quantfolio.risk.internal.TailQuantiles;
import io.github.quantfolio.risk.internal.WealthPath;
import java.util.Arrays;

/**
 * Performance and risk metrics of a series of per-period <b>simple</b> returns, with the
 * semantics of empyrical (Quantopian) and, for the trade statistics, quantstats.
 *
 * <p><b>Units.</b> Inputs are per period (0.01 = 1%); a {@link Frequency} gives the periods per
 * year {@code f} used to annualise: means x {@code f}, volatilities x {@code sqrt(f)}. Rates
 * named {@code ...PerPeriod} are per period, {@code ...Annual} per year.
 *
 * <p><b>Valid input.</b> A return is NaN (a period without a return) or a finite number
 * {@code >= -1}: -1 is a total loss, and a simple return below -100 % would be a loss of more than
 * everything. Anything else (an infinity, -1.5) is rejected with a message naming the argument,
 * the position and the value, as are null arrays, mismatched lengths, a window below 2 and a
 * confidence outside (0, 1).
 *
 * <p><b>Missing values and the history.</b> NaN is <em>skipped</em> unless a method says
 * otherwise: statistics use the valid returns only ({@code n} below counts them). The
 * <em>history</em> of a series runs from its first to its last valid return: NaN before the first
 * (an asset not yet listed) or after the last (delisted, no data yet) are not part of it, NaN
 * inside it are gaps. Compounding metrics ({@link #cumulativeReturn}, {@link #cagr}, drawdowns)
 * treat a gap as a period of no change, and elapsed time ({@link #cagr}, {@link #ulcerIndex}) is
 * the history's length {@code T} — so a stock listed after 22 years of NaN has the growth rate of
 * its own 6 years, not of 28. (empyrical counts every element of the array, leading NaN
 * included.) Two-series metrics use the periods where both are valid.
 *
 * <p><b>Minimum samples.</b> No figure is extrapolated beyond what the sample holds:
 * <ul>
 *   <li><em>Annualised by compounding</em> ({@link #cagr}, {@link #calmarRatio}, {@link #alpha},
 *       {@link #upCapture}, {@link #downCapture}): only over a history of at least one year,
 *       {@code T >= f}; shorter histories give NaN (returns of periods under a year must not be
 *       annualised, as the GIPS standards require: two daily returns of 1 % are not a CAGR of
 *       1,127 %; use {@link #cumulativeReturn}).
 *   <li><em>Historical tail quantiles</em> at tail probability {@code a = 1 - confidence}
 *       ({@link #valueAtRisk} and {@link #conditionalValueAtRisk} with
 *       {@link VarMethod#HISTORICAL}, {@link #tailRatio} at 5 %): at least {@code ceil(1 / a)}
 *       valid returns (20 for 95 %, 100 for 99 %), so that one return is expected in the tail;
 *       fewer give NaN (a single return is not its own 95 % VaR).
 *   <li><em>Dispersion</em>: a standard deviation needs n &gt;= 2 (volatility, Sharpe, Sortino,
 *       Omega, parametric VaR, tracking error, information ratio), skewness 3, kurtosis 4,
 *       stability 3. These are annualised by scaling ({@code x sqrt(f)} or {@code x f}), not by
 *       compounding, and are defined for any such sample; how much a short sample's Sharpe ratio
 *       can be trusted is a separate question (see the backtest module's
 *       {@code SharpeStatistics}).
 * </ul>
 *
 * <p><b>Undefined values</b> are NaN or an infinity, never a stand-in number; each method states
 * its cases. The common rules:
 * <ul>
 *   <li><em>No valid return</em> (an empty or all-NaN series): every metric is NaN — nothing was
 *       observed (element-wise series such as {@link #drawdownSeries} keep their length).
 *   <li><em>One valid return</em>: the cumulative return and the drawdown are defined; anything
 *       with a standard deviation is NaN (n &lt; 2), and so are the CAGR (a year of history is
 *       needed) and the historical VaR (20 returns at 95 %).
 *   <li><em>Constant returns</em>: volatility 0; ratios over a zero denominator follow IEEE
 *       division, as empyrical: {@code ±Infinity} for a non-zero numerator, NaN for {@code 0/0}
 *       (e.g. the Sharpe ratio of a constant series above the risk-free rate is
 *       {@code +Infinity}, at the risk-free rate NaN); skewness and kurtosis are NaN.
 * </ul>
 *
 * @since 0.1.0
 */
public final class Metrics {

  private Metrics() {
  }

  private static double[] check(double[] r, String name) {
    return ReturnChecks.simple(r, name);
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

  private static WealthPath pathOf(double[] returns) {
    return WealthPath.walk(check(returns, "returns"), null);
  }

  // ------------------------------------------------------------------ returns

  /**
   * Total compounded return {@code prod(1 + r_t) - 1}; NaN periods count as no change. NaN if no
   * return is valid; -1 after a total loss.
   *
   * @param returns per-period simple returns
   * @return the total return as a fraction (0.25 = 25 %)
   */
  public static double cumulativeReturn(double[] returns) {
    WealthPath p = pathOf(returns);
    return p.valid == 0 ? Double.NaN : Math.expm1(p.logWealth);
  }

  /**
   * Compound annual growth rate {@code (1 + cumulativeReturn)^(f / T) - 1} where {@code T} is the
   * length of the history (first to last valid return; gaps inside it count, NaN before and after
   * it do not — see the class notes; empyrical's {@code annual_return} divides by the array
   * length). NaN if the history is shorter than one year ({@code T < f}), including no valid
   * return: returns of shorter periods are not annualised (use {@link #cumulativeReturn}).
   *
   * @param returns per-period simple returns
   * @param frequency periods per year
   * @return the annual growth rate as a fraction
   */
  public static double cagr(double[] returns, Frequency frequency) {
    check(returns, "returns");
    double f = ppy(frequency);
    History h = History.of(returns);
    if (!h.coversYear(f)) {
      return Double.NaN;
    }
    WealthPath p = WealthPath.walk(returns, h.first(), h.last() + 1);
    // exp(log W x f / T): finite even when W itself would overflow a double
    return Math.expm1(p.logWealth * f / h.periods());
  }

  /**
   * Annualised volatility: sample standard deviation (n - 1) x {@code sqrt(f)}. NaN if
   * n &lt; 2; 0 for constant returns. Finite whenever the true value is (squares that would
   * overflow are summed on a rescaled copy).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised volatility as a fraction (0.2 = 20 % a year)
   */
  public static double annualVolatility(double[] returns, Frequency frequency) {
    check(returns, "returns");
    return Moments.std(returns) * Math.sqrt(ppy(frequency));
  }

  /**
   * Annualised Sharpe ratio {@code mean(r - rf) / std(r - rf) x sqrt(f)} with the sample
   * standard deviation (n - 1). NaN if n &lt; 2; for constant returns {@code ±Infinity} (mean
   * above / below {@code rf}) or NaN (mean equal to {@code rf}).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param riskFreePerPeriod the risk-free rate per period (not annual) subtracted from every
   *     return, finite
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised Sharpe ratio
   */
  public static double sharpeRatio(double[] returns, double riskFreePerPeriod, Frequency frequency) {
    check(returns, "returns");
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    double f = ppy(frequency);
    double[] ex = Moments.minus(returns, riskFreePerPeriod);
    if (Moments.countValid(ex) < 2) {
      return Double.NaN;
    }
    return Moments.mean(ex) / Moments.std(ex) * Math.sqrt(f);
  }

  /**
   * Annualised downside deviation below a required return:
   * {@code sqrt(mean(min(r - req, 0)^2)) x sqrt(f)}, the mean taken over all n valid periods
   * (empyrical's {@code downside_risk}). NaN if no return is valid; 0 if none is below
   * {@code req}.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param requiredReturnPerPeriod the minimum acceptable return per period (not annual), finite
   *     (e.g. 0)
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised downside deviation as a fraction, &gt;= 0
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
   * NaN if n &lt; 2. When no period falls below {@code req} the downside risk is 0: the result is
   * {@code +Infinity} if the mean excess is positive, NaN if every return equals {@code req}.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param requiredReturnPerPeriod the minimum acceptable return per period (not annual), finite
   *     (e.g. 0)
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised Sortino ratio
   */
  public static double sortinoRatio(double[] returns, double requiredReturnPerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    Checks.finite(requiredReturnPerPeriod, "requiredReturnPerPeriod");
    double f = ppy(frequency);
    double[] ex = Moments.minus(returns, requiredReturnPerPeriod);
    if (Moments.countValid(ex) < 2) {
      return Double.NaN;
    }
    return Moments.mean(ex) * f / downsideRisk(returns, requiredReturnPerPeriod, frequency);
  }

  /**
   * The underwater series: {@code W_t / max(1, W_1..W_t) - 1} where {@code W} is wealth
   * compounded from 1 (NaN periods hold wealth unchanged, so an all-NaN series is all 0); values
   * in [-1, 0]. Same length as {@code returns}.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN (no change)
   * @return the drawdown of every period, in [-1, 0]
   */
  public static double[] drawdownSeries(double[] returns) {
    check(returns, "returns");
    double[] dd = new double[returns.length];
    WealthPath.walk(returns, dd);
    return dd;
  }

  /**
   * Maximum drawdown as a negative fraction (-0.10 = a 10% fall from a peak), the starting
   * wealth counting as a peak (empyrical); 0 if wealth never falls, -1 after a total loss, NaN if
   * no return is valid.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the maximum drawdown, in [-1, 0]; NaN if no return is valid
   */
  public static double maxDrawdown(double[] returns) {
    WealthPath p = pathOf(returns);
    return p.valid == 0 ? Double.NaN : p.maxDrawdown;
  }

  /**
   * Calmar ratio {@code cagr / |maxDrawdown|}; NaN when there is no drawdown (empyrical) or the
   * CAGR is NaN (a history shorter than one year).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the Calmar ratio
   */
  public static double calmarRatio(double[] returns, Frequency frequency) {
    double dd = maxDrawdown(returns);
    if (!(dd < 0)) {
      return Double.NaN;
    }
    return cagr(returns, frequency) / -dd;
  }

  /**
   * Omega ratio (Keating &amp; Shadwick 2002): with the per-period threshold
   * {@code tau = (1 + requiredReturnAnnual)^(1/f) - 1}, the sum of gains over {@code rf + tau}
   * divided by the sum of shortfalls below it (empyrical's formula). NaN if n &lt; 2. Without a
   * shortfall the ratio follows IEEE division like every other ratio here: {@code +Infinity}
   * with gains, NaN when every return sits on the threshold (empyrical returns NaN in both
   * cases).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param riskFreePerPeriod the risk-free rate per period (not annual), finite
   * @param requiredReturnAnnual the annual return above the risk-free rate that counts as a gain,
   *     &gt; -1
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the Omega ratio, &gt;= 0
   * @throws IllegalArgumentException if {@code requiredReturnAnnual <= -1}
   */
  public static double omegaRatio(double[] returns, double riskFreePerPeriod,
      double requiredReturnAnnual, Frequency frequency) {
    check(returns, "returns");
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    Checks.finite(requiredReturnAnnual, "requiredReturnAnnual");
    if (requiredReturnAnnual <= -1) {
      throw new IllegalArgumentException("Expected requiredReturnAnnual > -1, but found "
          + requiredReturnAnnual);
    }
    double f = ppy(frequency);
    if (Moments.countValid(returns) < 2) {
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
    return num / den;
  }

  /**
   * {@code |q95| / |q5|} of the valid returns, quantiles interpolated linearly (numpy's
   * default). NaN with fewer than 20 valid returns (a 5 % tail needs 20, see the class notes) or
   * when both quantiles are 0; {@code +Infinity} if only the 5th percentile is 0.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the tail ratio {@code |q95| / |q5|}
   */
  public static double tailRatio(double[] returns) {
    check(returns, "returns");
    int n = Moments.countValid(returns);
    if (n < TailQuantiles.minimumCount(0.05)) {
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
   * HISTORICAL needs at least {@code ceil(1 / (1 - confidence))} valid returns (20 at 95 %, see
   * the class notes), the parametric methods n &gt;= 2; NaN otherwise. For constant returns every
   * method gives the constant (no dispersion: the Cornish-Fisher moments are not needed).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param confidence the confidence level, 0 &lt; confidence &lt; 1 (e.g. 0.95)
   * @param method how the quantile is estimated, not null
   * @return the value at risk as a per-period return (negative for a loss)
   */
  public static double valueAtRisk(double[] returns, double confidence, VarMethod method) {
    check(returns, "returns");
    checkConfidence(confidence);
    Checks.notNull(method, "method");
    double alpha = 1 - confidence;
    if (method == VarMethod.HISTORICAL) {
      int n = Moments.countValid(returns);
      return n < TailQuantiles.minimumCount(alpha) ? Double.NaN
          : TailQuantiles.of(returns, n, alpha).lower();
    }
    if (Moments.countValid(returns) < 2) {
      return Double.NaN;
    }
    double z = Normal.quantile(alpha);
    double m = Moments.mean(returns);
    double sd = Moments.std(returns);
    if (method == VarMethod.GAUSSIAN || sd == 0) {
      return m + z * sd;
    }
    double[] sk = Moments.skewKurt(returns);
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
   * HISTORICAL needs at least {@code ceil(1 / (1 - confidence))} valid returns (20 at 95 %), the
   * parametric methods n &gt;= 2; NaN otherwise. The constant for constant returns.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param confidence the confidence level, 0 &lt; confidence &lt; 1 (e.g. 0.95)
   * @param method how the tail is estimated, not null
   * @return the expected shortfall as a per-period return (negative for a loss)
   */
  public static double conditionalValueAtRisk(double[] returns, double confidence,
      VarMethod method) {
    check(returns, "returns");
    checkConfidence(confidence);
    Checks.notNull(method, "method");
    double alpha = 1 - confidence;
    if (method == VarMethod.HISTORICAL) {
      int n = Moments.countValid(returns);
      return n < TailQuantiles.minimumCount(alpha) ? Double.NaN
          : TailQuantiles.of(returns, n, alpha).lowerTailMean();
    }
    if (Moments.countValid(returns) < 2) {
      return Double.NaN;
    }
    double z = Normal.quantile(alpha);
    double m = Moments.mean(returns);
    double sd = Moments.std(returns);
    double phi = Normal.density(z);
    if (method == VarMethod.GAUSSIAN || sd == 0) {
      return m - sd * phi / alpha;
    }
    double[] sk = Moments.skewKurt(returns);
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

  /**
   * Sample skewness, bias-corrected (adjusted Fisher-Pearson {@code G1 = g1 sqrt(n(n-1))/(n-2)},
   * as pandas {@code Series.skew}, Excel {@code SKEW} and {@code scipy.stats.skew(bias=False)}).
   * NaN if n &lt; 3 or all values are equal.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the bias-corrected sample skewness {@code G1}
   */
  public static double skewness(double[] returns) {
    return Moments.skewness(check(returns, "returns"));
  }

  /**
   * Sample excess kurtosis, bias-corrected ({@code G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3))}, as
   * pandas {@code Series.kurt}, Excel {@code KURT} and
   * {@code scipy.stats.kurtosis(bias=False)}); 0 for a normal distribution. NaN if n &lt; 4 or
   * all values are equal.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the bias-corrected sample excess kurtosis {@code G2}
   */
  public static double kurtosis(double[] returns) {
    return Moments.kurtosis(check(returns, "returns"));
  }

  // ------------------------------------------------------------------ versus a benchmark

  /**
   * Beta {@code cov(r, b) / var(b)} over the periods where both are valid (empyrical). NaN if
   * fewer than 2 such periods or the benchmark does not vary.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @return the beta of {@code returns} to {@code benchmark}
   */
  public static double beta(double[] returns, double[] benchmark) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    return betaOfValid(returns, benchmark);
  }

  /** Beta of two checked series of equal length (no check: also used on excess returns). */
  private static double betaOfValid(double[] returns, double[] benchmark) {
    double[] r = new double[returns.length];
    double[] b = new double[returns.length];
    for (int i = 0; i < r.length; i++) {
      boolean both = returns[i] == returns[i] && benchmark[i] == benchmark[i];
      r[i] = both ? returns[i] : Double.NaN;
      b[i] = both ? benchmark[i] : Double.NaN;
    }
    if (Moments.countValid(r) < 2) {
      return Double.NaN;
    }
    double mr = Moments.mean(r);
    double mb = Moments.mean(b);
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
   * the periods where both are valid, beta from {@link #beta}. NaN where beta is, and when the
   * periods where both are valid span less than a year (annualised by compounding; see the
   * class notes).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param riskFreePerPeriod the risk-free rate per period (not annual), finite
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised alpha as a fraction (0.02 = 2 % a year)
   */
  public static double alpha(double[] returns, double[] benchmark, double riskFreePerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    double f = ppy(frequency);
    if (!History.ofPairs(returns, benchmark).coversYear(f)) {
      return Double.NaN;
    }
    double[] r = Moments.minus(returns, riskFreePerPeriod);
    double[] b = Moments.minus(benchmark, riskFreePerPeriod);
    double beta = betaOfValid(r, b);
    if (beta != beta) {
      return Double.NaN;
    }
    double[] a = new double[r.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = r[i] - beta * b[i];
    }
    return Math.pow(1 + Moments.mean(a), f) - 1;
  }

  /**
   * Annualised tracking error: sample standard deviation (n - 1) of {@code r - b} x
   * {@code sqrt(f)} over the periods where both are valid. NaN if fewer than 2; 0 when the
   * active return is constant.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised tracking error as a fraction, &gt;= 0
   */
  public static double trackingError(double[] returns, double[] benchmark, Frequency frequency) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    return Moments.std(Moments.minus(returns, benchmark)) * Math.sqrt(ppy(frequency));
  }

  /**
   * Annualised information ratio {@code mean(r - b) / std(r - b) x sqrt(f)} (std with n - 1)
   * over the periods where both are valid. NaN if fewer than 2; {@code ±Infinity} or NaN if the
   * active return does not vary.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the annualised information ratio
   */
  public static double informationRatio(double[] returns, double[] benchmark, Frequency frequency) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    double[] a = Moments.minus(returns, benchmark);
    if (Moments.countValid(a) < 2) {
      return Double.NaN;
    }
    return Moments.mean(a) / Moments.std(a) * Math.sqrt(ppy(frequency));
  }

  /**
   * Up-market capture (empyrical): {@code g(r | b > 0) / g(b | b > 0)}, where
   * {@code g(x) = (prod(1 + x))^(f / m) - 1} is the annualised growth over the {@code m} periods
   * in which both are valid and the benchmark rose. NaN if there is no such period, and when the
   * periods where both are valid span less than a year (see the class notes). (empyrical also
   * counts periods in which the returns are NaN, as no change: for a late listing that would
   * compare the benchmark's rises before the listing with nothing.)
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the up-market capture ratio (1 = the benchmark's growth)
   */
  public static double upCapture(double[] returns, double[] benchmark, Frequency frequency) {
    return capture(returns, benchmark, frequency, true);
  }

  /**
   * Down-market capture (empyrical): {@code g(r | b < 0) / g(b | b < 0)}, as
   * {@link #upCapture} over the periods in which both are valid and the benchmark fell. NaN if
   * there is none, or when the periods where both are valid span less than a year.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the down-market capture ratio (1 = the benchmark's fall)
   */
  public static double downCapture(double[] returns, double[] benchmark, Frequency frequency) {
    return capture(returns, benchmark, frequency, false);
  }

  private static double capture(double[] returns, double[] benchmark, Frequency frequency,
      boolean up) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    double f = ppy(frequency);
    if (!History.ofPairs(returns, benchmark).coversYear(f)) {
      return Double.NaN;
    }
    int n = 0;
    for (int i = 0; i < benchmark.length; i++) {
      if (inMarket(returns[i], benchmark[i], up)) {
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double[] r = new double[n];
    double[] b = new double[n];
    for (int i = 0, k = 0; i < benchmark.length; i++) {
      if (inMarket(returns[i], benchmark[i], up)) {
        r[k] = returns[i];
        b[k] = benchmark[i];
        k++;
      }
    }
    return growth(r, f) / growth(b, f);
  }

  /** A period of the up (down) market in which the returns are valid too. */
  private static boolean inMarket(double r, double b, boolean up) {
    return r == r && (up ? b > 0 : b < 0);
  }

  /** {@code (prod(1 + x))^(f / m) - 1} over the m values of {@code x} (no NaN). */
  private static double growth(double[] x, double f) {
    return Math.expm1(WealthPath.walk(x, 0, x.length).logWealth * f / x.length);
  }

  // ------------------------------------------------------------------ path and trade statistics

  /**
   * Stability of the equity curve (empyrical {@code stability_of_timeseries}): the R^2 of a
   * least-squares line through the cumulative log returns {@code sum log(1 + r)} of the valid
   * periods against their position. NaN if fewer than 3 valid returns (a line through 2 points
   * always fits: R^2 = 1 would say nothing), for a flat curve (all returns 0) and after a total
   * loss (log wealth -Infinity); 1 for constant non-zero returns.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the R^2 of the fit, in [0, 1]
   */
  public static double stability(double[] returns) {
    return WealthPath.stability(check(returns, "returns"));
  }

  /**
   * Ulcer index (Martin &amp; McCann 1989): {@code sqrt(mean(d_t^2))} of the drawdown series
   * {@link #drawdownSeries} over the periods of the history (see the class notes), as a fraction
   * (0.05 = 5%). NaN if no return is valid; 0 if wealth never falls.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the ulcer index as a fraction, &gt;= 0
   */
  public static double ulcerIndex(double[] returns) {
    History h = History.of(check(returns, "returns"));
    if (h.first() < 0) {
      return Double.NaN;
    }
    WealthPath p = WealthPath.walk(returns, h.first(), h.last() + 1);
    return Math.sqrt(p.sumSquaredDrawdown / p.periods);
  }

  /**
   * Share of winning <em>periods</em> among the periods with a non-zero return (quantstats): flat
   * periods and NaN are not counted. NaN if no period has a non-zero return. (A per-trade win
   * rate needs round trips, see the backtest module's trades.)
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the fraction of non-zero periods with a positive return, in [0, 1]
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
   * Sum of per-period gains over the absolute sum of per-period losses (quantstats
   * {@code profit_factor}). {@code +Infinity} with gains and no loss; 0 with losses and no gain;
   * NaN with neither.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the profit factor, &gt;= 0
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
   * Average winning period return over the absolute average losing period return (quantstats
   * {@code payoff_ratio}). {@code +Infinity} with wins and no loss; NaN without a win (the
   * average win is undefined).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the payoff ratio, &gt; 0
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
   * would stake. {@code p} (that is 1) when there is no loss; NaN where p or R is.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @return the Kelly fraction, at most 1 (negative when the odds are against the bet)
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

  /**
   * Rolling annualised volatility over {@code window} periods: element {@code t} uses periods
   * {@code t - window + 1 .. t}; NaN for the first {@code window - 1} periods and for windows
   * holding a NaN (pandas' default {@code min_periods = window}).
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param window periods per window, at least 2
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the rolling annualised volatility, same length as {@code returns}
   */
  public static double[] rollingVolatility(double[] returns, int window, Frequency frequency) {
    check(returns, "returns");
    Rolling.checkWindow(window);
    double sq = Math.sqrt(ppy(frequency));
    return Rolling.of(returns.length, window, t -> returns[t] != returns[t],
        (a, b) -> Moments.std(Arrays.copyOfRange(returns, a, b)) * sq);
  }

  /**
   * Rolling annualised Sharpe ratio over {@code window} periods (as {@link #sharpeRatio} on each
   * window); NaN during warm-up and for windows holding a NaN.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param window periods per window, at least 2
   * @param riskFreePerPeriod the risk-free rate per period (not annual), finite
   * @param frequency the periods per year {@code f} of {@code returns}, not null
   * @return the rolling annualised Sharpe ratio, same length as {@code returns}
   */
  public static double[] rollingSharpe(double[] returns, int window, double riskFreePerPeriod,
      Frequency frequency) {
    check(returns, "returns");
    Rolling.checkWindow(window);
    Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    ppy(frequency);
    return Rolling.of(returns.length, window, t -> returns[t] != returns[t],
        (a, b) -> sharpeRatio(Arrays.copyOfRange(returns, a, b), riskFreePerPeriod, frequency));
  }

  /**
   * Rolling beta over {@code window} periods; NaN during warm-up and for windows in which either
   * series holds a NaN.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's per-period simple returns, same length as {@code returns},
   *     same rules
   * @param window periods per window, at least 2
   * @return the rolling beta, same length as {@code returns}
   */
  public static double[] rollingBeta(double[] returns, double[] benchmark, int window) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    Rolling.checkWindow(window);
    return Rolling.of(returns.length, window,
        t -> returns[t] != returns[t] || benchmark[t] != benchmark[t],
        (a, b) -> betaOfValid(Arrays.copyOfRange(returns, a, b),
            Arrays.copyOfRange(benchmark, a, b)));
  }

  /**
   * Rolling maximum drawdown within each trailing window of {@code window} periods (wealth
   * restarting at 1 at the window's start); NaN during warm-up. NaN periods inside a window
   * count as no change, as in {@link #maxDrawdown}; a window without any valid return is NaN.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param window periods per window, at least 2
   * @return the rolling maximum drawdown, in [-1, 0], same length as {@code returns}
   */
  public static double[] rollingMaxDrawdown(double[] returns, int window) {
    check(returns, "returns");
    Rolling.checkWindow(window);
    return Rolling.of(returns.length, window, t -> false,
        (a, b) -> maxDrawdown(Arrays.copyOfRange(returns, a, b)));
  }

  /**
   * Rolling annualised Sortino ratio over {@code window} periods (as {@link #sortinoRatio} on
   * each window); NaN during warm-up and for windows holding a NaN.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param window periods per window, at least 2
   * @param requiredReturnPerPeriod the required return per period (not annual), finite
   * @param frequency the periods per year of {@code returns}, not null
   * @return the rolling annualised Sortino ratio, same length as {@code returns}
   */
  public static double[] rollingSortino(double[] returns, int window,
      double requiredReturnPerPeriod, Frequency frequency) {
    check(returns, "returns");
    Rolling.checkWindow(window);
    Checks.finite(requiredReturnPerPeriod, "requiredReturnPerPeriod");
    ppy(frequency);
    return Rolling.of(returns.length, window, t -> returns[t] != returns[t],
        (a, b) -> sortinoRatio(Arrays.copyOfRange(returns, a, b), requiredReturnPerPeriod,
            frequency));
  }

  /**
   * Rolling Pearson correlation with a benchmark over {@code window} periods; NaN during
   * warm-up, for windows in which either series holds a NaN, and for a constant window.
   *
   * @param returns per-period simple returns, each finite and &gt;= -1, or NaN for no return
   * @param benchmark the benchmark's returns, same length as {@code returns}, same rules
   * @param window periods per window, at least 2
   * @return the rolling correlation, same length as {@code returns}
   */
  public static double[] rollingCorrelation(double[] returns, double[] benchmark, int window) {
    check(returns, "returns");
    check(benchmark, "benchmark");
    sameLength(returns, benchmark);
    Rolling.checkWindow(window);
    return Rolling.of(returns.length, window,
        t -> returns[t] != returns[t] || benchmark[t] != benchmark[t],
        (a, b) -> pearson(returns, benchmark, a, b));
  }

  /**
   * Pearson correlation of two return series over the periods where both have a value (NaN
   * entries are skipped pairwise); NaN with fewer than 3 common periods or when either series
   * is constant over them. Two passes (means first), so shifting a series changes nothing.
   *
   * @param returns per-period returns, finite or NaN
   * @param other the other series, same length
   * @return the correlation in [-1, 1], or NaN
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static double correlation(double[] returns, double[] other) {
    Checks.notNull(returns, "returns");
    Checks.notNull(other, "other");
    sameLength(returns, other);
    for (int t = 0; t < returns.length; t++) {
      if (Double.isInfinite(returns[t]) || Double.isInfinite(other[t])) {
        throw new IllegalArgumentException("Expected finite returns (or NaN), but found "
            + returns[t] + " and " + other[t] + " at index " + t);
      }
    }
    return pearson(returns, other, 0, returns.length);
  }

  /** Pearson correlation of x[a, b) and y[a, b) over their common valid periods. */
  private static double pearson(double[] x, double[] y, int a, int b) {
    int n = 0;
    double mx = 0;
    double my = 0;
    for (int t = a; t < b; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        n++;
        mx += x[t];
        my += y[t];
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int t = a; t < b; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        sxy += (x[t] - mx) * (y[t] - my);
        sxx += (x[t] - mx) * (x[t] - mx);
        syy += (y[t] - my) * (y[t] - my);
      }
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }
}
