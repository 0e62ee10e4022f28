package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.HierarchicalRiskParity.Linkage;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Expected orders and weights were printed by {@code optimize/src/test/python/hrp_reference.py}:
 * PyPortfolioOpt's HRPOpt algorithm with SciPy 1.10's {@code linkage} and
 * {@code to_tree().pre_order()}, on returns given by a formula both sides evaluate.
 */
class HierarchicalRiskParityTest {

  /** Same formula evaluated by numpy and Java's Math: agreement to rounding. */
  static final double CLOSED_FORM = 1e-12;

  static ReturnFrame formulaReturns() {
    int t = 60;
    int n = 10;
    double[][] cols = new double[n][t];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("X" + i);
      for (int k = 0; k < t; k++) {
        cols[i][k] = 0.01 * Math.sin(0.7 * k + 1.3 * i) + 0.004 * Math.cos(0.31 * k * (i + 1))
            + 0.002 * Math.sin(0.05 * k * k + i);
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), t), names, cols);
  }

  static void check(Linkage linkage, int[] order, double[] expected) {
    CovarianceMatrix cov = CovarianceEstimator.sample().estimate(formulaReturns());
    List<String> names = new ArrayList<>();
    for (int k : order) {
      names.add("X" + k);
    }
    assertEquals(names, HierarchicalRiskParity.orderedAssets(cov, linkage), linkage + " order");
    Weights w = HierarchicalRiskParity.weights(cov, linkage);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], w.get("X" + i), CLOSED_FORM, linkage + " X" + i);
    }
    assertEquals(1.0, w.sum(), CLOSED_FORM);
  }

  @Test
  void singleLinkage() {
    check(Linkage.SINGLE, new int[] {2, 7, 3, 8, 1, 6, 4, 9, 0, 5}, new double[] {
      0.01675216707452524, 0.22886107310482987, 0.04484414468545199, 0.040003934830188694,
      0.18579004649092248, 0.018556310585861026, 0.16626501395507862, 0.044219726220374206,
      0.22288288890281296, 0.031824694149954896});
  }

  @Test
  void completeLinkage() {
    check(Linkage.COMPLETE, new int[] {3, 8, 2, 7, 1, 6, 4, 9, 0, 5}, new double[] {
      0.01675216707452524, 0.12430231764273528, 0.12143548652699833, 0.10290922167188854,
      0.18579004649092248, 0.018556310585861026, 0.16626501395507862, 0.12561439319632697,
      0.10655034870570862, 0.031824694149954896});
  }

  @Test
  void averageAndWardLinkage() {
    double[] expected = {0.05446673592594466, 0.07463361362079979, 0.0525433722656257,
      0.19442580410922233, 0.11264972397089887, 0.06033259243079437, 0.18733534438572286,
      0.051811748280147917, 0.10832864830927633, 0.10347241670156718};
    check(Linkage.AVERAGE, new int[] {2, 7, 1, 6, 3, 8, 4, 9, 0, 5}, expected);
    check(Linkage.WARD, new int[] {2, 7, 1, 6, 3, 8, 4, 9, 0, 5}, expected);
  }

  @Test
  void twoAssetsSplitByInverseVariance() {
    // Hand: variances 0.04 and 0.01 -> alpha = 1 - 0.04 / 0.05 = 0.2 to the first.
    CovarianceMatrix cov = CovarianceMatrix.of(List.of("A", "B"), new double[][] {{0.04, 0.006}, {0.006, 0.01}});
    Weights w = HierarchicalRiskParity.weights(cov, Linkage.SINGLE);
    assertEquals(0.2, w.get("A"), 1e-15);
    assertEquals(0.8, w.get("B"), 1e-15);
  }

  @Property(tries = 40)
  void weightsArePositiveSumToOneAndIgnoreCovarianceScale(
      @ForAll @IntRange(min = 2, max = 30) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    double[][] cols = new double[n][80];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("A" + i);
      for (int k = 0; k < 80; k++) {
        cols[i][k] = rnd.nextGaussian() * (0.005 + 0.001 * i);
      }
    }
    ReturnFrame r = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2020, 1, 1), 80), names, cols);
    CovarianceMatrix cov = CovarianceEstimator.sample().estimate(r);
    double[][] scaled = cov.toArray();
    for (double[] row : scaled) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= 7.5;
      }
    }
    for (Linkage l : Linkage.values()) {
      Weights w = HierarchicalRiskParity.weights(cov, l);
      Weights ws = HierarchicalRiskParity.weights(CovarianceMatrix.of(names, scaled), l);
      assertEquals(1.0, w.sum(), 1e-12);
      for (int i = 0; i < n; i++) {
        assertEquals(true, w.get(i == 0 ? "A0" : "A" + i) > 0);
        assertEquals(w.toArray()[i], ws.toArray()[i], 1e-12);
      }
    }
  }
}
