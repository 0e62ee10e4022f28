package io.github.quantfolio.risk.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * Dense linear solves through EJML (LU with partial pivoting), for other modules too. A matrix
 * whose smallest LU pivot is below {@link #SINGULAR} times its largest counts as singular: the
 * solve would be dominated by rounding. (EJML's own {@code quality()} is a product over all
 * pivots, which underflows for large well-conditioned matrices.)
 */
public final class LinearSolve {

  /** Pivot ratio below which a matrix is treated as singular. */
  public static final double SINGULAR = 1e-13;

  private LinearSolve() {
  }

  /**
   * Solves {@code A X = B} for square {@code A} (row-major {@code a[row][col]}); B is
   * {@code [rows][cols]}. Inputs are not modified.
   *
   * @throws ArithmeticException if {@code A} is singular
   */
  public static double[][] solve(double[][] a, double[][] b) {
    DMatrixRMaj am = new DMatrixRMaj(a);
    DMatrixRMaj bm = new DMatrixRMaj(b);
    DMatrixRMaj x = new DMatrixRMaj(b.length, b[0].length);
    LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(lu);
    if (!solver.setA(am)) {
      throw new ArithmeticException("The " + a.length + " x " + a.length + " system is singular");
    }
    DMatrixRMaj factors = lu.getLU();
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(factors.get(i, i));
      max = Math.max(max, d);
      min = Math.min(min, d);
    }
    if (!(min > SINGULAR * max)) {
      throw new ArithmeticException("The " + a.length + " x " + a.length + " system is singular");
    }
    solver.solve(bm, x);
    double[][] out = new double[x.numRows][x.numCols];
    for (int i = 0; i < x.numRows; i++) {
      for (int j = 0; j < x.numCols; j++) {
        out[i][j] = x.get(i, j);
        if (!Double.isFinite(out[i][j])) {
          throw new ArithmeticException("The " + a.length + " x " + a.length + " system is singular");
        }
      }
    }
    return out;
  }

  /** Solves {@code A x = b}; see {@link #solve(double[][], double[][])}. */
  public static double[] solve(double[][] a, double[] b) {
    double[][] col = new double[b.length][1];
    for (int i = 0; i < b.length; i++) {
      col[i][0] = b[i];
    }
    double[][] x = solve(a, col);
    double[] out = new double[b.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i][0];
    }
    return out;
  }
}
