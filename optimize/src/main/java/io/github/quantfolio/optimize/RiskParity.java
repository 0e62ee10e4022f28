package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.internal.Linear;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
 * the contributions are within 1e-4 of the budgets, then Newton's method with a positivity-preserving, Armijo-backtracked
 * step (Hessian {@code S + diag(b / y^2)}; the Newton system is solved by Jacobi-preconditioned
 * conjugate gradients to a verified relative residual of 1e-12 when that takes at most N/8
 * iterations, which costs no more than the Cholesky factorisation used otherwise and for fewer
 * than 64 assets) and full steps once the Newton decrement is
 * below 0.01 (the objective is self-concordant, so they converge quadratically), stopped when every contribution is within
 * {@code 1e-10} of its budget (typically 5-10 iterations; the last step is quadratic, so the
 * result is usually exact to about 1e-15). The weights do not depend on expected returns nor on
 * the scale of {@code S}. The covariance must be positive semidefinite with positive variances.
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
   * @throws IllegalArgumentException if an asset is missing or extra, or a budget is not &gt; 0
   */
  public RiskParity withBudgets(AssetVector budgets) {
    Checks.notNull(budgets, "budgets");
    List<String> assets = cov.assets();
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
      sum += b[i];
    }
    for (int i = 0; i < b.length; i++) {
      b[i] /= sum;
    }
    return new RiskParity(cov, b);
  }

  /** The normalised risk budgets (summing to 1), by asset. */
  public AssetVector budgets() {
    return AssetVector.of(cov.assets(), budgets);
  }

  /**
   * The long-only, fully invested portfolio whose risk contributions equal the budgets within
   * {@link #CONTRIBUTION_TOLERANCE} (see the class comment). The result has no expected return.
   *
   * @throws OptimizationException if Newton's method fails to converge (not expected for a
   *     positive semidefinite matrix with positive variances)
   */
  public OptimalPortfolio solve() {
    double[][] s = cov.toArray();
    int n = s.length;
    double[] b = budgets;
    double[] y = new double[n];
    // start: inverse volatility scaled by the budgets, normalised so that y'Sy = 1
    for (int i = 0; i < n; i++) {
      y[i] = b[i] / Math.sqrt(s[i][i]);
    }
    double[] sy = times(s, y);
    double q = dot(y, sy);
    double scale = 1 / Math.sqrt(q);
    for (int i = 0; i < n; i++) {
      y[i] *= scale;
    }
    // Cyclical coordinate descent (Griveau-Billion, Richard and Roncalli 2013) is O(N^2) per sweep
    // and gets close fast; Newton then finishes quadratically with few O(N^3) steps.
    sy = times(s, y);
    for (int sweep = 0; sweep < 50 && contributionError(y, sy, b) > 1e-4; sweep++) {
      for (int i = 0; i < n; i++) {
        double sii = s[i][i];
        double ci = sy[i] - sii * y[i];
        double yi = (-ci + Math.sqrt(ci * ci + 4 * sii * b[i])) / (2 * sii);
        double delta = yi - y[i];
        if (delta != 0) {
          // S is symmetric: row i is column i, read contiguously
          double[] si = s[i];
          for (int j = 0; j < n; j++) {
            sy[j] += delta * si[j];
          }
          y[i] = yi;
        }
      }
    }
    double[] g = new double[n];
    double[] d = new double[n];
    double[][] h = new double[n][n];
    double[] trial = new double[n];
    double worst = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 100; it++) {
      sy = times(s, y);
      worst = contributionError(y, sy, b);
      if (worst <= 0.01 * CONTRIBUTION_TOLERANCE) {
        break;
      }
      double[] diag = new double[n];
      for (int i = 0; i < n; i++) {
        g[i] = sy[i] - b[i] / y[i];
        diag[i] = b[i] / (y[i] * y[i]);
      }
      // d = H^-1 g with H = S + diag(b / y^2); step is -d. Conjugate gradients (O(N^2) per
      // iteration) first: covariance spectra are clustered (a few factors plus idiosyncratic
      // noise), so they usually converge in far fewer than the N/8 iterations that cost as much
      // as one Cholesky factorisation, which is the fallback.
      if (!conjugateGradient(s, diag, g, d, n >= 64 ? n / 8 : 0)) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(s[i], 0, h[i], 0, n);
          h[i][i] += diag[i];
        }
        solveSpd(h, g, d);
      }
      double alpha = 1;
      for (int i = 0; i < n; i++) {
        if (d[i] > 0) {
          alpha = Math.min(alpha, 0.99 * y[i] / d[i]);
        }
      }
      double f0 = objective(s, y, b);
      double slope = -dot(g, d);
      // The objective is self-concordant: once the Newton decrement -slope = g'H^-1 g is small the
      // full step converges quadratically, and the Armijo test would only compare rounding noise.
      boolean fullStep = -slope < 1e-2;
      while (!fullStep) {
        for (int i = 0; i < n; i++) {
          trial[i] = y[i] - alpha * d[i];
        }
        double f = objective(s, trial, b);
        if (f <= f0 + 1e-4 * alpha * slope || alpha < 1e-12) {
          break;
        }
        alpha *= 0.5;
      }
      if (fullStep) {
        for (int i = 0; i < n; i++) {
          trial[i] = y[i] - alpha * d[i];
        }
      }
      double[] t = y;
      y = trial;
      trial = t;
      if (alpha < 1e-12) {
        break;
      }
    }
    sy = times(s, y);
    worst = contributionError(y, sy, b);
    if (!(worst <= CONTRIBUTION_TOLERANCE)) {
      throw new OptimizationException(String.format(Locale.ROOT, "Risk budgeting did not converge: "
          + "largest deviation of a risk contribution from its budget is %.3g", worst));
    }
    double total = 0;
    for (double v : y) {
      total += v;
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / total;
    }
    double[] sw = times(s, w);
    boolean equal = true;
    for (double v : b) {
      equal &= Math.abs(v - b[0]) <= 1e-15;
    }
    return new OptimalPortfolio(equal ? "equal risk contribution" : "risk budgeting",
        Weights.of(cov.assets(), w), Double.NaN, Math.sqrt(Math.max(0, dot(w, sw))));
  }

  /**
   * Inverse-volatility weights {@code w_i = (1 / sigma_i) / sum_j (1 / sigma_j)} with
   * {@code sigma_i = sqrt(S_ii)}. It equals the equal-risk-contribution portfolio exactly when all
   * correlations are equal (Maillard, Roncalli and Teiletche 2010), e.g. all zero.
   *
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

  /** Equal weights {@code 1/N} on the given assets. */
  public static Weights equalWeight(List<String> assets) {
    return Weights.equal(assets);
  }

  private static double contributionError(double[] y, double[] sy, double[] b) {
    double q = dot(y, sy);
    double worst = 0;
    for (int i = 0; i < y.length; i++) {
      worst = Math.max(worst, Math.abs(y[i] * sy[i] / q - b[i]));
    }
    return worst;
  }

  private static double objective(double[][] s, double[] y, double[] b) {
    double f = 0.5 * dot(y, times(s, y));
    for (int i = 0; i < y.length; i++) {
      if (!(y[i] > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      f -= b[i] * Math.log(y[i]);
    }
    return f;
  }

  /**
   * Solves {@code (S + diag(dg)) x = g} by Jacobi-preconditioned conjugate gradients to a relative
   * residual of 1e-13 (recomputed, not recurred, before accepting); false if that needs more than
   * {@code maxIterations} iterations.
   */
  private static boolean conjugateGradient(double[][] s, double[] dg, double[] g, double[] x,
      int maxIterations) {
    int n = g.length;
    if (maxIterations <= 0) {
      return false;
    }
    double[] r = g.clone();
    double[] z = new double[n];
    double[] p = new double[n];
    double[] hp = new double[n];
    double[] pre = new double[n];
    for (int i = 0; i < n; i++) {
      pre[i] = 1 / (s[i][i] + dg[i]);
      z[i] = r[i] * pre[i];
      p[i] = z[i];
      x[i] = 0;
    }
    double gNorm = Math.sqrt(dot(g, g));
    if (gNorm == 0) {
      return true;
    }
    double rz = dot(r, z);
    for (int it = 0; it < maxIterations; it++) {
      for (int i = 0; i < n; i++) {
        hp[i] = Linear.dot(s[i], p, n) + dg[i] * p[i];
      }
      double alpha = rz / dot(p, hp);
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * hp[i];
      }
      if (Math.sqrt(dot(r, r)) <= 1e-13 * gNorm) {
        // confirm with the true residual g - Hx (the recurrence drifts)
        double worst = 0;
        for (int i = 0; i < n; i++) {
          double v = g[i] - Linear.dot(s[i], x, n) - dg[i] * x[i];
          worst += v * v;
        }
        if (Math.sqrt(worst) <= 1e-12 * gNorm) {
          return true;
        }
      }
      double rzNext = 0;
      for (int i = 0; i < n; i++) {
        z[i] = r[i] * pre[i];
        rzNext += r[i] * z[i];
      }
      double beta = rzNext / rz;
      rz = rzNext;
      for (int i = 0; i < n; i++) {
        p[i] = z[i] + beta * p[i];
      }
    }
    return false;
  }

  /** Solves H x = g for symmetric positive definite H by Cholesky (H is overwritten). */
  private static void solveSpd(double[][] h, double[] g, double[] x) {
    int n = g.length;
    for (int j = 0; j < n; j++) {
      double[] hj = h[j];
      double ljj = Math.sqrt(hj[j] - Linear.dot(hj, hj, j));
      hj[j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double[] hi = h[i];
        hi[j] = (hi[j] - Linear.dot(hi, hj, j)) / ljj;
      }
    }
    for (int i = 0; i < n; i++) {
      double v = g[i];
      for (int k = 0; k < i; k++) {
        v -= h[i][k] * x[k];
      }
      x[i] = v / h[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double v = x[i];
      for (int k = i + 1; k < n; k++) {
        v -= h[k][i] * x[k];
      }
      x[i] = v / h[i][i];
    }
  }

  private static double[] times(double[][] s, double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double v = 0;
      double[] si = s[i];
      for (int j = 0; j < y.length; j++) {
        v += si[j] * y[j];
      }
      out[i] = v;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
