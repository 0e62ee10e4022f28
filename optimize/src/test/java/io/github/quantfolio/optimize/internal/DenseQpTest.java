package io.github.quantfolio.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.optimize.Tolerance;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Hand-solvable cases (solutions derived on paper in the comments) and random KKT checks. */
class DenseQpTest {

  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void unconstrainedMinimumIsMinusQInverseC() {
    // Q = [[2, 0], [0, 4]], c = [-2, -8]: x = (1, 2), objective = 1/2 (2 + 16) - (2 + 16) = -9.
    double[][] q = {{2, 0}, {0, 4}};
    DenseQp.Solution s = DenseQp.solve(q, new double[] {-2, -8}, null, null, null, null, null, null,
        DenseQp.Names.NONE);
    Tolerance.assertClose(1, s.x()[0], Tolerance.CLOSED_FORM, "x0");
    Tolerance.assertClose(2, s.x()[1], Tolerance.CLOSED_FORM, "x1");
    Tolerance.assertClose(-9, s.objective(), Tolerance.CLOSED_FORM, "objective");
  }

  @Test
  void equalityConstrainedByLagrangian() {
    // min 1/2 (x0^2 + x1^2) s.t. x0 + x1 = 1: x = (1/2, 1/2), x + lambda (1, 1) = 0 => lambda = -1/2.
    double[][] q = {{1, 0}, {0, 1}};
    DenseQp.Solution s = DenseQp.solve(q, new double[2], new double[][] {{1, 1}}, new double[] {1},
        null, null, null, null, DenseQp.Names.NONE);
    Tolerance.assertClose(0.5, s.x()[0], Tolerance.CLOSED_FORM, "x0");
    Tolerance.assertClose(0.5, s.x()[1], Tolerance.CLOSED_FORM, "x1");
    Tolerance.assertClose(-0.5, s.lambda()[0], Tolerance.CLOSED_FORM, "lambda");
  }

  @Test
  void bindingBoxBound() {
    // min 1/2 ((x0 - 3)^2 + (x1 + 1)^2) with 0 <= x <= 2: x = (2, 0); gradient (-1, 1) gives
    // nuUpper0 = 1, nuLower1 = 1.
    double[][] q = {{1, 0}, {0, 1}};
    DenseQp.Solution s = DenseQp.solve(q, new double[] {-3, 1}, null, null, null, null,
        new double[] {0, 0}, new double[] {2, 2}, DenseQp.Names.NONE);
    assertEquals(2, s.x()[0], 1e-15);
    assertEquals(0, s.x()[1], 1e-15);
    Tolerance.assertClose(1, s.nuUpper()[0], Tolerance.CLOSED_FORM, "nuUpper0");
    Tolerance.assertClose(1, s.nuLower()[1], Tolerance.CLOSED_FORM, "nuLower1");
    assertEquals(0, s.nuLower()[0]);
    assertEquals(0, s.nuUpper()[1]);
  }

  @Test
  void generalInequalityWithDrop() {
    // min 1/2 |x - (2, 2)|^2 s.t. x0 + x1 <= 2, x0 - x1 <= 0 (the second is inactive at the
    // projection (1, 1), where mu = (1, 0)).
    double[][] q = {{1, 0}, {0, 1}};
    double[][] g = {{1, 1}, {1, -1}};
    double[] h = {2, 0};
    DenseQp.Solution s = DenseQp.solve(q, new double[] {-2, -2}, null, null, g, h, null, null,
        DenseQp.Names.NONE);
    Tolerance.assertClose(1, s.x()[0], Tolerance.CLOSED_FORM, "x0");
    Tolerance.assertClose(1, s.x()[1], Tolerance.CLOSED_FORM, "x1");
    Tolerance.assertClose(1, s.mu()[0], Tolerance.CLOSED_FORM, "mu0");
    assertEquals(0, s.mu()[1]);
  }

  @Test
  void infeasibleBoundsAndBudgetNameTheConstraints() {
    // x0 + x1 = 1 with x <= 0.3 each: at most 0.6.
    double[][] q = {{1, 0}, {0, 1}};
    QpException e = assertThrows(QpException.class, () -> DenseQp.solve(q, new double[2],
        new double[][] {{1, 1}}, new double[] {1}, null, null, null, new double[] {0.3, 0.3},
        new DenseQp.Names(new String[] {"budget"}, null, new String[] {"A", "B"})));
    assertEquals(QpException.Kind.INFEASIBLE, e.kind());
    assertTrue(e.getMessage().contains("budget") && e.getMessage().contains("upper bound of"),
        e.getMessage());
  }

  @Test
  void inconsistentEqualities() {
    double[][] q = {{1, 0}, {0, 1}};
    QpException e = assertThrows(QpException.class, () -> DenseQp.solve(q, new double[2],
        new double[][] {{1, 1}, {2, 2}}, new double[] {1, 3}, null, null, null, null,
        DenseQp.Names.NONE));
    assertEquals(QpException.Kind.INFEASIBLE, e.kind());
    assertTrue(e.getMessage().contains("equality 1"), e.getMessage());
  }

  @Test
  void redundantEqualityIsAccepted() {
    double[][] q = {{1, 0}, {0, 1}};
    DenseQp.Solution s = DenseQp.solve(q, new double[2], new double[][] {{1, 1}, {2, 2}},
        new double[] {1, 2}, null, null, null, null, DenseQp.Names.NONE);
    Tolerance.assertClose(0.5, s.x()[0], Tolerance.CLOSED_FORM, "x0");
  }

  @Test
  void notPositiveDefiniteIsReported() {
    double[][] q = {{1, 1}, {1, 1}};
    QpException e = assertThrows(QpException.class, () -> DenseQp.solve(q, new double[2], null,
        null, null, null, null, null, DenseQp.Names.NONE));
    assertEquals(QpException.Kind.NOT_POSITIVE_DEFINITE, e.kind());
  }

  /** Active inequalities and bounds seen by {@link #checkRandom}: the problems are not trivial. */
  static int activeSeen;

  /** A random feasible problem: a point x0 is drawn first and the constraints built around it. */
  static double checkRandom(long seed, int n, int me, int mi, boolean bounds) {
    return checkRandom(seed, n, me, mi, bounds, 0);
  }

  /** Primal-dual attempts that converged, in {@link #checkRandom} with mode 2. */
  static int primalDualSolved;

  /**
   * Mode 0: {@code DenseQp.solve} (primal-dual first, dual fallback); 1: the dual method alone;
   * 2: the primal-dual method alone when it converges (else mode 1), whose x must also agree with
   * the dual method's to 1e-9 relative (the optimum of a strictly convex QP is unique).
   */
  static double checkRandom(long seed, int n, int me, int mi, boolean bounds, int mode) {
    Random rnd = new Random(seed);
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = i == j ? 0.01 : 0;
        for (int k = 0; k < n; k++) {
          v += m[i][k] * m[j][k];
        }
        q[i][j] = v;
      }
    }
    double[] c = new double[n];
    double[] x0 = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = 5 * rnd.nextGaussian();
      x0[i] = rnd.nextGaussian();
    }
    me = Math.min(me, n);
    double[][] a = new double[me][n];
    double[] b = new double[me];
    for (int r = 0; r < me; r++) {
      for (int i = 0; i < n; i++) {
        a[r][i] = rnd.nextGaussian();
        b[r] += a[r][i] * x0[i];
      }
    }
    double[][] g = new double[mi][n];
    double[] h = new double[mi];
    for (int r = 0; r < mi; r++) {
      for (int i = 0; i < n; i++) {
        g[r][i] = rnd.nextGaussian();
        h[r] += g[r][i] * x0[i];
      }
      h[r] += rnd.nextBoolean() ? 0 : rnd.nextDouble();
    }
    double[] lo = null;
    double[] hi = null;
    if (bounds) {
      lo = new double[n];
      hi = new double[n];
      for (int i = 0; i < n; i++) {
        lo[i] = rnd.nextInt(5) == 0 ? -INF : x0[i] - rnd.nextDouble() * 0.5;
        hi[i] = rnd.nextInt(5) == 0 ? INF : x0[i] + rnd.nextDouble() * 0.5;
      }
    }
    DenseQp.Solution s;
    if (mode == 0) {
      s = DenseQp.solve(q, c, a, b, g, h, lo, hi, DenseQp.Names.NONE);
    } else {
      s = DenseQp.solveDual(q, c, a, b, g, h, lo, hi);
      if (mode == 2) {
        DenseQp.Solution p = PrimalDualActiveSet.trySolve(q, c, a, b, g, h, lo, hi, null, null);
        if (p != null) {
          primalDualSolved++;
          double xs = 1;
          for (int i = 0; i < n; i++) {
            xs = Math.max(xs, Math.abs(s.x()[i]));
          }
          for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(p.x()[i] - s.x()[i]) <= 1e-9 * xs,
                "x" + i + ": primal-dual " + p.x()[i] + " vs dual " + s.x()[i]);
          }
          s = p;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      // an active bound holds exactly (the dual method's final recomputation was off it by
      // rounding, ~1e-17, which callers then read as a tiny non-zero weight)
      if (s.boundState()[i] != 0) {
        assertEquals(s.boundState()[i] < 0 ? lo[i] : hi[i], s.x()[i], "x" + i + " on its bound");
      }
    }
    // the reported objective is 1/2 x'Qx + c'x of the returned x (computed here on the full Q)
    double obj = 0;
    double objScale = 1;
    for (int i = 0; i < n; i++) {
      double qx = 0;
      for (int j = 0; j < n; j++) {
        qx += q[i][j] * s.x()[j];
        objScale += Math.abs(s.x()[i] * q[i][j] * s.x()[j]);
      }
      obj += s.x()[i] * (0.5 * qx + c[i]);
      objScale += Math.abs(c[i] * s.x()[i]);
    }
    assertEquals(obj, s.objective(), 1e-12 * objScale, "objective");
    for (double v : s.mu()) {
      activeSeen += v > 0 ? 1 : 0;
    }
    for (int i = 0; i < n; i++) {
      activeSeen += s.nuLower()[i] > 0 || s.nuUpper()[i] > 0 ? 1 : 0;
    }
    return Kkt.residual(q, c, a, b, g, h, lo, hi, s);
  }

  @Property(tries = 300)
  void randomFeasibleProblemsSatisfyKkt(@ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll @IntRange(min = 0, max = 3) int me, @ForAll @IntRange(min = 0, max = 20) int mi,
      @ForAll boolean bounds) {
    double res = checkRandom(seed, n, me, mi, bounds);
    assertTrue(res <= Tolerance.KKT, "KKT residual " + res);
  }

  @Property(tries = 300)
  void dualMethodAloneSatisfiesKkt(@ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll @IntRange(min = 0, max = 3) int me, @ForAll @IntRange(min = 0, max = 20) int mi,
      @ForAll boolean bounds) {
    double res = checkRandom(seed, n, me, mi, bounds, 1);
    assertTrue(res <= Tolerance.KKT, "KKT residual " + res);
  }

  @Test
  void primalDualMethodAgreesWithTheDualMethod() {
    // bound-dominated problems like the portfolio ones (few rows, many bounds), and general ones
    primalDualSolved = 0;
    for (int seed = 0; seed < 200; seed++) {
      int n = 2 + seed % 40;
      double res = checkRandom(seed, n, 1 + seed % 2, seed % 4, true, 2);
      assertTrue(res <= Tolerance.KKT, "seed " + seed + ": KKT residual " + res);
    }
    // The seeds are fixed: 163 of the 200 converge today. A failed primal-dual attempt is
    // invisible in the results (the dual method takes over), so this count is what notices a
    // primal-dual step that went wrong (most of its mutants survived a bar of 100).
    assertTrue(primalDualSolved >= 155, "primal-dual converged in only " + primalDualSolved
        + " of 200 problems");
  }

  @Test
  void primalDualMethodSolvesAVertexFixedByBoundsAndOneRow() {
    // Lower bounds 0.3, 0.3, 0.4 sum to the budget 1: the only feasible point is x = lo (by
    // hand), a vertex where every variable is on a bound and the budget row is also active.
    double[][] q = {{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 3}};
    double[] c = {-1, 0.5, -2};
    double[][] a = {{1, 1, 1}};
    double[] b = {1};
    double[] lo = {0.3, 0.3, 0.4};
    double[] hi = {1, 1, 1};
    DenseQp.Solution p = PrimalDualActiveSet.trySolve(q, c, a, b, null, null, lo, hi,
        new int[] {-1, -1, -1}, new boolean[0]);
    assertTrue(p != null, "the primal-dual method should handle the vertex");
    for (int i = 0; i < 3; i++) {
      assertEquals(lo[i], p.x()[i], 1e-15);
    }
    double res = Kkt.residual(q, c, a, b, null, null, lo, hi, p);
    assertTrue(res <= Tolerance.KKT, "KKT residual " + res);
    // from a guess that misses the row (everything at the upper bound), it releases bounds
    DenseQp.Solution p2 = PrimalDualActiveSet.trySolve(q, c, a, b, null, null, lo, hi,
        new int[] {1, 1, 1}, new boolean[0]);
    assertTrue(p2 != null);
    assertTrue(Kkt.residual(q, c, a, b, null, null, lo, hi, p2) <= Tolerance.KKT);
  }

  @Test
  void degenerateVertexFixedByEqualitiesIsNotReportedInfeasible() {
    // Found by jqwik: three equalities fix x = x0 and several inequalities are active at x0 with
    // zero slack; rounding in solving the equalities put x just outside one of them, which is
    // dependent on the equalities. It must be set aside as degenerate, not called infeasible.
    double res = checkRandom(26, 3, 3, 6, true);
    assertTrue(res <= Tolerance.KKT, "KKT residual " + res);
  }

  @Test
  void largerRandomProblemsSatisfyKkt() {
    activeSeen = 0;
    for (int seed = 0; seed < 5; seed++) {
      double res = checkRandom(seed, 60, 2, 40, true);
      assertTrue(res <= Tolerance.KKT, "seed " + seed + ": KKT residual " + res);
    }
    assertTrue(activeSeen >= 20, "only " + activeSeen + " active inequalities in 5 problems");
  }

  @Test
  void infeasibleInequalityAgainstBoundsIsReported() {
    // x0 + x1 >= 3 (as -x0 - x1 <= -3) with 0 <= x <= 1.
    double[][] q = {{1, 0}, {0, 1}};
    QpException e = assertThrows(QpException.class, () -> DenseQp.solve(q, new double[2], null,
        null, new double[][] {{-1, -1}}, new double[] {-3}, new double[] {0, 0},
        new double[] {1, 1}, new DenseQp.Names(null, new String[] {"floor"}, null)));
    assertEquals(QpException.Kind.INFEASIBLE, e.kind());
    assertTrue(e.getMessage().contains("floor"), e.getMessage());
  }

  /**
   * Degenerate but feasible problems: duplicated inequality rows, a redundant equality (a
   * combination of two others), fixed variables (lo == hi) and inequalities active at x0.
   */
  @Property(tries = 200)
  void degenerateFeasibleProblemsSatisfyKkt(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n) {
    Random rnd = new Random(seed);
    double[][] q = new double[n][n];
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = i == j ? 0.05 : 0;
        for (int k = 0; k < n; k++) {
          v += m[i][k] * m[j][k];
        }
        q[i][j] = v;
      }
    }
    double[] x0 = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      x0[i] = rnd.nextGaussian();
      c[i] = 3 * rnd.nextGaussian();
    }
    int me = n >= 3 ? 2 : 1;
    double[][] a = new double[me + 1][n];
    double[] b = new double[me + 1];
    for (int r = 0; r < me; r++) {
      for (int i = 0; i < n; i++) {
        a[r][i] = rnd.nextGaussian();
        b[r] += a[r][i] * x0[i];
      }
    }
    for (int i = 0; i < n; i++) { // redundant: sum of the first rows
      for (int r = 0; r < me; r++) {
        a[me][i] += a[r][i];
      }
    }
    for (int r = 0; r < me; r++) {
      b[me] += b[r];
    }
    int mi = 6;
    double[][] g = new double[2 * mi][n];
    double[] h = new double[2 * mi];
    for (int r = 0; r < mi; r++) {
      for (int i = 0; i < n; i++) {
        g[r][i] = rnd.nextGaussian();
        h[r] += g[r][i] * x0[i];
      }
      h[r] += rnd.nextBoolean() ? 0 : 0.3 * rnd.nextDouble();
      g[mi + r] = g[r].clone(); // duplicate
      h[mi + r] = h[r];
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      boolean fixed = rnd.nextInt(4) == 0;
      lo[i] = fixed ? x0[i] : x0[i] - rnd.nextDouble();
      hi[i] = fixed ? x0[i] : x0[i] + rnd.nextDouble();
    }
    DenseQp.Solution sol = DenseQp.solve(q, c, a, b, g, h, lo, hi, DenseQp.Names.NONE);
    double res = Kkt.residual(q, c, a, b, g, h, lo, hi, sol);
    assertTrue(res <= Tolerance.KKT, "KKT residual " + res);
  }
}
