package io.github.quantfolio.optimize.internal;

import java.util.Arrays;

/**
 * A fast first attempt at the QP of {@link DenseQp} for problems dominated by bounds: the
 * primal-dual active-set method (Hintermueller, Ito and Kunisch 2003, "The primal-dual active set
 * strategy as a semismooth Newton method", SIAM J. Optim. 13), which changes many bounds per
 * iteration instead of one.
 *
 * <p>A guess of the active set (variables at their lower or upper bound, active inequality rows)
 * fixes the bound variables; the equality-constrained problem on the free variables {@code F}
 *
 * <pre>
 *   [Q_FF  A_F'] [x_F]   [-c_F - Q_FB x_B]
 *   [A_F   0   ] [lam] = [ b  - A_B  x_B ]
 * </pre>
 *
 * is solved exactly by a Cholesky factorisation of {@code Q_FF} and the Schur complement
 * {@code A_F Q_FF^-1 A_F'} of the (few) active rows. Then every free variable outside its bounds
 * and every violated row joins the guess, and every bound or row whose multiplier is negative
 * leaves it. When nothing changes, the point satisfies all KKT conditions (primal feasibility
 * along unit normals to {@link DenseQp#FEASIBILITY_TOLERANCE}, multipliers non-negative to 1e-12
 * of the gradient's scale, rounded to 0) and is the exact optimum of the convex QP, as accurate as
 * the dual method's final recomputation.
 *
 * <p>The method is not guaranteed to converge for a general positive definite {@code Q} (it may
 * cycle), and it cannot prove infeasibility: after {@link #MAX_ITERATIONS} iterations, or when a
 * Cholesky or Schur factorisation is (numerically) singular, it gives up and returns null, and the
 * caller runs the dual active-set method. A good guess (the active set of a nearby problem, e.g.
 * the previous point of an efficient frontier) usually needs one or two iterations.
 */
final class PrimalDualActiveSet {

  /** Iterations before giving up (the dual method then solves the problem). */
  static final int MAX_ITERATIONS = 30;
  /** Relative size of a negative multiplier treated as zero (rounding). */
  static final double DUAL_TOLERANCE = 1e-12;

  private PrimalDualActiveSet() {
  }

  /**
   * Solves or returns null. Arguments as {@link DenseQp#solve}; {@code bounds} (per variable -1
   * lower, +1 upper, 0 free) and {@code rows} (per inequality, active) are the initial guess,
   * either may be null.
   */
  static DenseQp.Solution trySolve(double[][] q, double[] c, double[][] aEq, double[] bEq,
      double[][] g, double[] h, double[] lo, double[] hi, int[] bounds, boolean[] rows) {
    int n = c.length;
    int me = aEq == null ? 0 : aEq.length;
    int mi = g == null ? 0 : g.length;
    if (me + mi > n) {
      return null;
    }
    int[] st = new int[n];
    boolean[] act = new boolean[mi];
    for (int i = 0; i < n; i++) {
      double l = lo == null ? Double.NEGATIVE_INFINITY : lo[i];
      double u = hi == null ? Double.POSITIVE_INFINITY : hi[i];
      if (l == u) {
        st[i] = -1;
      } else if (bounds != null && bounds[i] < 0 && l > Double.NEGATIVE_INFINITY) {
        st[i] = -1;
      } else if (bounds != null && bounds[i] > 0 && u < Double.POSITIVE_INFINITY) {
        st[i] = 1;
      }
    }
    if (rows != null && rows.length == mi) {
      System.arraycopy(rows, 0, act, 0, mi);
    }
    double cScale = 0;
    for (double v : c) {
      cScale = Math.max(cScale, Math.abs(v));
    }
    double[] x = new double[n];
    double[] lamEq = new double[me];
    double[] mu = new double[mi];
    double[] grad = new double[n];
    int[] free = new int[n];
    int[] rowIdx = new int[me + mi];
    int[] fixedNonZero = new int[n];
    // work budget in units of multiply-adds: about what the dual method would spend
    double budget = 1.5 * (double) n * n * n + 1e5;
    double work = 0;
    iterations:
    for (int it = 1; it <= MAX_ITERATIONS; it++) {
      int nf = 0;
      for (int i = 0; i < n; i++) {
        if (st[i] == 0) {
          free[nf++] = i;
        } else {
          x[i] = st[i] < 0 ? lo[i] : hi[i];
        }
      }
      work += (double) nf * nf * nf / 6 + 2.0 * n * n;
      if (work > budget) {
        return null;
      }
      int r = 0;
      for (int k = 0; k < me; k++) {
        rowIdx[r++] = k;
      }
      for (int k = 0; k < mi; k++) {
        if (act[k]) {
          rowIdx[r++] = me + k;
        }
      }
      double[] lam;
      if (r > nf) {
        // More active rows than free variables. At a vertex fixed by bounds alone with one active
        // row (e.g. every weight on its previous value under costs, with the budget) the
        // multiplier is the solution of a one-dimensional LP; otherwise leave it to the dual.
        if (nf != 0 || r != 1) {
          return null;
        }
        double[] ar = row(rowIdx[0], me, aEq, g);
        double rb = rowIdx[0] < me ? bEq[rowIdx[0]] : h[rowIdx[0] - me];
        double v = vertexMultiplier(q, c, x, st, lo, hi, ar, rb, rowIdx[0] >= me);
        if (Double.isNaN(v)) {
          // the bounds of the guess miss the row: release every bound that keeps it from moving
          // towards the row, and try again
          double miss = -rb;
          for (int i = 0; i < n; i++) {
            miss += ar[i] * x[i];
          }
          boolean released = false;
          for (int i = 0; i < n; i++) {
            boolean fixed = lo != null && hi != null && lo[i] == hi[i];
            if (ar[i] != 0 && !fixed && ((miss < 0) == ((st[i] < 0) == (ar[i] > 0)))) {
              st[i] = 0;
              released = true;
            }
          }
          if (!released) {
            return null;
          }
          continue;
        }
        lam = new double[] {v};
      } else {
        // Cholesky of Q_FF (lower, row-major, only the lower triangle of q is read)
        double[][] l = cholesky(q, free, nf);
        if (l == null) {
          return null;
        }
        // right-hand side on F: -c_F - Q_FB x_B (only bounds away from 0 contribute)
        int nb = 0;
        for (int j = 0; j < n; j++) {
          if (st[j] != 0 && x[j] != 0) {
            fixedNonZero[nb++] = j;
          }
        }
        double[] rhs = new double[nf];
        for (int a = 0; a < nf; a++) {
          int ia = free[a];
          double v = -c[ia];
          double[] qa = q[ia];
          for (int b = 0; b < nb; b++) {
            int j = fixedNonZero[b];
            v -= (ia >= j ? qa[j] : q[j][ia]) * x[j];
          }
          rhs[a] = v;
        }
        double[] x0 = cholSolve(l, rhs.clone());
        lam = new double[r];
        if (r > 0) {
          // Y = L^-1 A_F' (columns per row), M = Y'Y, M lam = A_F x0 - (b - A_B x_B)
          double[][] y = new double[r][];
          double[] e = new double[r];
          for (int k = 0; k < r; k++) {
            double[] row = row(rowIdx[k], me, aEq, g);
            double[] af = new double[nf];
            for (int a = 0; a < nf; a++) {
              af[a] = row[free[a]];
            }
            double rb = rowIdx[k] < me ? bEq[rowIdx[k]] : h[rowIdx[k] - me];
            for (int j = 0; j < n; j++) {
              if (st[j] != 0) {
                rb -= row[j] * x[j];
              }
            }
            double ax0 = 0;
            for (int a = 0; a < nf; a++) {
              ax0 += af[a] * x0[a];
            }
            e[k] = ax0 - rb;
            y[k] = forward(l, af);
          }
          double[][] m = new double[r][r];
          double mDiag = 0;
          for (int a = 0; a < r; a++) {
            for (int b = 0; b <= a; b++) {
              double v = 0;
              double[] ya = y[a];
              double[] yb = y[b];
              for (int k = 0; k < nf; k++) {
                v += ya[k] * yb[k];
              }
              m[a][b] = v;
              m[b][a] = v;
            }
            mDiag = Math.max(mDiag, m[a][a]);
          }
          double[][] lm = new double[r][r];
          for (int a = 0; a < r; a++) {
            for (int b = 0; b <= a; b++) {
              double v = m[a][b];
              for (int k = 0; k < b; k++) {
                v -= lm[a][k] * lm[b][k];
              }
              if (b < a) {
                lm[a][b] = v / lm[b][b];
              } else {
                if (!(v > 1e-12 * mDiag)) {
                  // an active row dependent on the others (e.g. sector limits that partition the
                  // assets, together with the budget): an inequality leaves the guess (it is
                  // re-added if violated); a dependent equality is left to the dual method
                  if (rowIdx[a] < me) {
                    return null;
                  }
                  act[rowIdx[a] - me] = false;
                  continue iterations;
                }
                lm[a][a] = Math.sqrt(v);
              }
            }
          }
          lam = cholSolve(lm, e);
          // x_F = x0 - L^-T (Y lam)
          double[] ylam = new double[nf];
          for (int k = 0; k < r; k++) {
            double lk = lam[k];
            double[] yk = y[k];
            for (int a = 0; a < nf; a++) {
              ylam[a] += yk[a] * lk;
            }
          }
          double[] corr = backward(l, ylam);
          for (int a = 0; a < nf; a++) {
            x0[a] -= corr[a];
          }
        }
        for (int a = 0; a < nf; a++) {
          x[free[a]] = x0[a];
        }
      }
      Arrays.fill(lamEq, 0);
      Arrays.fill(mu, 0);
      for (int k = 0; k < r; k++) {
        if (rowIdx[k] < me) {
          lamEq[rowIdx[k]] = lam[k];
        } else {
          mu[rowIdx[k] - me] = lam[k];
        }
      }
      // gradient of the Lagrangian without the bounds: Qx + c + A'lam + G'mu
      double gScale = cScale;
      symmetricTimesSparse(q, x, grad);
      for (int i = 0; i < n; i++) {
        gScale = Math.max(gScale, Math.abs(grad[i]));
        grad[i] += c[i];
      }
      for (int k = 0; k < me; k++) {
        if (lamEq[k] != 0) {
          double[] a = aEq[k];
          for (int i = 0; i < n; i++) {
            grad[i] += lamEq[k] * a[i];
          }
        }
      }
      for (int k = 0; k < mi; k++) {
        if (mu[k] != 0) {
          double[] a = g[k];
          for (int i = 0; i < n; i++) {
            grad[i] += mu[k] * a[i];
          }
        }
      }
      double dtol = DUAL_TOLERANCE * Math.max(gScale, Double.MIN_NORMAL);
      double xs = 1;
      for (double v : x) {
        xs = Math.max(xs, Math.abs(v));
      }
      double ptol = DenseQp.FEASIBILITY_TOLERANCE * xs;
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        double l0 = lo == null ? Double.NEGATIVE_INFINITY : lo[i];
        double u0 = hi == null ? Double.POSITIVE_INFINITY : hi[i];
        if (st[i] == 0) {
          if (x[i] < l0 - ptol) {
            st[i] = -1;
            changed = true;
          } else if (x[i] > u0 + ptol) {
            st[i] = 1;
            changed = true;
          }
        } else if (l0 != u0) {
          double nu = st[i] < 0 ? grad[i] : -grad[i];
          if (nu < -dtol) {
            st[i] = 0;
            changed = true;
          }
        }
      }
      for (int k = 0; k < mi; k++) {
        if (act[k]) {
          if (mu[k] < -dtol) {
            act[k] = false;
            changed = true;
          }
        } else {
          double[] a = g[k];
          double v = -h[k];
          double nrm = 0;
          for (int i = 0; i < n; i++) {
            v += a[i] * x[i];
            nrm += a[i] * a[i];
          }
          if (v > ptol * Math.sqrt(nrm)) {
            act[k] = true;
            changed = true;
          }
        }
      }
      if (!changed) {
        double[] nuLo = new double[n];
        double[] nuHi = new double[n];
        for (int i = 0; i < n; i++) {
          if (st[i] < 0) {
            nuLo[i] = Math.max(0, grad[i]);
            if (lo[i] == (hi == null ? Double.POSITIVE_INFINITY : hi[i]) && grad[i] < 0) {
              nuHi[i] = -grad[i]; // a fixed variable: the bound on the other side carries it
            }
          } else if (st[i] > 0) {
            nuHi[i] = Math.max(0, -grad[i]);
          }
        }
        for (int k = 0; k < mi; k++) {
          mu[k] = Math.max(0, mu[k]);
        }
        double obj = 0;
        for (int i = 0; i < n; i++) {
          obj += x[i] * (0.5 * (grad[i] - c[i] - rowTerms(i, lamEq, aEq, mu, g)) + c[i]);
        }
        return new DenseQp.Solution(x.clone(), obj, lamEq.clone(), mu.clone(), nuLo, nuHi, it,
            st.clone(), act.clone());
      }
    }
    return null;
  }

  /**
   * At a point fixed entirely by bounds, with one active row {@code a'x = rb} (an equality, or an
   * inequality when {@code inequality}, whose multiplier must be >= 0): a multiplier {@code lam}
   * with {@code (Qx + c)_i + lam a_i >= 0} at lower bounds and {@code <= 0} at upper bounds, the
   * middle of the interval that these conditions allow; if the interval is empty, its crossing
   * point (some bounds then show negative multipliers and are released by the caller). NaN when
   * the row itself is not met (the guess is infeasible).
   */
  private static double vertexMultiplier(double[][] q, double[] c, double[] x, int[] st,
      double[] lo, double[] hi, double[] a, double rb, boolean inequality) {
    int n = x.length;
    double ax = 0;
    double an = 0;
    double xs = 1;
    for (int i = 0; i < n; i++) {
      ax += a[i] * x[i];
      an += a[i] * a[i];
      xs = Math.max(xs, Math.abs(x[i]));
    }
    if (!(Math.abs(ax - rb) <= DenseQp.FEASIBILITY_TOLERANCE * xs * Math.sqrt(an))) {
      return Double.NaN;
    }
    double[] grad = new double[n];
    symmetricTimesSparse(q, x, grad);
    double below = inequality ? 0 : Double.NEGATIVE_INFINITY;
    double above = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (a[i] == 0 || st[i] == 0 || (lo != null && hi != null && lo[i] == hi[i])) {
        continue;
      }
      double t = -(grad[i] + c[i]) / a[i];
      // lower bound: grad + lam a >= 0; upper bound: <= 0
      boolean atLeast = (st[i] < 0) == (a[i] > 0);
      if (atLeast) {
        below = Math.max(below, t);
      } else {
        above = Math.min(above, t);
      }
    }
    if (below == Double.NEGATIVE_INFINITY && above == Double.POSITIVE_INFINITY) {
      return 0;
    }
    if (below == Double.NEGATIVE_INFINITY) {
      return above;
    }
    if (above == Double.POSITIVE_INFINITY) {
      return below;
    }
    return 0.5 * (below + above);
  }

  /** Cholesky factor of Q_FF (rows of increasing length), or null if not positive definite. */
  private static double[][] cholesky(double[][] q, int[] free, int nf) {
    double[][] l = new double[nf][];
    double maxDiag = 0;
    for (int a = 0; a < nf; a++) {
      maxDiag = Math.max(maxDiag, Math.abs(q[free[a]][free[a]]));
    }
    for (int a = 0; a < nf; a++) {
      int ia = free[a];
      double[] qa = q[ia];
      double[] la = new double[a + 1];
      for (int b = 0; b < a; b++) {
        int ib = free[b];
        double[] lb = l[b];
        double v = (ia >= ib ? qa[ib] : q[ib][ia]) - Linear.dot(la, lb, b);
        la[b] = v / lb[b];
      }
      double v = qa[ia] - Linear.dot(la, la, a);
      if (!(v > DenseQp.PIVOT_TOLERANCE * maxDiag)) {
        return null;
      }
      la[a] = Math.sqrt(v);
      l[a] = la;
    }
    return l;
  }

  private static double rowTerms(int i, double[] lamEq, double[][] aEq, double[] mu,
      double[][] g) {
    double v = 0;
    for (int k = 0; k < lamEq.length; k++) {
      v += lamEq[k] * aEq[k][i];
    }
    for (int k = 0; k < mu.length; k++) {
      v += mu[k] * g[k][i];
    }
    return v;
  }

  private static double[] row(int k, int me, double[][] aEq, double[][] g) {
    return k < me ? aEq[k] : g[k - me];
  }

  /** Solves L y = b (L lower, rows of increasing length). */
  private static double[] forward(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] li = l[i];
      y[i] = (b[i] - Linear.dot(li, y, i)) / li[i];
    }
    return y;
  }

  /** Solves L' x = y. */
  private static double[] backward(double[][] l, double[] y) {
    int n = y.length;
    double[] x = y.clone();
    for (int i = n - 1; i >= 0; i--) {
      x[i] /= l[i][i];
      double xi = x[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) {
        x[k] -= li[k] * xi;
      }
    }
    return x;
  }

  private static double[] cholSolve(double[][] l, double[] b) {
    return backward(l, forward(l, b));
  }

  /**
   * {@code out = Q x} for a symmetric Q of which the lower triangle is read, from the columns of
   * the non-zero {@code x_j} only (most weights sit on a zero bound): row j's lower part
   * {@code q_jk} (k <= j) and the column below the diagonal {@code q_ij} (i > j).
   */
  private static void symmetricTimesSparse(double[][] q, double[] x, double[] out) {
    int n = x.length;
    Arrays.fill(out, 0, n, 0);
    for (int j = 0; j < n; j++) {
      double xj = x[j];
      if (xj == 0) {
        continue;
      }
      double[] qj = q[j];
      for (int k = 0; k <= j; k++) {
        out[k] += qj[k] * xj;
      }
      for (int i = j + 1; i < n; i++) {
        out[i] += q[i][j] * xj;
      }
    }
  }
}
