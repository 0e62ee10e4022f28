package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.internal.LinearProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mean-CVaR optimisation on return scenarios (Rockafellar and Uryasev 2000, "Optimization of
 * conditional value-at-risk", J. Risk 2(3)), as PyPortfolioOpt's {@code EfficientCVaR}. Immutable.
 *
 * <p>With T scenario rows {@code r_t} (per-period simple returns, e.g. the historical
 * {@code ReturnFrame}) and confidence {@code beta}, the CVaR of a portfolio is the minimum over
 * {@code alpha} of {@code alpha + 1/((1 - beta) T) sum_t max(-r_t'w - alpha, 0)}: the mean loss in
 * the worst {@code (1 - beta)} of scenarios, a per-period loss (0.03 = a 3% loss; positive =
 * loss). Minimising it over the feasible set (budget {@code 1'w = 1}, bounds default
 * {@code [0, 1]}) is the linear program
 *
 * <pre>
 *   minimise  alpha + 1/((1 - beta) T) sum_t u_t
 *   s.t.      u_t &gt;= -r_t'w - alpha,  u_t &gt;= 0,  1'w = 1,  lo &lt;= w &lt;= hi  [,  mu'w &gt;= target]
 * </pre>
 *
 * solved exactly by a simplex LP solver (ojAlgo, behind an internal adapter). The feasible set
 * takes the same options as {@link MeanVariance}: per-asset bounds, sector limits and market
 * neutrality (budget 0), with the same infeasibility messages; an optimum that is the empty
 * portfolio (e.g. minimum risk under market neutrality) is refused. {@code mu} are the
 * caller's annualised expected returns, used only by {@link #efficientReturn(double)}. The result's
 * {@code volatility()} is the annualised sample volatility of the portfolio's scenario returns;
 * its method string carries the CVaR reached ({@link #cvar(Weights)} recomputes it).
 *
 * @since 0.1.0
 */
public final class MeanCvar {

  private final List<String> assets;
  private final double[][] scenarios; // [t][i]
  private final double beta;
  private final double[] mu; // nullable
  private final MeanVariance constraints; // the feasible set C (its covariance is a placeholder)
  private final double periodsPerYear;

  private MeanCvar(List<String> assets, double[][] scenarios, double beta, double[] mu,
      MeanVariance constraints, double periodsPerYear) {
    this.constraints = constraints;
    this.periodsPerYear = periodsPerYear;
    this.assets = assets;
    this.scenarios = scenarios;
    this.beta = beta;
    this.mu = mu;
  }

  /**
   * A mean-CVaR problem on scenario returns without expected returns ({@link #minCvar()} only).
   *
   * @param returns per-period simple returns, no missing values (use {@code dropIncompleteRows()}
   *     on the prices first)
   * @param beta confidence, 0 &lt; beta &lt; 1 (e.g. 0.95)
   * @return the problem, long only with bounds [0, 1]
   * @throws IllegalArgumentException if the returns are LOG returns (a portfolio's return is
   *     {@code w'r} only for simple returns), there are not more return rows than assets (the
   *     optimum would fit the sample), a return is NaN (asset and row named) or beta is outside
   *     (0, 1)
   */
  public static MeanCvar of(ReturnFrame returns, double beta) {
    Checks.notNull(returns, "returns");
    Checks.inOpenRange(beta, 0, 1, "beta");
    List<String> assets = returns.assets();
    double[][] s = ScenarioInputs.rows(returns, "mean-CVaR");
    double f = ScenarioInputs.periodsPerYear(returns);
    return new MeanCvar(assets, s, beta, null,
        ScenarioInputs.feasibleSet(assets, new double[assets.size()]), f);
  }

  /**
   * A mean-CVaR problem with annualised expected returns for {@link #efficientReturn(double)}.
   *
   * @param mu annualised expected returns (fraction, 0.07 = 7 % a year), on the assets of
   *     {@code returns} in the same order
   * @param returns per-period simple returns, one row per scenario, no missing values, more rows
   *     than assets, whose frequency is given or can be inferred
   * @param beta confidence, 0 &lt; beta &lt; 1 (e.g. 0.95)
   * @return the problem, long only with bounds [0, 1]
   * @throws IllegalArgumentException if the assets of {@code mu} and the returns differ
   */
  public static MeanCvar of(AssetVector mu, ReturnFrame returns, double beta) {
    MeanCvar m = of(returns, beta);
    Checks.notNull(mu, "mu");
    if (!mu.assets().equals(m.assets)) {
      throw new IllegalArgumentException("Expected returns and scenarios must cover the same "
          + "assets in the same order, but mu has " + mu.assets() + " and returns have "
          + m.assets);
    }
    return new MeanCvar(m.assets, m.scenarios, beta, mu.toArray(),
        ScenarioInputs.feasibleSet(m.assets, mu.toArray()), m.periodsPerYear);
  }

  private MeanCvar with(MeanVariance c) {
    return new MeanCvar(assets, scenarios, beta, mu, c, periodsPerYear);
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
  public MeanCvar withBounds(double lo, double hi) {
    return with(constraints.withBounds(lo, hi));
  }

  /**
   * The same problem with {@code lo <= w_asset <= hi} for one asset.
   *
   * @param asset an asset of the problem
   * @param lo its lowest weight (fraction, negative = short), not NaN (may be -Infinity)
   * @param hi its highest weight, &gt;= {@code lo}, not NaN (may be +Infinity)
   * @return a copy of this problem with the bounds of {@code asset} replaced
   */
  public MeanCvar withAssetBounds(String asset, double lo, double hi) {
    return with(constraints.withAssetBounds(asset, lo, hi));
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
  public MeanCvar withSectorConstraints(java.util.function.Function<String, String> sectorOf,
      java.util.Map<String, Double> lower, java.util.Map<String, Double> upper) {
    return with(constraints.withSectorConstraints(sectorOf, lower, upper));
  }

  /**
   * The same problem with weights summing to 0 (needs negative lower bounds).
   *
   * @return a copy of this problem with a budget of 0
   */
  public MeanCvar withMarketNeutral() {
    return with(constraints.withMarketNeutral());
  }


  /**
   * The CVaR at {@code beta} of weights on the scenarios (per-period loss; see the class
   * comment), by sorting the portfolio's scenario returns: {@code alpha} is the loss at rank
   * {@code ceil(beta T)}. Assets the weights omit weigh 0.
   *
   * @param weights weights on assets of the scenarios (fractions; negative = short)
   * @return the CVaR as a per-period loss (0.03 = a 3% loss; positive = loss)
   * @throws IllegalArgumentException if the weights name an asset that is not in the scenarios
   */
  public double cvar(Weights weights) {
    return cvar(ScenarioInputs.weightsOn(weights, assets));
  }

  private double cvar(double[] w) {
    int t = scenarios.length;
    double[] loss = new double[t];
    for (int r = 0; r < t; r++) {
      double v = 0;
      for (int i = 0; i < w.length; i++) {
        v += scenarios[r][i] * w[i];
      }
      loss[r] = -v;
    }
    Arrays.sort(loss);
    // the minimising alpha is the beta-quantile of the loss: the ceil(beta T)-th smallest
    int k = (int) Math.ceil(beta * t) - 1;
    double alpha = loss[Math.max(0, Math.min(t - 1, k))];
    double tail = 0;
    for (double l : loss) {
      tail += Math.max(l - alpha, 0);
    }
    return alpha + tail / ((1 - beta) * t);
  }

  /**
   * The minimum-CVaR portfolio (the linear program of the class comment).
   *
   * @return the minimum-CVaR portfolio; its method string carries the CVaR reached
   */
  public OptimalPortfolio minCvar() {
    return solve(Double.NaN, "min CVaR");
  }

  /**
   * The minimum-CVaR portfolio with annualised expected return {@code mu'w >= target}.
   *
   * @param target the least annualised expected return {@code mu'w} (fraction, 0.08 = 8 % a year),
   *     finite
   * @return the minimum-CVaR portfolio that earns at least {@code target}
   * @throws IllegalStateException without expected returns
   * @throws OptimizationException if the target is above the maximum attainable return
   */
  public OptimalPortfolio efficientReturn(double target) {
    if (mu == null) {
      throw new IllegalStateException("efficientReturn needs expected returns: build the problem "
          + "with MeanCvar.of(mu, returns, beta)");
    }
    Checks.finite(target, "target");
    return solve(ScenarioInputs.attainableTarget(constraints, target),
        "efficient CVaR (target return " + MeanVariance.fmt(target) + ")");
  }

  /**
   * The maximum-return portfolio with CVaR at most {@code targetCvar}: the LP
   * {@code max mu'w} s.t. {@code alpha + 1/((1 - beta) T) sum u_t <= targetCvar} and the scenario
   * rows of the class comment.
   *
   * @param targetCvar loss per period of the scenario rows, not annualised (0.02 = 2% a day for
   *     daily returns)
   * @return the maximum-return portfolio whose CVaR is at most {@code targetCvar}
   * @throws IllegalStateException without expected returns
   * @throws OptimizationException if the target is below the minimum attainable CVaR (named)
   */
  public OptimalPortfolio efficientRisk(double targetCvar) {
    if (mu == null) {
      throw new IllegalStateException("efficientRisk needs expected returns: build the problem "
          + "with MeanCvar.of(mu, returns, beta)");
    }
    Checks.finite(targetCvar, "targetCvar");
    double min = cvar(minCvar().weights());
    if (targetCvar < min - 1e-12 * Math.max(1, Math.abs(min))) {
      throw new OptimizationException("Target CVaR " + MeanVariance.fmt(targetCvar) + " (loss per "
          + ScenarioInputs.period(periodsPerYear) + ") is below the minimum attainable "
          + MeanVariance.fmt(min) + " under " + constraints.constraintText() + " at beta "
          + MeanVariance.fmt(beta));
    }
    return solve(Double.NaN, Math.max(targetCvar, min), "efficient CVaR (target CVaR "
        + MeanVariance.fmt(targetCvar) + ")");
  }

  private OptimalPortfolio solve(double target, String method) {
    return solve(target, Double.NaN, method);
  }

  /** Min CVaR [with mu'w >= target], or, with a finite cvarLimit, max mu'w with CVaR <= limit. */
  private OptimalPortfolio solve(double target, double cvarLimit, String method) {
    int n = assets.size();
    int t = scenarios.length;
    constraints.checkConstraints();
    double[] lo = constraints.lowerBounds();
    double[] hi = constraints.upperBounds();
    // variables: w (n), alpha (1), u (t)
    int m = n + 1 + t;
    double[] c = new double[m];
    double[] cvarRow = new double[m];
    cvarRow[n] = 1;
    for (int r = 0; r < t; r++) {
      cvarRow[n + 1 + r] = 1 / ((1 - beta) * t);
    }
    boolean riskTarget = !Double.isNaN(cvarLimit);
    if (riskTarget) {
      for (int i = 0; i < n; i++) {
        c[i] = -mu[i];
      }
    } else {
      c = cvarRow.clone();
    }
    double[] low = new double[m];
    double[] high = new double[m];
    Arrays.fill(high, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      low[i] = lo[i];
      high[i] = hi[i];
    }
    low[n] = Double.NEGATIVE_INFINITY;
    List<LinearProgram.Row> eq = new ArrayList<>();
    int[] all = new int[n];
    double[] ones = new double[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
      ones[i] = 1;
    }
    eq.add(new LinearProgram.Row(all, ones, constraints.budget(), "budget"));
    List<LinearProgram.Row> le = new ArrayList<>(t + 1);
    le.addAll(constraints.sectorRows());
    for (int r = 0; r < t; r++) {
      // -r_t'w - alpha - u_t <= 0
      int[] idx = new int[n + 2];
      double[] val = new double[n + 2];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
        val[i] = -scenarios[r][i];
      }
      idx[n] = n;
      val[n] = -1;
      idx[n + 1] = n + 1 + r;
      val[n + 1] = -1;
      le.add(new LinearProgram.Row(idx, val, 0, "scenario " + r));
    }
    if (!Double.isNaN(target)) {
      double[] negMu = new double[n];
      for (int i = 0; i < n; i++) {
        negMu[i] = -mu[i];
      }
      le.add(new LinearProgram.Row(all, negMu, -target, "target return"));
    }
    if (riskTarget) {
      int[] idx = new int[t + 1];
      double[] val = new double[t + 1];
      for (int k = 0; k <= t; k++) {
        idx[k] = n + k;
        val[k] = cvarRow[n + k];
      }
      le.add(new LinearProgram.Row(idx, val, cvarLimit, "CVaR limit"));
    }
    double[] w = ScenarioInputs.solveWeights(method, c, eq, le, low, high, lo, hi,
        constraints.constraintText());
    double ret = mu == null ? Double.NaN : ScenarioInputs.dot(mu, w);
    return new OptimalPortfolio(method + ", CVaR " + MeanVariance.fmt(cvar(w)) + " at beta "
        + MeanVariance.fmt(beta) + " (loss per " + ScenarioInputs.period(periodsPerYear)
        + ", fraction of capital; not annualised)",
        Weights.of(assets, w), ret,
        ScenarioInputs.volatility(scenarios, w, periodsPerYear));
  }

  /**
   * The problem in one line, e.g. {@code MeanCvar: 3 assets, 250 return rows, beta 0.95, expected
   * returns given, bounds [0, 1]}.
   */
  @Override
  public String toString() {
    return "MeanCvar: " + assets.size() + " asset" + (assets.size() == 1 ? "" : "s") + ", "
        + scenarios.length + " return rows, beta " + MeanVariance.fmt(beta) + ", "
        + (mu == null ? "no expected returns (min CVaR only)" : "expected returns given") + ", "
        + constraints.constraintText();
  }
}
