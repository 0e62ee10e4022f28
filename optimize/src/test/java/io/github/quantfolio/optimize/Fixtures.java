package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.ShrinkageTarget;
import java.util.ArrayList;
import java.util.List;

/** Shared inputs and independent linear algebra for optimizer tests. */
final class Fixtures {

  static final SimulatedMarket MARKET = MarketSimulator.defaultMarket();
  static final PriceFrame PRICES = MARKET.prices().dropIncompleteRows();
  static final CovarianceMatrix COV = CovarianceEstimator
      .ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION).estimate(PRICES.returns());
  static final AssetVector MU = ExpectedReturns.meanHistorical(PRICES).select(COV.assets());

  private Fixtures() {
  }

  static List<String> names(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("X" + i);
    }
    return out;
  }

  /** Solves S x = b by Gaussian elimination with partial pivoting (independent of the QP). */
  static double[] solve(double[][] s, double[] b) {
    int n = b.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(s[i], 0, a[i], 0, n);
      a[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int p = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[p][col])) {
          p = r;
        }
      }
      double[] t = a[p];
      a[p] = a[col];
      a[col] = t;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k <= n; k++) {
          a[r][k] -= f * a[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double v = a[i][n];
      for (int k = i + 1; k < n; k++) {
        v -= a[i][k] * x[k];
      }
      x[i] = v / a[i][i];
    }
    return x;
  }

  static double[] times(double[][] s, double[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        out[i] += s[i][j] * w[j];
      }
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
