package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.FeasibleSet.Warm;

/**
 * Maximum return, efficient risk and maximum Sharpe ratio under trading options (transaction
 * costs, turnover and tracking-error limits). Their frictionless forms have special exact
 * solutions (knapsack or proximal-point LP, search along the frontier, the homogenised QP) that
 * the cost and turnover terms break, so each is solved here by a one-dimensional search over a
 * Lagrange multiplier whose every step is an exact {@link Frictions} solve.
 */
final class FrictionSearches {

  private final MeanVarianceSpec s;
  private final Frictions frictions;

  FrictionSearches(MeanVarianceSpec spec) {
    this.s = spec;
    this.frictions = new Frictions(spec);
  }

  /**
   * The maximum of {@code mu'w - k ||w - w0||_1} over C with the turnover and tracking-error
   * limits (a linear program, or a convex program solved through its Lagrangian with the
   * tracking error).
   */
  double[] maxReturn(double k) {
    ReturnLp lp = new ReturnLp(s);
    if (!s.trading()) {
      return lp.bounded();
    }
    if (s.maxTurnover() == Double.POSITIVE_INFINITY && s.benchmark() == null && lp.unbounded()) {
      throw Diagnostics.unboundedReturn(s.describe(), true);
    }
    double[] c = new double[s.n()];
    for (int i = 0; i < c.length; i++) {
      c[i] = -s.mu()[i];
    }
    return frictions.solve(null, c, k, null);
  }

  /**
   * Efficient risk with trading options: {@code max mu'w - k ||w - w0||_1} over C, turnover and
   * tracking-error limits with {@code w'S_g w <= target^2}, through the Lagrangian mixture
   * {@code (1 - phi)(-mu'w + k ||w - w0||_1) + phi w'S_g w} at the phi in [0, 1] where the
   * volatility equals the target (Illinois regula falsi, 1e-12 relative, never above it).
   */
  double[] efficientRisk(double target) {
    int n = s.n();
    double[] mu = s.mu();
    double k = s.costWeight();
    double[][] q2 = s.riskMatrix(2);
    double[] w1 = frictions.solve(q2, new double[n], 0, null);
    double s1 = s.risk(w1);
    if (target < s1 * (1 - MeanVariance.TARGET_SLACK)) {
      throw Diagnostics.targetVolatilityTooLow(target, s1, s.describeTrading());
    }
    if (target <= s1) {
      return w1;
    }
    double[] w0 = maxReturn(k);
    double s0 = s.risk(w0);
    // a target at the maximum-return end up to rounding (e.g. the volatility the max-return
    // portfolio reports, one ulp below s0) is that end, as at the other end: the search would
    // otherwise probe a mixing weight phi ~ 1e-16, whose QP (risk matrix x 1e-16 against a
    // linear term O(mu)) is an LP in all but name that the active-set solver can call infeasible
    if (s0 <= target * (1 + MeanVariance.TARGET_SLACK)) {
      return w0;
    }
    double t2 = target * target;
    double[][] qp = new double[n][n];
    double[] cp = new double[n];
    Warm warm = new Warm();
    return Frictions.limitSearch(s0 * s0 - t2, s1 * s1 - t2, target, w1, (phi, best) -> {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          qp[i][j] = phi * q2[i][j];
        }
        cp[i] = -(1 - phi) * mu[i];
      }
      return frictions.solve(qp, cp, (1 - phi) * k, null, warm);
    }, s::risk);
  }

  /**
   * Max Sharpe with trading options: maximises {@code N(w) / sqrt(w'S_g w)} with the net excess
   * return {@code N(w) = mu'w - k ||w - w0||_1 - rf} over C and the turnover and tracking-error
   * limits. At the optimum the gradient condition of the ratio is that of
   * {@code min 1/2 w'S_g w - t N(w)} with {@code t = w'S_g w / N(w)}; {@code w(t)} is that exact
   * (segment-selected) QP, and {@code g(t) = w(t)'S_g w(t) - t N(w(t))} is positive below the
   * optimal t and negative above it (the ratio rises along {@code w(t)} exactly while g > 0), so
   * the root is bracketed and found by Illinois regula falsi until {@code |g| <= 1e-13 w'S_g w}.
   * Also used without trading options for large capped problems (see
   * {@link MeanVariance#SEARCH_SHARPE_FROM}).
   */
  double[] maxSharpe(double rf) {
    int n = s.n();
    double k = s.costWeight();
    double[] wMax = maxReturn(k);
    double nMax = net(wMax, k, rf);
    if (!(nMax > 0)) {
      throw Diagnostics.noExcessReturn(k > 0, rf, s, s.describeTrading(), nMax + rf);
    }
    double[][] s1 = s.riskMatrix(1);
    Warm warm = new Warm();
    double[] w = frictions.solve(s1, new double[n], 0, null, warm);
    double v0 = s.risk(w) * s.risk(w);
    if (!(v0 > 0)) {
      // the search starts from a portfolio with risk; a riskless one beating rf is an infinite
      // ratio, and one that does not leaves the search without a start
      if (net(w, k, rf) > 0) {
        throw Diagnostics.riskless(s, w, rf);
      }
      throw new OptimizationException("Max Sharpe cannot be solved under " + s.describeTrading()
          + ": a portfolio with zero volatility is attainable (the covariance matrix is "
          + "singular), and the search this problem needs starts from the least risky portfolio; "
          + "give every combination of assets some risk, e.g. cov.withDiagonalShift(...)");
    }
    double a = 0;
    double ga = v0;
    double b = v0 / nMax;
    double gb;
    double[] wb;
    double[] c = new double[n];
    for (int it = 0; ; it++) {
      wb = sharpeStep(s1, c, b, k, warm);
      gb = s.risk(wb) * s.risk(wb) - b * net(wb, k, rf);
      if (gb < 0) {
        break;
      }
      if (it > 200) {
        throw new OptimizationException("Max Sharpe did not converge under "
            + s.describeTrading());
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
      double v = s.risk(x) * s.risk(x);
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
    Diagnostics.requireRisk(s, best, rf);
    return best;
  }

  /** {@code argmin 1/2 w'S_g w - t (mu'w - k ||w - w0||_1)} under every constraint. */
  private double[] sharpeStep(double[][] s1, double[] c, double t, double k, Warm warm) {
    double[] mu = s.mu();
    for (int i = 0; i < c.length; i++) {
      c[i] = -t * mu[i];
    }
    return frictions.solve(s1, c, t * k, null, warm);
  }

  /** {@code mu'w - k ||w - w0||_1 - rf}. */
  private double net(double[] w, double k, double rf) {
    double v = MeanVarianceSpec.dot(s.mu(), w) - rf;
    if (k > 0) {
      v -= k * s.turnover(w);
    }
    return v;
  }
}
