package io.github.quantfolio.optimize.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The small optimisation kernels on hand-worked cases: the LP adapter (bounds, equality and
 * inequality rows, integers, infeasibility), the Cholesky screen and dense linear algebra
 * against plain loops.
 */
class SmallKernelsTest {

  static final double INF = Double.POSITIVE_INFINITY;

  static int rows;

  /** A dense row with a name of its own. */
  static LinearProgram.Row row(double rhs, double... values) {
    return named("row " + rows++, rhs, values);
  }

  static LinearProgram.Row named(String name, double rhs, double... values) {
    int[] idx = new int[values.length];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = k;
    }
    return new LinearProgram.Row(idx, values, rhs, name);
  }

  @Test
  void linearProgramsByHand() {
    // min -x - 2y s.t. x + y <= 4, 0 <= x, 0 <= y <= 3: y at its bound 3, then x = 1; value -7.
    double[] x = LinearProgram.minimise(new double[] {-1, -2}, List.of(), List.of(row(4, 1, 1)),
        new double[] {0, 0}, new double[] {INF, 3});
    assertArrayEquals(new double[] {1, 3}, x, 1e-9);
    // with the equality y - x = 1 as well: y = x + 1 and x + y <= 4 give x = 1.5, y = 2.5.
    x = LinearProgram.minimise(new double[] {-1, -2}, List.of(row(1, -1, 1)),
        List.of(row(4, 1, 1)), new double[] {0, 0}, new double[] {INF, 3});
    assertArrayEquals(new double[] {1.5, 2.5}, x, 1e-9);
    // a free variable (no lower bound): min x s.t. -x <= 2 -> x = -2
    x = LinearProgram.minimise(new double[] {1}, List.of(), List.of(row(2, -1)),
        new double[] {Double.NEGATIVE_INFINITY}, new double[] {INF});
    assertArrayEquals(new double[] {-2}, x, 1e-9);
    // the LP relaxation of max x + y s.t. 2x + 2y <= 5: 2.5 (whole shares are searched by
    // optimize's own WholeShareSearch, not by this adapter)
    double[] relaxed = LinearProgram.minimise(new double[] {-1, -1}, List.of(),
        List.of(row(5, 2, 2)), new double[] {0, 0}, new double[] {INF, INF});
    assertEquals(2.5, relaxed[0] + relaxed[1], 1e-9);
  }

  @Test
  void rowsThatShareANameAreStillSeparateConstraints() {
    // The names are labels for messages; two rows named alike must both hold (ojAlgo keys its
    // expressions by name, so the adapter must not pass the labels through as keys).
    double[] x = LinearProgram.minimise(new double[] {-1, -2}, List.of(named("limit", 1, -1, 1)),
        List.of(named("limit", 4, 1, 1)), new double[] {0, 0}, new double[] {INF, 3});
    assertArrayEquals(new double[] {1.5, 2.5}, x, 1e-9);
    x = LinearProgram.minimise(new double[] {-1, -1}, List.of(),
        List.of(named("cap", 3, 1, 0), named("cap", 2, 0, 1)), new double[] {0, 0},
        new double[] {INF, INF});
    assertArrayEquals(new double[] {3, 2}, x, 1e-9);
  }

  @Test
  void anInfeasibleLinearProgramSaysSo() {
    QpException e = assertThrows(QpException.class, () -> LinearProgram.minimise(
        new double[] {1, 1}, List.of(), List.of(row(-1, 1, 1)), new double[] {0, 0},
        new double[] {INF, INF}));
    assertEquals(QpException.Kind.INFEASIBLE, e.kind());
    assertTrue(e.getMessage().startsWith("Linear program not solved: solver state "),
        e.getMessage());
  }

  @Test
  void choleskyScreen() {
    assertTrue(Psd.choleskySucceeds(new double[][] {{4, 2}, {2, 3}}));
    // pivots 1 and 2e-14: above 1e-14 x the largest diagonal entry, so accepted
    assertTrue(Psd.choleskySucceeds(new double[][] {{1, 0}, {0, 2e-14}}));
    assertFalse(Psd.choleskySucceeds(new double[][] {{1, 0}, {0, 1e-14}}), "pivot at the floor");
    // the floor is relative to the largest diagonal entry: 3e-14 < 1e-14 x 4
    assertFalse(Psd.choleskySucceeds(new double[][] {{4, 0}, {0, 3e-14}}), "relative floor");
    assertTrue(Psd.choleskySucceeds(new double[][] {{0.25, 0}, {0, 3e-15}}), "relative floor");
    assertFalse(Psd.choleskySucceeds(new double[][] {{1, 1}, {1, 1}}), "singular");
    assertFalse(Psd.choleskySucceeds(new double[][] {{1, 2}, {2, 1}}), "indefinite");
    assertFalse(Psd.choleskySucceeds(new double[][] {{0, 0}, {0, 0}}), "zero");
    assertFalse(Psd.choleskySucceeds(new double[][] {{-1, 0}, {0, -2}}), "negative diagonal");
    // 3 x 3: [[4, 2, 2], [2, 5, 3], [2, 3, 6]] = L L' with L = [[2], [1, 2], [1, 1, 2]]
    assertTrue(Psd.choleskySucceeds(new double[][] {{4, 2, 2}, {2, 5, 3}, {2, 3, 6}}));
    // the same with the last pivot 4 - 4 = 0: [[4, 2, 2], [2, 5, 3], [2, 3, 2]]
    assertFalse(Psd.choleskySucceeds(new double[][] {{4, 2, 2}, {2, 5, 3}, {2, 3, 2}}));
  }

  @Test
  void denseAlgebraAgainstPlainLoops() {
    Random r = new Random(2);
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 9}) {
      double[] a = new double[n];
      double[] b = new double[n];
      double s = 0;
      for (int k = 0; k < n; k++) {
        a[k] = r.nextGaussian();
        b[k] = r.nextGaussian();
        s += a[k] * b[k];
      }
      assertEquals(s, Linear.dot(a, b, n), 1e-14 * n, "dot " + n);
      assertEquals(s - a[n - 1] * b[n - 1], Linear.dot(a, b, n - 1), 1e-14 * n, "prefix " + n);
    }
    double[][] m = {{1, 2, 0}, {0, 1, 4}};
    double[][] k = {{1, 0}, {2, 1}, {0, 3}};
    assertArrayEquals(new double[][] {{5, 2}, {2, 13}}, Linear.multiply(m, k));
    assertArrayEquals(new double[] {5, 9}, Linear.multiply(m, new double[] {1, 2, 1.75}), 0);
    assertArrayEquals(new double[][] {{1, 0}, {2, 1}, {0, 4}}, Linear.transpose(m));
    // [[0, 2], [1, 1]] x = (4, 3): pivoting needed (zero first pivot); x = (1, 2)
    assertArrayEquals(new double[] {1, 2}, Linear.solve(new double[][] {{0, 2}, {1, 1}},
        new double[] {4, 3}), 1e-15);
    // 3 x 3 with two right-hand sides: A = [[2, 1, 1], [4, 3, 3], [8, 7, 9]], X = [[1, 0], [1, 1],
    // [1, -1]] -> B = A X
    double[][] a3 = {{2, 1, 1}, {4, 3, 3}, {8, 7, 9}};
    double[][] x3 = {{1, 0}, {1, 1}, {1, -1}};
    double[][] got = Linear.solve(a3, Linear.multiply(a3, x3));
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(x3[i], got[i], 1e-13);
    }
    // singular relative to the largest entry: pivots 4 and 3e-14 < 1e-14 x 4
    assertThrows(ArithmeticException.class,
        () -> Linear.solve(new double[][] {{4, 0}, {0, 3e-14}}, new double[] {1, 1}));
    assertArrayEquals(new double[] {4, 2e14}, Linear.solve(new double[][] {{0.25, 0}, {0, 5e-15}},
        new double[] {1, 1}), 1e-3);
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> Linear.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
    assertTrue(e.getMessage().startsWith("Matrix is singular (pivot "), e.getMessage());
  }
}
