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
 * Mean-CDaR optimisation (Chekhlov, Uryasev and Zabarankin 2005, "Drawdown measure in portfolio
 * optimization", IJTAF 8(1)), as PyPortfolioOpt's {@code EfficientCDaR}. Immutable.
 *
 * <p>On T return rows {@code r_t} (per-period simple returns, in time order) the drawdown of
 * weights {@code w} in uncompounded cumulative returns is {@code d_0 = 0},
 * {@code d_t = max(0, d_(t-1) - r_t'w)} (the distance below the running peak of
 * {@code sum_(s<=t) r_s'w}); the conditional drawdown at risk at {@code beta} is the CVaR of
 * {@code d_1..d_T}: {@code min_alpha alpha + 1/((1 - beta) T) sum_t max(d_t - alpha, 0)} (a
 * fraction of capital, positive). Minimising it over the budget and bounds is the linear program
 *
 * <pre>
 *   minimise  alpha + 1/((1 - beta) T) sum_t z_t
 *   s.t.      z_t &gt;= u_t - alpha,  u_t &gt;= u_(t-1) - r_t'w,  u_0 = 0,  z, u &gt;= 0,
 *             1'w = 1,  lo &lt;= w &lt;= hi  [,  mu'w &gt;= target]
 * </pre>
 *
 * solved exactly by the simplex LP (ojAlgo behind an internal adapter). The feasible set takes
 * the same options as {@link MeanVariance}: per-asset bounds, sector limits and market neutrality
 * (budget 0), with the same infeasibility messages; an empty optimum is refused. The result's
 * {@code volatility()} is the annualised sample volatility of the scenario returns; its method
 * string carries the CDaR.
 *
 * @since 0.1.0
 */
public final class MeanCdar {

  private final List<String> assets;
  private final double[][] scenarios;
  private final double beta;
  private final double[] mu;
  private final MeanVariance constraints; // the feasible set C (its covariance is a placeholder)
  private final double periodsPerYear;

  private MeanCdar(List<String> assets, double[][] scenarios, double beta, double[] mu,
      MeanVariance constraints, double periodsPerYear) {
    this.constraints = constraints;
    this.assets = assets;
    this.scenarios = scenarios;
    this.beta = beta;
    this.mu = mu;
    this.periodsPerYear = periodsPerYear;
  }

  /**
   * A mean-CDaR problem on returns in time order, without expected returns ({@link #minCdar()}).
   *
   * @param returns per-period simple returns in time order, no missing values, more rows than
   *     assets, whose frequency is given or can be inferred
   * @param beta confidence, 0 &lt; beta &lt; 1 (e.g. 0.95)
   * @return the problem, long only with bounds [0, 1]
   * @throws IllegalArgumentException if the returns are LOG returns (a portfolio's return is
   *     {@code w'r} only for simple returns), there are not more return rows than assets (the
   *     optimum would fit the sample), a return is missing or beta is outside (0, 1)
   */
  public static MeanCdar of(ReturnFrame returns, double beta) {
    Checks.notNull(returns, "returns");
    Checks.inOpenRange(beta, 0, 1, "beta");
    List<String> assets = returns.assets();
    double[][] s = ScenarioInputs.rows(returns, "mean-CDaR");
    double f = ScenarioInputs.periodsPerYear(returns);
    return new MeanCdar(assets, s, beta, null,
        ScenarioInputs.feasibleSet(assets, new double[assets.size()]), f);
  }

  /**
   * As {@link #of(ReturnFrame, double)} with annualised expected returns for the targets.
   *
   * @param mu annualised expected returns (fraction, 0.07 = 7 % a year), on the assets of
   *     {@code returns} in the same order
   * @param returns per-period simple returns in time order, no missing values, more rows than
   *     assets, whose frequency is given or can be inferred
   * @param beta confidence, 0 &lt; beta &lt; 1 (e.g. 0.95)
   * @return the problem, long only with bounds [0, 1]
   * @throws IllegalArgumentException as {@link #of(ReturnFrame, double)}, or if the assets of
   *     {@code mu} and the returns differ
   */
  public static MeanCdar of(AssetVector mu, ReturnFrame returns, double beta) {
    MeanCdar m = of(returns, beta);
    Checks.notNull(mu, "mu");
    if (!mu.assets().equals(m.assets)) {
      throw new IllegalArgumentException("Expected returns and returns must cover the same assets "
          + "in the same order, but mu has " + mu.assets() + " and returns have " + m.assets);
    }
    return new MeanCdar(m.assets, m.scenarios, beta, mu.toArray(),
        ScenarioInputs.feasibleSet(m.assets, mu.toArray()), m.periodsPerYear);
  }

  private MeanCdar with(MeanVariance c) {
    return new MeanCdar(assets, scenarios, beta, mu, c, periodsPerYear);
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
  public MeanCdar withBounds(double lo, double hi) {
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
  public MeanCdar withAssetBounds(String asset, double lo, double hi) {
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
  public MeanCdar withSectorConstraints(java.util.function.Function<String, String> sectorOf,
      java.util.Map<String, Double> lower, java.util.Map<String, Double> upper) {
    return with(constraints.withSectorConstraints(sectorOf, lower, upper));
  }

  /**
   * The same problem with weights summing to 0 (needs negative lower bounds).
   *
   * @return a copy of this problem with a budget of 0
   */
  public MeanCdar withMarketNeutral() {
    return with(constraints.withMarketNeutral());
  }


  /**
   * The CDaR at {@code beta} of weights (see the class comment), evaluated directly. Assets the
   * weights omit weigh 0.
   *
   * @param weights weights on assets of the scenarios (fractions; negative = short)
   * @return the CDaR as a fraction of capital (0.1 = a 10% drawdown), &gt;= 0
   * @throws IllegalArgumentException if the weights name an asset that is not in the scenarios
   */
  public double cdar(Weights weights) {
    return cdar(ScenarioInputs.weightsOn(weights, assets));
  }

  private double cdar(double[] w) {
    int t = scenarios.length;
    double[] dd = new double[t];
    double d = 0;
    for (int r = 0; r < t; r++) {
      double pr = 0;
      for (int i = 0; i < w.length; i++) {
        pr += scenarios[r][i] * w[i];
      }
      d = Math.max(0, d - pr);
      dd[r] = d;
    }
    double[] sorted = dd.clone();
    Arrays.sort(sorted);
    int k = (int) Math.ceil(beta * t) - 1;
    double alpha = sorted[Math.max(0, Math.min(t - 1, k))];
    double tail = 0;
    for (double v : dd) {
      tail += Math.max(v - alpha, 0);
    }
    return alpha + tail / ((1 - beta) * t);
  }

  /**
   * The minimum-CDaR portfolio.
   *
   * @return the minimum-CDaR portfolio; its method string carries the CDaR reached
   */
  public OptimalPortfolio minCdar() {
    return solve(Double.NaN, Double.NaN, "min CDaR");
  }

  /**
   * The minimum-CDaR portfolio with annualised {@code mu'w >= target}.
   *
   * @param target the least annualised expected return {@code mu'w} (fraction, 0.08 = 8 % a year),
   *     finite
   * @return the minimum-CDaR portfolio that earns at least {@code target}
   * @throws OptimizationException if the target is above the maximum attainable return (named)
   * @throws IllegalStateException without expected returns
   */
  public OptimalPortfolio efficientReturn(double target) {
    requireMu("efficientReturn");
    Checks.finite(target, "target");
    return solve(ScenarioInputs.attainableTarget(constraints, target), Double.NaN,
        "efficient CDaR (target return " + MeanVariance.fmt(target) + ")");
  }

  /**
   * The maximum-return portfolio with CDaR at most {@code targetCdar}.
   *
   * @param targetCdar the largest acceptable CDaR, a fraction of capital (0.1 = a 10% drawdown),
   *     finite
   * @return the maximum-return portfolio whose CDaR is at most {@code targetCdar}
   * @throws OptimizationException if the target is below the minimum attainable CDaR (named)
   * @throws IllegalStateException without expected returns
   */
  public OptimalPortfolio efficientRisk(double targetCdar) {
    requireMu("efficientRisk");
    Checks.finite(targetCdar, "targetCdar");
    double min = cdar(minCdar().weights());
    if (targetCdar < min - 1e-12 * Math.max(1, Math.abs(min))) {
      throw new OptimizationException("Target CDaR " + MeanVariance.fmt(targetCdar) + " (drawdown, "
          + "fraction of capital) is below the minimum attainable " + MeanVariance.fmt(min)
          + " under " + constraints.constraintText() + " at beta " + MeanVariance.fmt(beta));
    }
    return solve(Double.NaN, Math.max(targetCdar, min), "efficient CDaR (target CDaR "
        + MeanVariance.fmt(targetCdar) + ")");
  }

  private void requireMu(String method) {
    if (mu == null) {
      throw new IllegalStateException(method + " needs expected returns: build the problem with "
          + "MeanCdar.of(mu, returns, beta)");
    }
  }



  private OptimalPortfolio solve(double target, double cdarLimit, String method) {
    int n = assets.size();
    int t = scenarios.length;
    constraints.checkConstraints();
    double[] lo = constraints.lowerBounds();
    double[] hi = constraints.upperBounds();
    // variables: w (n), alpha (1), z (t), u (t)
    int za = n + 1;
    int ua = n + 1 + t;
    int m = n + 1 + 2 * t;
    double[] risk = new double[m];
    risk[n] = 1;
    for (int r = 0; r < t; r++) {
      risk[za + r] = 1 / ((1 - beta) * t);
    }
    boolean riskTarget = !Double.isNaN(cdarLimit);
    double[] c = new double[m];
    if (riskTarget) {
      for (int i = 0; i < n; i++) {
        c[i] = -mu[i];
      }
    } else {
      c = risk.clone();
    }
    double[] low = new double[m];
    double[] high = new double[m];
    Arrays.fill(high, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      low[i] = lo[i];
      high[i] = hi[i];
    }
    low[n] = Double.NEGATIVE_INFINITY;
    int[] all = new int[n];
    double[] ones = new double[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
      ones[i] = 1;
    }
    List<LinearProgram.Row> eq = List.of(new LinearProgram.Row(all, ones, constraints.budget(), "budget"));
    List<LinearProgram.Row> le = new ArrayList<>(2 * t + 2);
    le.addAll(constraints.sectorRows());
    for (int r = 0; r < t; r++) {
      // u_t - alpha - z_t <= 0
      le.add(new LinearProgram.Row(new int[] {ua + r, n, za + r}, new double[] {1, -1, -1}, 0,
          "tail " + r));
      // u_(t-1) - r_t'w - u_t <= 0
      int extra = r > 0 ? 1 : 0;
      int[] idx = new int[n + 1 + extra];
      double[] val = new double[n + 1 + extra];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
        val[i] = -scenarios[r][i];
      }
      idx[n] = ua + r;
      val[n] = -1;
      if (extra == 1) {
        idx[n + 1] = ua + r - 1;
        val[n + 1] = 1;
      }
      le.add(new LinearProgram.Row(idx, val, 0, "drawdown " + r));
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
      idx[0] = n;
      val[0] = 1;
      for (int r = 0; r < t; r++) {
        idx[r + 1] = za + r;
        val[r + 1] = risk[za + r];
      }
      le.add(new LinearProgram.Row(idx, val, cdarLimit, "CDaR limit"));
    }
    double[] w = ScenarioInputs.solveWeights(method, c, eq, le, low, high, lo, hi,
        constraints.constraintText());
    double ret = mu == null ? Double.NaN : ScenarioInputs.dot(mu, w);
    return new OptimalPortfolio(method + ", CDaR " + MeanVariance.fmt(cdar(w)) + " at beta "
        + MeanVariance.fmt(beta) + " (drawdown over " + scenarios.length + " "
        + ScenarioInputs.period(periodsPerYear) + "s of returns, fraction of capital; not "
        + "annualised)", Weights.of(assets, w), ret,
        ScenarioInputs.volatility(scenarios, w, periodsPerYear));
  }

  /**
   * The problem in one line, e.g. {@code MeanCdar: 3 assets, 250 return rows, beta 0.95, expected
   * returns given, bounds [0, 1]}.
   */
  @Override
  public String toString() {
    return "MeanCdar: " + assets.size() + " asset" + (assets.size() == 1 ? "" : "s") + ", "
        + scenarios.length + " return rows, beta " + MeanVariance.fmt(beta) + ", "
        + (mu == null ? "no expected returns (min CDaR only)" : "expected returns given") + ", "
        + constraints.constraintText();
  }
}
