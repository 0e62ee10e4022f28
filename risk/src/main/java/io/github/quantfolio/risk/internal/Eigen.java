package io.github.quantfolio.risk.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Symmetric eigen-decomposition through EJML; the only place the risk module touches EJML. */
public final class Eigen {

  /** Eigenvalues (ascending) and eigenvectors ({@code vectors[k]} belongs to {@code values[k]}). */
  public record Result(double[] values, double[][] vectors) {
  }

  private Eigen() {
  }

  /**
   * Decomposes a symmetric matrix (only symmetry within rounding is assumed; the input is not
   * modified).
   *
   * @throws ArithmeticException if EJML's QR iteration does not converge
   */
  public static Result symmetric(double[][] a) {
    int n = a.length;
    DMatrixRMaj m = new DMatrixRMaj(a);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(m)) {
      throw new ArithmeticException("Eigen-decomposition of a " + n + " x " + n
          + " symmetric matrix did not converge");
    }
    Integer[] order = new Integer[n];
    double[] raw = new double[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
      raw[k] = eig.getEigenvalue(k).getReal();
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
    double[] values = new double[n];
    double[][] vectors = new double[n][];
    for (int k = 0; k < n; k++) {
      values[k] = raw[order[k]];
      DMatrixRMaj v = eig.getEigenVector(order[k]);
      vectors[k] = v.getData().clone();
    }
    return new Result(values, vectors);
  }

  /**
   * Whether a Cholesky factorisation succeeds: a sufficient (and far cheaper) test of positive
   * definiteness, used before falling back to the eigenvalues.
   */
  public static boolean choleskySucceeds(double[][] a) {
    org.ejml.interfaces.decomposition.CholeskyDecomposition_F64<DMatrixRMaj> chol =
        DecompositionFactory_DDRM.chol(a.length, true);
    if (!chol.decompose(new DMatrixRMaj(a))) {
      return false;
    }
    DMatrixRMaj l = chol.getT(null);
    for (int i = 0; i < a.length; i++) {
      double d = l.get(i, i);
      if (!(d > 0) || !Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  /** Eigenvalues only, ascending. */
  public static double[] values(double[][] a) {
    int n = a.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
    if (!eig.decompose(new DMatrixRMaj(a))) {
      throw new ArithmeticException("Eigen-decomposition of a " + n + " x " + n
          + " symmetric matrix did not converge");
    }
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = eig.getEigenvalue(k).getReal();
    }
    java.util.Arrays.sort(v);
    return v;
  }
}
