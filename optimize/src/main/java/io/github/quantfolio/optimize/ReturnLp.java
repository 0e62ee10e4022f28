package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.MeanVarianceSpec.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The linear programs of mean-variance without trading options: the maximum return
 * {@code max mu'w} over C, solved exactly by the greedy fill when C is a fractional knapsack
 * (bounds and budget only, all finite; Dantzig 1957) and otherwise by the proximal-point method
 * ({@link #proximalPoint}, also used by {@link Frictions} for LPs with costs), and the test
 * whether that maximum is unbounded (infinite bounds), on the recession cone of C.
 */
final class ReturnLp {

  private final MeanVarianceSpec s;
  private final FeasibleSet set;

  ReturnLp(MeanVarianceSpec spec) {
    this.s = spec;
    this.set = new FeasibleSet(spec);
  }

  /** Whether {@code mu'w} is unbounded above over C (only possible with infinite bounds). */
  boolean unbounded() {
    double[] lower = s.lower();
    double[] upper = s.upper();
    int n = s.n();
    boolean infinite = false;
    for (int i = 0; i < n; i++) {
      infinite |= lower[i] == Double.NEGATIVE_INFINITY || upper[i] == Double.POSITIVE_INFINITY;
    }
    if (!infinite) {
      return false;
    }
    // Recession directions d of C: sum d = 0, d_i <= 0 where hi_i is finite, d_i >= 0 where lo_i
    // is finite, sector sums likewise; the LP is unbounded iff max mu'd > 0 over those d,
    // normalised to |d_i| <= 1.
    double[] dlo = new double[n];
    double[] dhi = new double[n];
    for (int i = 0; i < n; i++) {
      dlo[i] = lower[i] == Double.NEGATIVE_INFINITY ? -1 : 0;
      dhi[i] = upper[i] == Double.POSITIVE_INFINITY ? 1 : 0;
    }
    List<Sector> cone = new ArrayList<>();
    for (Sector sec : s.sectors()) {
      cone.add(new Sector(sec.name(), sec.members(),
          sec.lower() > Double.NEGATIVE_INFINITY ? 0 : sec.lower(),
          sec.upper() < Double.POSITIVE_INFINITY ? 0 : sec.upper()));
    }
    MeanVarianceSpec rec = MeanVarianceSpec.of(s.assets(), s.mu(), s.cov(), dlo, dhi,
        s.boundsText(), true, s.gamma(), cone);
    double[] d = new ReturnLp(rec).maximiser();
    double scale = 0;
    for (double m : s.mu()) {
      scale = Math.max(scale, Math.abs(m));
    }
    return MeanVarianceSpec.dot(s.mu(), d) > 1e-12 * scale;
  }

  /**
   * The maximum-return weights.
   *
   * @throws OptimizationException if the maximum is unbounded
   */
  double[] bounded() {
    if (unbounded()) {
      throw Diagnostics.unboundedReturn(s.describe(), false);
    }
    return maximiser();
  }

  /**
   * The maximum-return LP over C: with only bounds and the budget it is a fractional knapsack,
   * solved exactly by the greedy fill (every weight at its lower bound, then the remaining budget
   * to the highest returns up to their upper bounds; Dantzig 1957); otherwise proximal point.
   */
  double[] maximiser() {
    return knapsack() ? greedy() : proximal();
  }

  /** Whether C is bounds and budget only, with finite bounds: a fractional knapsack. */
  private boolean knapsack() {
    if (!s.sectors().isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.n(); i++) {
      if (!Double.isFinite(s.lower()[i]) || !Double.isFinite(s.upper()[i])) {
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
  boolean uniqueGreedyMaximum() {
    if (!knapsack()) {
      return false;
    }
    double[] sorted = s.mu().clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** The greedy fill of the fractional knapsack. */
  double[] greedy() {
    int n = s.n();
    double[] mu = s.mu();
    double[] lower = s.lower();
    double[] upper = s.upper();
    double[] w = lower.clone();
    double rem = s.marketNeutral() ? 0 : 1;
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
  private double[] proximal() {
    int n = s.n();
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = -s.mu()[i];
    }
    double[][] eye = identity(n);
    return proximalPoint(c, MeanVarianceSpec.maxAbs(s.mu()), null,
        (linear, t, previous) -> set.solveWeights(eye, linear, null, 0, null),
        () -> "Maximum return did not converge under " + s.describe()
            + " (proximal-point iteration limit)");
  }

  /** One step of {@link #proximalPoint}. */
  interface ProximalStep {
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
   * (Polyak and Tretyakov 1973; Ferris 1991, "Finite termination of the proximal point
   * algorithm"); the step's linear term is {@code t c - w_j}. {@code scale} is the size of the
   * objective's coefficients (0 counts as 1).
   */
  static double[] proximalPoint(double[] c, double scale, double[] start, ProximalStep step,
      Supplier<String> failure) {
    int n = c.length;
    if (scale == 0) {
      scale = 1;
    }
    double t0 = 10 / scale; // proximal step: t c is O(10), large against weights of O(1)
    double t = t0;
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
        // A step at large t is a nearly linear QP, feasible only to ~eps t (a turnover limit
        // met to 1e-10, not 1e-16): one last step at t0 from the fixed point stays there and
        // meets the constraints to rounding.
        if (t > t0) {
          for (int i = 0; i < n; i++) {
            linear[i] = t0 * c[i] - w[i];
          }
          w = step.solve(linear, t0, w);
        }
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

  static double[][] identity(int n) {
    double[][] eye = new double[n][n];
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
    }
    return eye;
  }
}
