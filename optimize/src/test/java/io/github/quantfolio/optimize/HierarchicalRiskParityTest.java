package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.HierarchicalRiskParity.Linkage;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reference orders and weights printed by {@code optimize/src/test/python/hrp_reference.py}
 * (scipy 1.17 linkage and a numpy transcription of PyPortfolioOpt's HRPOpt) on the same matrix;
 * closed forms derived in the comments.
 */
class HierarchicalRiskParityTest {

  static final double[][] COV8 = {
      {0.093164, -0.004428, -0.000348, 0.003593, -0.007603, 0.004247, -0.007415, 0.006791},
      {-0.004428, 0.104735, 0.020153, -0.006898, 0.019272, -0.018164, 0.021459, 0.018455},
      {-0.000348, 0.020153, 0.052865, -0.002172, 0.007167, -0.00777, 0.008509, 0.010491},
      {0.003593, -0.006898, -0.002172, 0.028007, -0.00659, 0.002947, -0.005193, 0.001934},
      {-0.007603, 0.019272, 0.007167, -0.00659, 0.031319, -0.009062, 0.013199, 0.000111},
      {0.004247, -0.018164, -0.00777, 0.002947, -0.009062, 0.095054, -0.010616, -0.005269},
      {-0.007415, 0.021459, 0.008509, -0.005193, 0.013199, -0.010616, 0.055476, 0.002771},
      {0.006791, 0.018455, 0.010491, 0.001934, 0.000111, -0.005269, 0.002771, 0.034084}};

  static final CovarianceMatrix COV = CovarianceMatrix.of(Fixtures.names(8), COV8);

  static void assertReference(Linkage linkage, int[] order, double[] weights) {
    HierarchicalRiskParity hrp = HierarchicalRiskParity.of(COV).withLinkage(linkage);
    List<String> expectedOrder = new ArrayList<>();
    for (int i : order) {
      expectedOrder.add("X" + i);
    }
    assertEquals(expectedOrder, hrp.order(), linkage + " order");
    double[] w = hrp.solve().weights().toArray();
    for (int i = 0; i < w.length; i++) {
      Tolerance.assertClose(weights[i], w[i], 1e-12, linkage + " weight " + i);
    }
  }

  @Test
  void singleLinkageMatchesScipyAndPyPortfolioOpt() {
    assertReference(Linkage.SINGLE, new int[] {5, 3, 0, 2, 7, 6, 1, 4}, new double[] {
        0.08297168741982625, 0.041728160041140716, 0.1462210212197237, 0.2621312745837332,
        0.13954464835751043, 0.07723515693465415, 0.09520687656763334, 0.15496117487577826});
  }

  @Test
  void completeLinkageMatchesScipyAndPyPortfolioOpt() {
    assertReference(Linkage.COMPLETE, new int[] {5, 0, 3, 6, 1, 4, 2, 7}, new double[] {
        0.07435332012818484, 0.04269006317810992, 0.08743730004730137, 0.29522293596017524,
        0.1427613834081337, 0.07287492074423184, 0.14904298737177565, 0.1356170891620874});
  }

  @Test
  void averageLinkageMatchesScipyAndPyPortfolioOpt() {
    assertReference(Linkage.AVERAGE, new int[] {6, 1, 4, 2, 7, 5, 0, 3}, new double[] {
        0.07271038818925857, 0.04319826398072352, 0.0927221438635067, 0.2418677689600487,
        0.1565106208801138, 0.08219860095481636, 0.08155545060965243, 0.22923676256187994});
  }

  @Test
  void wardLinkageMatchesScipyAndPyPortfolioOpt() {
    assertReference(Linkage.WARD, new int[] {5, 0, 3, 6, 1, 4, 2, 7}, new double[] {
        0.07435332012818484, 0.04269006317810992, 0.08743730004730137, 0.29522293596017524,
        0.1427613834081337, 0.07287492074423184, 0.14904298737177565, 0.1356170891620874});
  }

  @Test
  void uncorrelatedAssetsGetInverseVarianceWeights() {
    // Diagonal S: a cluster's IVP variance is 1 / H with H = sum 1/s_i^2, so each split gives
    // alpha = H_1 / (H_1 + H_2) and recursively w_i = (1/s_i^2) / H_total, whatever the order.
    double[] var = {0.04, 0.09, 0.01, 0.0625, 0.16};
    double[][] s = new double[5][5];
    double h = 0;
    for (int i = 0; i < 5; i++) {
      s[i][i] = var[i];
      h += 1 / var[i];
    }
    double[] w = HierarchicalRiskParity.of(CovarianceMatrix.of(Fixtures.names(5), s)).solve()
        .weights().toArray();
    for (int i = 0; i < 5; i++) {
      Tolerance.assertClose(1 / var[i] / h, w[i], Tolerance.CLOSED_FORM, "w" + i);
    }
  }

  @Test
  void returnsAreTurnedIntoTheSampleCovariance() {
    ReturnFrame r = Fixtures.PRICES.select(Fixtures.COV.assets().subList(0, 6)).returns();
    double[] a = HierarchicalRiskParity.of(r).withLinkage(Linkage.AVERAGE).solve().weights()
        .toArray();
    double[] b = HierarchicalRiskParity.of(CovarianceEstimator.sample().estimate(r))
        .withLinkage(Linkage.AVERAGE).solve().weights().toArray();
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], 0.0);
    }
  }

  @Property(tries = 40)
  void weightsArePositiveSumToOneAndIgnoreScale(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @DoubleRange(min = 0.01, max = 100) double c) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = c * pr.cov()[i][j];
      }
    }
    for (Linkage l : Linkage.values()) {
      Weights w = HierarchicalRiskParity.of(CovarianceMatrix.of(pr.names(), pr.cov()))
          .withLinkage(l).solve().weights();
      Weights v = HierarchicalRiskParity.of(CovarianceMatrix.of(pr.names(), scaled))
          .withLinkage(l).solve().weights();
      Tolerance.assertNear(1, w.sum(), Tolerance.FEASIBILITY, "sum");
      for (String a : pr.names()) {
        assertTrue(w.get(a) > 0, "weight of " + a);
        Tolerance.assertNear(w.get(a), v.get(a), Tolerance.INVARIANCE, l + " " + a);
      }
    }
  }
}
