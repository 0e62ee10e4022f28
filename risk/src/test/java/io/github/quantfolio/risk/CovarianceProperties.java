package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.risk.internal.CrossProduct;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the covariance estimators over random return matrices. */
class CovarianceProperties {

  static ReturnFrame randomReturns(int t, int n, long seed, boolean ragged) {
    Random rnd = new Random(seed);
    double[] factor = new double[t];
    for (int k = 0; k < t; k++) {
      factor[k] = rnd.nextGaussian() * 0.01;
    }
    List<String> names = new ArrayList<>();
    double[][] cols = new double[n][t];
    for (int a = 0; a < n; a++) {
      names.add("X" + a);
      double beta = 0.5 + rnd.nextDouble();
      double vol = 0.005 + 0.02 * rnd.nextDouble();
      int start = ragged && a % 3 == 1 ? rnd.nextInt(t / 3) : 0;
      for (int k = 0; k < t; k++) {
        cols[a][k] = k < start ? Double.NaN : beta * factor[k] + vol * rnd.nextGaussian();
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2020, 1, 1), t), names, cols);
  }

  static List<CovarianceEstimator> estimators() {
    return List.of(CovarianceEstimator.sample(), CovarianceEstimator.exponential(30),
        CovarianceEstimator.semicovariance(0), CovarianceEstimator.ledoitWolf(),
        CovarianceEstimator.ledoitWolf(ShrinkageTarget.SINGLE_FACTOR),
        CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION),
        CovarianceEstimator.oracleApproximating());
  }

  @Property(tries = 40)
  void estimatesAreSymmetricAndPsdOnCompleteData(@ForAll @IntRange(min = 30, max = 120) int t,
      @ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
    ReturnFrame r = randomReturns(t, n, seed, false);
    for (CovarianceEstimator e : estimators()) {
      CovarianceMatrix c = e.estimate(r);
      double[][] v = c.toArray();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(v[i][j], v[j][i], 0.0, e + " symmetric");
        }
      }
      assertTrue(c.isPositiveSemidefinite(), e + " PSD");
      c.shrinkage().ifPresent(d -> assertTrue(d >= 0 && d <= 1, e + " intensity " + d));
    }
  }

  @Property(tries = 40)
  void shrinkageNarrowsTheEigenvalueSpread(@ForAll @IntRange(min = 20, max = 60) int t,
      @ForAll @IntRange(min = 5, max = 15) int n, @ForAll long seed) {
    ReturnFrame r = randomReturns(t, n, seed, false);
    // Compare with the divisor-T sample, the matrix the shrinkage estimators start from.
    double[] s = CovarianceEstimator.shrunk(ShrinkageTarget.CONSTANT_VARIANCE, 0).estimate(r).eigenvalues();
    for (CovarianceEstimator e : List.of(CovarianceEstimator.ledoitWolf(),
        CovarianceEstimator.oracleApproximating())) {
      double[] ev = e.estimate(r).eigenvalues();
      assertTrue(ev[0] >= s[0] - 1e-15 && ev[n - 1] <= s[n - 1] + 1e-15,
          e + ": [" + ev[0] + ", " + ev[n - 1] + "] vs sample [" + s[0] + ", " + s[n - 1] + "]");
    }
  }

  @Property(tries = 30)
  void permutingAssetsPermutesTheMatrix(@ForAll @IntRange(min = 30, max = 80) int t,
      @ForAll @IntRange(min = 2, max = 8) int n, @ForAll long seed, @ForAll boolean ragged) {
    ReturnFrame r = randomReturns(t, n, seed, ragged);
    List<String> perm = new ArrayList<>(r.assets());
    Collections.shuffle(perm, new Random(seed));
    // on ragged data every missing-data policy an estimator accepts, not just its default
    List<CovarianceEstimator> all = new ArrayList<>();
    for (CovarianceEstimator e : estimators()) {
      for (MissingData policy : MissingData.values()) {
        if (policy != MissingData.PAIRWISE || e.missingData() == MissingData.PAIRWISE) {
          all.add(ragged ? e.withMissingData(policy) : e);
        }
      }
    }
    for (CovarianceEstimator est : all) {
      CovarianceMatrix a = est.estimate(r);
      CovarianceMatrix b = est.estimate(r.select(perm));
      for (String x : perm) {
        for (String y : perm) {
          double u = a.get(x, y);
          double w = b.get(x, y);
          // Sums over assets run in another order, so allow rounding (relative to the scale).
          assertEquals(u, w, 1e-12 * Math.sqrt(a.variance(x) * a.variance(y)) + 1e-300,
              est + " " + x + "," + y);
        }
      }
    }
  }

  @Property(tries = 30)
  void crossProductMatchesTheNaiveSum(@ForAll @IntRange(min = 1, max = 150) int n,
      @ForAll @IntRange(min = 1, max = 40) int t, @ForAll long seed) {
    Random rnd = new Random(seed);
    double[][] a = new double[n][t];
    double[][] b = new double[3][t];
    for (double[] col : a) {
      for (int k = 0; k < t; k++) {
        col[k] = rnd.nextInt(5) == 0 ? 0 : rnd.nextGaussian();
      }
    }
    for (double[] col : b) {
      for (int k = 0; k < t; k++) {
        col[k] = rnd.nextGaussian();
      }
    }
    double[][] g = CrossProduct.gram(a);
    double[][] c = CrossProduct.cross(a, b);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double abs = 0;
        for (int k = 0; k < t; k++) {
          s += a[i][k] * a[j][k];
          abs += Math.abs(a[i][k] * a[j][k]);
        }
        // The kernel groups periods in fours: rounding differs by a few ulps of sum |terms|.
        assertEquals(s, g[i][j], 4 * t * Math.ulp(abs) + 0.0, "gram");
        assertEquals(g[i][j], g[j][i], 0.0, "mirrored exactly");
      }
      for (int j = 0; j < 3; j++) {
        double s = 0;
        double abs = 0;
        for (int k = 0; k < t; k++) {
          s += a[i][k] * b[j][k];
          abs += Math.abs(a[i][k] * b[j][k]);
        }
        assertEquals(s, c[i][j], 4 * t * Math.ulp(abs) + 0.0);
      }
    }
  }
}
