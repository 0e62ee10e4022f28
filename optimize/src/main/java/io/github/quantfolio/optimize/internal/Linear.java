package io.github.quantfolio.optimize.internal;

/** Small dense linear-algebra helpers (row-major {@code double[][]}); arguments are not modified. */
public final class Linear {

  private Linear() {
  }

  /**
   * The first {@code len} terms of a.b in four partial sums: independent addition chains, so
   * Cholesky and matrix-vector inner loops are not bound by the latency of one chain.
   */
  public static double dot(double[] a, double[] b, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += a[k] * b[k];
      s1 += a[k + 1] * b[k + 1];
      s2 += a[k + 2] * b[k + 2];
      s3 += a[k + 3] * b[k + 3];
    }
    for (; k < len; k++) {
      s0 += a[k] * b[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code A B}. */
  public static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < k; p++) {
        double v = a[i][p];
        if (v != 0) {
          for (int j = 0; j < m; j++) {
            out[i][j] += v * b[p][j];
          }
        }
      }
    }
    return out;
  }

  /** {@code A x}. */
  public static double[] multiply(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += a[i][j] * x[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** {@code A'}. */
  public static double[][] transpose(double[][] a) {
    double[][] out = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        out[j][i] = a[i][j];
      }
    }
    return out;
  }

  /**
   * Solves {@code A X = B} by Gaussian elimination with partial pivoting.
   *
   * @throws ArithmeticException if A is singular to working precision
   */
  public static double[][] solve(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] lu = new double[n][];
    double[][] x = new double[n][];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      lu[i] = a[i].clone();
      x[i] = b[i].clone();
      for (double v : a[i]) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int col = 0; col < n; col++) {
      int p = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(lu[r][col]) > Math.abs(lu[p][col])) {
          p = r;
        }
      }
      if (!(Math.abs(lu[p][col]) > 1e-14 * scale)) {
        throw new ArithmeticException("Matrix is singular (pivot " + lu[p][col] + " in column "
            + col + ")");
      }
      double[] t = lu[p];
      lu[p] = lu[col];
      lu[col] = t;
      t = x[p];
      x[p] = x[col];
      x[col] = t;
      for (int r = col + 1; r < n; r++) {
        double f = lu[r][col] / lu[col][col];
        if (f != 0) {
          for (int k = col; k < n; k++) {
            lu[r][k] -= f * lu[col][k];
          }
          for (int j = 0; j < m; j++) {
            x[r][j] -= f * x[col][j];
          }
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      for (int j = 0; j < m; j++) {
        double v = x[i][j];
        for (int k = i + 1; k < n; k++) {
          v -= lu[i][k] * x[k][j];
        }
        x[i][j] = v / lu[i][i];
      }
    }
    return x;
  }

  /** Solves {@code A x = b}. */
  public static double[] solve(double[][] a, double[] b) {
    double[][] bb = new double[b.length][1];
    for (int i = 0; i < b.length; i++) {
      bb[i][0] = b[i];
    }
    double[][] x = solve(a, bb);
    double[] out = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = x[i][0];
    }
    return out;
  }
}
