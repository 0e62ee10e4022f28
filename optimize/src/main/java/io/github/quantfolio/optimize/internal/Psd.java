package io.github.quantfolio.optimize.internal;

/** Cheap positive-definiteness test used before the exact (eigenvalue) PSD check. */
public final class Psd {

  private Psd() {
  }

  /**
   * Whether the Cholesky factorisation of the symmetric matrix {@code a} succeeds with every pivot
   * {@code > 1e-14 x} the largest diagonal entry: then {@code a} is positive definite (the
   * factorisation is backward stable), so positive semidefinite. A {@code false} answer proves
   * nothing (a singular PSD matrix fails too): callers then use the eigenvalue check. O(N^3 / 6).
   */
  public static boolean choleskySucceeds(double[][] a) {
    int n = a.length;
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, a[i][i]);
    }
    if (!(max > 0)) {
      return false;
    }
    double[][] l = new double[n][];
    for (int j = 0; j < n; j++) {
      l[j] = new double[j + 1];
      double[] lj = l[j];
      for (int i = 0; i <= j; i++) {
        double[] li = l[i];
        double v = a[j][i];
        for (int k = 0; k < i; k++) {
          v -= lj[k] * li[k];
        }
        if (i == j) {
          if (!(v > 1e-14 * max)) {
            return false;
          }
          lj[j] = Math.sqrt(v);
        } else {
          lj[i] = v / li[i];
        }
      }
    }
    return true;
  }
}
