package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.MissingData;
import io.github.quantfolio.risk.ShrinkageTarget;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Covariance estimates that are singular and not shrunk are refused by the optimizers that
 * invert or minimise over the covariance (issue 11: 500 noise assets and 100 periods gave a
 * "Sharpe 270" portfolio); hand-built matrices, shrunk estimates and well-conditioned estimates
 * are accepted.
 */
class SingularCovarianceTest {

  /** Daily Gaussian noise returns, 1% a day, {@code columns[asset][row]}. */
  static ReturnFrame noise(int assets, int rows, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[assets][rows];
    for (double[] col : x) {
      for (int t = 0; t < rows; t++) {
        col[t] = 0.01 * r.nextGaussian();
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), rows),
        Fixtures.names(assets), x);
  }

  static final ReturnFrame SHORT = noise(500, 100, 11);

  @Test
  void fewerObservationsThanAssetsIsRefusedByEveryCovarianceOptimizer() {
    CovarianceMatrix s = CovarianceEstimator.sample().estimate(SHORT);
    assertEquals(100, s.observations());
    AssetVector mu = ExpectedReturns.arithmetic(SHORT);
    String fact = "estimated without shrinkage from 100 observations for 500 assets, it is "
        + "singular (a sample covariance has rank at most its number of observations), so some "
        + "portfolios would show a near-zero risk that only the sample implies; estimate it with "
        + "shrinkage, e.g. CovarianceEstimator.ledoitWolf(), or use more observations than assets";
    OptimizationException mv = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(mu, s));
    assertEquals("MeanVariance refuses this covariance matrix: " + fact, mv.getMessage());
    assertEquals("RiskParity refuses this covariance matrix: " + fact,
        assertThrows(OptimizationException.class, () -> RiskParity.of(s)).getMessage());
    assertEquals("MaxDiversification refuses this covariance matrix: " + fact,
        assertThrows(OptimizationException.class, () -> MaxDiversification.of(s)).getMessage());
    assertEquals("BlackLitterman refuses this covariance matrix: " + fact,
        assertThrows(OptimizationException.class, () -> BlackLitterman.of(s, mu)).getMessage());
    assertThrows(OptimizationException.class, () -> MeanVariance.of(s));
  }

  @Test
  void theRefusedEstimateReallyGivesAnArtefactAndLedoitWolfDoesNot() {
    // Why the rule exists, on a problem small enough to solve both ways: 40 noise assets, 20
    // periods. Built by hand (the optimizer cannot know it came from 20 rows) the sample matrix
    // lets long/short min volatility reach almost zero risk; every asset has ~16% volatility
    // (1% a day x sqrt(252)), so an honest minimum over 40 independent assets is ~16%/sqrt(40)
    // = 2.5%, which the Ledoit-Wolf estimate of the same returns stays near.
    ReturnFrame r = noise(40, 20, 5);
    CovarianceMatrix sample = CovarianceEstimator.sample().estimate(r);
    CovarianceMatrix byHand = CovarianceMatrix.of(sample.assets(), sample.toArray());
    double artefact = MeanVariance.of(byHand).withBounds(-1, 1).minVolatility().volatility();
    assertTrue(artefact < 1e-4, "singular sample matrix min volatility " + artefact);
    assertThrows(OptimizationException.class, () -> MeanVariance.of(sample));
    CovarianceMatrix lw = CovarianceEstimator.ledoitWolf().estimate(r);
    double honest = MeanVariance.of(lw).withBounds(-1, 1).minVolatility().volatility();
    assertTrue(honest > 0.01, "Ledoit-Wolf min volatility " + honest);
  }

  @Test
  void aDuplicatedOrConstantColumnIsSingularWhateverTheObservations() {
    ReturnFrame r = noise(4, 250, 3);
    double[][] x = new double[5][];
    for (int i = 0; i < 4; i++) {
      x[i] = r.column(i);
    }
    x[4] = new double[250];
    for (int t = 0; t < 250; t++) {
      x[4][t] = 0.5 * x[0][t] + 0.5 * x[2][t]; // an equal-weight basket of X0 and X2
    }
    ReturnFrame withBasket = ReturnFrame.of(r.index(), Fixtures.names(5), x);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(CovarianceEstimator.sample().estimate(withBasket)));
    assertTrue(e.getMessage().startsWith("MeanVariance refuses this covariance matrix: estimated "
        + "without shrinkage from 250 observations, it is singular: the returns of 'X4' are a "
        + "linear combination of those of the assets before it (share of its variance left "
        + "unexplained "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; estimate it with shrinkage, e.g. "
        + "CovarianceEstimator.ledoitWolf()"), e.getMessage());

    x[4] = new double[250]; // a cash-like asset whose return never varies
    java.util.Arrays.fill(x[4], 0.0001);
    ReturnFrame withCash = ReturnFrame.of(r.index(), Fixtures.names(5), x);
    OptimizationException cash = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(CovarianceEstimator.sample().estimate(withCash)));
    assertTrue(cash.getMessage().contains("it is singular: the returns of 'X4' do not vary "
        + "(zero variance)"), cash.getMessage());
  }

  @Test
  void shrunkHandBuiltAndWellConditionedEstimatesAreAccepted() {
    // shrinkage makes the 500 x 100 estimate positive definite
    MeanVariance.of(CovarianceEstimator.ledoitWolf().estimate(SHORT));
    MeanVariance.of(CovarianceEstimator.shrunk(ShrinkageTarget.CONSTANT_VARIANCE, 0.1)
        .estimate(SHORT));
    // an intensity of 0 is no shrinkage at all
    assertThrows(OptimizationException.class, () -> MeanVariance.of(
        CovarianceEstimator.shrunk(ShrinkageTarget.CONSTANT_VARIANCE, 0).estimate(SHORT)));
    // one more observation than assets: full rank (smallest correlation eigenvalue of a 20 x 21
    // noise sample is small but far above 1e-10), accepted and solved
    CovarianceMatrix justEnough = CovarianceEstimator.sample().estimate(noise(20, 21, 7));
    assertEquals(-1, CovarianceChecks.dependentAsset(justEnough.toArray(), new double[1]));
    Tolerance.assertNear(1, MeanVariance.of(justEnough).minVolatility().weights().sum(),
        Tolerance.FEASIBILITY, "sum");
    // two assets with correlation 0.99999 are nearly, not exactly, dependent: 1 - R^2 = 2e-5
    CovarianceMatrix close = CovarianceMatrix.of(List.of("A", "B"),
        new double[][] {{0.04, 0.99999 * 0.2 * 0.3}, {0.99999 * 0.2 * 0.3, 0.09}});
    double[] unexplained = new double[1];
    assertEquals(-1, CovarianceChecks.dependentAsset(close.toArray(), unexplained));
    // the same matrix with a 1 - 1e-12 correlation is dependent: pivot 1 - rho^2 = 2e-12
    CovarianceMatrix twin = CovarianceMatrix.of(List.of("A", "B"),
        new double[][] {{0.04, (1 - 1e-12) * 0.06}, {(1 - 1e-12) * 0.06, 0.09}});
    assertEquals(1, CovarianceChecks.dependentAsset(twin.toArray(), unexplained));
    Tolerance.assertClose(2e-12, unexplained[0], 1e-3, "1 - rho^2");
    // ... and, built by hand, still accepted (the caller's model)
    Weights w = MeanVariance.of(twin).minVolatility().weights();
    Tolerance.assertNear(1, w.sum(), Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void aNonPsdUnshrunkEstimateIsNotSentToTheSingularRepair() {
    // Pairwise estimation over disjoint overlaps: A and B move together in rows 0-9, B and C in
    // rows 10-19, A and C against each other in rows 20-29. Correlations +1, +1, -1 cannot
    // coexist, so the pairwise matrix is not PSD; its nearest PSD matrix would be singular and
    // refused, so the message offers the diagonal shift and Ledoit-Wolf instead.
    int rows = 30;
    double[][] x = new double[3][rows];
    Random r = new Random(1);
    for (double[] col : x) {
      java.util.Arrays.fill(col, Double.NaN);
    }
    for (int t = 0; t < rows; t++) {
      double v = 0.01 * r.nextGaussian();
      if (t < 10) {
        x[0][t] = v;
        x[1][t] = v;
      } else if (t < 20) {
        x[1][t] = v;
        x[2][t] = v;
      } else {
        x[0][t] = v;
        x[2][t] = -v;
      }
    }
    ReturnFrame f = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), rows),
        List.of("A", "B", "C"), x);
    CovarianceMatrix pairwise = CovarianceEstimator.sample().withMissingData(MissingData.PAIRWISE)
        .estimate(f);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(pairwise));
    assertTrue(e.getMessage().endsWith("repair it with cov.withDiagonalShift(minEigenvalue) with "
        + "a positive minEigenvalue, or estimate it with CovarianceEstimator.ledoitWolf()"),
        e.getMessage());
    assertThrows(OptimizationException.class,
        () -> MeanVariance.of(pairwise.nearestPositiveSemidefinite()));
    MeanVariance.of(pairwise.withDiagonalShift(0.001)).minVolatility();
  }

  @Test
  void aLedoitWolfEstimateThatChoseNoShrinkageIsNotSentBackToLedoitWolf() {
    // Prices growing by exactly 0.1% and 0.2% a day: every return is constant, the Ledoit-Wolf
    // estimate is the zero matrix with intensity 0 (nothing to shrink), and every portfolio
    // would have zero risk. Refused, with a remedy other than the estimator already used.
    double[][] px = new double[2][20];
    for (int i = 0; i < 2; i++) {
      double p = 100 + 10 * i;
      for (int t = 0; t < 20; t++) {
        p *= 1.001 + 0.001 * i;
        px[i][t] = p;
      }
    }
    ReturnFrame r = io.github.quantfolio.core.PriceFrame.of(
        TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 20), List.of("A", "B"), px).returns();
    CovarianceMatrix lw = CovarianceEstimator.ledoitWolf().estimate(r);
    assertEquals(0.0, lw.shrinkage().getAsDouble());
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(ExpectedReturns.arithmetic(r), lw));
    assertEquals("MeanVariance refuses this covariance matrix: estimated with shrinkage intensity 0 "
        + "from 19 observations, it is singular: the returns of 'A' do not vary (zero variance), "
        + "so some portfolios would show a near-zero risk that only the sample implies; leave 'A' "
        + "out or use a period in which its returns vary", e.getMessage());
  }
}
