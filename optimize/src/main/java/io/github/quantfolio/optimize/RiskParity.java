package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * Long-only risk parity (equal risk contribution) and risk budgeting, plus the naive
 * inverse-volatility and equal-weight allocations. Immutable; {@code with...} returns a new
 * instance.
 *
 * <p>The risk contribution of asset i is {@code RC_i = w_i (Sw)_i / (w'Sw)} (Euler allocation;
 * the contributions sum to 1, as {@code PortfolioRisk.percentContributions()}). Risk budgeting
 * finds the long-only, fully invested {@code w} with {@code RC_i = b_i} for budgets
 * {@code b_i > 0} summing to 1 (equal risk contribution: {@code b_i = 1/N}). It is solved through
 * the strictly convex problem (Spinu 2013, "An algorithm for computing risk parity weights";
 * Roncalli 2013, "Introduction to Risk Parity and Budgeting", ch. 2)
 *
 * <pre>
 *   minimise  1/2 y'Sy - sum_i b_i ln y_i   over y &gt; 0,
 * </pre>
 *
 * whose optimum satisfies {@code y_i (Sy)_i = b_i}, so {@code w = y / 1'y} has contributions
 * exactly {@code b}. The solver runs cyclical coordinate descent (each coordinate solves
 * {@code S_ii y_i^2 + c_i y_i - b_i = 0} exactly; Griveau-Billion, Richard and Roncalli 2013) until
 * the contributions are within 1e-4 of the budgets, then Newton's method with a
 * positivity-preserving, Armijo-backtracked step (Hessian {@code S + diag(b / y^2)}; the Newton
 * system is solved by Jacobi-preconditioned conjugate gradients to a verified relative residual
 * of 1e-12 when that takes at most N/8 iterations, which costs no more than the Cholesky
 * factorisation used otherwise and for fewer than 64 assets) and full steps once the Newton
 * decrement is below 0.01 (the objective is self-concordant, so they converge quadratically),
 * stopped when every contribution is within {@code 1e-10} of its budget (typically 5-10
 * iterations; the last step is quadratic, so the result is usually exact to about 1e-15). The
 * weights do not depend on expected returns nor on the scale of {@code S}. The covariance must be
 * positive semidefinite with positive variances.
 *
 * @since 0.1.0
 */
public final class RiskParity {

  /** Largest accepted deviation of a risk contribution from its budget. */
  public static final double CONTRIBUTION_TOLERANCE = 1e-10;

  private final CovarianceMatrix cov;
  private final double[] budgets;

  private RiskParity(CovarianceMatrix cov, double[] budgets) {
    this.cov = cov;
    this.budgets = budgets;
  }

  /**
   * Equal risk contribution on an annualised covariance matrix (budgets {@code 1/N}).
   *
   * @param cov the annualised covariance, positive semidefinite, every variance &gt; 0
   * @return the equal-risk-contribution problem
   * @throws OptimizationException if {@code cov} is not positive semidefinite (suggesting the
   *     repair), an asset has zero variance (its contribution could never reach its budget), or
   *     it is a singular estimate without shrinkage (as {@link MeanVariance#of(CovarianceMatrix)};
   *     a long-only portfolio of zero estimated risk would leave risk budgeting without solution)
   */
  public static RiskParity of(CovarianceMatrix cov) {
    Checks.notNull(cov, "cov");
    CovarianceChecks.requirePositiveSemidefinite(cov);
    for (int i = 0; i < cov.size(); i++) {
      if (!(cov.get(i, i) > 0)) {
        throw new OptimizationException("Asset '" + cov.assets().get(i) + "' has zero variance: "
            + "its risk contribution is 0 at any weight and cannot reach a positive budget");
      }
    }
    CovarianceChecks.requireNotSingularEstimate(cov, "RiskParity");
    double[] b = new double[cov.size()];
    Arrays.fill(b, 1.0 / cov.size());
    return new RiskParity(cov, b);
  }

  /**
   * The same problem with risk budgets: positive, one per asset of the covariance (any order);
   * they are divided by their sum, so {@code (1, 1, 2)} means 25%, 25%, 50% of the risk.
   *
   * @param budgets one budget &gt; 0 per asset of the covariance, in any order; only their ratios
   *     matter
   * @return a copy of this problem with the normalised budgets
   * @throws IllegalArgumentException if an asset is missing or extra, or a budget is not finite
   *     and &gt; 0
   */
  public RiskParity withBudgets(AssetVector budgets) {
    return new RiskParity(cov, normalisedBudgets(cov.assets(), budgets));
  }

  /**
   * Risk budgets in the order of {@code assets}, divided by their sum (shared with
   * {@link CvarRiskParity}).
   *
   * @throws IllegalArgumentException if an asset is missing or extra, or a budget is not finite
   *     and &gt; 0
   */
  static double[] normalisedBudgets(List<String> assets, AssetVector budgets) {
    Checks.notNull(budgets, "budgets");
    if (budgets.size() != assets.size()) {
      throw new IllegalArgumentException("Expected " + assets.size() + " budgets (one per asset "
          + assets + "), but found " + budgets.size() + " for " + budgets.assets());
    }
    double[] b = new double[assets.size()];
    double sum = 0;
    for (int i = 0; i < b.length; i++) {
      String a = assets.get(i);
      if (!budgets.contains(a)) {
        throw new IllegalArgumentException("No risk budget for asset '" + a + "'");
      }
      b[i] = budgets.get(a);
      if (!(b[i] > 0)) {
        throw new IllegalArgumentException("Expected risk budget of '" + a + "' > 0, but found "
            + b[i]);
      }
      if (b[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("Expected a finite risk budget of '" + a + "', but"
            + " found Infinity (budgets are divided by their sum)");
      }
      sum += b[i];
    }
    for (int i = 0; i < b.length; i++) {
      b[i] /= sum;
    }
    return b;
  }

  /**
   * The normalised risk budgets (summing to 1), by asset.
   *
   * @return the normalised risk budgets (summing to 1), by asset
   */
  public AssetVector budgets() {
    return AssetVector.of(cov.assets(), budgets);
  }

  /**
   * The long-only, fully invested portfolio whose risk contributions equal the budgets within
   * {@link #CONTRIBUTION_TOLERANCE} (see the class comment). The result has no expected return.
   *
   * @return the risk-budgeting portfolio (no expected return), its volatility annualised
   * @throws OptimizationException if a long-only portfolio has zero variance under the covariance
   *     (possible only for a singular matrix built by hand, e.g. two assets that hedge each other
   *     exactly: no solution exists; the portfolio is named), or if Newton's method fails to
   *     converge (not expected otherwise)
   */
  public OptimalPortfolio solve() {
    double[][] s = cov.toArray();
    int n = s.length;
    double[] b = budgets;
    double[] y;
    try {
      y = RiskBudgetSolver.solve(s, b);
    } catch (OptimizationException e) {
      throw explain(e);
    }
    double total = 0;
    for (double v : y) {
      total += v;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / total;
    }
    double[] sw = RiskBudgetSolver.times(s, w);
    boolean equal = true;
    for (double v : b) {
      equal &= Math.abs(v - b[0]) <= 1e-15;
    }
    return new OptimalPortfolio(equal ? "equal risk contribution" : "risk budgeting",
        Weights.of(cov.assets(), w), Double.NaN,
        Math.sqrt(Math.max(0, RiskBudgetSolver.dot(w, sw))));
  }

  /**
   * Why risk budgeting failed. With a singular covariance (accepted when built by hand) a
   * long-only portfolio can have zero variance, e.g. two assets that hedge each other exactly;
   * then {@code 1/2 y'Sy - sum b_i ln y_i} decreases without limit along it and no weights give
   * every asset its positive budget (contributions are 0 / 0 there). The long-only minimum
   * variance portfolio finds such a combination; it is computed only on this failure path.
   */
  private OptimizationException explain(OptimizationException failure) {
    String held = CovarianceChecks.zeroVarianceMix(cov);
    if (held == null) {
      return failure;
    }
    return new OptimizationException("Risk budgeting has no solution for this covariance matrix: "
        + "the long-only portfolio " + held + " has zero variance (its assets hedge each other "
        + "exactly), so near it every risk contribution is 0 / 0 and no weights give each asset "
        + "its budget; give that combination some risk (e.g. cov.withDiagonalShift(...)) or "
        + "leave one of its assets out", failure);
  }

  /**
   * Inverse-volatility weights {@code w_i = (1 / sigma_i) / sum_j (1 / sigma_j)} with
   * {@code sigma_i = sqrt(S_ii)}. It equals the equal-risk-contribution portfolio exactly when all
   * correlations are equal (Maillard, Roncalli and Teiletche 2010), e.g. all zero.
   *
   * @param cov the covariance, every variance &gt; 0 (its scale does not matter)
   * @return the inverse-volatility weights, summing to 1
   * @throws IllegalArgumentException if an asset has zero variance (named)
   */
  public static Weights inverseVolatility(CovarianceMatrix cov) {
    Checks.notNull(cov, "cov");
    double[] w = new double[cov.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      double v = cov.get(i, i);
      if (!(v > 0)) {
        throw new IllegalArgumentException("Asset '" + cov.assets().get(i) + "' has zero "
            + "variance; inverse-volatility weights are undefined");
      }
      w[i] = 1 / Math.sqrt(v);
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return Weights.of(cov.assets(), w);
  }

  /**
   * Equal weights {@code 1/N} on the given assets.
   *
   * @param assets the asset names, at least one, distinct and not blank
   * @return weights of {@code 1/N} on {@code assets}, in their order
   */
  public static Weights equalWeight(List<String> assets) {
    return Weights.equal(assets);
  }

  /**
   * The problem in one line: assets and risk budgets (fractions of the portfolio's risk), e.g.
   * {@code RiskParity: 3 assets, risk budgets A 0.25, B 0.25, C 0.5}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RiskParity: ").append(budgets.length).append(" asset")
        .append(budgets.length == 1 ? "" : "s");
    boolean equal = true;
    for (double v : budgets) {
      equal &= Math.abs(v - budgets[0]) <= 1e-15;
    }
    if (equal) {
      return sb.append(", equal risk budgets (equal risk contribution)").toString();
    }
    sb.append(", risk budgets (fractions of portfolio risk)");
    for (int i = 0; i < budgets.length; i++) {
      sb.append(i == 0 ? " " : ", ").append(cov.assets().get(i)).append(' ')
          .append(MeanVariance.fmt(budgets[i]));
    }
    return sb.toString();
  }
}
