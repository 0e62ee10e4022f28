package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.CLOSED_FORM;
import static io.github.quantfolio.risk.Tolerance.assertClose;
import static io.github.quantfolio.risk.Tolerance.assertMatrixClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Paths of the covariance estimators and metrics that the reference matrices do not reach
 * (found by mutation testing): missing data in the semicovariance, a pair sharing exactly two
 * periods, a single asset, a market that does not move, mismatched series. Hand calculations in
 * the comments; every matrix is annualised with 252 business days.
 */
class EstimatorEdgeCasesTest {

  static final double NaN = Double.NaN;

  static ReturnFrame frame(double[]... cols) {
    List<String> names = cols.length == 1 ? List.of("A") : List.of("A", "B");
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), cols[0].length), names,
        cols);
  }

  @Test
  void semicovarianceWithMissingReturnsAveragesOverCommonPeriods() {
    // Benchmark 0: downside parts A -0.01, -0.02, -, -0.01 and B -0.03, -0.02, -0.01, -.
    // AA: (0.0001 + 0.0004 + 0.0001) / 3 periods = 0.0002; BB: (0.0009 + 0.0004 + 0.0001) / 3;
    // AB over the 2 common periods: (0.0003 + 0.0004) / 2 = 0.00035. x 252.
    ReturnFrame r = frame(new double[] {-0.01, -0.02, NaN, -0.01},
        new double[] {-0.03, -0.02, -0.01, NaN});
    CovarianceMatrix s = CovarianceEstimator.semicovariance(0).estimate(r);
    assertMatrixClose(new double[][] {{0.0002 * 252, 0.00035 * 252},
      {0.00035 * 252, 0.0014 / 3 * 252}}, s.toArray(), CLOSED_FORM, "pairwise semicovariance");
    assertEquals(2, s.observations(), "the fewest periods behind an entry");
    // a positive return contributes 0 but still counts as a period: A = 0.02, -0.01
    CovarianceMatrix one = CovarianceEstimator.semicovariance(0).estimate(
        frame(new double[] {0.02, -0.01, NaN}));
    assertClose(0.0001 / 2 * 252, one.variance("A"), CLOSED_FORM, "positive returns count");
    // above a benchmark of 0.01 a return of 0.015 adds nothing, 0.005 adds (0.005 - 0.01)^2
    CovarianceMatrix bench = CovarianceEstimator.semicovariance(0.01).estimate(
        frame(new double[] {0.015, 0.005, NaN, 0.01}));
    assertClose(0.000025 / 3 * 252, bench.variance("A"), CLOSED_FORM, "benchmark 0.01");
  }

  @Test
  void pairwiseSampleAcceptsTwoCommonPeriodsAndNotOne() {
    // A 0.01, 0.03, 0.02, -; B -, 0.02, 0.05, 0.01. Common periods 1 and 2: A 0.03, 0.02 (mean
    // 0.025), B 0.02, 0.05 (mean 0.035): (0.005 x -0.015 + -0.005 x 0.015) / 1 = -0.00015.
    // Var A over its 3 returns: 0.0002 / 2 = 0.0001; var B: (0.003 - 0.08^2 / 3) / 2 = 0.0013/3.
    ReturnFrame r = frame(new double[] {0.01, 0.03, 0.02, NaN}, new double[] {NaN, 0.02, 0.05, 0.01});
    CovarianceMatrix s = CovarianceEstimator.sample().estimate(r);
    assertMatrixClose(new double[][] {{0.0001 * 252, -0.00015 * 252},
      {-0.00015 * 252, 0.0013 / 3 * 252}}, s.toArray(), CLOSED_FORM, "pairwise");
    assertEquals(2, s.observations());
    ReturnFrame one = frame(new double[] {0.01, 0.03, NaN, NaN}, new double[] {NaN, 0.02, 0.05, 0.01});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.sample().estimate(one));
    assertTrue(e.getMessage().contains("'A' and 'B' share 1 period"), e.getMessage());
  }

  @Test
  void ledoitWolfOfOneAssetIsItsVariance() {
    // One asset: the target (mean variance x I) equals the sample, intensity 0. Returns 0.01,
    // 0.03, -0.01, 0.01: mean 0.01, squares of deviations 0 + 0.0004 + 0.0004 + 0 over T = 4.
    CovarianceMatrix c = CovarianceEstimator.ledoitWolf().estimate(
        frame(new double[] {0.01, 0.03, -0.01, 0.01}));
    assertClose(0.0002 * 252, c.variance("A"), CLOSED_FORM, "divisor-T variance");
    assertEquals(0.0, c.shrinkage().orElseThrow());
  }

  @Test
  void singleFactorTargetNeedsAMovingMarket() {
    // B = -A every period: the equal-weighted market is 0 throughout
    double[] a = {0.01, -0.02, 0.03, -0.01, 0.02};
    double[] b = new double[a.length];
    for (int t = 0; t < a.length; t++) {
      b[t] = -a[t];
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CovarianceEstimator.ledoitWolf(ShrinkageTarget.SINGLE_FACTOR).estimate(frame(a, b)));
    assertTrue(e.getMessage().contains("market has zero variance"), e.getMessage());
  }

  @Test
  void correlationSummaries() {
    // Correlations by construction: variances 4, 1, 9, 1; covariances chosen as rho sd_i sd_j
    // with rho(A,B) = 0.5, rho(A,C) = -0.2, rho(A,D) = 0.7, rho(B,C) = 0.3, rho(B,D) = 0.5 (tie
    // with AB), rho(C,D) = 0.1. Average of the six: (0.5 - 0.2 + 0.7 + 0.3 + 0.5 + 0.1) / 6.
    double[] sd = {2, 1, 3, 1};
    double[][] rho = {{1, 0.5, -0.2, 0.7}, {0.5, 1, 0.3, 0.5}, {-0.2, 0.3, 1, 0.1},
      {0.7, 0.5, 0.1, 1}};
    double[][] cov = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        cov[i][j] = rho[i][j] * sd[i] * sd[j];
      }
    }
    CorrelationMatrix c = CovarianceMatrix.of(List.of("A", "B", "C", "D"), cov).correlation();
    assertClose(1.9 / 6, c.averagePairwise(), CLOSED_FORM, "average pairwise");
    // strictly above 0.5: only AD; above 0.4: AD, then AB and BD (0.5, in either order)
    List<CorrelationMatrix.Pair> above = c.pairsAbove(0.5);
    assertEquals(1, above.size(), above.toString());
    assertEquals("A", above.get(0).first());
    assertEquals("D", above.get(0).second());
    assertClose(0.7, above.get(0).correlation(), CLOSED_FORM, "AD");
    List<CorrelationMatrix.Pair> mid = c.pairsAbove(0.4);
    assertEquals(3, mid.size(), mid.toString());
    assertClose(0.7, mid.get(0).correlation(), CLOSED_FORM, "highest first");
    assertClose(0.5, mid.get(2).correlation(), CLOSED_FORM, "then the ties");
    assertEquals(6, c.pairsAbove(-1).size());
    assertClose(-0.2, c.pairsAbove(-1).get(5).correlation(), CLOSED_FORM, "lowest last");
  }

  @Test
  void benchmarkMetricsRejectSeriesOfDifferentLengths() {
    double[] r = {0.01, 0.02, -0.01};
    double[] b = {0.01, 0.02};
    Frequency d = Frequency.DAILY;
    for (Executable call : List.<Executable>of(
        () -> Metrics.trackingError(r, b, d),
        () -> Metrics.informationRatio(r, b, d),
        () -> Metrics.upCapture(r, b, d),
        () -> Metrics.downCapture(r, b, d),
        () -> Metrics.rollingBeta(r, b, 2))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertEquals("Expected returns and benchmark of equal length, but found 3 and 2",
          e.getMessage());
    }
    for (Executable call : List.<Executable>of(
        () -> Metrics.rollingSharpe(r, 1, 0, d),
        () -> Metrics.rollingBeta(r, r, 1),
        () -> Metrics.rollingMaxDrawdown(r, 1),
        () -> Metrics.rollingVolatility(r, 1, d))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertEquals("Expected window >= 2, but found 1", e.getMessage());
    }
    // a window of 2 is accepted: the first value is NaN, the second the drawdown of 0.02, -0.01
    double[] dd = Metrics.rollingMaxDrawdown(r, 2);
    assertTrue(Double.isNaN(dd[0]));
    assertClose(-0.01, dd[2], CLOSED_FORM, "window 2");
  }
}
