package io.github.quantfolio.optimize.internal;

/**
 * Independent check of the KKT conditions of a convex QP (see {@link DenseQp}): returns the
 * largest scaled residual of stationarity, primal feasibility, dual feasibility and
 * complementary slackness. Written from the definitions, not from the solver's code.
 */
final class Kkt {

  private Kkt() {
  }

  static double residual(double[][] q, double[] c, double[][] a, double[] b, double[][] g,
      double[] h, double[] lo, double[] hi, DenseQp.Solution s) {
    int n = c.length;
    double[] x = s.x();
    double xs = 1;
    for (double v : x) {
      xs = Math.max(xs, Math.abs(v));
    }
    double[] grad = new double[n];
    double scale = 1;
    for (int i = 0; i < n; i++) {
      double v = c[i];
      for (int j = 0; j < n; j++) {
        v += q[i][j] * x[j];
        scale = Math.max(scale, Math.abs(q[i][j] * x[j]));
      }
      scale = Math.max(scale, Math.abs(c[i]));
      grad[i] = v;
    }
    double worst = 0;
    int me = a == null ? 0 : a.length;
    int mi = g == null ? 0 : g.length;
    for (int r = 0; r < me; r++) {
      double ax = 0;
      for (int i = 0; i < n; i++) {
        ax += a[r][i] * x[i];
        grad[i] += s.lambda()[r] * a[r][i];
      }
      worst = Math.max(worst, Math.abs(ax - b[r]) / (xs + Math.abs(b[r])));
    }
    for (int r = 0; r < mi; r++) {
      double gx = 0;
      for (int i = 0; i < n; i++) {
        gx += g[r][i] * x[i];
        grad[i] += s.mu()[r] * g[r][i];
      }
      double slack = h[r] - gx;
      worst = Math.max(worst, Math.max(0, -slack) / (xs + Math.abs(h[r])));
      worst = Math.max(worst, Math.max(0, -s.mu()[r]) / scale);
      worst = Math.max(worst, Math.abs(s.mu()[r] * slack) / (scale * (xs + Math.abs(h[r]))));
    }
    for (int i = 0; i < n; i++) {
      grad[i] += s.nuUpper()[i] - s.nuLower()[i];
      worst = Math.max(worst, Math.max(0, -s.nuUpper()[i]) / scale);
      worst = Math.max(worst, Math.max(0, -s.nuLower()[i]) / scale);
      if (lo != null && lo[i] > Double.NEGATIVE_INFINITY) {
        double slack = x[i] - lo[i];
        worst = Math.max(worst, Math.max(0, -slack) / (xs + Math.abs(lo[i])));
        worst = Math.max(worst, Math.abs(s.nuLower()[i] * slack) / (scale * xs));
      } else if (s.nuLower()[i] != 0) {
        worst = Double.POSITIVE_INFINITY;
      }
      if (hi != null && hi[i] < Double.POSITIVE_INFINITY) {
        double slack = hi[i] - x[i];
        worst = Math.max(worst, Math.max(0, -slack) / (xs + Math.abs(hi[i])));
        worst = Math.max(worst, Math.abs(s.nuUpper()[i] * slack) / (scale * xs));
      } else if (s.nuUpper()[i] != 0) {
        worst = Double.POSITIVE_INFINITY;
      }
    }
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(grad[i]) / scale);
    }
    return worst;
  }
}
