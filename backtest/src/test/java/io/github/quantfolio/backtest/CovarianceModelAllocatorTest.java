package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.RiskParity;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.CovarianceModel;
import io.github.quantfolio.risk.VolatilityForecast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Risk models of calling code in the walk-forward allocators, where estimators are accepted. */
class CovarianceModelAllocatorTest {

  /** An exact active-set QP solution against its closed form (both in double precision). */
  static final double QP_CLOSED_FORM = 1e-10;

  static final PriceFrame PRICES = MarketSimulator.builder().seed(5).assets(3).sectors(1)
      .days(300).build()
      .simulate().prices();

  /**
   * A known matrix: A and B correlated (covariance 0.01), C independent; variances 0.04, 0.09,
   * 0.16 (volatilities 0.2, 0.3, 0.4).
   */
  static final double[][] SIGMA = {{0.04, 0.01, 0}, {0.01, 0.09, 0}, {0, 0, 0.16}};

  static CovarianceModel fixedModel() {
    return CovarianceModel.of("fixed", window -> CovarianceMatrix.of(window.assets(), SIGMA));
  }

  static PriceFrame window() {
    return PRICES.slice(0, 120);
  }

  /** Relative closeness {@code |e - a| <= rel max(|e|, |a|)}. */
  static void assertClose(double expected, double actual, double rel, String what) {
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    assertTrue(Math.abs(expected - actual) <= rel * scale, what + ": expected " + expected
        + " but was " + actual);
  }

  static void assertSameWeights(Weights expected, Weights actual, double tol) {
    assertEquals(expected.assets(), actual.assets());
    for (String a : expected.assets()) {
      assertClose(expected.get(a), actual.get(a), tol, a);
    }
  }

  @Test
  void aFixedModelGivesExactlyTheMinimumVolatilityWeightsOfItsMatrix() {
    PriceFrame w = window();
    Weights viaAllocator = Allocator.covarianceOnly(fixedModel(), MeanVariance::minVolatility)
        .allocate(w);
    Weights direct = MeanVariance.of(CovarianceMatrix.of(w.assets(), SIGMA)).minVolatility()
        .weights();
    assertSameWeights(direct, viaAllocator, Tolerance.EXACT);
    // Closed form: the unconstrained minimum-variance weights are Sigma^-1 1 / (1' Sigma^-1 1).
    // The A-B block [[0.04, 0.01], [0.01, 0.09]] has determinant 0.0035 and inverse
    // [[0.09, -0.01], [-0.01, 0.04]] / 0.0035, whose row sums are 160/7 and 60/7; C adds 1/0.16 =
    // 25/4. The total is 1055/28, so w = (128, 48, 35) / 211: all positive, hence also the
    // long-only optimum.
    double[] expected = {128.0 / 211, 48.0 / 211, 35.0 / 211};
    for (int i = 0; i < 3; i++) {
      assertClose(expected[i], viaAllocator.get(w.assets().get(i)), QP_CLOSED_FORM,
          w.assets().get(i));
    }
  }

  @Test
  void everyAllocatorThatTakesAModelUsesItsMatrix() {
    PriceFrame w = window();
    CovarianceMatrix m = CovarianceMatrix.of(w.assets(), SIGMA);
    assertSameWeights(RiskParity.of(m).solve().weights(),
        Allocator.riskParity(fixedModel()).allocate(w), Tolerance.EXACT);
    assertSameWeights(HierarchicalRiskParity.of(m).solve().weights(),
        Allocator.hierarchicalRiskParity(fixedModel()).allocate(w), Tolerance.EXACT);
    assertSameWeights(MeanVariance.of(io.github.quantfolio.optimize.ExpectedReturns
        .meanHistorical(w), m).withBounds(0, 0.6).maxQuadraticUtility(2).weights(),
        Allocator.meanVariance(fixedModel(), mv -> mv.withBounds(0, 0.6)
            .maxQuadraticUtility(2)).allocate(w), Tolerance.EXACT);
    // inverse volatility by hand: 1/0.2 : 1/0.3 : 1/0.4 = 30 : 20 : 15, i.e. (6, 4, 3) / 13
    Weights iv = Allocator.inverseVolatility(fixedModel()).allocate(w);
    double[] expected = {6.0 / 13, 4.0 / 13, 3.0 / 13};
    for (int i = 0; i < 3; i++) {
      assertClose(expected[i], iv.get(w.assets().get(i)), Tolerance.EXACT,
          w.assets().get(i));
    }
  }

  @Test
  void modelNamesFlowIntoAllocatorNamesAndEstimatorNamesAreUnchanged() {
    assertEquals("covarianceOnly(a MeanVariance method, CovarianceModel 'fixed')",
        Allocator.covarianceOnly(fixedModel(), MeanVariance::minVolatility).toString());
    assertEquals("meanVariance(a MeanVariance method on meanHistorical returns, CovarianceModel "
        + "'fixed')", Allocator.meanVariance(fixedModel(), mv -> mv.maxSharpe(0)).toString());
    assertEquals("riskParity (CovarianceModel 'fixed')",
        Allocator.riskParity(fixedModel()).toString());
    assertEquals("hierarchicalRiskParity (CovarianceModel 'fixed')",
        Allocator.hierarchicalRiskParity(fixedModel()).toString());
    assertEquals("inverseVolatility (CovarianceModel 'fixed')",
        Allocator.inverseVolatility(fixedModel()).toString());
    assertEquals("covarianceOnly(a MeanVariance method, CovarianceEstimator.ledoitWolf("
        + "CONSTANT_VARIANCE) [complete_rows])",
        Allocator.covarianceOnly(CovarianceEstimator.ledoitWolf(), MeanVariance::minVolatility)
            .toString());
    assertEquals("riskParity (Ledoit-Wolf covariance)", Allocator.riskParity().toString());
    assertEquals("inverseVolatility (sample volatilities)",
        Allocator.inverseVolatility().toString());
    assertEquals("hierarchicalRiskParity (Ledoit-Wolf covariance)",
        Allocator.hierarchicalRiskParity().toString());
    CovarianceModel lambda = r -> CovarianceEstimator.sample().estimate(r);
    assertTrue(Allocator.riskParity(lambda).toString().startsWith("riskParity (an unnamed "
        + "CovarianceModel (lambda;"));
  }

  @Test
  void theModelNeverSeesReturnsAfterTheDecisionDate() {
    PriceFrame p = WalkForwardPortfolioTest.MARKET.prices();
    List<String> lastDates = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    CovarianceModel recording = CovarianceModel.of("recording Ledoit-Wolf", r -> {
      lastDates.add(r.index().last());
      rows.add(r.rows());
      return CovarianceEstimator.ledoitWolf().estimate(r);
    });
    PortfolioResult result = WalkForwardPortfolio.of(p)
        .withAllocator(Allocator.covarianceOnly(recording, MeanVariance::minVolatility))
        .withLookback(120).withSchedule(RebalanceSchedule.MONTHLY).run();
    List<Rebalance> decisions = result.rebalances();
    assertTrue(decisions.size() > 20, "a multi-year run has many monthly decisions");
    assertEquals(decisions.size(), lastDates.size(), "one model call per decision");
    for (int k = 0; k < decisions.size(); k++) {
      Rebalance d = decisions.get(k);
      assertNotNull(d.target(), "decision " + k + " succeeded");
      // the window's newest return is the decision bar's, never a later one
      assertEquals(d.time(), lastDates.get(k), "window " + k + " ends at the decision bar");
      assertEquals(p.index().label(d.bar()), lastDates.get(k));
      assertTrue(d.bar() + 1 >= p.rows()
          || p.index().label(d.bar() + 1).compareTo(lastDates.get(k)) > 0);
      assertEquals(119, rows.get(k), "120 prices give 119 returns");
    }
  }

  @Test
  void aModelThatReturnsGarbageNeverReachesTheOptimizer() {
    PriceFrame p = WalkForwardPortfolioTest.MARKET.prices();
    // a correlation source that flips the sign of every covariance: on the simulated market's
    // mostly positive correlations that is indefinite once a window holds enough assets (equal
    // correlations -rho are PSD only for rho <= 1/(N-1)); windows with few listed assets pass
    VolatilityForecast vols = VolatilityForecast.of("sample vols",
        CovarianceModelAllocatorTest::perPeriod);
    CovarianceModel flipped = CovarianceModel.of("sign-flipped", r -> {
      double[][] c = CovarianceEstimator.ledoitWolf().estimate(r).toArray();
      for (int i = 0; i < c.length; i++) {
        for (int j = 0; j < c.length; j++) {
          c[i][j] = i == j ? c[i][j] : -c[i][j];
        }
      }
      return CovarianceMatrix.of(r.assets(), c);
    });
    CovarianceModel model = CovarianceModel.fromVolatilities(vols, flipped);
    int[] optimizerCalls = {0};
    Allocator allocator = Allocator.covarianceOnly(model, mv -> {
      optimizerCalls[0]++;
      return mv.minVolatility();
    });
    PortfolioResult r = WalkForwardPortfolio.of(p).withAllocator(allocator).withLookback(120)
        .withSchedule(RebalanceSchedule.QUARTERLY).withFallback(Allocator.equalWeight()).run();
    List<Rebalance> failed = r.failedAllocations();
    assertFalse(failed.isEmpty());
    int rejectedAsIndefinite = 0;
    for (Rebalance f : failed) {
      assertTrue(f.fallback() && f.target() != null, "the fallback decided on " + f.time());
      assertTrue(f.failure().startsWith("CovarianceModel 'sign-flipped' returned a matrix that is "
          + "not positive semidefinite on the window ending " + f.time()), f.failure());
      rejectedAsIndefinite++;
    }
    assertEquals(r.rebalances().size() - rejectedAsIndefinite, optimizerCalls[0],
        "only validated matrices reached the optimizer");
    assertTrue(optimizerCalls[0] > 0, "a window whose flipped matrix is still PSD passes");
  }

  /** Per-period sample volatilities of the window (a stand-in for a forecast). */
  static AssetVector perPeriod(ReturnFrame r) {
    double[] v = new double[r.assetCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.std(r.assets().get(i));
    }
    return AssetVector.of(r.assets(), v);
  }

  @Test
  void nullModelsAreRejected() {
    assertThrows(NullPointerException.class,
        () -> Allocator.covarianceOnly(null, MeanVariance::minVolatility));
    assertThrows(NullPointerException.class, () -> Allocator.meanVariance(null, mv -> null));
    assertThrows(NullPointerException.class, () -> Allocator.riskParity(null));
    assertThrows(NullPointerException.class, () -> Allocator.hierarchicalRiskParity(null));
    assertThrows(NullPointerException.class, () -> Allocator.inverseVolatility(null));
  }
}
