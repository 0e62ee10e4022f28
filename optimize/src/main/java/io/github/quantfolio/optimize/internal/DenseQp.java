package io.github.quantfolio.optimize.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact dense convex quadratic programming by the dual active-set method of Goldfarb and Idnani
 * (1983), "A numerically stable dual method for solving strictly convex quadratic programs",
 * Math. Programming 27:
 *
 * <pre>
 *   minimise    1/2 x'Qx + c'x
 *   subject to  A x  = b        (equalities,          multipliers lambda, free sign)
 *               G x &lt;= h        (general inequalities, multipliers mu    &gt;= 0)
 *               lo &lt;= x &lt;= hi   (box bounds, +-infinity allowed; multipliers nuLo, nuHi &gt;= 0)
 * </pre>
 *
 * <p>Q must be symmetric positive definite (no regularisation is added here; callers that
 * regularise say so). The KKT conditions of the returned point are
 * {@code Qx + c + A'lambda + G'mu + nuHi - nuLo = 0}, primal feasibility, {@code mu, nu >= 0} and
 * complementary slackness; inactive constraints have multiplier exactly 0.
 *
 * <p>Method: start from the unconstrained minimum {@code -Q^-1 c}; add the equalities, then
 * repeatedly the most violated inequality (violation measured along the unit normal), taking
 * primal-dual steps that keep the dual feasible and dropping constraints whose multiplier would
 * turn negative. The factors are {@code Q = LL'}, {@code J = L^-T Qr} and the upper triangular
 * {@code R} with {@code L^-1 N = Qr [R; 0]} for the active normals N, updated with Givens
 * rotations (O(n^2) per change). At the end x and the multipliers are recomputed from the final
 * active set ({@code x = J1 R^-T b_A - J2 J2' c}) to remove drift. If a constraint cannot be added
 * because it is linearly dependent on active constraints none of which may be dropped, the
 * problem is infeasible and a {@link QpException} names those constraints.
 *
 * <p>{@link #solve} first tries the primal-dual active-set method ({@code PrimalDualActiveSet}),
 * which converges in a few iterations on bound-dominated problems, optionally from the active set
 * of a nearby problem's solution ({@link Solution#boundState()}, {@link Solution#rowActive()});
 * the dual method above runs when it does not.
 *
 * <p>Arrays passed in are not modified and not retained.
 */
public final class DenseQp {

  /** Relative pivot below which Cholesky declares Q not positive definite. */
  static final double PIVOT_TOLERANCE = 1e-14;
  /** A new constraint's step direction counts as zero below this fraction of its norm. */
  static final double DEPENDENCE_TOLERANCE = 1e-12;
  /** Relative violation (along unit normals, scaled by max(1, |x|_inf)) accepted as feasible. */
  public static final double FEASIBILITY_TOLERANCE = 1e-12;
  /**
   * A constraint that is linearly dependent on active constraints none of which can be dropped,
   * and violated by at most this (relative, as above), is rounding on a degenerate vertex (e.g.
   * equalities that fix the point on which it is active), not infeasibility: it is set aside and
   * rechecked at the end.
   */
  public static final double DEGENERACY_TOLERANCE = 1e-9;

  private static final int EQ = 0;
  private static final int INEQ = 1;
  private static final int LOWER = 2;
  private static final int UPPER = 3;

  /**
   * The optimum with its KKT multipliers.
   *
   * @param x the minimiser
   * @param objective {@code 1/2 x'Qx + c'x}
   * @param lambda equality multipliers
   * @param mu general-inequality multipliers (&gt;= 0)
   * @param nuLower lower-bound multipliers (&gt;= 0, 0 where the bound is infinite)
   * @param nuUpper upper-bound multipliers (&gt;= 0)
   * @param iterations active-set changes made (dual method) or iterations (primal-dual)
   * @param boundState per variable: -1 at its lower bound, +1 at its upper bound, 0 free (the
   *     final active set; pass it back as a warm start for a nearby problem)
   * @param rowActive per general inequality: whether it is in the final active set
   */
  public record Solution(double[] x, double objective, double[] lambda, double[] mu,
      double[] nuLower, double[] nuUpper, int iterations, int[] boundState, boolean[] rowActive) {
  }

  /** Optional names of the constraints for messages; any array may be null. */
  public record Names(String[] equalities, String[] inequalities, String[] variables) {
    /** No names: constraints are called "equality 0", "inequality 3", "x[2]". */
    public static final Names NONE = new Names(null, null, null);
  }

  private final int n;
  private final double[][] q;
  private final double[] c;
  private final double[][] aEq;
  private final double[] bEq;
  private final double[][] g;
  private final double[] h;
  private final Names names;

  // constraint table, in the form  sign * n_k' x >= b_k
  private final int[] kind;
  private final int[] ref;
  private final double[] rhs;
  private final double[] sign;
  private final double[] norm;

  // J (n x n) stored by columns: jt[j] is column j of J, so that the Givens rotations of two
  // columns and the products J d run over contiguous arrays (row storage made each rotation touch
  // n different arrays, which dominated the profile at 500 assets)
  private final double[][] jt;
  private final double[][] rm; // R, upper triangular, q x q used
  private final int[] active;
  private final double[] u;
  private int nActive;

  private DenseQp(double[][] q, double[] c, double[][] aEq, double[] bEq, double[][] g,
      double[] h, double[] lo, double[] hi, Names names) {
    this.n = c.length;
    this.q = q;
    this.c = c;
    this.aEq = aEq == null ? new double[0][] : aEq;
    this.bEq = bEq == null ? new double[0] : bEq;
    this.g = g == null ? new double[0][] : g;
    this.h = h == null ? new double[0] : h;
    this.names = names == null ? Names.NONE : names;
    if (this.aEq.length != this.bEq.length || this.g.length != this.h.length) {
      throw new IllegalArgumentException("Constraint matrices and right-hand sides differ in size");
    }
    int m = this.aEq.length + this.g.length;
    for (int i = 0; i < n; i++) {
      if (lo != null && lo[i] > Double.NEGATIVE_INFINITY) {
        m++;
      }
      if (hi != null && hi[i] < Double.POSITIVE_INFINITY) {
        m++;
      }
    }
    kind = new int[m];
    ref = new int[m];
    rhs = new double[m];
    sign = new double[m];
    norm = new double[m];
    int k = 0;
    for (int r = 0; r < this.aEq.length; r++, k++) {
      checkRow(this.aEq[r], "equality row " + r);
      kind[k] = EQ;
      ref[k] = r;
      rhs[k] = this.bEq[r];
      sign[k] = 1;
      norm[k] = norm2(this.aEq[r]);
    }
    for (int r = 0; r < this.g.length; r++, k++) {
      checkRow(this.g[r], "inequality row " + r);
      kind[k] = INEQ;
      ref[k] = r;
      rhs[k] = -this.h[r];
      sign[k] = -1;
      norm[k] = norm2(this.g[r]);
    }
    for (int i = 0; i < n; i++) {
      if (lo != null && lo[i] > Double.NEGATIVE_INFINITY) {
        kind[k] = LOWER;
        ref[k] = i;
        rhs[k] = lo[i];
        sign[k] = 1;
        norm[k++] = 1;
      }
      if (hi != null && hi[i] < Double.POSITIVE_INFINITY) {
        kind[k] = UPPER;
        ref[k] = i;
        rhs[k] = -hi[i];
        sign[k] = -1;
        norm[k++] = 1;
      }
    }
    jt = new double[n][n];
    rm = new double[n][n];
    active = new int[n];
    u = new double[n];
  }

  private void checkRow(double[] row, String what) {
    if (row == null || row.length != n) {
      throw new IllegalArgumentException("Expected " + what + " of length " + n);
    }
  }

  /**
   * Solves the problem; see the class comment. {@code aEq/bEq}, {@code g/h}, {@code lo},
   * {@code hi} may be null (absent). Only the lower triangle of {@code q} is read.
   *
   * @throws QpException if infeasible, Q is not positive definite, or the iteration limit is hit
   */
  public static Solution solve(double[][] q, double[] c, double[][] aEq, double[] bEq,
      double[][] g, double[] h, double[] lo, double[] hi, Names names) {
    return solve(q, c, aEq, bEq, g, h, lo, hi, names, null);
  }

  /**
   * As {@link #solve(double[][], double[], double[][], double[], double[][], double[], double[],
   * double[], Names)}, first trying the primal-dual active-set method ({@code PrimalDualActiveSet})
   * from the active set of {@code guess} (a solution of a nearby problem of the same size, or
   * null for "all bounds and rows inactive"). If that does not converge quickly, the dual
   * active-set method solves the problem from scratch; either way the result satisfies the KKT
   * conditions to the same tolerances.
   *
   * @throws QpException as the other overload
   */
  public static Solution solve(double[][] q, double[] c, double[][] aEq, double[] bEq,
      double[][] g, double[] h, double[] lo, double[] hi, Names names, Solution guess) {
    boolean fits = guess != null && guess.boundState().length == c.length
        && guess.rowActive().length == (g == null ? 0 : g.length);
    Solution s = PrimalDualActiveSet.trySolve(q, c, aEq, bEq, g, h, lo, hi,
        fits ? guess.boundState() : null, fits ? guess.rowActive() : null);
    if (s != null) {
      return s;
    }
    return new DenseQp(q, c, aEq, bEq, g, h, lo, hi, names).run();
  }

  /** The dual active-set method alone (no primal-dual first attempt), for tests. */
  static Solution solveDual(double[][] q, double[] c, double[][] aEq, double[] bEq,
      double[][] g, double[] h, double[] lo, double[] hi) {
    return new DenseQp(q, c, aEq, bEq, g, h, lo, hi, Names.NONE).run();
  }

  private String label(int k) {
    int r = ref[k];
    switch (kind[k]) {
      case EQ:
        return names.equalities() != null ? names.equalities()[r] : "equality " + r;
      case INEQ:
        return names.inequalities() != null ? names.inequalities()[r] : "inequality " + r;
      case LOWER:
        return "lower bound of " + var(r);
      default:
        return "upper bound of " + var(r);
    }
  }

  private String var(int i) {
    return names.variables() != null ? names.variables()[i] : "x[" + i + "]";
  }

  /** sign_k * n_k' v. */
  private double dotN(int k, double[] v) {
    int r = ref[k];
    switch (kind[k]) {
      case EQ:
        return sign[k] * dot(aEq[r], v);
      case INEQ:
        return -dot(g[r], v);
      case LOWER:
        return v[r];
      default:
        return -v[r];
    }
  }

  /** d = J' (sign_k n_k). */
  private void jtN(int k, double[] d) {
    int r = ref[k];
    double s = sign[k];
    if (kind[k] == LOWER || kind[k] == UPPER) {
      for (int j = 0; j < n; j++) {
        d[j] = s * jt[j][r];
      }
      return;
    }
    double[] row = kind[k] == EQ ? aEq[r] : g[r];
    for (int j = 0; j < n; j++) {
      d[j] = s * dot(jt[j], row);
    }
  }

  private Solution run() {
    factor();
    double[] x = new double[n];
    // x = -J J' c
    for (int j = 0; j < n; j++) {
      double jc = dot(jt[j], c);
      double[] col = jt[j];
      for (int i = 0; i < n; i++) {
        x[i] -= col[i] * jc;
      }
    }
    int m = kind.length;
    boolean[] isActive = new boolean[m];
    boolean[] setAside = new boolean[m];
    double[] d = new double[n];
    double[] z = new double[n];
    double[] r = new double[n];
    int iterations = 0;
    int limit = 20 * (m + n) + 100;
    int nEq = aEq.length;
    int next = 0; // next equality to add
    while (true) {
      int p = -1;
      if (next < nEq) {
        p = next++;
        double s0 = dotN(p, x) - rhs[p];
        if (s0 > 0) {
          sign[p] = -sign[p];
          rhs[p] = -rhs[p];
        }
      } else {
        double tol = FEASIBILITY_TOLERANCE * Math.max(1, maxAbs(x));
        double worst = -tol;
        for (int k = nEq; k < m; k++) {
          if (!isActive[k] && !setAside[k] && norm[k] > 0) {
            double s = (dotN(k, x) - rhs[k]) / norm[k];
            if (s < worst) {
              worst = s;
              p = k;
            }
          } else if (!isActive[k] && norm[k] == 0 && rhs[k] > 0) {
            throw infeasible(k);
          }
        }
        if (p < 0) {
          break;
        }
      }
      double up = 0;
      // step 2: add p, possibly after dropping constraints
      while (true) {
        if (++iterations > limit) {
          throw new QpException(QpException.Kind.ITERATION_LIMIT,
              "Active-set iteration limit " + limit + " reached (cycling)", null, List.of());
        }
        double s = dotN(p, x) - rhs[p];
        jtN(p, d);
        int qa = nActive;
        double d2 = 0;
        double dAll = 0;
        for (int j = 0; j < n; j++) {
          dAll += d[j] * d[j];
          if (j >= qa) {
            d2 += d[j] * d[j];
          }
        }
        Arrays.fill(z, 0);
        for (int j = qa; j < n; j++) {
          double dj = d[j];
          if (dj != 0) {
            double[] col = jt[j];
            for (int i = 0; i < n; i++) {
              z[i] += col[i] * dj;
            }
          }
        }
        // r = R^-1 d1
        for (int i = qa - 1; i >= 0; i--) {
          double v = d[i];
          for (int j = i + 1; j < qa; j++) {
            v -= rm[i][j] * r[j];
          }
          r[i] = v / rm[i][i];
        }
        double t1 = Double.POSITIVE_INFINITY;
        int drop = -1;
        for (int i = 0; i < qa; i++) {
          if (kind[active[i]] != EQ && r[i] > 0) {
            double t = u[i] / r[i];
            if (t < t1) {
              t1 = t;
              drop = i;
            }
          }
        }
        boolean dependent = !(d2 > DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE * dAll);
        double t2 = dependent ? Double.POSITIVE_INFINITY : -s / d2;
        if (dependent && kind[p] == EQ
            && Math.abs(s) <= FEASIBILITY_TOLERANCE * Math.max(1, maxAbs(x)) * norm[p]) {
          break; // redundant equality, already satisfied
        }
        if (t1 == Double.POSITIVE_INFINITY && t2 == Double.POSITIVE_INFINITY) {
          if (up == 0 && kind[p] != EQ && -s <= DEGENERACY_TOLERANCE * Math.max(1, maxAbs(x))
              * norm[p]) {
            setAside[p] = true;
            break;
          }
          throw infeasible(p);
        }
        if (t2 == Double.POSITIVE_INFINITY) {
          for (int i = 0; i < qa; i++) {
            u[i] -= t1 * r[i];
          }
          up += t1;
          isActive[active[drop]] = false;
          dropActive(drop);
          continue;
        }
        double t = Math.min(t1, t2);
        for (int i = 0; i < n; i++) {
          x[i] += t * z[i];
        }
        for (int i = 0; i < qa; i++) {
          u[i] -= t * r[i];
        }
        up += t;
        if (t2 <= t1) {
          addActive(p, d, up);
          isActive[p] = true;
          break;
        }
        isActive[active[drop]] = false;
        dropActive(drop);
      }
    }
    refine(x);
    for (int k = 0; k < m; k++) {
      if (setAside[k] && dotN(k, x) - rhs[k]
          < -DEGENERACY_TOLERANCE * Math.max(1, maxAbs(x)) * norm[k]) {
        throw infeasible(k);
      }
    }
    return solution(x, iterations);
  }

  private QpException infeasible(int p) {
    List<String> act = new ArrayList<>();
    for (int i = 0; i < nActive; i++) {
      act.add(label(active[i]));
    }
    String msg = "Constraints are infeasible: " + label(p) + " cannot be satisfied"
        + (act.isEmpty() ? "" : " together with " + String.join(", ", act));
    return new QpException(QpException.Kind.INFEASIBLE, msg, label(p), act);
  }

  /** Q = LL', J = L^-T. */
  private void factor() {
    double[][] l = new double[n][n];
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, Math.abs(q[i][i]));
    }
    for (int j = 0; j < n; j++) {
      double s = q[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      if (!(s > PIVOT_TOLERANCE * maxDiag)) {
        throw new QpException(QpException.Kind.NOT_POSITIVE_DEFINITE,
            "Quadratic term is not positive definite: Cholesky pivot " + j + " is " + s
                + " (largest diagonal " + maxDiag + ")", null, List.of());
      }
      double ljj = Math.sqrt(s);
      l[j][j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double v = q[i][j];
        for (int k = 0; k < j; k++) {
          v -= l[i][k] * l[j][k];
        }
        l[i][j] = v / ljj;
      }
    }
    // Linv (lower), then J = Linv'
    for (int col = 0; col < n; col++) {
      // solve L y = e_col
      double[] y = new double[n];
      for (int i = col; i < n; i++) {
        double v = i == col ? 1 : 0;
        for (int k = col; k < i; k++) {
          v -= l[i][k] * y[k];
        }
        y[i] = v / l[i][i];
      }
      // Linv[i][col] = y[i]; J[col][i] = Linv[i][col], i.e. column i of J holds row i of Linv
      for (int i = col; i < n; i++) {
        jt[i][col] = y[i];
      }
    }
  }

  private void addActive(int p, double[] d, double up) {
    int qa = nActive;
    for (int j = n - 2; j >= qa; j--) {
      double a = d[j];
      double b = d[j + 1];
      if (b == 0) {
        continue;
      }
      double hyp = Math.hypot(a, b);
      double cs = a / hyp;
      double sn = b / hyp;
      d[j] = hyp;
      d[j + 1] = 0;
      rotateColumns(j, cs, sn);
    }
    for (int i = 0; i <= qa; i++) {
      rm[i][qa] = d[i];
    }
    active[qa] = p;
    u[qa] = up;
    nActive = qa + 1;
  }

  private void dropActive(int pos) {
    int qa = nActive;
    for (int col = pos; col < qa - 1; col++) {
      for (int i = 0; i < qa; i++) {
        rm[i][col] = rm[i][col + 1];
      }
      active[col] = active[col + 1];
      u[col] = u[col + 1];
    }
    for (int i = 0; i < qa; i++) {
      rm[i][qa - 1] = 0;
    }
    for (int j = pos; j < qa - 1; j++) {
      double a = rm[j][j];
      double b = rm[j + 1][j];
      if (b == 0) {
        continue;
      }
      double hyp = Math.hypot(a, b);
      double cs = a / hyp;
      double sn = b / hyp;
      for (int col = j; col < qa - 1; col++) {
        double ra = rm[j][col];
        double rb = rm[j + 1][col];
        rm[j][col] = cs * ra + sn * rb;
        rm[j + 1][col] = -sn * ra + cs * rb;
      }
      rm[j + 1][j] = 0;
      rotateColumns(j, cs, sn);
    }
    nActive = qa - 1;
  }

  private void rotateColumns(int j, double cs, double sn) {
    double[] ca = jt[j];
    double[] cb = jt[j + 1];
    for (int i = 0; i < n; i++) {
      double a = ca[i];
      double b = cb[i];
      ca[i] = cs * a + sn * b;
      cb[i] = -sn * a + cs * b;
    }
  }

  /** Recompute x and the multipliers from the final active set (removes accumulated drift). */
  private void refine(double[] x) {
    int qa = nActive;
    // v1 = R^-T b_A (forward substitution, R' lower)
    double[] v1 = new double[qa];
    for (int i = 0; i < qa; i++) {
      double v = rhs[active[i]];
      for (int k = 0; k < i; k++) {
        v -= rm[k][i] * v1[k];
      }
      v1[i] = v / rm[i][i];
    }
    double[] jc = new double[n];
    for (int j = 0; j < n; j++) {
      jc[j] = dot(jt[j], c);
    }
    double[] xr = new double[n];
    for (int j = 0; j < n; j++) {
      double f = j < qa ? v1[j] : -jc[j];
      double[] col = jt[j];
      for (int i = 0; i < n; i++) {
        xr[i] += col[i] * f;
      }
    }
    // u = R^-1 (v1 + J1'c)
    double[] ur = new double[qa];
    for (int i = qa - 1; i >= 0; i--) {
      double v = v1[i] + jc[i];
      for (int j = i + 1; j < qa; j++) {
        v -= rm[i][j] * ur[j];
      }
      ur[i] = v / rm[i][i];
    }
    System.arraycopy(xr, 0, x, 0, n);
    for (int i = 0; i < qa; i++) {
      // round-off can leave an inequality multiplier at -1e-17; it is zero
      u[i] = kind[active[i]] == EQ ? ur[i] : Math.max(0, ur[i]);
    }
  }

  private Solution solution(double[] x, int iterations) {
    double[] lambda = new double[aEq.length];
    double[] mu = new double[g.length];
    double[] nuLo = new double[n];
    double[] nuHi = new double[n];
    int[] boundState = new int[n];
    boolean[] rowActive = new boolean[g.length];
    for (int i = 0; i < nActive; i++) {
      int k = active[i];
      int r = ref[k];
      if (kind[k] == LOWER) {
        boundState[r] = -1;
        x[r] = rhs[k]; // active: on the bound exactly (the recomputation leaves ~1e-17 off it)
      } else if (kind[k] == UPPER) {
        boundState[r] = 1;
        x[r] = -rhs[k];
      } else if (kind[k] == INEQ) {
        rowActive[r] = true;
      }
      switch (kind[k]) {
        case EQ:
          // Qx + c = u * sign * a  =>  lambda = -sign * u
          lambda[r] = -sign[k] * u[i];
          break;
        case INEQ:
          mu[r] = u[i];
          break;
        case LOWER:
          nuLo[r] = u[i];
          break;
        default:
          nuHi[r] = u[i];
          break;
      }
    }
    double obj = 0;
    for (int i = 0; i < n; i++) {
      double qx = 0;
      for (int j = 0; j < n; j++) {
        qx += q[Math.max(i, j)][Math.min(i, j)] * x[j];
      }
      obj += x[i] * (0.5 * qx + c[i]);
    }
    return new Solution(x, obj, lambda, mu, nuLo, nuHi, iterations, boundState, rowActive);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm2(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
