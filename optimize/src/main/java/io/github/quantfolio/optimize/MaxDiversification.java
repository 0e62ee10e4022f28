package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.Map;
import java.util.function.Function;

/**
 * The most diversified portfolio (Choueifaty and Coignard 2008, "Toward maximum
 * diversification", J. Portfolio Management 35(1)): it maximises the diversification ratio
 *
 * <pre>
 *   D(w) = sigma'w / sqrt(w'Sw),   sigma_i = sqrt(S_ii),
 * </pre>
 *
 * over the feasible set of {@link MeanVariance} (budget {@code 1'w = 1}, bounds default
 * {@code [0, 1]}, optional per-asset bounds and sector limits). {@code D} is a Sharpe ratio with
 * {@code sigma} in place of the excess returns, so it is solved exactly by the same homogenised
 * convex QP as {@link MeanVariance#maxSharpe(double)}: {@code min y'Sy} s.t. {@code sigma'y = 1},
 * {@code kappa = 1'y >= 0} and the constraints multiplied by {@code kappa}; {@code w = y / kappa}.
 * (Substituting {@code x_i = sigma_i y_i} gives Choueifaty's form on the correlation matrix,
 * {@code min x'Cx} s.t. {@code 1'x = 1}.) Long only, every held asset then has correlation
 * exactly {@code 1/D} with the portfolio and every excluded asset at least {@code 1/D} (the
 * paper's core property, checked in the tests).
 *
 * <p>Immutable; {@code with...} returns a new instance. The result has no expected return.
 *
 * @since 0.1.0
 */
public final class MaxDiversification {

  private final CovarianceMatrix cov;
  private final MeanVariance problem;

  private MaxDiversification(CovarianceMatrix cov, MeanVariance problem) {
    this.cov = cov;
    this.problem = problem;
  }

  /**
   * The most diversified long-only portfolio on an annualised covariance matrix.
   *
   * @param cov the annualised covariance, positive semidefinite, every variance &gt; 0
   * @return the problem, long only with bounds [0, 1]
   * @throws OptimizationException if {@code cov} is not positive semidefinite, or is a singular
   *     estimate without shrinkage (as {@link MeanVariance#of(CovarianceMatrix)})
   * @throws IllegalArgumentException if an asset has zero variance (named)
   */
  public static MaxDiversification of(CovarianceMatrix cov) {
    Checks.notNull(cov, "cov");
    double[] sigma = new double[cov.size()];
    for (int i = 0; i < sigma.length; i++) {
      sigma[i] = Math.sqrt(cov.get(i, i));
      if (!(sigma[i] > 0)) {
        throw new IllegalArgumentException("Asset '" + cov.assets().get(i) + "' has zero "
            + "variance; the diversification ratio needs positive volatilities");
      }
    }
    CovarianceChecks.requireNotSingularEstimate(cov, "MaxDiversification");
    return new MaxDiversification(cov, MeanVariance.of(AssetVector.of(cov.assets(), sigma), cov));
  }

  /**
   * The same problem with every weight in {@code [lo, hi]} (see
   * {@link MeanVariance#withBounds(double, double)}).
   *
   * @param lo the lowest weight of every asset (fraction of the portfolio, negative = short), not
   *     NaN; {@code Double.NEGATIVE_INFINITY} for none
   * @param hi the highest weight of every asset, &gt;= {@code lo}, not NaN;
   *     {@code Double.POSITIVE_INFINITY} for none
   * @return a copy of this problem with the bounds replaced
   */
  public MaxDiversification withBounds(double lo, double hi) {
    return new MaxDiversification(cov, problem.withBounds(lo, hi));
  }

  /**
   * The same problem with {@code lo <= w_asset <= hi} for one asset.
   *
   * @param asset an asset of the problem
   * @param lo its lowest weight (fraction, negative = short), not NaN (may be -Infinity)
   * @param hi its highest weight, &gt;= {@code lo}, not NaN (may be +Infinity)
   * @return a copy of this problem with the bounds of {@code asset} replaced
   */
  public MaxDiversification withAssetBounds(String asset, double lo, double hi) {
    return new MaxDiversification(cov, problem.withAssetBounds(asset, lo, hi));
  }

  /**
   * The same problem with sector limits (see {@link MeanVariance#withSectorConstraints}).
   *
   * @param sectorOf the sector of each asset (e.g. {@code market::sectorOf}); must not return null
   * @param lower minimum total weight per sector, finite fractions (may be empty, not null); a
   *     sector not named has no lower limit
   * @param upper maximum total weight per sector, finite fractions (may be empty, not null); a
   *     sector not named has no upper limit
   * @return a copy of this problem with these sector limits (earlier ones replaced)
   */
  public MaxDiversification withSectorConstraints(Function<String, String> sectorOf,
      Map<String, Double> lower, Map<String, Double> upper) {
    return new MaxDiversification(cov, problem.withSectorConstraints(sectorOf, lower, upper));
  }

  /**
   * The most diversified portfolio; its method string carries the ratio reached.
   *
   * @return the most diversified portfolio (no expected return), its volatility annualised
   * @throws OptimizationException if the constraints are infeasible (named, with what is
   *     attainable)
   */
  public OptimalPortfolio solve() {
    Weights w;
    try {
      w = problem.maxSharpe(0).weights();
    } catch (OptimizationException e) {
      String held = e.getMessage().startsWith("Max Sharpe is unbounded")
          ? CovarianceChecks.zeroVarianceMix(cov) : null;
      if (held != null) {
        // the max-Sharpe wording (expected return, risk-free rate) does not fit this ratio
        throw new OptimizationException("Max diversification is unbounded under "
            + problem.constraintText() + ": the portfolio " + held + " has zero variance under "
            + "this covariance matrix (its assets hedge each other exactly), so its "
            + "diversification ratio is infinite; give that combination some risk (e.g. "
            + "cov.withDiagonalShift(...)) or leave one of its assets out", e);
      }
      throw new OptimizationException(e.getMessage().replace("Max Sharpe", "Max diversification"),
          e);
    }
    double ratio = diversificationRatio(w, cov);
    double[] x = w.toArray();
    double var = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        var += x[i] * cov.get(i, j) * x[j];
      }
    }
    return new OptimalPortfolio("max diversification (ratio " + MeanVariance.fmt(ratio) + ")", w,
        Double.NaN, Math.sqrt(Math.max(0, var)));
  }

  /**
   * The diversification ratio {@code sigma'w / sqrt(w'Sw)} of weights on the covariance's assets
   * (for long-only weights; {@code PortfolioRisk.diversificationRatio()} uses {@code |w_i|}).
   *
   * @param weights long-only weights (each &gt;= 0) on exactly the assets of {@code cov}, in its
   *     order, not all zero
   * @param cov the annualised covariance
   * @return the diversification ratio, &gt;= 1 for a positive semidefinite {@code cov}
   * @throws IllegalArgumentException if the weights' assets are not those of {@code cov}, a
   *     weight is negative (named), or the weights have zero volatility (the ratio is undefined)
   */
  public static double diversificationRatio(Weights weights, CovarianceMatrix cov) {
    Checks.notNull(weights, "weights");
    Checks.notNull(cov, "cov");
    if (!weights.assets().equals(cov.assets())) {
      throw new IllegalArgumentException("Weights and covariance must cover the same assets in "
          + "the same order, but weights have " + weights.assets() + " and cov has " + cov.assets());
    }
    double[] w = weights.toArray();
    for (int i = 0; i < w.length; i++) {
      if (w[i] < 0) {
        throw new IllegalArgumentException("Weight of '" + weights.assets().get(i) + "' is "
            + w[i] + "; this ratio is for long-only weights (PortfolioRisk.diversificationRatio() "
            + "uses |w_i| for long/short ones)");
      }
    }
    double num = 0;
    double var = 0;
    for (int i = 0; i < w.length; i++) {
      num += w[i] * Math.sqrt(cov.get(i, i));
      for (int j = 0; j < w.length; j++) {
        var += w[i] * cov.get(i, j) * w[j];
      }
    }
    if (!(var > 0)) {
      throw new IllegalArgumentException("The weights have volatility 0 under the covariance (all "
          + "weights 0, or only on zero-variance assets), so their diversification ratio "
          + "sigma'w / sqrt(w'Sw) is undefined");
    }
    return num / Math.sqrt(var);
  }

  /**
   * The problem in one line, e.g. {@code MaxDiversification: 20 assets, bounds [0, 0.1], budget
   * 1}.
   */
  @Override
  public String toString() {
    return "MaxDiversification: " + cov.size() + " asset" + (cov.size() == 1 ? "" : "s") + ", "
        + problem.constraintText() + ", budget 1";
  }
}
