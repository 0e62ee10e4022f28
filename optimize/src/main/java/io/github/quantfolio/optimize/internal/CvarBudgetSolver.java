package io.github.quantfolio.optimize.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Risk budgeting on CVaR (Mausser and Romanko 2014, "Computing equal risk contribution portfolios",
 * IBM J. Res. Dev. 58(4)): with scenario returns {@code r_t} (T rows), confidence {@code beta} and
 * budgets {@code b > 0} summing to 1, solve the convex problem
 *
 * <pre>
 *   minimise  CVaR(y) - sum_i b_i ln y_i  over y &gt; 0,
 *   CVaR(y) = min_alpha  alpha + c sum_t max(-r_t'y - alpha, 0),  c = 1 / ((1 - beta) T).
 * </pre>
 *
 * At its optimum some subgradient {@code g} of CVaR has {@code y_i g_i = b_i}; CVaR being
 * homogeneous, {@code w = y / 1'y} then has Euler contributions {@code w_i g_i / CVaR(w) = b_i}.
 * The subgradient is {@code g = -sum_t q_t r_t} for tail probabilities {@code q} that attain the
 * CVaR ({@code 0 <= q_t <= c}, {@code sum q_t = 1}).
 *
 * <p>Two stages. A log-barrier interior-point method on the linear-program form (variables
 * {@code y, alpha, u}; the {@code u} block is diagonal and eliminated, leaving a system of size
 * {@code n + 1}) reaches a duality gap of about 1e-6 and tells, through its dual estimates,
 * which scenarios are in the tail ({@code q_t = c}), out of it ({@code q_t = 0}) or at the VaR
 * (in between). Then Newton's method on the optimality equations of that structure
 * ({@code y_i g_i = b_i}, each VaR scenario's loss equal to {@code alpha}, the tail mass equal
 * to 1) solves them to rounding; the structure is checked (tail losses above the VaR, the others
 * below, VaR weights within their bounds) and corrected until it holds.
 */
public final class CvarBudgetSolver {

  /**
   * The solution: {@code y} (not normalised), the VaR {@code alpha} of {@code y}, and the tail
   * probabilities {@code q} that attain {@code CVaR(y)} and give the contributions.
   *
   * @param y the optimal {@code y > 0}
   * @param alpha the VaR of {@code y}'s losses
   * @param q tail probabilities, {@code 0 <= q_t <= c}, summing to 1
   */
  public record Solution(double[] y, double alpha, double[] q) {
  }

  /** Thrown when a long-only portfolio's CVaR is not positive (the problem is unbounded). */
  public static final class Unbounded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unbounded(String message) {
      super(message);
    }
  }

  private final double[][] r; // [t][i]
  private final int T;
  private final int n;
  private final double[] b;
  private final double c;
  private final double mass; // (1 - beta) T: the tail's size in scenarios

  private CvarBudgetSolver(double[][] r, double beta, double[] b) {
    this.r = r;
    this.T = r.length;
    this.n = b.length;
    this.b = b;
    this.mass = (1 - beta) * T;
    this.c = 1 / mass;
  }

  /**
   * Solves the problem of the class comment.
   *
   * @param r scenario returns {@code [t][i]}, finite
   * @param beta confidence in (0, 1)
   * @param b budgets, positive, summing to 1
   * @return the solution
   * @throws Unbounded if y grows without limit (a long-only portfolio has CVaR &lt;= 0)
   * @throws ArithmeticException if the structure cannot be settled (not expected)
   */
  public static Solution solve(double[][] r, double beta, double[] b) {
    return new CvarBudgetSolver(r, beta, b).run();
  }

  private Solution run() {
    // start where CVaR(y) = 1 on the budgets' mix
    double[] y = b.clone();
    double scale = cvar(y);
    if (!(scale > 0)) {
      throw new Unbounded("the budget-weighted portfolio has CVaR " + scale + " <= 0");
    }
    for (int i = 0; i < n; i++) {
      y[i] /= scale;
    }
    double[] loss = losses(y);
    double alpha = quantile(loss);
    double[] u = new double[T];
    for (int t = 0; t < T; t++) {
      u[t] = Math.max(0, loss[t] - alpha) + 1;
    }
    double tBarrier = T;
    double start = sum(y);
    for (int outer = 0; outer < 40; outer++) {
      alpha = center(y, alpha, u, tBarrier, start);
      // the polish is cheap and certifies itself: try it once the gap is small
      if (2 * T / tBarrier < 1e-6) {
        Solution s = polish(y, alpha, u, tBarrier);
        if (s != null) {
          return s;
        }
      }
      tBarrier *= 10;
    }
    throw new ArithmeticException("CVaR risk budgeting: the structure of the tail did not settle");
  }

  // ------------------------------------------------------------------ interior point

  /** Newton's method on the barrier problem at {@code tb}; updates y and u, returns alpha. */
  private double center(double[] y, double alpha, double[] u, double tb, double start) {
    double[] gy = new double[n];
    double[][] h = new double[n + 1][n + 1];
    double[] rhs = new double[n + 1];
    double[] gu = new double[T];
    double[] s = new double[T];
    double[] dy = new double[n];
    double[] du = new double[T];
    for (int it = 0; it < 200; it++) {
      slacks(y, alpha, u, s);
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
      for (int i = 0; i < n; i++) {
        gy[i] = -tb * b[i] / y[i];
        h[i][i] = tb * b[i] / (y[i] * y[i]);
      }
      double ga = tb;
      // reduced gradient and Hessian after eliminating u
      double[] gz = new double[n + 1];
      for (int t = 0; t < T; t++) {
        double st = s[t];
        double ut = u[t];
        double inv = 1 / st;
        gu[t] = tb * c - inv - 1 / ut;
        double[] rt = r[t];
        for (int i = 0; i < n; i++) {
          gy[i] -= rt[i] * inv;
        }
        ga -= inv;
        double w = 1 / (st * st + ut * ut);
        double k = ut * ut / (st * st + ut * ut) * gu[t]; // (e/d) g_u
        for (int i = 0; i < n; i++) {
          double wi = w * rt[i];
          double[] hi = h[i];
          for (int j = 0; j <= i; j++) {
            hi[j] += wi * rt[j];
          }
          h[n][i] += wi;
          gz[i] -= k * rt[i];
        }
        h[n][n] += w;
        gz[n] -= k;
      }
      for (int i = 0; i < n; i++) {
        gz[i] += gy[i];
        for (int j = 0; j < i; j++) {
          h[j][i] = h[i][j];
        }
        h[i][n] = h[n][i];
      }
      gz[n] += ga;
      for (int i = 0; i <= n; i++) {
        rhs[i] = -gz[i];
      }
      double[] dz = solveSpd(h, rhs);
      double da = dz[n];
      System.arraycopy(dz, 0, dy, 0, n);
      double decrement = 0;
      for (int i = 0; i < n; i++) {
        decrement -= gy[i] * dy[i];
      }
      decrement -= ga * da;
      for (int t = 0; t < T; t++) {
        double st = s[t];
        double ut = u[t];
        double e = 1 / (st * st);
        double d = e + 1 / (ut * ut);
        double[] rt = r[t];
        double az = da;
        for (int i = 0; i < n; i++) {
          az += rt[i] * dy[i];
        }
        du[t] = -(gu[t] + e * az) / d;
        decrement -= gu[t] * du[t];
      }
      if (decrement / 2 < 1e-6) {
        return alpha;
      }
      // the largest step that keeps y, u and s positive, then backtracking on the barrier value
      double step = 1;
      for (int i = 0; i < n; i++) {
        if (dy[i] < 0) {
          step = Math.min(step, -0.99 * y[i] / dy[i]);
        }
      }
      for (int t = 0; t < T; t++) {
        if (du[t] < 0) {
          step = Math.min(step, -0.99 * u[t] / du[t]);
        }
        double ds = du[t] + da;
        for (int i = 0; i < n; i++) {
          ds += r[t][i] * dy[i];
        }
        if (ds < 0) {
          step = Math.min(step, -0.99 * s[t] / ds);
        }
      }
      double f0 = barrier(y, alpha, u, tb);
      double[] y1 = new double[n];
      double[] u1 = new double[T];
      while (true) {
        for (int i = 0; i < n; i++) {
          y1[i] = y[i] + step * dy[i];
        }
        for (int t = 0; t < T; t++) {
          u1[t] = u[t] + step * du[t];
        }
        double f1 = barrier(y1, alpha + step * da, u1, tb);
        if (f1 <= f0 - 0.25 * step * decrement || step < 1e-12) {
          break;
        }
        step *= 0.5;
      }
      if (step < 1e-10) {
        return alpha; // rounding stalls the line search: as centred as this precision allows
      }
      System.arraycopy(y1, 0, y, 0, n);
      System.arraycopy(u1, 0, u, 0, T);
      alpha += step * da;
      if (sum(y) > 1e12 * start) {
        throw new Unbounded("y grows without limit");
      }
    }
    return alpha;
  }

  private void slacks(double[] y, double alpha, double[] u, double[] s) {
    for (int t = 0; t < T; t++) {
      double v = u[t] + alpha;
      double[] rt = r[t];
      for (int i = 0; i < n; i++) {
        v += rt[i] * y[i];
      }
      s[t] = v;
    }
  }

  /** The barrier objective, +infinity outside the domain. */
  private double barrier(double[] y, double alpha, double[] u, double tb) {
    double f = tb * alpha;
    for (int i = 0; i < n; i++) {
      if (!(y[i] > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      f -= tb * b[i] * Math.log(y[i]);
    }
    for (int t = 0; t < T; t++) {
      double v = u[t] + alpha;
      for (int i = 0; i < n; i++) {
        v += r[t][i] * y[i];
      }
      if (!(v > 0) || !(u[t] > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      f += tb * c * u[t] - Math.log(v) - Math.log(u[t]);
    }
    return f;
  }

  /** Cholesky with symmetric diagonal scaling (the barrier's curvatures span many decades). */
  private static double[] solveSpd(double[][] h, double[] rhs) {
    int m = rhs.length;
    double[] d = new double[m];
    for (int i = 0; i < m; i++) {
      d[i] = 1 / Math.sqrt(h[i][i]);
    }
    double[][] l = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double v = h[i][j] * d[i] * d[j];
        for (int k = 0; k < j; k++) {
          v -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(v > 0)) {
            v = 1e-300; // semidefinite to rounding: a tiny pivot keeps the direction finite
          }
          l[i][i] = Math.sqrt(v);
        } else {
          l[i][j] = v / l[j][j];
        }
      }
    }
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      double v = rhs[i] * d[i];
      for (int k = 0; k < i; k++) {
        v -= l[i][k] * x[k];
      }
      x[i] = v / l[i][i];
    }
    for (int i = m - 1; i >= 0; i--) {
      double v = x[i];
      for (int k = i + 1; k < m; k++) {
        v -= l[k][i] * x[k];
      }
      x[i] = v / l[i][i];
    }
    for (int i = 0; i < m; i++) {
      x[i] *= d[i];
    }
    return x;
  }

  // ------------------------------------------------------------------ polish

  /**
   * Newton's method on the optimality equations of the structure the barrier's dual estimates
   * show; null if the structure does not settle (the caller tightens the barrier).
   */
  private Solution polish(double[] y0, double alpha0, double[] u, double tb) {
    double[] s = new double[T];
    slacks(y0, alpha0, u, s);
    int[] state = new int[T]; // +1 tail, 0 VaR, -1 out
    for (int t = 0; t < T; t++) {
      double theta = 1 / (tb * s[t]) / c;
      state[t] = theta > 1 - 1e-3 ? 1 : theta < 1e-3 ? -1 : 0;
    }
    double[] loss = losses(y0);
    for (int attempt = 0; attempt < 20; attempt++) {
      balance(state, loss);
      Solution sol = solveStructure(y0.clone(), alpha0, state);
      if (sol == null) {
        return null;
      }
      if (settle(sol, state)) {
        return sol;
      }
      loss = losses(sol.y());
    }
    return null;
  }

  /**
   * Makes the structure able to hold the tail's mass: the VaR scenarios must carry
   * {@code mass - tail} scenarios' worth of weight, between 0 and their number. A mass a hair
   * above an integer leaves the VaR scenario a weight too small for the dual estimates to tell
   * from zero; the scenarios nearest the VaR (by loss) then join the VaR set.
   */
  private void balance(int[] state, double[] loss) {
    int tail = 0;
    int var = 0;
    for (int st : state) {
      tail += st == 1 ? 1 : 0;
      var += st == 0 ? 1 : 0;
    }
    double slack = 1e-9 * mass;
    while (mass - tail - var > slack) { // too little room: the worst scenario out of the tail
      int worst = -1;
      for (int t = 0; t < T; t++) {
        if (state[t] == -1 && (worst < 0 || loss[t] > loss[worst])) {
          worst = t;
        }
      }
      state[worst] = 0;
      var++;
    }
    while (mass - tail < -slack) { // too much in the tail: its mildest scenario to the VaR
      int mildest = -1;
      for (int t = 0; t < T; t++) {
        if (state[t] == 1 && (mildest < 0 || loss[t] < loss[mildest])) {
          mildest = t;
        }
      }
      state[mildest] = 0;
      tail--;
    }
  }

  /**
   * Moves scenarios whose loss contradicts their state to the VaR set, and VaR scenarios whose
   * weight left [0, 1] to the tail or out; true if nothing had to move.
   */
  private boolean settle(Solution sol, int[] state) {
    double[] loss = losses(sol.y());
    double a = sol.alpha();
    double tol = 1e-13 * (Math.abs(a) + maxAbs(loss));
    boolean ok = true;
    for (int t = 0; t < T; t++) {
      double theta = sol.q()[t] / c;
      if (state[t] == 1 && loss[t] < a - tol || state[t] == -1 && loss[t] > a + tol) {
        state[t] = 0;
        ok = false;
      } else if (state[t] == 0 && theta < -1e-12) {
        state[t] = -1;
        ok = false;
      } else if (state[t] == 0 && theta > 1 + 1e-12) {
        state[t] = 1;
        ok = false;
      }
    }
    if (ok) {
      // rounding may leave a VaR weight a hair outside [0, c]
      for (int t = 0; t < T; t++) {
        sol.q()[t] = Math.min(c, Math.max(0, sol.q()[t]));
      }
    }
    return ok;
  }

  /**
   * Solves {@code y_i g_i = b_i}, {@code -r_k'y = alpha} for VaR groups and {@code sum q = 1}
   * for the given structure; VaR scenarios with identical rows form one group sharing its
   * weight. Null if the Jacobian is singular or Newton stalls.
   */
  private Solution solveStructure(double[] y, double alpha, int[] state) {
    double[] tailSum = new double[n];
    int tail = 0;
    List<int[]> groups = new ArrayList<>();
    for (int t = 0; t < T; t++) {
      if (state[t] == 1) {
        tail++;
        for (int i = 0; i < n; i++) {
          tailSum[i] += r[t][i];
        }
      } else if (state[t] == 0) {
        boolean placed = false;
        for (int g = 0; g < groups.size() && !placed; g++) {
          int[] grp = groups.get(g);
          if (Arrays.equals(r[grp[0]], r[t])) {
            int[] bigger = Arrays.copyOf(grp, grp.length + 1);
            bigger[grp.length] = t;
            groups.set(g, bigger);
            placed = true;
          }
        }
        if (!placed) {
          groups.add(new int[] {t});
        }
      }
    }
    int k = groups.size();
    double free = mass - tail; // scenarios' worth of tail weight the VaR groups share
    double[] theta = new double[k];
    if (k == 0) {
      if (Math.abs(free) > 1e-9 * mass) {
        return null;
      }
    } else {
      for (int g = 0; g < k; g++) {
        theta[g] = free / k;
      }
    }
    int size = n + (k == 0 ? 0 : 1 + k);
    double prev = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 60; it++) {
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        double v = tailSum[i];
        for (int j = 0; j < k; j++) {
          v += theta[j] * r[groups.get(j)[0]][i];
        }
        g[i] = -c * v;
      }
      // residuals, each relative to its scale: budgets sum to 1, losses to |alpha| + |y|
      double[] f = new double[size];
      double norm = 0;
      for (int i = 0; i < n; i++) {
        f[i] = y[i] * g[i] - b[i];
        norm = Math.max(norm, Math.abs(f[i]));
      }
      double lossScale = Math.abs(alpha) + maxAbs(losses(y));
      for (int j = 0; j < k; j++) {
        double v = alpha;
        double[] rk = r[groups.get(j)[0]];
        for (int i = 0; i < n; i++) {
          v += rk[i] * y[i];
        }
        f[n + j] = v;
        norm = Math.max(norm, Math.abs(v) / lossScale);
      }
      if (k > 0) {
        double v = -free;
        for (double th : theta) {
          v += th;
        }
        f[n + k] = v;
        norm = Math.max(norm, Math.abs(v) / mass);
      }
      if (norm < 1e-16 || it > 0 && norm >= prev && norm < 1e-12) {
        break;
      }
      prev = norm;
      double[][] jac = new double[size][size];
      for (int i = 0; i < n; i++) {
        jac[i][i] = g[i];
        for (int j = 0; j < k; j++) {
          jac[i][n + 1 + j] = -c * y[i] * r[groups.get(j)[0]][i];
        }
      }
      for (int j = 0; j < k; j++) {
        double[] rk = r[groups.get(j)[0]];
        for (int i = 0; i < n; i++) {
          jac[n + j][i] = rk[i];
        }
        jac[n + j][n] = 1;
      }
      if (k > 0) {
        for (int j = 0; j < k; j++) {
          jac[n + k][n + 1 + j] = 1;
        }
      }
      double[] step;
      try {
        if (k == 0) {
          // g does not depend on y: y_i = b_i / g_i directly
          for (int i = 0; i < n; i++) {
            if (!(g[i] > 0)) {
              return null;
            }
            y[i] = b[i] / g[i];
          }
          continue;
        }
        double[] neg = new double[size];
        for (int i = 0; i < size; i++) {
          neg[i] = -f[i];
        }
        step = Linear.solve(jac, neg);
      } catch (ArithmeticException singular) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        y[i] += step[i];
        if (!(y[i] > 0)) {
          return null;
        }
      }
      alpha += step[n];
      for (int j = 0; j < k; j++) {
        theta[j] += step[n + 1 + j];
      }
    }
    double[] q = new double[T];
    for (int t = 0; t < T; t++) {
      q[t] = state[t] == 1 ? c : 0;
    }
    for (int j = 0; j < k; j++) {
      int[] grp = groups.get(j);
      for (int t : grp) {
        q[t] = c * theta[j] / grp.length;
      }
    }
    if (k == 0) {
      // any alpha between the out and the tail losses; report the smallest tail loss
      double[] loss = losses(y);
      double a = Double.POSITIVE_INFINITY;
      for (int t = 0; t < T; t++) {
        if (state[t] == 1) {
          a = Math.min(a, loss[t]);
        }
      }
      alpha = a;
    }
    return new Solution(y, alpha, q);
  }

  // ------------------------------------------------------------------ helpers

  private double[] losses(double[] y) {
    double[] loss = new double[T];
    for (int t = 0; t < T; t++) {
      double v = 0;
      for (int i = 0; i < n; i++) {
        v += r[t][i] * y[i];
      }
      loss[t] = -v;
    }
    return loss;
  }

  /** The beta-quantile of the losses (the ceil(T - mass)-th smallest). */
  private double quantile(double[] loss) {
    double[] sorted = loss.clone();
    Arrays.sort(sorted);
    int k = (int) Math.ceil(T - mass) - 1;
    return sorted[Math.max(0, Math.min(T - 1, k))];
  }

  /** CVaR of y by the Rockafellar-Uryasev formula at the quantile. */
  private double cvar(double[] y) {
    double[] loss = losses(y);
    double a = quantile(loss);
    double tail = 0;
    for (double l : loss) {
      tail += Math.max(l - a, 0);
    }
    return a + c * tail;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
