package io.github.quantfolio.optimize.internal;

import java.util.Arrays;

/** Cholesky-based tests of symmetric matrices: definiteness, and the first dependent row. */
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
    double[] floor = new double[n];
    Arrays.fill(floor, 1e-14 * max);
    return firstPivotAtMost(a, floor, null) < 0;
  }

  /**
   * Factorises the symmetric matrix {@code a = LL'} (lower triangle read) row by row and returns
   * the first row {@code j} whose pivot (the squared diagonal entry of L, i.e. what is left of
   * {@code a_jj} after the rows before it) is at most {@code floor[j]}, or -1 if every pivot is
   * above its floor. For a covariance matrix, pivot j is the variance of asset j not explained by
   * the assets before it. The pivot found is stored in {@code pivot[0]} when {@code pivot} is not
   * null. O(N^3 / 6).
   */
  public static int firstPivotAtMost(double[][] a, double[] floor, double[] pivot) {
    int n = a.length;
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
          if (!(v > floor[j])) {
            if (pivot != null) {
              pivot[0] = v;
            }
            return j;
          }
          lj[j] = Math.sqrt(v);
        } else {
          lj[i] = v / li[i];
        }
      }
    }
    return -1;
  }
}
