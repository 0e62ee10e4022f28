package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.internal.Linear;
import java.util.Locale;

/**
 * The numerical kernel of {@link RiskParity}: the strictly convex problem
 * {@code min 1/2 y'Sy - sum_i b_i ln y_i} over {@code y > 0} (Spinu 2013), whose optimum has risk
 * contributions {@code y_i (Sy)_i / y'Sy = b_i}. Cyclical coordinate descent gets close cheaply
 * (O(N^2) a sweep; Griveau-Billion, Richard and Roncalli 2013), then Newton's method finishes
 * quadratically: positivity-preserving, Armijo-backtracked steps with the Hessian
 * {@code S + diag(b / y^2)} solved by Jacobi-preconditioned conjugate gradients (Cholesky when they
 * would cost more), full steps once the Newton decrement is small.
 */
final class RiskBudgetSolver {

  private RiskBudgetSolver() {
  }

  /**
   * The optimal {@code y} (not normalised) for covariance {@code s} (positive semidefinite,
   * positive variances) and budgets {@code b} (positive, summing to 1).
   *
   * @throws OptimizationException if the contributions are not within
   *     {@link RiskParity#CONTRIBUTION_TOLERANCE} of the budgets at the end
   */
  static double[] solve(double[][] s, double[] b) {
    int n = s.length;
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
      if (worst <= 0.01 * RiskParity.CONTRIBUTION_TOLERANCE) {
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
    if (!(worst <= RiskParity.CONTRIBUTION_TOLERANCE)) {
      throw new OptimizationException(String.format(Locale.ROOT, "Risk budgeting did not converge: "
          + "largest deviation of a risk contribution from its budget is %.3g", worst));
    }
    return y;
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

  static double[] times(double[][] s, double[] y) {
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

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
