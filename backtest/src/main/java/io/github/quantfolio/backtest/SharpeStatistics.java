package io.github.quantfolio.backtest;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.Metrics;
import io.github.quantfolio.risk.internal.Moments;
import io.github.quantfolio.risk.internal.Normal;

/**
 * Overfitting checks for a Sharpe ratio found by a backtest search: the probabilistic Sharpe
 * ratio, the expected maximum Sharpe ratio of a search, the deflated Sharpe ratio and the minimum
 * track record length (Bailey &amp; López de Prado 2012, 2014). Static, pure functions of summary
 * statistics or of a return series; no engine state.
 *
 * <h2>Units and conventions</h2>
 *
 * <ul>
 *   <li><b>Sharpe ratios are per period and not annualised</b>: {@code SR = mean(r) / std(r)} of
 *       the per-period (excess) returns, as in both papers. Divide an annualised Sharpe ratio by
 *       {@code sqrt(periods per year)} first, and a variance of annualised Sharpe ratios by the
 *       periods per year. Passing annualised values gives a PSR/DSR that saturates near 0 or 1.
 *   <li><b>Kurtosis is excess kurtosis</b> ({@code 0} for a normal distribution), the convention
 *       of {@link Metrics#kurtosis(double[])}. The papers write raw kurtosis {@code gamma4}
 *       ({@code 3} for a normal distribution); below {@code gamma4 = excessKurtosis + 3}.
 *   <li>{@code n} is the number of return observations behind the observed Sharpe ratio.
 * </ul>
 *
 * <h2>Formulas</h2>
 *
 * With {@code s = skewness}, {@code gamma4 = excessKurtosis + 3} and the standard normal
 * distribution function {@code Phi}:
 *
 * <pre>
 *   sigma(SR)^2 = (1 - s SR + (gamma4 - 1) / 4 SR^2) / (n - 1)          (Mertens 2002)
 *   PSR(SR*)    = Phi( (SR - SR*) / sigma(SR) )
 *   MinTRL      = 1 + (1 - s SR + (gamma4 - 1) / 4 SR^2) (Phi^-1(confidence) / (SR - SR*))^2
 *   E[max SR]   = sqrt(V) ((1 - g) Phi^-1(1 - 1/N) + g Phi^-1(1 - 1/(N e)))
 *   DSR         = PSR(E[max SR])
 * </pre>
 *
 * where {@code N} is the number of (independent) trials of the search, {@code V} the variance of
 * their Sharpe ratios, {@code g} the Euler-Mascheroni constant and {@code e} Euler's number. The
 * expected maximum is the closed-form approximation of the mean of the largest of {@code N}
 * normal Sharpe ratio estimates whose true Sharpe ratio is 0 (the null of no skill).
 *
 * <h2>Arguments and missing values</h2>
 *
 * Summary statistics must be finite: a NaN or infinite argument throws
 * {@link IllegalArgumentException} naming it, as do {@code n < 2}, {@code trials < 1}, a negative
 * variance, a confidence outside (0, 1) and a kurtosis below Pearson's bound
 * {@code gamma4 >= 1 + s^2} (no distribution has less; such an input would make the variance of
 * the Sharpe ratio negative). The return-series methods skip NaN returns (as {@link Metrics})
 * and reject infinite ones. They take <em>excess</em> returns (over a risk-free rate or a
 * benchmark), which unlike simple returns can lie below -1 (a total loss while the benchmark
 * rose): no -100 % rule applies here, only finiteness. Sums that would overflow are taken on a
 * rescaled copy, so returns near the double range give the same Sharpe ratio, skewness and
 * kurtosis as the same series scaled down.
 *
 * <h2>References</h2>
 *
 * <ul>
 *   <li>D. H. Bailey, M. López de Prado, <i>The Sharpe Ratio Efficient Frontier</i>, Journal of
 *       Risk 15(2), 2012 (PSR, MinTRL).
 *   <li>D. H. Bailey, M. López de Prado, <i>The Deflated Sharpe Ratio: Correcting for Selection
 *       Bias, Backtest Overfitting and Non-Normality</i>, Journal of Portfolio Management 40(5),
 *       2014 (expected maximum Sharpe ratio, DSR).
 *   <li>E. Mertens, <i>Comments on variance of the IID estimator in Lo (2002)</i>, 2002.
 * </ul>
 *
 * @since 0.1.0
 */
public final class SharpeStatistics {

  /** The Euler-Mascheroni constant {@code g = 0.5772156649...}. */
  public static final double EULER_MASCHERONI = 0.57721566490153286061;

  private SharpeStatistics() {
  }

  // ------------------------------------------------------------------ probabilistic Sharpe ratio

  /**
   * The probabilistic Sharpe ratio {@code PSR(SR*)}: the probability that the true Sharpe ratio
   * exceeds {@code benchmarkSr}, given a Sharpe ratio {@code observedSr} estimated from
   * {@code observations} returns with the given skewness and excess kurtosis (Bailey &amp; López
   * de Prado 2012, eq. for {@code PSR}; see the class documentation for the formula).
   *
   * @param observedSr the estimated Sharpe ratio, per period (not annualised)
   * @param benchmarkSr the threshold {@code SR*}, per period (0 for "any skill")
   * @param observations the number of returns {@code n >= 2} behind {@code observedSr}
   * @param skewness the skewness of those returns
   * @param excessKurtosis their excess kurtosis (0 for normal returns)
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException for a non-finite argument, {@code observations < 2} or a
   *     kurtosis below Pearson's bound
   */
  public static double probabilisticSharpeRatio(double observedSr, double benchmarkSr,
      int observations, double skewness, double excessKurtosis) {
    Checks.finite(observedSr, "observedSr");
    Checks.finite(benchmarkSr, "benchmarkSr");
    checkObservations(observations);
    double w = estimatorVarianceFactor(observedSr, skewness, excessKurtosis);
    return Normal.cdf((observedSr - benchmarkSr) * Math.sqrt(observations - 1.0) / Math.sqrt(w));
  }

  /**
   * The probabilistic Sharpe ratio of a return series against {@code benchmarkSr}, with the
   * series' own Sharpe ratio {@code mean / std} (sample standard deviation, n - 1), skewness
   * ({@link Metrics#skewness}) and excess kurtosis ({@link Metrics#kurtosis}), over its valid
   * (non-NaN) returns. Pass excess returns if the Sharpe ratio should be over a risk-free rate.
   *
   * @param returns per-period (excess) returns, each finite or NaN (skipped), at least 4 valid and
   *     not all equal (not copied, not modified)
   * @param benchmarkSr the threshold {@code SR*}, per period
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if fewer than 4 returns are valid (kurtosis needs 4), a
   *     return is infinite or the returns do not vary
   */
  public static double probabilisticSharpeRatio(double[] returns, double benchmarkSr) {
    SeriesMoments m = SeriesMoments.of(returns);
    return probabilisticSharpeRatio(m.sharpe, benchmarkSr, m.n, m.skewness, m.excessKurtosis);
  }

  // ------------------------------------------------------------------ minimum track record length

  /**
   * The minimum track record length: the number of observations (periods) with which a Sharpe
   * ratio {@code observedSr} with these higher moments has {@code PSR(benchmarkSr) =
   * confidence} (Bailey &amp; López de Prado 2012):
   * {@code 1 + (1 - s SR + (gamma4 - 1) / 4 SR^2) (Phi^-1(confidence) / (SR - SR*))^2}.
   *
   * <p>Not rounded: a track record of {@code ceil(MinTRL)} periods is the shortest that reaches
   * the confidence. In the periods of the returns (a daily Sharpe ratio gives days).
   *
   * @param observedSr the estimated Sharpe ratio, per period
   * @param benchmarkSr the threshold {@code SR*}, per period; must be below {@code observedSr}
   * @param skewness the skewness of the returns
   * @param excessKurtosis their excess kurtosis (0 for normal returns)
   * @param confidence the required probability, {@code 0 < confidence < 1} (e.g. 0.95)
   * @return the minimum track record length in periods, &gt;= 1 (not rounded)
   * @throws IllegalArgumentException for a non-finite argument, a confidence outside (0, 1), a
   *     kurtosis below Pearson's bound, or {@code observedSr <= benchmarkSr} (then no track
   *     record is long enough)
   */
  public static double minimumTrackRecordLength(double observedSr, double benchmarkSr,
      double skewness, double excessKurtosis, double confidence) {
    Checks.finite(observedSr, "observedSr");
    Checks.finite(benchmarkSr, "benchmarkSr");
    Checks.inOpenRange(confidence, 0, 1, "confidence");
    double w = estimatorVarianceFactor(observedSr, skewness, excessKurtosis);
    if (!(observedSr > benchmarkSr)) {
      throw new IllegalArgumentException("Expected observedSr > benchmarkSr, but found observedSr "
          + observedSr + " <= benchmarkSr " + benchmarkSr
          + "; no track record length makes such a Sharpe ratio significant");
    }
    double z = Normal.quantile(confidence) / (observedSr - benchmarkSr);
    return 1 + w * z * z;
  }

  // ------------------------------------------------------------------ expected maximum Sharpe ratio

  /**
   * The expected maximum Sharpe ratio of a search over {@code trials} independent trials whose
   * true Sharpe ratios are 0 and whose estimated Sharpe ratios have variance
   * {@code varianceOfTrialSharpes} (Bailey &amp; López de Prado 2014, the "false strategy"
   * benchmark {@code SR0}):
   * {@code sqrt(V) ((1 - g) Phi^-1(1 - 1/N) + g Phi^-1(1 - 1/(N e)))}.
   *
   * <p>One trial is no search: the result is 0 (the formula's limit would be
   * {@code -Infinity}). For {@code N >= 2} it is the closed-form approximation of the extreme
   * value of {@code N} normal variables, which overstates the exact mean of their maximum by a
   * few percent for small {@code N} (about 1% at {@code N = 100}).
   *
   * @param trials the number of independent trials {@code N >= 1}
   * @param varianceOfTrialSharpes the variance {@code V >= 0} of the trials' Sharpe ratios, in
   *     per-period units (annualised variance divided by the periods per year)
   * @return the expected maximum Sharpe ratio, per period
   * @throws IllegalArgumentException if {@code trials < 1} or the variance is negative or not
   *     finite
   */
  public static double expectedMaximumSharpe(long trials, double varianceOfTrialSharpes) {
    if (trials < 1) {
      throw new IllegalArgumentException("Expected trials >= 1, but found " + trials);
    }
    if (!(varianceOfTrialSharpes >= 0) || varianceOfTrialSharpes == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "Expected finite varianceOfTrialSharpes >= 0, but found " + varianceOfTrialSharpes);
    }
    if (trials == 1) {
      return 0;
    }
    double n = trials;
    // Phi^-1(1 - p) = -Phi^-1(p): exact for tiny p, where 1 - p would round.
    double z1 = -Normal.quantile(1 / n);
    double z2 = -Normal.quantile(1 / (n * Math.E));
    return Math.sqrt(varianceOfTrialSharpes)
        * ((1 - EULER_MASCHERONI) * z1 + EULER_MASCHERONI * z2);
  }

  /**
   * The expected maximum Sharpe ratio of a search, from the Sharpe ratios of all its trials:
   * {@link #expectedMaximumSharpe(long, double)} with {@code N = trialSharpes.length} and
   * {@code V} their sample variance (divisor {@code N - 1}).
   *
   * @param trialSharpes the per-period Sharpe ratio of every trial, including the selected one
   *     (not copied, not modified)
   * @return the expected maximum Sharpe ratio, per period
   * @throws IllegalArgumentException if there are fewer than 2 trials or one is not finite
   */
  public static double expectedMaximumSharpe(double[] trialSharpes) {
    double variance = trialVariance(trialSharpes);
    return expectedMaximumSharpe(trialSharpes.length, variance);
  }

  // ------------------------------------------------------------------ deflated Sharpe ratio

  /**
   * The deflated Sharpe ratio: the probabilistic Sharpe ratio of the selected strategy against
   * the expected maximum Sharpe ratio of the search that selected it (Bailey &amp; López de Prado
   * 2014): {@code PSR(expectedMaximumSharpe(trials, varianceOfTrialSharpes))}. A value above 0.95
   * says the Sharpe ratio is significant at 5% after accounting for the number of trials, the
   * track record length and non-normal returns.
   *
   * @param observedSr the selected strategy's Sharpe ratio, per period
   * @param observations the number of returns {@code n >= 2} behind it
   * @param skewness the skewness of its returns
   * @param excessKurtosis their excess kurtosis (0 for normal returns)
   * @param trials the number of independent trials {@code N >= 1} of the search
   * @param varianceOfTrialSharpes the variance of the trials' Sharpe ratios, per-period units
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException as {@link #probabilisticSharpeRatio(double, double, int,
   *     double, double)} and {@link #expectedMaximumSharpe(long, double)}
   */
  public static double deflatedSharpeRatio(double observedSr, int observations, double skewness,
      double excessKurtosis, long trials, double varianceOfTrialSharpes) {
    double benchmark = expectedMaximumSharpe(trials, varianceOfTrialSharpes);
    return probabilisticSharpeRatio(observedSr, benchmark, observations, skewness, excessKurtosis);
  }

  /**
   * The deflated Sharpe ratio of a selected strategy's return series, given the Sharpe ratios of
   * all trials of the search. The strategy's Sharpe ratio, skewness and excess kurtosis are
   * computed from its valid returns as in {@link #probabilisticSharpeRatio(double[], double)};
   * the benchmark is {@link #expectedMaximumSharpe(double[])} of {@code trialSharpes}.
   *
   * @param returns the selected strategy's per-period (excess) returns, each finite or NaN
   *     (skipped), at least 4 valid (not copied)
   * @param trialSharpes the per-period Sharpe ratios of all trials, including the selected one,
   *     computed the same way, at least 2, finite (not copied)
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if fewer than 4 returns are valid, a return is infinite, the
   *     returns do not vary, or there are fewer than 2 trials or a non-finite trial Sharpe ratio
   */
  public static double deflatedSharpeRatio(double[] returns, double[] trialSharpes) {
    double benchmark = expectedMaximumSharpe(trialSharpes);
    return probabilisticSharpeRatio(returns, benchmark);
  }

  /**
   * As {@link #deflatedSharpeRatio(double[], double[])}, but with {@code independentTrials} as
   * {@code N} instead of the number of trials. The formula assumes independent trials; when the
   * trials are correlated (neighbouring parameters of one strategy), Bailey &amp; López de Prado
   * (2014) use an estimate of the number of effectively independent trials, e.g. the number of
   * clusters of the trials' return series. {@code V} is still the sample variance of all
   * {@code trialSharpes}.
   *
   * @param returns the selected strategy's per-period (excess) returns, each finite or NaN
   *     (skipped), at least 4 valid (not copied)
   * @param trialSharpes the per-period Sharpe ratios of all trials, including the selected one,
   *     computed the same way, at least 2, finite (not copied)
   * @param independentTrials the effective number of independent trials, {@code >= 1}
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException as {@link #deflatedSharpeRatio(double[], double[])}, or if
   *     {@code independentTrials < 1}
   */
  public static double deflatedSharpeRatio(double[] returns, double[] trialSharpes,
      long independentTrials) {
    double benchmark = expectedMaximumSharpe(independentTrials, trialVariance(trialSharpes));
    return probabilisticSharpeRatio(returns, benchmark);
  }

  // ------------------------------------------------------------------ helpers

  private static void checkObservations(int observations) {
    if (observations < 2) {
      throw new IllegalArgumentException("Expected observations >= 2, but found " + observations);
    }
  }

  /**
   * {@code 1 - s SR + (gamma4 - 1) / 4 SR^2}, {@code (n - 1)} times the variance of the Sharpe
   * ratio estimator, after checking the moments.
   */
  private static double estimatorVarianceFactor(double sr, double skewness, double excessKurtosis) {
    Checks.finite(skewness, "skewness");
    Checks.finite(excessKurtosis, "excessKurtosis");
    double gamma4 = excessKurtosis + 3;
    // Pearson: gamma4 >= 1 + s^2 for every distribution; then the factor is >= (1 - s SR / 2)^2.
    if (gamma4 < 1 + skewness * skewness) {
      throw new IllegalArgumentException("Expected excessKurtosis >= skewness^2 - 2 (Pearson's "
          + "bound), but found excessKurtosis " + excessKurtosis + " with skewness " + skewness);
    }
    double w = 1 - skewness * sr + (gamma4 - 1) / 4 * sr * sr;
    if (!(w > 0)) {
      throw new IllegalArgumentException("The Sharpe ratio " + sr + " with skewness " + skewness
          + " and excessKurtosis " + excessKurtosis
          + " has an estimator variance of 0 (a two-point distribution); PSR is undefined");
    }
    return w;
  }

  private static double trialVariance(double[] trialSharpes) {
    Checks.notNull(trialSharpes, "trialSharpes");
    int n = trialSharpes.length;
    if (n < 2) {
      throw new IllegalArgumentException("Expected at least 2 trial Sharpe ratios, but found " + n);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = trialSharpes[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Trial Sharpe ratio at position " + i
            + " of 'trialSharpes' is " + v + "; every trial needs a finite Sharpe ratio");
      }
      sum += v;
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : trialSharpes) {
      double d = v - mean;
      ss += d * d;
    }
    return ss / (n - 1);
  }

  /** Sharpe ratio and higher moments of the valid returns of a series. */
  private static final class SeriesMoments {
    final int n;
    final double sharpe;
    final double skewness;
    final double excessKurtosis;

    private SeriesMoments(int n, double sharpe, double skewness, double excessKurtosis) {
      this.n = n;
      this.sharpe = sharpe;
      this.skewness = skewness;
      this.excessKurtosis = excessKurtosis;
    }

    static SeriesMoments of(double[] returns) {
      Checks.notNull(returns, "returns");
      int n = 0;
      for (int i = 0; i < returns.length; i++) {
        double v = returns[i];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("Return at position " + i + " of 'returns' is " + v
              + "; returns must be finite (NaN for missing)");
        }
        n += v == v ? 1 : 0;
      }
      if (n < 4) {
        throw new IllegalArgumentException(
            "Expected at least 4 valid returns (kurtosis needs 4), but found " + n);
      }
      // excess returns may lie below -1 (unlike simple returns): no -100 % rule here; the
      // moments rescale sums that would overflow
      double mean = Moments.mean(returns);
      double sd = Moments.std(returns);
      if (sd == 0) {
        throw new IllegalArgumentException(
            "The " + n + " valid returns are all equal to " + mean + "; their Sharpe ratio is undefined");
      }
      return new SeriesMoments(n, mean / sd, Moments.skewness(returns),
          Moments.kurtosis(returns));
    }
  }
}
