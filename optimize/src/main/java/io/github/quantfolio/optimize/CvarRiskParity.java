package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.internal.CvarBudgetSolver;
import java.util.Arrays;
import java.util.List;

/**
 * Risk parity and risk budgeting on CVaR instead of volatility: the long-only, fully invested
 * portfolio whose assets contribute given shares {@code b_i} of its conditional value-at-risk
 * (Mausser and Romanko 2014, "Computing equal risk contribution portfolios", IBM J. Res. Dev.
 * 58(4); Roncalli 2013, "Introduction to Risk Parity and Budgeting", ch. 2 for the volatility
 * case, which is {@link RiskParity}). Immutable.
 *
 * <p>On T return scenarios {@code r_t} (per-period simple returns) and confidence {@code beta},
 * {@code CVaR(w)} is the mean loss in the worst {@code (1 - beta) T} scenarios (the definition
 * of {@link MeanCvar}, a fractional scenario weighted in part). CVaR is convex and homogeneous,
 * so by Euler {@code CVaR(w) = sum_i w_i g_i} for a subgradient {@code g}: with tail
 * probabilities {@code q} that attain it ({@code 0 <= q_t <= 1 / ((1 - beta) T)},
 * {@code sum q_t = 1}), {@code g_i = -sum_t q_t r_ti}, the asset's mean loss in the tail. The
 * risk contribution of asset {@code i} is {@code w_i g_i / CVaR(w)}; the solution makes them
 * equal to the budgets. The problem solved is the convex
 *
 * <pre>
 *   minimise  CVaR(y) - sum_i b_i ln y_i  over y &gt; 0,   w = y / 1'y,
 * </pre>
 *
 * by an interior-point method followed by Newton's method on the optimality equations of the
 * tail's structure (which scenarios are in the tail, which at the VaR), so the contributions
 * equal the budgets to rounding ({@link #CONTRIBUTION_TOLERANCE}).
 *
 * <p>Where two scenarios' losses tie at the VaR, CVaR has no gradient and the contributions
 * depend on how the tail weight is shared between them; {@link Solution#tailProbabilities()}
 * gives the sharing that makes them equal the budgets (one element of the subdifferential), and
 * a sort-based decomposition that breaks ties by scenario order may differ in those assets'
 * contributions. The solution needs every long-only portfolio to have a positive CVaR (a loss in
 * its tail); otherwise {@code y} grows without bound and no solution exists.
 *
 * @since 0.3.0
 */
public final class CvarRiskParity {

  /** Largest accepted deviation of a contribution from its budget. */
  public static final double CONTRIBUTION_TOLERANCE = 1e-10;

  private final ReturnFrame returns;
  private final List<String> assets;
  private final double[][] scenarios; // [t][i]
  private final double beta;
  private final double[] budgets;
  private final double periodsPerYear;

  private CvarRiskParity(ReturnFrame returns, double[][] scenarios, double beta,
      double[] budgets, double periodsPerYear) {
    this.returns = returns;
    this.assets = returns.assets();
    this.scenarios = scenarios;
    this.beta = beta;
    this.budgets = budgets;
    this.periodsPerYear = periodsPerYear;
  }

  /**
   * Equal CVaR contributions (budgets {@code 1/N}) on return scenarios.
   *
   * @param returns per-period simple returns, one row per scenario, no missing values, more rows
   *     than assets
   * @param beta confidence, 0 &lt; beta &lt; 1 (e.g. 0.95)
   * @return the problem
   * @throws IllegalArgumentException as {@link MeanCvar#of(ReturnFrame, double)}: log returns,
   *     too few rows, a NaN (asset and row named), beta outside (0, 1)
   */
  public static CvarRiskParity of(ReturnFrame returns, double beta) {
    Checks.notNull(returns, "returns");
    Checks.inOpenRange(beta, 0, 1, "beta");
    double[][] s = ScenarioInputs.rows(returns, "CVaR risk parity");
    double[] b = new double[returns.assets().size()];
    Arrays.fill(b, 1.0 / b.length);
    return new CvarRiskParity(returns, s, beta, b, ScenarioInputs.periodsPerYear(returns));
  }

  /**
   * The same problem with risk budgets, positive, one per asset (any order); only their ratios
   * matter ({@code (1, 1, 2)} means 25 %, 25 %, 50 % of the CVaR).
   *
   * @param budgets one budget &gt; 0 per asset
   * @return a copy with the normalised budgets
   * @throws IllegalArgumentException if an asset is missing or extra, or a budget is not finite
   *     and &gt; 0
   */
  public CvarRiskParity withBudgets(AssetVector budgets) {
    return new CvarRiskParity(returns, scenarios, beta,
        RiskParity.normalisedBudgets(assets, budgets), periodsPerYear);
  }

  /**
   * The normalised budgets (summing to 1).
   *
   * @return the budgets by asset
   */
  public AssetVector budgets() {
    return AssetVector.of(assets, budgets);
  }

  /**
   * The confidence level.
   *
   * @return beta in (0, 1)
   */
  public double beta() {
    return beta;
  }

  /**
   * A solved CVaR risk-budgeting problem.
   *
   * @param portfolio the weights (long only, summing to 1), no expected return, the annualised
   *     sample volatility of the portfolio's scenario returns
   * @param cvar the portfolio's CVaR, a per-period loss (0.03 = 3 %)
   * @param contributions each asset's share of the CVaR, {@code w_i g_i / CVaR}, summing to 1
   * @param tailProbabilities {@code q_t} per scenario (row order of the returns), a copy
   */
  public record Solution(OptimalPortfolio portfolio, double cvar, AssetVector contributions,
      double[] tailProbabilities) {

    /**
     * Defensive copy of the tail probabilities.
     *
     * @return {@code q_t} per scenario, a new array
     */
    @Override
    public double[] tailProbabilities() {
      return tailProbabilities.clone();
    }
  }

  /**
   * Solves for the weights whose CVaR contributions equal the budgets.
   *
   * @return the solution, contributions within {@link #CONTRIBUTION_TOLERANCE} of the budgets
   * @throws OptimizationException if a long-only portfolio has a CVaR of 0 or less (named: the
   *     minimum-CVaR portfolio), so that no solution exists
   */
  public Solution solve() {
    CvarBudgetSolver.Solution s;
    try {
      s = CvarBudgetSolver.solve(scenarios, beta, budgets);
    } catch (CvarBudgetSolver.Unbounded e) {
      throw unbounded(e);
    }
    double[] y = s.y();
    double total = 0;
    for (double v : y) {
      total += v;
    }
    int n = y.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / total;
    }
    double[] q = s.q();
    double[] g = new double[n];
    for (int t = 0; t < q.length; t++) {
      if (q[t] != 0) {
        for (int i = 0; i < n; i++) {
          g[i] -= q[t] * scenarios[t][i];
        }
      }
    }
    double cvar = 0;
    for (int i = 0; i < n; i++) {
      cvar += w[i] * g[i];
    }
    double[] rc = new double[n];
    for (int i = 0; i < n; i++) {
      rc[i] = w[i] * g[i] / cvar;
    }
    boolean equal = true;
    for (double v : budgets) {
      equal &= Math.abs(v - budgets[0]) <= 1e-15;
    }
    String method = (equal ? "equal CVaR contribution" : "CVaR risk budgeting") + " (beta "
        + MeanVariance.fmt(beta) + ")";
    OptimalPortfolio p = new OptimalPortfolio(method, Weights.of(assets, w), Double.NaN,
        ScenarioInputs.volatility(scenarios, w, periodsPerYear));
    return new Solution(p, cvar, AssetVector.of(assets, rc), q.clone());
  }

  private OptimizationException unbounded(RuntimeException cause) {
    MeanCvar lp = MeanCvar.of(returns, beta);
    OptimalPortfolio min = lp.minCvar();
    return new OptimizationException("CVaR risk budgeting has no solution: the long-only"
        + " portfolio " + min.weights() + " has a CVaR of " + MeanVariance.fmt(lp.cvar(
        min.weights())) + " <= 0 (a gain even in its worst " + MeanVariance.fmt(100 * (1 - beta))
        + "% of scenarios), so scaling it up lowers the objective without limit", cause);
  }

  @Override
  public String toString() {
    return "CvarRiskParity: " + assets.size() + " assets, " + scenarios.length
        + " scenarios, beta " + MeanVariance.fmt(beta) + ", budgets " + budgets();
  }
}
