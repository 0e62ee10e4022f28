package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.MeanVarianceSpec.Sector;
import io.github.quantfolio.optimize.internal.LinearProgram;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Mean-variance portfolio optimisation (Markowitz 1952) as an immutable problem specification;
 * each {@code with...} method returns a new instance, and each solving method returns an
 * {@link OptimalPortfolio} that is the exact optimum (KKT conditions to about 1e-12), computed by
 * a dense active-set quadratic-programming solver, never a generic nonlinear search.
 *
 * <h2>Inputs and units</h2>
 * {@code mu} are annualised expected returns and {@code S} an annualised covariance matrix (as
 * produced by {@link ExpectedReturns} and {@code CovarianceEstimator}); the assets of {@code mu}
 * must be those of {@code S} in the same order. Volatilities and returns in results and messages
 * are annualised fractions (0.15 = 15%). {@code S} must be positive semidefinite; a matrix that is
 * not (e.g. a pairwise estimate) is rejected, and the caller may repair it with
 * {@code cov.nearestPositiveSemidefinite()} or {@code cov.withDiagonalShift(...)}. A singular
 * {@code S} estimated without shrinkage (fewer observations than assets, or one asset's returns a
 * combination of others', as judged by a Cholesky pivot of the correlation matrix at or below
 * 1e-10) is rejected too: its zero-variance directions are artefacts of the sample, and the
 * optimum would exploit them; estimate it with {@code CovarianceEstimator.ledoitWolf()}. A matrix
 * built by hand ({@code CovarianceMatrix.of}, no observations recorded) is accepted singular.
 *
 * <h2>Constraints (the feasible set C)</h2>
 * <ul>
 *   <li>budget {@code sum w = 1}, or {@code sum w = 0} with {@link #withMarketNeutral()};</li>
 *   <li>bounds {@code lo_i <= w_i <= hi_i}, default {@code [0, 1]} (long only),
 *       {@link #withBounds(double, double)} and per asset {@link #withAssetBounds};</li>
 *   <li>sector limits {@code L_s <= sum_{i in s} w_i <= U_s} ({@link #withSectorConstraints});</li>
 *   <li>turnover {@code ||w - w0||_1 <= T} against current weights {@code w0}
 *       ({@link #withTurnoverLimit}).</li>
 * </ul>
 * {@link #withTrackingErrorLimit} adds {@code sqrt((w - b)'S(w - b)) <= T} against a benchmark.
 * {@link #withTransactionCost} adds {@code k ||w - w0||_1} to the objective. Costs, turnover and
 * tracking-error limits are supported by every solving method, in any combination; they are
 * solved exactly by choosing, per asset, the buy or sell side of its previous weight (each choice
 * an exact QP) until the subgradient KKT conditions hold (see {@code withTransactionCost}), with
 * one-dimensional searches on a Lagrange multiplier around those exact solves for the quadratic
 * limits (tracking error; volatility in {@link #efficientRisk(double)}) and for max Sharpe (see
 * the methods).
 *
 * <h2>Problems</h2>
 * With {@code S_g = S + gamma I} ({@code gamma = 0} unless {@link #withL2Regularization(double)}):
 * <ul>
 *   <li>{@link #minVolatility()}: {@code min w'S_g w} over C;</li>
 *   <li>{@link #maxReturn()}: {@code max mu'w} over C (a linear program);</li>
 *   <li>{@link #efficientReturn(double)}: {@code min w'S_g w} over C with {@code mu'w >= target};</li>
 *   <li>{@link #efficientRisk(double)}: {@code max mu'w} over C with {@code w'S_g w <= target^2};</li>
 *   <li>{@link #maxQuadraticUtility(double)}: {@code max mu'w - delta/2 w'S_g w} over C;</li>
 *   <li>{@link #maxSharpe(double)}: {@code max (mu'w - rf) / sqrt(w'S_g w)} over C, solved exactly
 *       by the homogenised convex problem (Cornuejols and Tutuncu 2007, section 8.2)
 *       {@code min y'S_g y} s.t. {@code (mu - rf)'y = 1}, {@code kappa = 1'y >= 0} and every
 *       constraint of C multiplied by {@code kappa} ({@code lo_i kappa <= y_i <= hi_i kappa},
 *       {@code L_s kappa <= sum_s y <= U_s kappa}); then {@code w = y / kappa};</li>
 *   <li>{@link #efficientFrontier(int)}: {@link #efficientReturn(double)} at equally spaced
 *       targets from the minimum-volatility return to the maximum return.</li>
 * </ul>
 * The L2 term therefore enters every problem as the risk model {@code S + gamma I} (in max-Sharpe
 * it acts on {@code y}, i.e. the ratio uses {@code sqrt(w'(S + gamma I)w)}); reported volatilities
 * always use {@code S} alone.
 *
 * <p>If {@code S_g} is singular (a hand-built matrix, say), a ridge {@code eps I} is
 * added with {@code eps = 1e-12 x} the largest variance (then 1e-10, 1e-8 if still singular):
 * the objective changes by at most {@code eps ||w||^2}. Among equally good portfolios (a singular
 * {@code S} has a flat direction) the ridge selects, approximately, the one with the smallest norm:
 * the objective is then exact, the split along the flat direction accurate to about 1e-4.
 *
 * <h2>Failures</h2>
 * Every solving method throws {@link OptimizationException} naming the constraint and what is
 * attainable when the problem is infeasible (bounds that cannot sum to the budget, sector limits
 * that contradict the bounds, a target return above the maximum attainable, a target volatility
 * below the minimum attainable, no attainable return above the risk-free rate for max-Sharpe),
 * when the optimum would be the empty portfolio, and when a max-Sharpe optimum is riskless (an
 * infinite ratio). Results never hold NaN; a weight on an active bound is exactly that bound.
 *
 * @since 0.1.0
 */
public final class MeanVariance {

  /** Relative slack accepted on targets at the boundary of what is attainable (rounding). */
  static final double TARGET_SLACK = 1e-12;
  /**
   * Largest back-off of a return target at the very end of the frontier, relative to max|mu|,
   * when rounding makes the exact maximum-return face infeasible for the QP.
   */
  static final double END_SLACK = 1e-9;
  /**
   * From this many assets, max Sharpe with bounds or sector limits that would add general rows
   * to the homogenised QP is solved by the warm-started search along the utility path instead
   * (measured against the homogenised QP with the dual solver: 3x faster at 100 assets with a
   * 10% cap, 3x slower at 20).
   */
  static final int SEARCH_SHARPE_FROM = 50;
  /** Relative accuracy of {@link #efficientRisk(double)} on the volatility. */
  static final double RISK_TOLERANCE = 1e-12;
  /**
   * The most points {@link #efficientFrontier(int)} computes: each is a solved portfolio kept in
   * memory (100,000 points of 3 assets took 12 s; 2e9 ran out of memory).
   *
   * @since 0.1.0
   */
  public static final int MAX_FRONTIER_POINTS = 10_000;

  // How the work is divided (each class says what it owns):
  //   MeanVarianceSpec  the validated problem data; risk, turnover, tracking error, text
  //   FeasibleSet       the constraint algebra: budget/bound/sector checks, QP rows, the QP call
  //   ReturnLp          maximum return: knapsack, proximal point, unboundedness
  //   Frontier          efficient return / risk and the homogenised max Sharpe, frictionless
  //   Frictions         exact solves with costs, turnover and tracking-error limits
  //   FrictionSearches  max return / efficient risk / max Sharpe under those frictions
  //   Diagnostics       message wording and the checks on a result
  private final MeanVarianceSpec spec;

  private MeanVariance(MeanVarianceSpec spec) {
    this.spec = spec;
  }

  /**
   * A problem with annualised expected returns and covariance, long only ({@code [0, 1]} bounds),
   * fully invested.
   *
   * @param mu annualised expected returns, same assets in the same order as {@code cov}
   * @param cov annualised covariance, positive semidefinite
   * @return the problem: long only (bounds [0, 1]), fully invested
   * @throws IllegalArgumentException if the assets differ (named)
   * @throws OptimizationException if {@code cov} is not positive semidefinite, or is a singular
   *     estimate without shrinkage (see the class comment)
   */
  public static MeanVariance of(AssetVector mu, CovarianceMatrix cov) {
    Checks.notNull(mu, "mu");
    Checks.notNull(cov, "cov");
    if (!mu.assets().equals(cov.assets())) {
      throw new IllegalArgumentException("Expected returns and covariance must cover the same "
          + "assets in the same order, but mu has " + mu.assets() + " and cov has " + cov.assets()
          + "; use mu.select(cov.assets())");
    }
    return create(mu.toArray(), cov);
  }

  /**
   * A problem without expected returns: only {@link #minVolatility()} (and frontier-free
   * methods) can be solved; the others throw {@link IllegalStateException}.
   *
   * @param cov annualised covariance, positive semidefinite
   * @return the problem, without expected returns: long only, fully invested
   * @throws OptimizationException if {@code cov} is not positive semidefinite, or is a singular
   *     estimate without shrinkage (see the class comment)
   */
  public static MeanVariance of(CovarianceMatrix cov) {
    return create(null, Checks.notNull(cov, "cov"));
  }

  private static MeanVariance create(double[] mu, CovarianceMatrix cov) {
    CovarianceChecks.requirePositiveSemidefinite(cov);
    CovarianceChecks.requireNotSingularEstimate(cov, "MeanVariance");
    int n = cov.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(hi, 1);
    return new MeanVariance(MeanVarianceSpec.of(cov.assets(), mu, cov.toArray(), lo, hi,
        "bounds [0, 1]", false, 0, List.of()));
  }

  private MeanVariance constraints(double[] lo, double[] hi, String text, boolean neutral,
      double g, List<Sector> sec) {
    return new MeanVariance(spec.withConstraints(lo, hi, text, neutral, g, sec));
  }

  /**
   * The assets, in the order of weights in every result.
   *
   * @return the assets, in the order of weights in every result
   */
  public List<String> assets() {
    return spec.assets();
  }

  /**
   * The same problem with every weight in {@code [lo, hi]}. Infinite bounds are allowed
   * ({@code Double.NEGATIVE_INFINITY} / {@code POSITIVE_INFINITY}: unbounded).
   *
   * @param lo the lowest weight of every asset (fraction of the portfolio, negative = short), not
   *     NaN; {@code Double.NEGATIVE_INFINITY} for none
   * @param hi the highest weight of every asset, &gt;= {@code lo}, not NaN;
   *     {@code Double.POSITIVE_INFINITY} for none
   * @return a copy of this problem with every weight in {@code [lo, hi]}
   * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
   */
  public MeanVariance withBounds(double lo, double hi) {
    checkBounds(lo, hi, "all assets");
    double[] l = new double[spec.n()];
    double[] h = new double[spec.n()];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return constraints(l, h, "bounds [" + fmt(lo) + ", " + fmt(hi) + "]", spec.marketNeutral(),
        spec.gamma(), spec.sectors());
  }

  /**
   * The same problem with per-asset bounds {@code lower[i] <= w_i <= upper[i]} in asset order
   * (arrays copied; infinities allowed).
   *
   * @param lower the lowest weight of each asset, in asset order (fractions, negative = short), not
   *     NaN, -Infinity for none; copied
   * @param upper the highest weight of each asset, in asset order, each &gt;= its lower bound, not
   *     NaN, +Infinity for none; copied
   * @return a copy of this problem with the per-asset bounds
   * @throws IllegalArgumentException if a length differs, a bound is NaN or {@code lower > upper}
   */
  public MeanVariance withBounds(double[] lower, double[] upper) {
    Checks.notNull(lower, "lower");
    Checks.notNull(upper, "upper");
    List<String> assets = spec.assets();
    if (lower.length != assets.size() || upper.length != assets.size()) {
      throw new IllegalArgumentException("Expected " + assets.size() + " bounds (one per asset), "
          + "but found " + lower.length + " lower and " + upper.length + " upper");
    }
    for (int i = 0; i < lower.length; i++) {
      checkBounds(lower[i], upper[i], "'" + assets.get(i) + "'");
    }
    return constraints(lower.clone(), upper.clone(), "per-asset bounds", spec.marketNeutral(),
        spec.gamma(), spec.sectors());
  }

  /**
   * The same problem with {@code lo <= w_asset <= hi} for one asset; the other bounds are kept.
   *
   * @param asset an asset of the problem
   * @param lo its lowest weight (fraction, negative = short), not NaN (may be -Infinity)
   * @param hi its highest weight, &gt;= {@code lo}, not NaN (may be +Infinity)
   * @return a copy of this problem with the bounds of {@code asset} replaced
   * @throws IllegalArgumentException if the asset is unknown, a bound is NaN or {@code lo > hi}
   */
  public MeanVariance withAssetBounds(String asset, double lo, double hi) {
    int i = position(asset);
    checkBounds(lo, hi, "'" + asset + "'");
    double[] l = spec.lower().clone();
    double[] h = spec.upper().clone();
    l[i] = lo;
    h[i] = hi;
    return constraints(l, h, "per-asset bounds", spec.marketNeutral(), spec.gamma(),
        spec.sectors());
  }

  /**
   * The same problem with sector limits {@code lower(s) <= sum_{i in s} w_i <= upper(s)}. Replaces
   * earlier sector limits. A sector missing from a map has no limit on that side.
   *
   * @param sectorOf the sector of each asset (e.g. {@code market::sectorOf}); must not return null
   * @param lower minimum total weight per sector (may be empty)
   * @param upper maximum total weight per sector (may be empty)
   * @return a copy of this problem with these sector limits (earlier ones replaced)
   * @throws IllegalArgumentException if a limit names a sector without assets, is not finite, or
   *     lower exceeds upper
   */
  public MeanVariance withSectorConstraints(Function<String, String> sectorOf,
      Map<String, Double> lower, Map<String, Double> upper) {
    List<Sector> out = MeanVarianceSpec.sectors(spec.assets(), sectorOf, lower, upper);
    return constraints(spec.lower(), spec.upper(), spec.boundsText(), spec.marketNeutral(),
        spec.gamma(), out);
  }

  /**
   * The same problem with weights summing to 0 instead of 1 (a dollar-neutral long/short book).
   * Needs negative lower bounds, e.g. {@code withBounds(-1, 1)}. Minimum volatility is then the
   * empty portfolio, so {@link #minVolatility()} and {@link #maxSharpe(double)} refuse it.
   *
   * @return a copy of this problem with a budget of 0
   */
  public MeanVariance withMarketNeutral() {
    return constraints(spec.lower(), spec.upper(), spec.boundsText(), true, spec.gamma(),
        spec.sectors());
  }

  /**
   * The same problem with L2 regularisation: {@code gamma ||w||^2} is added to the variance in
   * every objective, i.e. the risk model becomes {@code S + gamma I} (see the class comment).
   * Larger {@code gamma} spreads weight over more assets (PyPortfolioOpt's {@code L2_reg}).
   *
   * @param gamma &gt;= 0, in annualised variance units
   * @return a copy of this problem with the risk model {@code S + gamma I}
   */
  public MeanVariance withL2Regularization(double gamma) {
    Checks.finite(gamma, "gamma");
    if (gamma < 0) {
      throw new IllegalArgumentException("Expected gamma >= 0, but found " + gamma);
    }
    double maxVariance = 0;
    for (int i = 0; i < spec.n(); i++) {
      maxVariance = Math.max(maxVariance, spec.cov()[i][i]);
    }
    if (!Double.isFinite(4 * (maxVariance + gamma))) {
      // the QPs use 2 (S + gamma I); beyond the double range they would fail with solver text
      throw new IllegalArgumentException("gamma " + gamma + " overflows the risk model S + gamma I "
          + "(largest variance " + fmt(maxVariance) + ")");
    }
    return constraints(spec.lower(), spec.upper(), spec.boundsText(), spec.marketNeutral(), gamma,
        spec.sectors());
  }

  /**
   * The same problem with proportional transaction costs against the current weights:
   * {@code k ||w - w0||_1} is added to the objective (in its units: annualised variance for
   * {@link #minVolatility()} and {@link #efficientReturn(double)}, whose objective becomes
   * {@code w'S_g w + k ||w - w0||_1}; annualised return for {@link #maxQuadraticUtility(double)},
   * {@code mu'w - delta/2 w'S_g w - k ||w - w0||_1}; annualised return also for
   * {@link #maxReturn()}, {@link #efficientRisk(double)} and {@link #maxSharpe(double)}, which
   * maximise the return net of costs {@code mu'w - k ||w - w0||_1}, respectively its Sharpe ratio
   * {@code (mu'w - k ||w - w0||_1 - rf) / sqrt(w'S_g w)}). {@link #efficientFrontier(int)} uses
   * {@link #efficientReturn(double)}'s objective. Replaces an earlier cost.
   *
   * @param previous current weights {@code w0}; assets of the problem missing from it count as 0,
   *     assets not in the problem are an error
   * @param k cost per unit of turnover, &gt;= 0
   * @return a copy of this problem with the cost (an earlier cost replaced)
   * @throws IllegalArgumentException for an unknown asset, a negative or non-finite k, or
   *     previous weights differing from those of a turnover limit already set
   */
  public MeanVariance withTransactionCost(Weights previous, double k) {
    Checks.finite(k, "k");
    if (k < 0) {
      throw new IllegalArgumentException("Expected k >= 0, but found " + k);
    }
    double[] w0 = previousArray(previous, spec.maxTurnover() < Double.POSITIVE_INFINITY);
    return new MeanVariance(spec.withTrading(w0, k, spec.maxTurnover()));
  }

  /**
   * The same problem with a turnover limit {@code ||w - w0||_1 <= maxTurnover} against the current
   * weights (a full switch from one asset to another is turnover 2), for every solving method.
   * If the constraints cannot be reached from {@code w0} within the limit, the solving method
   * throws {@link OptimizationException} naming the minimum turnover needed.
   *
   * @param previous current weights {@code w0} (missing assets count as 0)
   * @param maxTurnover &gt;= 0
   * @return a copy of this problem with the turnover limit
   */
  public MeanVariance withTurnoverLimit(Weights previous, double maxTurnover) {
    Checks.finite(maxTurnover, "maxTurnover");
    if (maxTurnover < 0) {
      throw new IllegalArgumentException("Expected maxTurnover >= 0, but found " + maxTurnover);
    }
    double[] w0 = previousArray(previous, spec.previous() != null && spec.costK() > 0);
    return new MeanVariance(spec.withTrading(w0, spec.costK(), maxTurnover));
  }

  /**
   * The same problem with a tracking-error limit {@code sqrt((w - b)'S(w - b)) <= maxTe} against a
   * benchmark {@code b} (annualised, with the caller's {@code S}), for every solving method and
   * together with costs and turnover limits. When the limit binds, the optimum
   * minimises {@code (1 - phi) f(w) + phi (w - b)'S(w - b)} over the other constraints for the
   * {@code phi} in [0, 1] at which the tracking error equals the limit (the Lagrangian of the
   * convex problem), found by Illinois regula falsi to 1e-12 relative, never above the limit.
   *
   * @param benchmark benchmark weights (assets of the problem; missing ones count as 0)
   * @param maxTe annualised tracking error &gt; 0
   * @return a copy of this problem with the tracking-error limit
   * @throws IllegalArgumentException for an unknown asset or a non-positive limit
   */
  public MeanVariance withTrackingErrorLimit(Weights benchmark, double maxTe) {
    Checks.positive(maxTe, "maxTe");
    Checks.notNull(benchmark, "benchmark");
    return new MeanVariance(spec.withTracking(spec.weightArray(benchmark, "Benchmark holds"),
        maxTe));
  }

  /** {@code w} as an array; {@code otherInUse}: the other trading option relies on the current w0. */
  private double[] previousArray(Weights w, boolean otherInUse) {
    Checks.notNull(w, "previous");
    double[] out = spec.weightArray(w, "Previous weights hold");
    if (otherInUse && !Arrays.equals(spec.previous(), out)) {
      throw new IllegalArgumentException("Transaction costs and the turnover limit must refer to "
          + "the same previous weights");
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Solving methods
  // ---------------------------------------------------------------------------------------------

  /**
   * The minimum-volatility portfolio: {@code min w'(S + gamma I)w} over the constraints.
   * Works without expected returns.
   *
   * @return the minimum-volatility portfolio
   * @throws OptimizationException if the constraints are infeasible, or under market neutrality
   *     (the minimum is the empty portfolio)
   */
  public OptimalPortfolio minVolatility() {
    if (spec.marketNeutral()) {
      throw new OptimizationException("Minimum volatility under market neutrality (weights sum to "
          + "0) is the empty portfolio; use efficientReturn, efficientRisk or maxQuadraticUtility");
    }
    checkConstraints();
    return result("min volatility", new Frictions(spec).solve(spec.riskMatrix(2),
        new double[spec.n()], spec.costWeight(), null));
  }

  /**
   * The maximum-return portfolio: {@code max mu'w} over the constraints (a linear program). Among
   * several maximisers the result is a proximal-point limit (see below), not necessarily the
   * least risky; {@link #efficientReturn(double)} at this return gives the least risky one.
   *
   * <p>With only bounds and the budget this is a fractional knapsack, solved exactly by the greedy
   * fill (all weights at their lower bounds, the rest of the budget to the highest returns up to
   * their upper bounds). Otherwise it is
   * solved exactly by the proximal-point method, which terminates finitely on linear programs
   * (Polyak and Tretyakov 1973; Ferris 1991, "Finite termination of the proximal point
   * algorithm"): {@code w_k+1 = argmin_C -mu'w + ||w - w_k||^2 / (2 t_k)}, each step an exact QP,
   * with {@code t_0 = 10 / max|mu|} doubled each step up to {@code 2^16 t_0} (nearly tied returns
   * would otherwise need many small steps); at the fixed point the QP's KKT conditions are those
   * of the LP. The fixed point is detected up to rounding of order {@code 1e-14 t max|mu|}.
   *
   * <p>With transaction costs the objective is the return net of costs
   * {@code mu'w - k ||w - w0||_1} (still an LP, same proximal-point method with exact
   * segment-selected steps); a turnover limit is one more constraint; with a tracking-error limit
   * the problem is solved through its Lagrangian {@code (1 - phi)(-mu'w + cost) + phi TE^2} (see
   * {@link #withTrackingErrorLimit}).
   *
   * @return the maximum-return portfolio
   * @throws IllegalStateException without expected returns
   * @throws OptimizationException if infeasible or unbounded (infinite bounds)
   */
  public OptimalPortfolio maxReturn() {
    requireMu("maxReturn");
    checkConstraints();
    if (spec.trading()) {
      return result("max return", new FrictionSearches(spec).maxReturn(spec.costWeight()));
    }
    return result("max return", new ReturnLp(spec).bounded());
  }

  /**
   * The efficient portfolio for a target return: {@code min w'(S + gamma I)w} over the
   * constraints with {@code mu'w >= target}. A target below the minimum-volatility portfolio's
   * return gives that portfolio (the constraint is not binding), as in PyPortfolioOpt. At the
   * maximum attainable return itself, where the feasible set is a single face of C, rounding can
   * make the exact target infeasible; it is then relaxed by at most {@code 1e-9 x max|mu|}.
   *
   * @param target annualised expected return (0.10 = 10%)
   * @return the least risky portfolio with {@code mu'w >= target}
   * @throws OptimizationException if the target is above the maximum attainable return (named)
   */
  public OptimalPortfolio efficientReturn(double target) {
    requireMu("efficientReturn");
    Checks.finite(target, "target");
    checkConstraints();
    String name = "efficient return (target " + fmt(target) + ")";
    Frontier frontier = new Frontier(spec);
    if (spec.trading()) {
      double max = MeanVarianceSpec.dot(spec.mu(), new FrictionSearches(spec).maxReturn(0));
      if (target > max + TARGET_SLACK * Math.max(1, Math.abs(max))) {
        throw Diagnostics.targetReturnTooHigh(target, max, spec.describeTrading());
      }
      return result(name, frontier.efficientReturn(Math.min(target, max)));
    }
    ReturnLp lp = new ReturnLp(spec);
    if (lp.unbounded()) {
      return result(name, frontier.efficientReturn(target));
    }
    double max = MeanVarianceSpec.dot(spec.mu(), lp.maximiser());
    if (target > max + TARGET_SLACK * Math.max(1, Math.abs(max))) {
      throw Diagnostics.targetReturnTooHigh(target, max, spec.describe());
    }
    return result(name, frontier.efficientReturn(Math.min(target, max)));
  }

  /**
   * The efficient portfolio for a target volatility: {@code max mu'w} over the constraints with
   * {@code sqrt(w'(S + gamma I)w) <= target}. Solved on the efficient frontier: the return target
   * {@code r} of {@link #efficientReturn(double)} is searched (Illinois regula falsi on the
   * piecewise-quadratic {@code sigma^2(r)}, bracketed by the minimum-volatility and maximum
   * returns) until the volatility is within {@code 1e-12} relative of the target; the result
   * never exceeds it. A target above the volatility of the least risky maximum-return portfolio
   * gives that portfolio.
   *
   * <p>With costs, turnover or tracking-error limits it maximises {@code mu'w - k ||w - w0||_1}
   * subject to every limit and {@code w'S_g w <= target^2}, through the Lagrangian mixture
   * {@code (1 - phi)(-mu'w + k ||w - w0||_1) + phi w'S_g w}: each phi is an exact solve, and phi in
   * [0, 1] is found by Illinois regula falsi until the volatility is within 1e-12 relative of the
   * target, never above it (the volatility is non-increasing in phi). A target within 1e-12
   * relative of either end of the attainable range (rounding) gives that end's portfolio.
   *
   * @param targetVolatility annualised volatility (0.15 = 15%)
   * @return the highest-return portfolio with volatility at most {@code targetVolatility}
   * @throws OptimizationException if the target is below the minimum attainable volatility
   */
  public OptimalPortfolio efficientRisk(double targetVolatility) {
    requireMu("efficientRisk");
    Checks.positive(targetVolatility, "targetVolatility");
    checkConstraints();
    String name = "efficient risk (target volatility " + fmt(targetVolatility) + ")";
    if (spec.trading()) {
      return result(name, new FrictionSearches(spec).efficientRisk(targetVolatility));
    }
    return result(name, new Frontier(spec).efficientRisk(targetVolatility));
  }

  /**
   * The portfolio maximising quadratic utility {@code mu'w - delta/2 w'(S + gamma I)w} over the
   * constraints.
   *
   * @param riskAversion {@code delta > 0}
   * @return the portfolio of maximum quadratic utility
   */
  public OptimalPortfolio maxQuadraticUtility(double riskAversion) {
    requireMu("maxQuadraticUtility");
    Checks.positive(riskAversion, "riskAversion");
    checkConstraints();
    double[] c = new double[spec.n()];
    for (int i = 0; i < c.length; i++) {
      c[i] = -spec.mu()[i];
    }
    return result("max quadratic utility (delta = " + fmt(riskAversion) + ")",
        new Frictions(spec).solve(spec.riskMatrix(riskAversion), c, spec.costWeight(), null));
  }

  /**
   * The tangency (maximum Sharpe ratio) portfolio {@code max (mu'w - rf) / sqrt(w'(S + gamma I)w)}
   * over the constraints, by the exact homogenised reformulation in the class comment.
   *
   * <p>With costs, turnover or tracking-error limits it maximises the Sharpe ratio of the return
   * net of costs, {@code (mu'w - k ||w - w0||_1 - rf) / sqrt(w'S_g w)} ({@code k} in return
   * units), subject to every limit. This ratio is not homogenised (the turnover and cost terms
   * would need the split variables that the QP does not carry); instead, the optimality condition
   * of the ratio is that of {@code min 1/2 w'S_g w - t N(w)} at {@code t = w'S_g w / N(w)} (N the
   * net excess return), each such problem is solved exactly, and
   * {@code g(t) = w(t)'S_g w(t) - t N(w(t))}, positive below the optimal t and negative above, is
   * driven to {@code |g| <= 1e-13 w'S_g w} by Illinois regula falsi. The result therefore meets
   * the KKT conditions of the ratio with {@code delta = N / w'S_g w} to about 1e-13 relative.
   *
   * <p>The excess returns are scaled by their largest magnitude before the homogenised solve (the
   * maximiser does not change), so their scale does not matter.
   *
   * @param riskFreeRate annualised risk-free rate
   * @return the tangency portfolio, its Sharpe ratio taken at {@code riskFreeRate}
   * @throws OptimizationException if no attainable portfolio returns more than {@code rf} (the
   *     maximum attainable is named, and why the best asset's return is out of reach when a cap
   *     is the reason), if the optimum has no risk under {@code S + gamma I} while returning
   *     more than {@code rf} (an infinite ratio: a singular hand-built covariance; the portfolio
   *     is named), if the ratio has no maximum (infinite bounds), or under market neutrality
   *     (the ratio is scale-invariant there, so the problem has no unique solution)
   */
  public OptimalPortfolio maxSharpe(double riskFreeRate) {
    requireMu("maxSharpe");
    Checks.finite(riskFreeRate, "riskFreeRate");
    if (spec.marketNeutral()) {
      throw new OptimizationException("Max Sharpe is not defined under market neutrality: a "
          + "zero-sum portfolio's Sharpe ratio does not change when it is scaled; use efficientRisk");
    }
    checkConstraints();
    String name = "max Sharpe (rf = " + fmt(riskFreeRate) + ")";
    if (spec.trading() || (spec.n() >= SEARCH_SHARPE_FROM
        && new FeasibleSet(spec).homogenisedRows() > 1 && !new ReturnLp(spec).unbounded())) {
      // With trading options, or when homogenising the bounds and sector limits would add many
      // dense rows (y_i <= hi_i kappa, ...), the exact one-dimensional search over the utility
      // path is used: each step is a bound-constrained QP warm-started from the previous one.
      return result(name, new FrictionSearches(spec).maxSharpe(riskFreeRate))
          .atRiskFreeRate(riskFreeRate);
    }
    return result(name, new Frontier(spec).maxSharpe(riskFreeRate)).atRiskFreeRate(riskFreeRate);
  }

  /**
   * {@code points} efficient portfolios ({@link #efficientReturn(double)}) at equally spaced
   * target returns from the minimum-volatility portfolio's return to the maximum attainable
   * return, in increasing order of return (and volatility). Under market neutrality, whose
   * minimum-volatility portfolio is empty, the targets are {@code max x k / points} for
   * {@code k = 1..points}. With costs, turnover or tracking-error limits each point is
   * {@link #efficientReturn(double)} under them, from the return of {@link #minVolatility()} to the
   * largest gross return {@code mu'w} the limits allow.
   *
   * @param points at least 2, at most {@link #MAX_FRONTIER_POINTS}
   * @return the {@code points} efficient portfolios, in increasing order of return
   * @throws IllegalArgumentException if {@code points} is outside [2, {@link
   *     #MAX_FRONTIER_POINTS}]
   */
  public List<OptimalPortfolio> efficientFrontier(int points) {
    requireMu("efficientFrontier");
    if (points < 2 || points > MAX_FRONTIER_POINTS) {
      throw new IllegalArgumentException("Expected 2 <= points <= " + MAX_FRONTIER_POINTS
          + ", but found " + points + (points > MAX_FRONTIER_POINTS ? " (each point is a "
          + "portfolio of its own, solved and kept in memory; a plot needs tens)" : ""));
    }
    checkConstraints();
    double[] mu = spec.mu();
    boolean neutral = spec.marketNeutral();
    ReturnLp lp = new ReturnLp(spec);
    double r0;
    double r1;
    if (spec.trading()) {
      r0 = neutral ? 0 : MeanVarianceSpec.dot(mu, new Frictions(spec).solve(spec.riskMatrix(2),
          new double[spec.n()], spec.costWeight(), null));
      r1 = MeanVarianceSpec.dot(mu, new FrictionSearches(spec).maxReturn(0));
      r0 = Math.min(r0, r1);
    } else {
      r0 = neutral ? 0 : MeanVarianceSpec.dot(mu, new FeasibleSet(spec).solveWeights(
          spec.riskMatrix(1), new double[spec.n()], null, 0, null));
      r1 = MeanVarianceSpec.dot(mu, lp.bounded());
    }
    Frontier frontier = new Frontier(spec);
    List<OptimalPortfolio> out = new ArrayList<>(points);
    FeasibleSet.Warm warm = new FeasibleSet.Warm(); // each point starts from the previous one
    for (int k = 0; k < points; k++) {
      // market neutral: the frontier starts at the empty portfolio, so start one step above it
      double target = k == points - 1 ? r1 : neutral ? r1 * (k + 1) / points
          : r0 + (r1 - r0) * k / (points - 1);
      double[] w = k == points - 1 && !spec.trading() && lp.uniqueGreedyMaximum()
          ? lp.greedy() : frontier.efficientReturn(target, warm);
      out.add(result("efficient return (target " + fmt(target) + ")", w));
    }
    return List.copyOf(out);
  }

  // --- package-private views of the feasible set, for the scenario LPs (MeanCvar, MeanCdar) ---

  /** Throws the same diagnostics as the solving methods if C is infeasible. */
  void checkConstraints() {
    new FeasibleSet(spec).check();
  }

  /** The budget: 1, or 0 when market neutral. */
  double budget() {
    return spec.budget();
  }

  /**
   * The maximum attainable return {@code mu'w} over C (as {@link #maxReturn()}), or
   * {@code +Infinity} if it is unbounded; for target checks of the scenario LPs.
   */
  double maxAttainableReturn() {
    checkConstraints();
    ReturnLp lp = new ReturnLp(spec);
    return lp.unbounded() ? Double.POSITIVE_INFINITY
        : result("max return", lp.maximiser()).expectedReturn();
  }

  /** Lower bounds (not copied: callers must not modify). */
  double[] lowerBounds() {
    return spec.lower();
  }

  /** Upper bounds (not copied: callers must not modify). */
  double[] upperBounds() {
    return spec.upper();
  }

  /** Sector limits as rows {@code a'w <= rhs} over the weights (indices 0..N-1). */
  List<LinearProgram.Row> sectorRows() {
    return new FeasibleSet(spec).sectorRows();
  }

  /** The constraints in words, e.g. "bounds [0, 1], 2 sector limits". */
  String constraintText() {
    return spec.describe();
  }

  /** Numbers in messages: up to 6 significant digits, no trailing zeros. */
  static String fmt(double v) {
    return Diagnostics.fmt(v);
  }

  private OptimalPortfolio result(String method, double[] w) {
    return Diagnostics.result(spec, method, w);
  }

  private void requireMu(String method) {
    if (spec.mu() == null) {
      throw new IllegalStateException(method + " needs expected returns: build the problem with "
          + "MeanVariance.of(mu, cov); MeanVariance.of(cov) supports minVolatility only");
    }
  }

  private int position(String asset) {
    Checks.notNull(asset, "asset");
    int i = spec.assets().indexOf(asset);
    if (i < 0) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; this problem has "
          + spec.assets());
    }
    return i;
  }

  private static void checkBounds(double lo, double hi, String what) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo == Double.POSITIVE_INFINITY
        || hi == Double.NEGATIVE_INFINITY || lo > hi) {
      throw new IllegalArgumentException("Expected lo <= hi for " + what + ", but found [" + lo
          + ", " + hi + "]");
    }
  }

  /**
   * The problem in one line: assets, whether expected returns are given, and every constraint and
   * option, e.g. {@code MeanVariance: 20 assets, expected returns given, bounds [0, 0.2], 2 sector
   * limits, budget 1}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MeanVariance: ").append(spec.n()).append(" assets, ")
        .append(spec.mu() == null ? "no expected returns (min volatility only)"
            : "expected returns given")
        .append(", ").append(spec.describe()).append(spec.marketNeutral() ? "" : ", budget 1");
    if (spec.gamma() > 0) {
      sb.append(", L2 gamma ").append(fmt(spec.gamma()));
    }
    if (spec.previous() != null && spec.costK() > 0) {
      sb.append(", transaction cost k ").append(fmt(spec.costK()));
    }
    if (spec.maxTurnover() < Double.POSITIVE_INFINITY) {
      sb.append(", turnover limit ").append(fmt(spec.maxTurnover()));
    }
    if (spec.benchmark() != null) {
      sb.append(", tracking error limit ").append(fmt(spec.maxTe()));
    }
    return sb.toString();
  }
}
