package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.internal.DenseQp;
import io.github.quantfolio.optimize.internal.Psd;
import io.github.quantfolio.optimize.internal.QpException;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * {@code cov.nearestPositiveSemidefinite()} or {@code cov.withDiagonalShift(...)}.
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
 * <p>If {@code S_g} is singular (fewer observations than assets, say), a ridge {@code eps I} is
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
 * and when the optimum would be the empty portfolio. Results never hold NaN.
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

  private record Sector(String name, int[] members, double lower, double upper) {
  }

  private final List<String> assets;
  private final double[] mu; // null: minimum volatility only
  private final double[][] cov;
  private final double[] lower;
  private final double[] upper;
  private final String boundsText;
  private final boolean marketNeutral;
  private final double gamma;
  private final List<Sector> sectors;
  private final double[] previous; // null: no transaction cost or turnover limit
  private final double costK;
  private final double maxTurnover;
  private final double[] benchmark; // null: no tracking-error limit
  private final double maxTe;

  private record Row(double[] a, double rhs, String name) {
  }

  /**
   * The last QP solution of a sequence of nearby problems (frontier points, steps of a
   * one-dimensional search): its active set is the next solve's starting guess. Local to one
   * solving call, never shared.
   */
  private static final class Warm {
    private DenseQp.Solution last;
    /** The last trade-aware solution without extra rows: it meets the turnover limit. */
    private double[] feasible;
  }

  private MeanVariance(List<String> assets, double[] mu, double[][] cov, double[] lower,
      double[] upper, String boundsText, boolean marketNeutral, double gamma,
      List<Sector> sectors) {
    this(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma, sectors, null, 0,
        Double.POSITIVE_INFINITY);
  }

  private MeanVariance(List<String> assets, double[] mu, double[][] cov, double[] lower,
      double[] upper, String boundsText, boolean marketNeutral, double gamma,
      List<Sector> sectors, double[] previous, double costK, double maxTurnover) {
    this(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma, sectors, previous, costK,
        maxTurnover, null, Double.POSITIVE_INFINITY);
  }

  private MeanVariance(List<String> assets, double[] mu, double[][] cov, double[] lower,
      double[] upper, String boundsText, boolean marketNeutral, double gamma,
      List<Sector> sectors, double[] previous, double costK, double maxTurnover,
      double[] benchmark, double maxTe) {
    this.benchmark = benchmark;
    this.maxTe = maxTe;
    this.previous = previous;
    this.costK = costK;
    this.maxTurnover = maxTurnover;
    this.assets = assets;
    this.mu = mu;
    this.cov = cov;
    this.lower = lower;
    this.upper = upper;
    this.boundsText = boundsText;
    this.marketNeutral = marketNeutral;
    this.gamma = gamma;
    this.sectors = sectors;
  }

  /**
   * A problem with annualised expected returns and covariance, long only ({@code [0, 1]} bounds),
   * fully invested.
   *
   * @param mu annualised expected returns, same assets in the same order as {@code cov}
   * @param cov annualised covariance, positive semidefinite
   * @throws IllegalArgumentException if the assets differ (named)
   * @throws OptimizationException if {@code cov} is not positive semidefinite
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
   * @throws OptimizationException if {@code cov} is not positive semidefinite
   */
  public static MeanVariance of(CovarianceMatrix cov) {
    return create(null, Checks.notNull(cov, "cov"));
  }

  private static MeanVariance create(double[] mu, CovarianceMatrix cov) {
    // a successful Cholesky proves definiteness cheaply; otherwise the exact eigenvalue check
    if (!Psd.choleskySucceeds(cov.toArray()) && !cov.isPositiveSemidefinite()) {
      double[] ev = cov.eigenvalues();
      throw new OptimizationException("Covariance matrix is not positive semidefinite (smallest "
          + "eigenvalue " + fmt(ev[0]) + ", largest " + fmt(ev[ev.length - 1]) + "); repair it "
          + "with cov.nearestPositiveSemidefinite() or cov.withDiagonalShift(minEigenvalue)");
    }
    int n = cov.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(hi, 1);
    return new MeanVariance(cov.assets(), mu, cov.toArray(), lo, hi, "bounds [0, 1]", false, 0,
        List.of());
  }

  private MeanVariance copy(double[] lo, double[] hi, String text, boolean neutral, double g,
      List<Sector> sec) {
    return new MeanVariance(assets, mu, cov, lo, hi, text, neutral, g, sec, previous, costK,
        maxTurnover, benchmark, maxTe);
  }

  /** The assets, in the order of weights in every result. */
  public List<String> assets() {
    return assets;
  }

  /**
   * The same problem with every weight in {@code [lo, hi]}. Infinite bounds are allowed
   * ({@code Double.NEGATIVE_INFINITY} / {@code POSITIVE_INFINITY}: unbounded).
   *
   * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
   */
  public MeanVariance withBounds(double lo, double hi) {
    checkBounds(lo, hi, "all assets");
    double[] l = new double[assets.size()];
    double[] h = new double[assets.size()];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return copy(l, h, "bounds [" + fmt(lo) + ", " + fmt(hi) + "]", marketNeutral, gamma, sectors);
  }

  /**
   * The same problem with per-asset bounds {@code lower[i] <= w_i <= upper[i]} in asset order
   * (arrays copied; infinities allowed).
   *
   * @throws IllegalArgumentException if a length differs, a bound is NaN or {@code lower > upper}
   */
  public MeanVariance withBounds(double[] lower, double[] upper) {
    Checks.notNull(lower, "lower");
    Checks.notNull(upper, "upper");
    if (lower.length != assets.size() || upper.length != assets.size()) {
      throw new IllegalArgumentException("Expected " + assets.size() + " bounds (one per asset), "
          + "but found " + lower.length + " lower and " + upper.length + " upper");
    }
    for (int i = 0; i < lower.length; i++) {
      checkBounds(lower[i], upper[i], "'" + assets.get(i) + "'");
    }
    return copy(lower.clone(), upper.clone(), "per-asset bounds", marketNeutral, gamma, sectors);
  }

  /**
   * The same problem with {@code lo <= w_asset <= hi} for one asset; the other bounds are kept.
   *
   * @throws IllegalArgumentException if the asset is unknown, a bound is NaN or {@code lo > hi}
   */
  public MeanVariance withAssetBounds(String asset, double lo, double hi) {
    int i = position(asset);
    checkBounds(lo, hi, "'" + asset + "'");
    double[] l = lower.clone();
    double[] h = upper.clone();
    l[i] = lo;
    h[i] = hi;
    return copy(l, h, "per-asset bounds", marketNeutral, gamma, sectors);
  }

  /**
   * The same problem with sector limits {@code lower(s) <= sum_{i in s} w_i <= upper(s)}. Replaces
   * earlier sector limits. A sector missing from a map has no limit on that side.
   *
   * @param sectorOf the sector of each asset (e.g. {@code market::sectorOf}); must not return null
   * @param lower minimum total weight per sector (may be empty)
   * @param upper maximum total weight per sector (may be empty)
   * @throws IllegalArgumentException if a limit names a sector without assets, is not finite, or
   *     lower exceeds upper
   */
  public MeanVariance withSectorConstraints(Function<String, String> sectorOf,
      Map<String, Double> lower, Map<String, Double> upper) {
    Checks.notNull(sectorOf, "sectorOf");
    Checks.notNull(lower, "lower");
    Checks.notNull(upper, "upper");
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < assets.size(); i++) {
      String s = sectorOf.apply(assets.get(i));
      if (s == null) {
        throw new NullPointerException("sectorOf returned null for asset '" + assets.get(i) + "'");
      }
      members.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
    }
    for (String s : lower.keySet()) {
      requireSector(members, s, "lower");
    }
    for (String s : upper.keySet()) {
      requireSector(members, s, "upper");
    }
    List<Sector> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      String s = e.getKey();
      double lo = lower.containsKey(s) ? Checks.finite(lower.get(s), "lower limit of sector '" + s + "'")
          : Double.NEGATIVE_INFINITY;
      double hi = upper.containsKey(s) ? Checks.finite(upper.get(s), "upper limit of sector '" + s + "'")
          : Double.POSITIVE_INFINITY;
      if (lo > hi) {
        throw new IllegalArgumentException("Sector '" + s + "' has lower limit " + fmt(lo)
            + " above its upper limit " + fmt(hi));
      }
      if (lo > Double.NEGATIVE_INFINITY || hi < Double.POSITIVE_INFINITY) {
        out.add(new Sector(s, e.getValue().stream().mapToInt(Integer::intValue).toArray(), lo, hi));
      }
    }
    return copy(lower(), upper(), boundsText, marketNeutral, gamma, List.copyOf(out));
  }

  /**
   * The same problem with weights summing to 0 instead of 1 (a dollar-neutral long/short book).
   * Needs negative lower bounds, e.g. {@code withBounds(-1, 1)}. Minimum volatility is then the
   * empty portfolio, so {@link #minVolatility()} and {@link #maxSharpe(double)} refuse it.
   */
  public MeanVariance withMarketNeutral() {
    return copy(lower, upper, boundsText, true, gamma, sectors);
  }

  /**
   * The same problem with L2 regularisation: {@code gamma ||w||^2} is added to the variance in
   * every objective, i.e. the risk model becomes {@code S + gamma I} (see the class comment).
   * Larger {@code gamma} spreads weight over more assets (PyPortfolioOpt's {@code L2_reg}).
   *
   * @param gamma &gt;= 0, in annualised variance units
   */
  public MeanVariance withL2Regularization(double gamma) {
    Checks.finite(gamma, "gamma");
    if (gamma < 0) {
      throw new IllegalArgumentException("Expected gamma >= 0, but found " + gamma);
    }
    return copy(lower, upper, boundsText, marketNeutral, gamma, sectors);
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
   * @throws IllegalArgumentException for an unknown asset, a negative or non-finite k, or
   *     previous weights differing from those of a turnover limit already set
   */
  public MeanVariance withTransactionCost(Weights previous, double k) {
    Checks.finite(k, "k");
    if (k < 0) {
      throw new IllegalArgumentException("Expected k >= 0, but found " + k);
    }
    double[] w0 = previousArray(previous, maxTurnover < Double.POSITIVE_INFINITY);
    return new MeanVariance(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, w0, k, maxTurnover, benchmark, maxTe);
  }

  /**
   * The same problem with a turnover limit {@code ||w - w0||_1 <= maxTurnover} against the current
   * weights (a full switch from one asset to another is turnover 2), for every solving method.
   * If the constraints cannot be reached from {@code w0} within the limit, the solving method
   * throws {@link OptimizationException} naming the minimum turnover needed.
   *
   * @param previous current weights {@code w0} (missing assets count as 0)
   * @param maxTurnover &gt;= 0
   */
  public MeanVariance withTurnoverLimit(Weights previous, double maxTurnover) {
    Checks.finite(maxTurnover, "maxTurnover");
    if (maxTurnover < 0) {
      throw new IllegalArgumentException("Expected maxTurnover >= 0, but found " + maxTurnover);
    }
    double[] w0 = previousArray(previous, this.previous != null && costK > 0);
    return new MeanVariance(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, w0, costK, maxTurnover, benchmark, maxTe);
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
   * @throws IllegalArgumentException for an unknown asset or a non-positive limit
   */
  public MeanVariance withTrackingErrorLimit(Weights benchmark, double maxTe) {
    Checks.positive(maxTe, "maxTe");
    Checks.notNull(benchmark, "benchmark");
    for (String a : benchmark.assets()) {
      if (!assets.contains(a)) {
        throw new IllegalArgumentException("Benchmark holds '" + a + "', which is not an asset of "
            + "this problem " + assets);
      }
    }
    double[] b = new double[n()];
    for (int i = 0; i < b.length; i++) {
      b[i] = benchmark.getOrZero(assets.get(i));
    }
    return new MeanVariance(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, previous, costK, maxTurnover, b, maxTe);
  }

  /** {@code w} as an array; {@code otherInUse}: the other trading option relies on the current w0. */
  private double[] previousArray(Weights w, boolean otherInUse) {
    Checks.notNull(w, "previous");
    for (String a : w.assets()) {
      if (!assets.contains(a)) {
        throw new IllegalArgumentException("Previous weights hold '" + a + "', which is not an "
            + "asset of this problem " + assets);
      }
    }
    double[] out = new double[n()];
    for (int i = 0; i < out.length; i++) {
      out[i] = w.getOrZero(assets.get(i));
    }
    if (otherInUse && !Arrays.equals(previous, out)) {
      throw new IllegalArgumentException("Transaction costs and the turnover limit must refer to "
          + "the same previous weights");
    }
    return out;
  }

  /**
   * The maximum of {@code mu'w - k ||w - w0||_1} over C with the turnover and tracking-error
   * limits (a linear program, or a convex program solved through its Lagrangian with the
   * tracking error).
   */
  private double[] tradingMaxReturn(double k) {
    if (!trading()) {
      return maxReturnWeights();
    }
    if (maxTurnover == Double.POSITIVE_INFINITY && benchmark == null && returnUnbounded()) {
      throw new OptimizationException("Maximum return is unbounded under " + describe()
          + ": weights can grow without limit along a direction that raises the expected return; "
          + "use finite bounds, a turnover limit or a tracking-error limit");
    }
    double[] c = new double[n()];
    for (int i = 0; i < c.length; i++) {
      c[i] = -mu[i];
    }
    return solveGeneral(null, c, k, null);
  }

  /**
   * Efficient risk with trading options: {@code max mu'w - k ||w - w0||_1} over C, turnover and
   * tracking-error limits with {@code w'S_g w <= target^2}, through the Lagrangian mixture
   * {@code (1 - phi)(-mu'w + k ||w - w0||_1) + phi w'S_g w} at the phi in [0, 1] where the
   * volatility equals the target (Illinois regula falsi, 1e-12 relative, never above it).
   */
  private double[] tradingEfficientRisk(double target) {
    int n = n();
    double k = costWeight();
    double[][] q2 = riskMatrix(2);
    double[] w1 = solveGeneral(q2, new double[n], 0, null);
    double s1 = risk(w1);
    if (target < s1 * (1 - TARGET_SLACK)) {
      throw new OptimizationException("Target volatility " + fmt(target) + " is below the "
          + "minimum attainable " + fmt(s1) + " under " + describeTrading());
    }
    if (target <= s1) {
      return w1;
    }
    double[] w0 = tradingMaxReturn(k);
    double s0 = risk(w0);
    if (s0 <= target) {
      return w0;
    }
    double t2 = target * target;
    double[][] qp = new double[n][n];
    double[] cp = new double[n];
    Warm warm = new Warm();
    return limitSearch(s0 * s0 - t2, s1 * s1 - t2, target, w1, (phi, best) -> {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          qp[i][j] = phi * q2[i][j];
        }
        cp[i] = -(1 - phi) * mu[i];
      }
      return solveGeneral(qp, cp, (1 - phi) * k, null, warm);
    }, this::risk);
  }

  /** The QP solution at mixing weight {@code phi}, given the best feasible one so far. */
  private interface MixedSolve {
    double[] at(double phi, double[] best);
  }

  /**
   * Illinois regula falsi over the mixing weight {@code phi} in (0, 1) of a family of exact QP
   * solutions {@code x(phi)} whose {@code level(x)} falls from above {@code limit} at 0
   * ({@code fa = level^2 - limit^2 > 0}) to at most {@code limit} at 1 ({@code fb <= 0}): returns
   * the last solution within the limit, stopping once it is within {@link #RISK_TOLERANCE} of it
   * (or the bracket is exhausted). Shared by the efficient-risk and tracking-error searches.
   */
  private static double[] limitSearch(double fa, double fb, double limit, double[] atOne,
      MixedSolve solve, java.util.function.ToDoubleFunction<double[]> level) {
    double a = 0;
    double b = 1;
    double[] best = atOne;
    int side = 0;
    for (int it = 0; it < 200; it++) {
      double phi = (a * fb - b * fa) / (fb - fa);
      if (!(phi > a && phi < b)) {
        phi = 0.5 * (a + b);
      }
      double[] x = solve.at(phi, best);
      double s = level.applyAsDouble(x);
      double f = s * s - limit * limit;
      if (f <= 0) {
        best = x;
        if (limit - s <= RISK_TOLERANCE * limit) {
          break;
        }
        b = phi;
        fb = f;
        if (side == 1) {
          fa *= 0.5;
        }
        side = 1;
      } else {
        a = phi;
        fa = f;
        if (side == -1) {
          fb *= 0.5;
        }
        side = -1;
      }
      if (b - a <= 1e-16) {
        break;
      }
    }
    return best;
  }

  /**
   * Max Sharpe with trading options: maximises {@code N(w) / sqrt(w'S_g w)} with the net excess
   * return {@code N(w) = mu'w - k ||w - w0||_1 - rf} over C and the turnover and tracking-error
   * limits. At the optimum the gradient condition of the ratio is that of
   * {@code min 1/2 w'S_g w - t N(w)} with {@code t = w'S_g w / N(w)}; {@code w(t)} is that exact
   * (segment-selected) QP, and {@code g(t) = w(t)'S_g w(t) - t N(w(t))} is positive below the
   * optimal t and negative above it (the ratio rises along {@code w(t)} exactly while g > 0), so
   * the root is bracketed and found by Illinois regula falsi until {@code |g| <= 1e-13 w'S_g w}.
   */
  private double[] tradingMaxSharpe(double rf) {
    int n = n();
    double k = costWeight();
    double[] wMax = tradingMaxReturn(k);
    double nMax = net(wMax, k, rf);
    if (!(nMax > 0)) {
      double best = Double.NEGATIVE_INFINITY;
      for (double m : mu) {
        best = Math.max(best, m);
      }
      throw new OptimizationException("Max Sharpe needs an expected return"
          + (k > 0 ? " net of transaction costs" : "") + " above the risk-free rate " + fmt(rf)
          + ", but the maximum attainable under " + describeTrading() + " is " + fmt(nMax + rf)
          + " (highest asset expected return " + fmt(best) + ")");
    }
    double[][] s1 = riskMatrix(1);
    Warm warm = new Warm();
    double[] w = solveGeneral(s1, new double[n], 0, null, warm);
    double v0 = risk(w) * risk(w);
    if (!(v0 > 0)) {
      throw new OptimizationException("Max Sharpe is unbounded under " + describeTrading()
          + ": a portfolio with zero volatility is attainable");
    }
    double a = 0;
    double ga = v0;
    double b = v0 / nMax;
    double gb;
    double[] wb;
    double[] c = new double[n];
    for (int it = 0; ; it++) {
      wb = sharpeStep(s1, c, b, k, warm);
      gb = risk(wb) * risk(wb) - b * net(wb, k, rf);
      if (gb < 0) {
        break;
      }
      if (it > 200) {
        throw new OptimizationException("Max Sharpe did not converge under " + describeTrading());
      }
      a = b;
      ga = gb;
      w = wb;
      b *= 2;
    }
    double[] best = Math.abs(ga) <= Math.abs(gb) ? w : wb;
    double bestG = Math.min(Math.abs(ga), Math.abs(gb));
    int side = 0;
    for (int it = 0; it < 200; it++) {
      double t = (a * gb - b * ga) / (gb - ga);
      if (!(t > a && t < b)) {
        t = 0.5 * (a + b);
      }
      double[] x = sharpeStep(s1, c, t, k, warm);
      double v = risk(x) * risk(x);
      double g = v - t * net(x, k, rf);
      if (Math.abs(g) < bestG) {
        best = x;
        bestG = Math.abs(g);
      }
      if (Math.abs(g) <= 1e-13 * v) {
        break;
      }
      if (g > 0) {
        a = t;
        ga = g;
        if (side == 1) {
          gb *= 0.5;
        }
        side = 1;
      } else {
        b = t;
        gb = g;
        if (side == -1) {
          ga *= 0.5;
        }
        side = -1;
      }
      if (b - a <= 1e-15 * b) {
        break;
      }
    }
    return best;
  }

  /** {@code argmin 1/2 w'S_g w - t (mu'w - k ||w - w0||_1)} under every constraint. */
  private double[] sharpeStep(double[][] s1, double[] c, double t, double k, Warm warm) {
    for (int i = 0; i < c.length; i++) {
      c[i] = -t * mu[i];
    }
    return solveGeneral(s1, c, t * k, null, warm);
  }

  /**
   * The number of general rows the homogenised max-Sharpe QP needs (kappa >= 0, every bound other
   * than 0 or a redundant upper bound, every sector limit).
   */
  private int homogenisedRows() {
    int rows = 1;
    boolean longOnly = true;
    for (double v : lower) {
      longOnly &= v >= 0;
    }
    for (int i = 0; i < n(); i++) {
      if (lower[i] != 0 && lower[i] > Double.NEGATIVE_INFINITY) {
        rows++;
      }
      if (upper[i] < Double.POSITIVE_INFINITY && !(upper[i] >= 1 && longOnly)) {
        rows++;
      }
    }
    for (Sector s : sectors) {
      rows += (s.lower() > Double.NEGATIVE_INFINITY ? 1 : 0)
          + (s.upper() < Double.POSITIVE_INFINITY ? 1 : 0);
    }
    return rows;
  }

  /** {@code mu'w - k ||w - w0||_1 - rf}. */
  private double net(double[] w, double k, double rf) {
    double v = dot(mu, w) - rf;
    if (k > 0) {
      v -= k * turnover(w);
    }
    return v;
  }

  private double[] lower() {
    return lower;
  }

  private double[] upper() {
    return upper;
  }

  // ---------------------------------------------------------------------------------------------
  // Solving methods
  // ---------------------------------------------------------------------------------------------

  /**
   * The minimum-volatility portfolio: {@code min w'(S + gamma I)w} over the constraints.
   * Works without expected returns.
   *
   * @throws OptimizationException if the constraints are infeasible, or under market neutrality
   *     (the minimum is the empty portfolio)
   */
  public OptimalPortfolio minVolatility() {
    if (marketNeutral) {
      throw new OptimizationException("Minimum volatility under market neutrality (weights sum to "
          + "0) is the empty portfolio; use efficientReturn, efficientRisk or maxQuadraticUtility");
    }
    checkFeasible();
    return result("min volatility", solveGeneral(riskMatrix(2), new double[n()], costWeight(), null));
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
   * @throws IllegalStateException without expected returns
   * @throws OptimizationException if infeasible or unbounded (infinite bounds)
   */
  public OptimalPortfolio maxReturn() {
    requireMu("maxReturn");
    checkFeasible();
    if (trading()) {
      return result("max return", tradingMaxReturn(costWeight()));
    }
    return result("max return", maxReturnWeights());
  }

  /**
   * The efficient portfolio for a target return: {@code min w'(S + gamma I)w} over the
   * constraints with {@code mu'w >= target}. A target below the minimum-volatility portfolio's
   * return gives that portfolio (the constraint is not binding), as in PyPortfolioOpt. At the
   * maximum attainable return itself, where the feasible set is a single face of C, rounding can
   * make the exact target infeasible; it is then relaxed by at most {@code 1e-9 x max|mu|}.
   *
   * @param target annualised expected return (0.10 = 10%)
   * @throws OptimizationException if the target is above the maximum attainable return (named)
   */
  public OptimalPortfolio efficientReturn(double target) {
    requireMu("efficientReturn");
    Checks.finite(target, "target");
    checkFeasible();
    if (trading()) {
      double max = dot(mu, tradingMaxReturn(0));
      if (target > max + TARGET_SLACK * Math.max(1, Math.abs(max))) {
        throw new OptimizationException("Target return " + fmt(target) + " is above the maximum "
            + "attainable " + fmt(max) + " under " + describeTrading());
      }
      return result("efficient return (target " + fmt(target) + ")",
          efficientReturnWeights(Math.min(target, max)));
    }
    if (returnUnbounded()) {
      return result("efficient return (target " + fmt(target) + ")",
          efficientReturnWeights(target));
    }
    double[] wMax = proximalMaxReturn();
    double max = dot(mu, wMax);
    if (target > max + TARGET_SLACK * Math.max(1, Math.abs(max))) {
      throw new OptimizationException("Target return " + fmt(target) + " is above the maximum "
          + "attainable " + fmt(max) + " under " + describe());
    }
    return result("efficient return (target " + fmt(target) + ")",
        efficientReturnWeights(Math.min(target, max)));
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
   * target, never above it (the volatility is non-increasing in phi).
   *
   * @param targetVolatility annualised volatility (0.15 = 15%)
   * @throws OptimizationException if the target is below the minimum attainable volatility
   */
  public OptimalPortfolio efficientRisk(double targetVolatility) {
    requireMu("efficientRisk");
    Checks.positive(targetVolatility, "targetVolatility");
    checkFeasible();
    String name = "efficient risk (target volatility " + fmt(targetVolatility) + ")";
    if (trading()) {
      return result(name, tradingEfficientRisk(targetVolatility));
    }
    double[] w0;
    if (marketNeutral) {
      w0 = new double[n()];
    } else {
      w0 = solveWeights(riskMatrix(1), new double[n()], null, 0, null);
    }
    double s0 = risk(w0);
    if (targetVolatility < s0 * (1 - TARGET_SLACK)) {
      throw new OptimizationException("Target volatility " + fmt(targetVolatility) + " is below the "
          + "minimum attainable " + fmt(s0) + " under " + describe());
    }
    double r0 = dot(mu, w0);
    double r1;
    double[] w1;
    double s1;
    if (returnUnbounded()) {
      // the frontier has no end: widen the bracket until its volatility exceeds the target
      double step = Math.max(1e-3, Math.abs(r0));
      while (true) {
        r1 = r0 + step;
        w1 = efficientReturnWeights(r1);
        s1 = risk(w1);
        if (s1 > targetVolatility) {
          break;
        }
        step *= 2;
      }
    } else {
      r1 = dot(mu, proximalMaxReturn());
      w1 = efficientReturnWeights(r1);
      s1 = risk(w1);
      if (targetVolatility >= s1) {
        return result(name, w1);
      }
    }
    if (targetVolatility <= s0) {
      return result(name, w0);
    }
    double t2 = targetVolatility * targetVolatility;
    // f(r) = sigma^2(r) - target^2, f(r0) < 0 < f(r1)
    double a = r0;
    double fa = s0 * s0 - t2;
    double b = r1;
    double fb = s1 * s1 - t2;
    double[] best = w0;
    int side = 0;
    Warm warm = new Warm(); // each step starts from the previous step's active set
    for (int it = 0; it < 200; it++) {
      double r = (a * fb - b * fa) / (fb - fa);
      if (!(r > a && r < b)) {
        r = 0.5 * (a + b);
      }
      double[] w = efficientReturnWeights(r, warm);
      double s = risk(w);
      double f = s * s - t2;
      if (f <= 0) {
        best = w;
        if (Math.abs(s - targetVolatility) <= RISK_TOLERANCE * targetVolatility) {
          break;
        }
        a = r;
        fa = f;
        if (side == -1) {
          fb *= 0.5;
        }
        side = -1;
      } else {
        b = r;
        fb = f;
        if (side == 1) {
          fa *= 0.5;
        }
        side = 1;
      }
      if (b - a <= 1e-15 * Math.max(Math.abs(a), Math.abs(b))) {
        break;
      }
    }
    return result(name, best);
  }

  /**
   * The portfolio maximising quadratic utility {@code mu'w - delta/2 w'(S + gamma I)w} over the
   * constraints.
   *
   * @param riskAversion {@code delta > 0}
   */
  public OptimalPortfolio maxQuadraticUtility(double riskAversion) {
    requireMu("maxQuadraticUtility");
    Checks.positive(riskAversion, "riskAversion");
    checkFeasible();
    double[] c = new double[n()];
    for (int i = 0; i < c.length; i++) {
      c[i] = -mu[i];
    }
    return result("max quadratic utility (delta = " + fmt(riskAversion) + ")",
        solveGeneral(riskMatrix(riskAversion), c, costWeight(), null));
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
   * @param riskFreeRate annualised risk-free rate
   * @throws OptimizationException if no attainable portfolio returns more than {@code rf} (the
   *     maximum attainable is named), or under market neutrality (the ratio is scale-invariant
   *     there, so the problem has no unique solution)
   */
  public OptimalPortfolio maxSharpe(double riskFreeRate) {
    requireMu("maxSharpe");
    Checks.finite(riskFreeRate, "riskFreeRate");
    if (marketNeutral) {
      throw new OptimizationException("Max Sharpe is not defined under market neutrality: a "
          + "zero-sum portfolio's Sharpe ratio does not change when it is scaled; use efficientRisk");
    }
    checkFeasible();
    if (trading() || (n() >= SEARCH_SHARPE_FROM && homogenisedRows() > 1 && !returnUnbounded())) {
      // With trading options, or when homogenising the bounds and sector limits would add many
      // dense rows (y_i <= hi_i kappa, ...), the exact one-dimensional search over the utility
      // path is used: each step is a bound-constrained QP warm-started from the previous one.
      return result("max Sharpe (rf = " + fmt(riskFreeRate) + ")", tradingMaxSharpe(riskFreeRate));
    }
    double max = returnUnbounded() ? Double.POSITIVE_INFINITY : dot(mu, proximalMaxReturn());
    if (!(max > riskFreeRate)) {
      double best = Double.NEGATIVE_INFINITY;
      for (double m : mu) {
        best = Math.max(best, m);
      }
      throw new OptimizationException("Max Sharpe needs an expected return above the risk-free rate "
          + fmt(riskFreeRate) + ", but the maximum attainable under " + describe() + " is "
          + fmt(max) + " (highest asset expected return " + fmt(best) + ")");
    }
    int n = n();
    double[][] aEq = new double[1][n];
    for (int i = 0; i < n; i++) {
      aEq[0][i] = mu[i] - riskFreeRate;
    }
    List<double[]> g = new ArrayList<>();
    List<String> gn = new ArrayList<>();
    boolean longOnly = true;
    for (double v : lower) {
      longOnly &= v >= 0;
    }
    double[] ylo = new double[n];
    Arrays.fill(ylo, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      if (lower[i] == 0) {
        ylo[i] = 0; // 0 * kappa
      } else if (lower[i] > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, lower[i]);
        row[i] -= 1;
        g.add(row);
        gn.add("lower bound of '" + assets.get(i) + "'");
      }
      // y_i <= hi_i kappa is implied when hi_i >= 1 and every y_j >= 0 (then y_i <= 1'y)
      if (upper[i] < Double.POSITIVE_INFINITY && !(upper[i] >= 1 && longOnly)) {
        double[] row = new double[n];
        Arrays.fill(row, -upper[i]);
        row[i] += 1;
        g.add(row);
        gn.add("upper bound of '" + assets.get(i) + "'");
      }
    }
    for (Sector s : sectors) {
      if (s.lower() > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, s.lower());
        for (int i : s.members()) {
          row[i] -= 1;
        }
        g.add(row);
        gn.add("sector '" + s.name() + "' lower limit " + fmt(s.lower()));
      }
      if (s.upper() < Double.POSITIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, -s.upper());
        for (int i : s.members()) {
          row[i] += 1;
        }
        g.add(row);
        gn.add("sector '" + s.name() + "' upper limit " + fmt(s.upper()));
      }
    }
    double[] kappaRow = new double[n];
    Arrays.fill(kappaRow, -1);
    g.add(kappaRow);
    gn.add("kappa >= 0");
    double[] y = qp(riskMatrix(1), new double[n], aEq, new double[] {1},
        new String[] {"excess return normalisation"}, g.toArray(new double[0][]),
        new double[g.size()], gn.toArray(new String[0]), ylo, null).x();
    double kappa = 0;
    for (double v : y) {
      kappa += v;
    }
    if (!(kappa > 0)) {
      throw new OptimizationException("Max Sharpe is unbounded under " + describe()
          + ": the homogenised solution has kappa = " + fmt(kappa));
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / kappa;
    }
    return result("max Sharpe (rf = " + fmt(riskFreeRate) + ")", w);
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
   * @param points at least 2
   */
  public List<OptimalPortfolio> efficientFrontier(int points) {
    requireMu("efficientFrontier");
    if (points < 2) {
      throw new IllegalArgumentException("Expected points >= 2, but found " + points);
    }
    checkFeasible();
    double r0;
    double r1;
    if (trading()) {
      r0 = marketNeutral ? 0
          : dot(mu, solveGeneral(riskMatrix(2), new double[n()], costWeight(), null));
      r1 = dot(mu, tradingMaxReturn(0));
      r0 = Math.min(r0, r1);
    } else {
      r0 = marketNeutral ? 0 : dot(mu, solveWeights(riskMatrix(1), new double[n()], null, 0, null));
      r1 = dot(mu, maxReturnWeights());
    }
    List<OptimalPortfolio> out = new ArrayList<>(points);
    Warm warm = new Warm(); // each point starts from the previous point's active set
    for (int k = 0; k < points; k++) {
      // market neutral: the frontier starts at the empty portfolio, so start one step above it
      double target = k == points - 1 ? r1 : marketNeutral ? r1 * (k + 1) / points
          : r0 + (r1 - r0) * k / (points - 1);
      double[] w = k == points - 1 && !trading() && uniqueGreedyMaximum()
          ? greedyMaxReturn() : efficientReturnWeights(target, warm);
      out.add(result("efficient return (target " + fmt(target) + ")", w));
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------------

  private int n() {
    return assets.size();
  }

  private double[] efficientReturnWeights(double target) {
    return efficientReturnWeights(target, null);
  }

  private double[] efficientReturnWeights(double target, Warm warm) {
    double[] row = new double[n()];
    double scale = 0;
    for (int i = 0; i < row.length; i++) {
      row[i] = -mu[i];
      scale = Math.max(scale, Math.abs(mu[i]));
    }
    OptimizationException first = null;
    // At (or within rounding of) the maximum return the feasible set is a face of C that the
    // return row pins down only up to rounding (worst with nearly tied returns): if that makes the
    // QP infeasible, the target is backed off by at most END_SLACK x max|mu|.
    for (double back = 0; back <= END_SLACK * scale; back = back == 0 ? 1e-14 * scale : back * 10) {
      try {
        return solveGeneral(riskMatrix(2), new double[n()], costWeight(),
            new Row(row, -(target - back), "target return " + fmt(target)), warm);
      } catch (OptimizationException e) {
        if (first == null) {
          first = e;
        }
        if (!(e.getCause() instanceof QpException q && q.kind() == QpException.Kind.INFEASIBLE)) {
          throw e;
        }
      }
    }
    throw first;
  }

  // ---------------------------------------------------------------------------------------------
  // Transaction costs and turnover: exact piecewise-quadratic solve by segment selection
  // ---------------------------------------------------------------------------------------------

  /** The cost weight in force: {@code k} with previous weights, else 0. */
  private double costWeight() {
    return previous == null ? 0 : costK;
  }

  private boolean trading() {
    return previous != null || benchmark != null;
  }

  /**
   * Minimises {@code 1/2 w'Qw + c'w [+ k ||w - w0||_1]} over C (+ extra) [with turnover and
   * tracking-error limits]; {@code q == null} means a linear objective (an LP, solved by the
   * proximal-point method). Without previous weights or benchmark this is one QP.
   */
  private double[] solveGeneral(double[][] q, double[] c, double k, Row extra) {
    return solveGeneral(q, c, k, extra, null);
  }

  /** As above; {@code warm} (may be null) carries the active set between frictionless solves. */
  private double[] solveGeneral(double[][] q, double[] c, double k, Row extra, Warm warm) {
    List<Row> extras = extra == null ? List.of() : List.of(extra);
    String text = extra == null ? null : extra.name();
    if (benchmark != null) {
      return trackingLimited(q, c, k, extras, text, warm);
    }
    if (previous == null && q != null) {
      return solveFull(q, c, lower, upper, extras, warm).x();
    }
    return frictionSolve(q, c, k, extras, text, null, warm);
  }

  /**
   * Minimises {@code 1/2 w'Qw + c'w + k ||w - w0||_1} over C + extras + turnover limit (no
   * tracking error). With previous weights, each asset's range is split at its previous weight
   * into a buy segment {@code [max(lo, w0), hi]} (linear cost +k) and a sell segment
   * {@code [lo, min(hi, w0)]} (cost -k); the turnover limit becomes the linear row
   * {@code sum sigma_i (w_i - w0_i) <= T}. Each segment choice is an exact QP; an asset resting on
   * its previous weight with bound multiplier {@code nu > 2 (k + mu_T)} (mu_T = turnover
   * multiplier) violates the subgradient condition of {@code |w_i - w0_i|} and switches side. The
   * current point stays feasible after a switch and the objective decreases, so this terminates
   * at a point satisfying the KKT conditions of the non-smooth problem.
   *
   * @param start a point meeting the turnover limit (its sides start the segment search), or null
   */
  private double[] frictionSolve(double[][] q, double[] c, double k, List<Row> extras, String text,
      double[] start, Warm warm) {
    if (q == null) {
      return proximalLp(c, k, extras, text, start, warm);
    }
    if (previous == null) {
      return solveFull(q, c, lower, upper, extras, warm).x();
    }
    if (start == null && warm != null && extras.isEmpty()) {
      start = warm.feasible; // same constraints: a feasible start, no minimum-turnover solve
    }
    if (start == null) {
      if (maxTurnover < Double.POSITIVE_INFINITY) {
        start = minTurnoverStart(extras, text);
      } else {
        start = solveFull(q, c, lower, upper, extras, warm).x();
      }
    }
    double[] w = segments(q, c, k, maxTurnover, start, extras, warm);
    if (warm != null && extras.isEmpty()) {
      warm.feasible = w;
    }
    return w;
  }

  /** The minimum-turnover point, or the message naming the least turnover needed. */
  private double[] minTurnoverStart(List<Row> extras, String text) {
    double[] start = minTurnoverWeights(extras);
    double m = turnover(start);
    if (m > maxTurnover + 1e-12) {
      throw new OptimizationException("Turnover limit " + fmt(maxTurnover) + " cannot be met: "
          + "reaching the constraints (" + describe() + (text == null ? "" : ", " + text)
          + ") from the previous weights needs a turnover of at least " + fmt(m));
    }
    return start;
  }

  /**
   * {@code min c'w + k ||w - w0||_1} over C + extras + turnover limit (a linear program) by the
   * proximal-point method, each step an exact (segment-selected) QP ({@link #frictionSolve}).
   */
  private double[] proximalLp(double[] c, double k, List<Row> extras, String text,
      double[] start, Warm warm) {
    double[][] eye = identity(n());
    return proximalPoint(c, maxAbs(c) + k, start,
        (linear, t, previous) -> frictionSolve(eye, linear, t * k, extras, text, previous, warm),
        () -> "Linear program did not converge under " + describeTrading()
            + " (proximal-point iteration limit)");
  }

  /** One step of {@link #proximalPoint}. */
  private interface ProximalStep {
    /**
     * The exact minimiser of {@code linear'w + ||w||^2 / 2} plus the problem's own terms scaled
     * by {@code t}, over the feasible set; {@code previous} is the last iterate (the start, which
     * may be null, at first).
     */
    double[] solve(double[] linear, double t, double[] previous);
  }

  /**
   * {@code min c'w} (plus the step's own terms) by the proximal-point method:
   * {@code w_j+1 = argmin c'w + ... + ||w - w_j||^2 / (2 t_j)}, each step exact, so finite on LPs
   * (Ferris 1991); the step's linear term is {@code t c - w_j}. {@code scale} is the size of the
   * objective's coefficients (0 counts as 1).
   */
  private static double[] proximalPoint(double[] c, double scale, double[] start,
      ProximalStep step, Supplier<String> failure) {
    int n = c.length;
    if (scale == 0) {
      scale = 1;
    }
    double t = 10 / scale; // proximal step: t c is O(10), large against weights of O(1)
    double[] w = start == null ? new double[n] : start.clone();
    double[] previous = start;
    double[] linear = new double[n];
    for (int it = 0; it < 200; it++) {
      for (int i = 0; i < n; i++) {
        linear[i] = t * c[i] - w[i];
      }
      double[] next = step.solve(linear, t, previous);
      double change = 0;
      double size = 1;
      for (int i = 0; i < n; i++) {
        change = Math.max(change, Math.abs(next[i] - w[i]));
        size = Math.max(size, Math.abs(next[i]));
      }
      w = next;
      previous = next;
      // At the fixed point the step is rounding only, of order eps x t max|c|.
      if (change <= 1e-14 * (size + t * scale)) {
        return w;
      }
      // Nearly tied coefficients make fixed-t steps tiny; growing t keeps finite termination
      // (Ferris 1991 allows any t_k bounded away from 0) and reaches the vertex in O(log) steps.
      // t stops growing at 2^16 t_0, where the rounding above would reach ~1e-8.
      if (it < 16) {
        t *= 2;
      }
    }
    throw new OptimizationException(failure.get());
  }

  private static double[][] identity(int n) {
    double[][] eye = new double[n][n];
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
    }
    return eye;
  }

  private double trackingError(double[] w) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += cov[i][j] * (w[j] - benchmark[j]);
      }
      v += (w[i] - benchmark[i]) * s;
    }
    return Math.sqrt(Math.max(0, v));
  }

  /**
   * min 1/2 w'qw + c'w + k||w - w0||_1 over C + extras (+ turnover) with tracking error <= maxTe
   * (see the with-method): the mixture {@code (1 - phi) f + phi TE^2} for the phi where the limit
   * binds. {@code q == null}: linear f.
   */
  private double[] trackingLimited(double[][] q, double[] c, double k, List<Row> extras,
      String text, Warm warm) {
    double[] w = frictionSolve(q, c, k, extras, text, null, warm);
    if (trackingError(w) <= maxTe) {
      return w;
    }
    int n = n();
    // tracking objective (w - b)'S(w - b) = 1/2 w'(2S)w - (2Sb)'w + const
    double[][] qt = new double[n][n];
    double[] ct = new double[n];
    for (int i = 0; i < n; i++) {
      double sb = 0;
      for (int j = 0; j < n; j++) {
        qt[i][j] = 2 * cov[i][j];
        sb += cov[i][j] * benchmark[j];
      }
      ct[i] = -2 * sb;
    }
    double[] wt = frictionSolve(qt, ct, 0, extras, text, null, warm);
    double teMin = trackingError(wt);
    if (teMin > maxTe) {
      if (teMin <= maxTe * (1 + TARGET_SLACK)) {
        return wt; // the limit is the minimum itself, up to rounding
      }
      throw new OptimizationException("Tracking error limit " + fmt(maxTe) + " cannot be met: the "
          + "minimum attainable is " + fmt(teMin) + " under " + describe()
          + (maxTurnover < Double.POSITIVE_INFINITY ? ", turnover limit " + fmt(maxTurnover) : "")
          + (text == null ? "" : ", " + text));
    }
    double[][] qp = new double[n][n];
    double[] cp = new double[n];
    return limitSearch(trackingError(w) * trackingError(w) - maxTe * maxTe,
        teMin * teMin - maxTe * maxTe, maxTe, wt, (phi, best) -> {
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              qp[i][j] = (q == null ? 0 : (1 - phi) * q[i][j]) + phi * qt[i][j];
            }
            cp[i] = (1 - phi) * c[i] + phi * ct[i];
          }
          return frictionSolve(qp, cp, (1 - phi) * k, extras, text, best, warm);
        }, this::trackingError);
  }

  private double turnover(double[] w) {
    double t = 0;
    for (int i = 0; i < w.length; i++) {
      t += Math.abs(w[i] - previous[i]);
    }
    return t;
  }

  /** The exact minimum-turnover point of C (+ extras), by proximal point on the L1 distance. */
  private double[] minTurnoverWeights(List<Row> extras) {
    int n = n();
    double[][] eye = new double[n][n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
      c[i] = -previous[i];
    }
    double[] w = solveFull(eye, c, lower, upper, extras).x(); // projection: a feasible start
    double t = 1;
    Warm warm = new Warm();
    for (int it = 0; it < 200; it++) {
      double[][] q = new double[n][n];
      for (int i = 0; i < n; i++) {
        q[i][i] = 1 / t;
        c[i] = -w[i] / t;
      }
      double[] next = segments(q, c, 1, Double.POSITIVE_INFINITY, w, extras, warm);
      double change = 0;
      for (int i = 0; i < n; i++) {
        change = Math.max(change, Math.abs(next[i] - w[i]));
      }
      w = next;
      // At the fixed point the step is rounding only, of order eps x t (the QP's linear term is
      // O(t) after scaling by t); t stops growing at 2^16 to keep that below ~1e-10.
      if (change <= 1e-14 * (1 + t)) {
        return w;
      }
      if (it < 16) {
        t *= 2;
      }
    }
    throw new OptimizationException("Minimum turnover did not converge under " + describe());
  }

  private double[] segments(double[][] q, double[] c, double k, double limit, double[] start,
      List<Row> extras, Warm warm) {
    return segmentsImpl(q, c, k, limit, start, extras, warm == null ? new Warm() : warm);
  }

  private double[] segmentsImpl(double[][] q, double[] c, double k, double limit, double[] start,
      List<Row> extras, Warm warm) {
    int n = n();
    int[] sigma = new int[n];
    for (int i = 0; i < n; i++) {
      sigma[i] = start[i] >= previous[i] ? 1 : -1;
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] cc = new double[n];
    for (int it = 0; it < 20 * n + 50; it++) {
      double shift = 0;
      double[] row = new double[n];
      for (int i = 0; i < n; i++) {
        if (sigma[i] > 0) {
          lo[i] = Math.min(upper[i], Math.max(lower[i], previous[i]));
          hi[i] = upper[i];
        } else {
          lo[i] = lower[i];
          hi[i] = Math.max(lower[i], Math.min(upper[i], previous[i]));
        }
        cc[i] = c[i] + k * sigma[i];
        row[i] = sigma[i];
        shift += sigma[i] * previous[i];
      }
      List<Row> rows = new ArrayList<>(extras);
      boolean limited = limit < Double.POSITIVE_INFINITY;
      if (limited) {
        rows.add(new Row(row, limit + shift, "turnover limit " + fmt(limit)));
      }
      DenseQp.Solution sol = solveFull(q, cc, lo, hi, rows, warm);
      double kEff = k + (limited ? sol.mu()[sol.mu().length - 1] : 0);
      double[] w = sol.x();
      double scale = 1e-10 * (1 + k + maxAbs(cc) + maxAbs(times(q, w)));
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        boolean atKink = Math.abs(w[i] - previous[i]) <= 1e-12 * Math.max(1, Math.abs(previous[i]));
        if (!atKink) {
          continue;
        }
        if (sigma[i] > 0 && previous[i] > lower[i] && sol.nuLower()[i] > 2 * kEff + scale) {
          sigma[i] = -1;
          changed = true;
        } else if (sigma[i] < 0 && previous[i] < upper[i] && sol.nuUpper()[i] > 2 * kEff + scale) {
          sigma[i] = 1;
          changed = true;
        }
      }
      if (!changed) {
        return w;
      }
    }
    throw new OptimizationException("Transaction-cost segment selection did not terminate under "
        + describe());
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double[] times(double[][] q, double[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += q[i][j] * w[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** Whether {@code mu'w} is unbounded above over C (only possible with infinite bounds). */
  private boolean returnUnbounded() {
    boolean infinite = false;
    for (int i = 0; i < n(); i++) {
      infinite |= lower[i] == Double.NEGATIVE_INFINITY || upper[i] == Double.POSITIVE_INFINITY;
    }
    if (!infinite) {
      return false;
    }
    // Recession directions d of C: sum d = 0, d_i <= 0 where hi_i is finite, d_i >= 0 where lo_i
    // is finite, sector sums likewise; the LP is unbounded iff max mu'd > 0 over those d,
    // normalised to |d_i| <= 1.
    double[] dlo = new double[n()];
    double[] dhi = new double[n()];
    for (int i = 0; i < n(); i++) {
      dlo[i] = lower[i] == Double.NEGATIVE_INFINITY ? -1 : 0;
      dhi[i] = upper[i] == Double.POSITIVE_INFINITY ? 1 : 0;
    }
    List<Sector> cone = new ArrayList<>();
    for (Sector s : sectors) {
      cone.add(new Sector(s.name(), s.members(), s.lower() > Double.NEGATIVE_INFINITY ? 0 : s.lower(),
          s.upper() < Double.POSITIVE_INFINITY ? 0 : s.upper()));
    }
    MeanVariance rec = new MeanVariance(assets, mu, cov, dlo, dhi, boundsText, true, gamma, cone);
    double[] d = rec.proximalMaxReturn();
    double scale = 0;
    for (double m : mu) {
      scale = Math.max(scale, Math.abs(m));
    }
    return dot(mu, d) > 1e-12 * scale;
  }

  private double[] maxReturnWeights() {
    if (returnUnbounded()) {
      throw new OptimizationException("Maximum return is unbounded under " + describe()
          + ": weights can grow without limit along a direction that raises the expected return; "
          + "use finite bounds");
    }
    return proximalMaxReturn();
  }

  /**
   * The maximum-return LP over C: with only bounds and the budget it is a fractional knapsack,
   * solved exactly by the greedy fill (every weight at its lower bound, then the remaining budget
   * to the highest returns up to their upper bounds; Dantzig 1957); otherwise proximal point.
   */
  private double[] proximalMaxReturn() {
    return knapsack() ? greedyMaxReturn() : proximalPointMaxReturn();
  }

  /** Whether C is bounds and budget only, with finite bounds: a fractional knapsack. */
  private boolean knapsack() {
    if (!sectors.isEmpty()) {
      return false;
    }
    for (int i = 0; i < n(); i++) {
      if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the maximum-return LP is a fractional knapsack (bounds and budget only, all finite)
   * with pairwise distinct expected returns. Its maximiser is then unique (any other feasible
   * point can be improved by moving weight from a lower to a higher return), so the efficient
   * portfolio at the maximum return is the greedy fill itself: {@code mu'w >= max} leaves that
   * single point (the frontier's last point, which the QP would reach only at a degenerate
   * vertex).
   */
  private boolean uniqueGreedyMaximum() {
    if (!knapsack()) {
      return false;
    }
    double[] sorted = mu.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private double[] greedyMaxReturn() {
    int n = n();
    double[] w = lower.clone();
    double rem = marketNeutral ? 0 : 1;
    for (double v : lower) {
      rem -= v;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(mu[b], mu[a]));
    for (int k = 0; k < n && rem > 0; k++) {
      int i = order[k];
      double add = Math.min(upper[i] - lower[i], rem);
      w[i] += add;
      rem -= add;
    }
    return w;
  }

  /** The maximum-return LP over C by {@link #proximalPoint} (each step a QP over C). */
  private double[] proximalPointMaxReturn() {
    int n = n();
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = -mu[i];
    }
    double[][] eye = identity(n);
    return proximalPoint(c, maxAbs(mu), null,
        (linear, t, previous) -> solveWeights(eye, linear, null, 0, null),
        () -> "Maximum return did not converge under " + describe()
            + " (proximal-point iteration limit)");
  }

  /** {@code factor (S + gamma I)}. */
  private double[][] riskMatrix(double factor) {
    int n = n();
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] = factor * cov[i][j];
      }
      q[i][i] += factor * gamma;
    }
    return q;
  }

  /** Solves for weights under C plus an optional extra inequality {@code row'w <= rhs}. */
  private double[] solveWeights(double[][] q, double[] c, double[] extraRow, double extraRhs,
      String extraName) {
    return solveFull(q, c, lower, upper,
        extraRow == null ? List.of() : List.of(new Row(extraRow, extraRhs, extraName))).x();
  }

  /** Solves under the budget, sector limits, the given bounds and extra rows {@code a'w <= rhs}. */
  private DenseQp.Solution solveFull(double[][] q, double[] c, double[] lo, double[] hi,
      List<Row> extras) {
    return solveFull(q, c, lo, hi, extras, null);
  }

  /** As above, starting from (and then updating) the active set in {@code warm}, if any. */
  private DenseQp.Solution solveFull(double[][] q, double[] c, double[] lo, double[] hi,
      List<Row> extras, Warm warm) {
    int n = n();
    double[][] aEq = new double[1][n];
    Arrays.fill(aEq[0], 1);
    double budget = marketNeutral ? 0 : 1;
    List<double[]> g = new ArrayList<>();
    List<Double> h = new ArrayList<>();
    List<String> gn = new ArrayList<>();
    for (Sector s : sectors) {
      if (s.lower() > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        for (int i : s.members()) {
          row[i] = -1;
        }
        g.add(row);
        h.add(-s.lower());
        gn.add("sector '" + s.name() + "' lower limit " + fmt(s.lower()));
      }
      if (s.upper() < Double.POSITIVE_INFINITY) {
        double[] row = new double[n];
        for (int i : s.members()) {
          row[i] = 1;
        }
        g.add(row);
        h.add(s.upper());
        gn.add("sector '" + s.name() + "' upper limit " + fmt(s.upper()));
      }
    }
    for (Row r : extras) {
      g.add(r.a());
      h.add(r.rhs());
      gn.add(r.name());
    }
    double[] hh = new double[h.size()];
    for (int i = 0; i < hh.length; i++) {
      hh[i] = h.get(i);
    }
    DenseQp.Solution sol = qp(q, c, aEq, new double[] {budget},
        new String[] {marketNeutral ? "market neutrality (weights sum to 0)"
            : "budget (weights sum to 1)"},
        g.toArray(new double[0][]), hh, gn.toArray(new String[0]), lo, hi,
        warm == null ? null : warm.last);
    if (warm != null) {
      warm.last = sol;
    }
    return sol;
  }

  private DenseQp.Solution qp(double[][] q, double[] c, double[][] aEq, double[] bEq, String[] eqNames,
      double[][] g, double[] h, String[] gNames, double[] lo, double[] hi) {
    return qp(q, c, aEq, bEq, eqNames, g, h, gNames, lo, hi, null);
  }

  private DenseQp.Solution qp(double[][] q, double[] c, double[][] aEq, double[] bEq, String[] eqNames,
      double[][] g, double[] h, String[] gNames, double[] lo, double[] hi, DenseQp.Solution guess) {
    DenseQp.Names names = new DenseQp.Names(eqNames, gNames,
        assets.stream().map(a -> "'" + a + "'").toArray(String[]::new));
    double maxDiag = 0;
    for (int i = 0; i < q.length; i++) {
      maxDiag = Math.max(maxDiag, q[i][i]);
    }
    double[][] qq = q;
    double ridge = 1e-12 * (maxDiag > 0 ? maxDiag : 1);
    for (int attempt = 0; ; attempt++) {
      try {
        return DenseQp.solve(qq, c, aEq, bEq, g, h, lo, hi, names, guess);
      } catch (QpException e) {
        if (e.kind() == QpException.Kind.NOT_POSITIVE_DEFINITE && attempt < 3) {
          qq = new double[q.length][];
          for (int i = 0; i < q.length; i++) {
            qq[i] = q[i].clone();
            qq[i][i] += ridge;
          }
          ridge *= 100;
          continue;
        }
        if (e.kind() == QpException.Kind.INFEASIBLE) {
          throw new OptimizationException("Constraints cannot all be met under " + describe()
              + ": " + e.blocking() + " conflicts with " + (e.active().isEmpty() ? "nothing else"
              : String.join(", ", e.active())), e);
        }
        throw new OptimizationException("Solver failed under " + describe() + ": "
            + e.getMessage(), e);
      }
    }
  }

  /** Pre-checks that name the infeasible constraint set and what is attainable. */
  private void checkFeasible() {
    double budget = marketNeutral ? 0 : 1;
    String what = marketNeutral ? "0 (market neutral)" : "1";
    double sumLo = 0;
    double sumHi = 0;
    for (int i = 0; i < n(); i++) {
      sumLo += lower[i];
      sumHi += upper[i];
    }
    if (sumHi < budget - 1e-12) {
      throw new OptimizationException("Bounds cannot sum to " + what + ": the upper bounds under "
          + boundsText + " sum to " + fmt(sumHi) + ", the most that can be invested");
    }
    if (sumLo > budget + 1e-12) {
      throw new OptimizationException("Bounds cannot sum to " + what + ": the lower bounds under "
          + boundsText + " sum to " + fmt(sumLo) + ", the least that must be invested");
    }
    if (sectors.isEmpty()) {
      return;
    }
    boolean[] inSector = new boolean[n()];
    double minTotal = 0;
    double maxTotal = 0;
    for (Sector s : sectors) {
      double lo = 0;
      double hi = 0;
      for (int i : s.members()) {
        lo += lower[i];
        hi += upper[i];
        inSector[i] = true;
      }
      if (s.lower() > hi + 1e-12) {
        throw new OptimizationException("Sector '" + s.name() + "' lower limit " + fmt(s.lower())
            + " cannot be met: the upper bounds of its assets sum to " + fmt(hi));
      }
      if (s.upper() < lo - 1e-12) {
        throw new OptimizationException("Sector '" + s.name() + "' upper limit " + fmt(s.upper())
            + " cannot be met: the lower bounds of its assets sum to " + fmt(lo));
      }
      minTotal += Math.max(lo, s.lower());
      maxTotal += Math.min(hi, s.upper());
    }
    for (int i = 0; i < n(); i++) {
      if (!inSector[i]) {
        minTotal += lower[i];
        maxTotal += upper[i];
      }
    }
    if (maxTotal < budget - 1e-12) {
      throw new OptimizationException("Sector limits and bounds cannot sum to " + what
          + ": at most " + fmt(maxTotal) + " can be invested under " + describe());
    }
    if (minTotal > budget + 1e-12) {
      throw new OptimizationException("Sector limits and bounds cannot sum to " + what
          + ": at least " + fmt(minTotal) + " must be invested under " + describe());
    }
  }

  // --- package-private views of the feasible set, for the scenario LPs (MeanCvar, MeanCdar) ---

  /** Throws the same diagnostics as the solving methods if C is infeasible. */
  void checkConstraints() {
    checkFeasible();
  }

  /** The budget: 1, or 0 when market neutral. */
  double budget() {
    return marketNeutral ? 0 : 1;
  }

  /** Lower bounds (not copied: callers must not modify). */
  double[] lowerBounds() {
    return lower;
  }

  /** Upper bounds (not copied: callers must not modify). */
  double[] upperBounds() {
    return upper;
  }

  /** Sector limits as rows {@code a'w <= rhs} over the weights (indices 0..N-1). */
  List<io.github.quantfolio.optimize.internal.LinearProgram.Row> sectorRows() {
    List<io.github.quantfolio.optimize.internal.LinearProgram.Row> rows = new ArrayList<>();
    for (Sector s : sectors) {
      int m = s.members().length;
      if (s.lower() > Double.NEGATIVE_INFINITY) {
        double[] v = new double[m];
        Arrays.fill(v, -1);
        rows.add(new io.github.quantfolio.optimize.internal.LinearProgram.Row(s.members().clone(),
            v, -s.lower(), "sector '" + s.name() + "' lower limit " + fmt(s.lower())));
      }
      if (s.upper() < Double.POSITIVE_INFINITY) {
        double[] v = new double[m];
        Arrays.fill(v, 1);
        rows.add(new io.github.quantfolio.optimize.internal.LinearProgram.Row(s.members().clone(),
            v, s.upper(), "sector '" + s.name() + "' upper limit " + fmt(s.upper())));
      }
    }
    return rows;
  }

  /** The constraints in words, e.g. "bounds [0, 1], 2 sector limits". */
  String constraintText() {
    return describe();
  }

  private String describe() {
    StringBuilder sb = new StringBuilder(boundsText);
    if (!sectors.isEmpty()) {
      sb.append(", ").append(sectors.size()).append(" sector limit").append(sectors.size() > 1 ? "s" : "");
    }
    if (marketNeutral) {
      sb.append(", market neutral");
    }
    return sb.toString();
  }

  /** {@link #describe()} plus the turnover and tracking-error limits. */
  private String describeTrading() {
    StringBuilder sb = new StringBuilder(describe());
    if (maxTurnover < Double.POSITIVE_INFINITY) {
      sb.append(", turnover limit ").append(fmt(maxTurnover));
    }
    if (benchmark != null) {
      sb.append(", tracking error limit ").append(fmt(maxTe));
    }
    return sb.toString();
  }

  private OptimalPortfolio result(String method, double[] w) {
    double[] x = w.clone();
    boolean empty = true;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new OptimizationException(method + ": solver produced a non-finite weight for '"
            + assets.get(i) + "'");
      }
      // rounding leaves active bounds off by ~1e-17; put them exactly on the bound
      x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
      if (x[i] == -0.0) {
        x[i] = 0.0;
      }
      empty &= Math.abs(x[i]) <= 1e-14;
    }
    if (empty) {
      throw new OptimizationException(method + ": the optimum under " + describe()
          + " is the empty portfolio (all weights 0)");
    }
    double ret = mu == null ? Double.NaN : dot(mu, x);
    // w'Sw over the non-zero weights only (most sit on a zero bound)
    int[] nz = new int[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        nz[m++] = i;
      }
    }
    double var = 0;
    for (int a = 0; a < m; a++) {
      double[] si = cov[nz[a]];
      double s = 0;
      for (int b = 0; b < m; b++) {
        s += si[nz[b]] * x[nz[b]];
      }
      var += x[nz[a]] * s;
    }
    return new OptimalPortfolio(method, Weights.of(assets, x), ret, Math.sqrt(Math.max(var, 0)));
  }

  /** {@code sqrt(w'(S + gamma I)w)}. */
  private double risk(double[] w) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      double s = gamma * w[i];
      for (int j = 0; j < w.length; j++) {
        s += cov[i][j] * w[j];
      }
      v += w[i] * s;
    }
    return Math.sqrt(Math.max(v, 0));
  }

  private void requireMu(String method) {
    if (mu == null) {
      throw new IllegalStateException(method + " needs expected returns: build the problem with "
          + "MeanVariance.of(mu, cov); MeanVariance.of(cov) supports minVolatility only");
    }
  }

  private int position(String asset) {
    Checks.notNull(asset, "asset");
    int i = assets.indexOf(asset);
    if (i < 0) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; this problem has " + assets);
    }
    return i;
  }

  private static void requireSector(Map<String, List<Integer>> members, String s, String side) {
    if (!members.containsKey(s)) {
      throw new IllegalArgumentException("Sector '" + s + "' in the " + side + " limits has no "
          + "assets; sectors are " + members.keySet());
    }
  }

  private static void checkBounds(double lo, double hi, String what) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo == Double.POSITIVE_INFINITY
        || hi == Double.NEGATIVE_INFINITY || lo > hi) {
      throw new IllegalArgumentException("Expected lo <= hi for " + what + ", but found [" + lo
          + ", " + hi + "]");
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Numbers in messages: up to 6 significant digits, no trailing zeros. */
  static String fmt(double v) {
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  /**
   * The problem in one line: assets, whether expected returns are given, and every constraint and
   * option, e.g. {@code MeanVariance: 20 assets, expected returns given, bounds [0, 0.2], 2 sector
   * limits, budget 1}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MeanVariance: ").append(n()).append(" assets, ")
        .append(mu == null ? "no expected returns (min volatility only)" : "expected returns given")
        .append(", ").append(describe()).append(marketNeutral ? "" : ", budget 1");
    if (gamma > 0) {
      sb.append(", L2 gamma ").append(fmt(gamma));
    }
    if (previous != null && costK > 0) {
      sb.append(", transaction cost k ").append(fmt(costK));
    }
    if (maxTurnover < Double.POSITIVE_INFINITY) {
      sb.append(", turnover limit ").append(fmt(maxTurnover));
    }
    if (benchmark != null) {
      sb.append(", tracking error limit ").append(fmt(maxTe));
    }
    return sb.toString();
  }
}
