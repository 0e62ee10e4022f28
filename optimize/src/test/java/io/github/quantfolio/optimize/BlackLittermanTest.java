package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idzorek (2005), "A step-by-step guide to the Black-Litterman model": Table 5 covariance,
 * market weights, tau = 0.025 and the three views of section 2.2; published results are rounded
 * to two decimals in percent. The paper quotes lambda = 3.07; the value implied by its published
 * equilibrium returns (least squares) is 3.065, used here.
 */
class BlackLittermanTest {

  /** Published tables: two decimals in percent, plus the rounding of lambda. */
  static final double PUBLISHED = 2e-4;
  /** Identities that hold exactly up to rounding. */
  static final double EXACT = 1e-12;

  static final List<String> ASSETS = List.of("US Bonds", "Intl Bonds", "US Large Growth",
      "US Large Value", "US Small Growth", "US Small Value", "Intl Dev Equity", "Intl Emerg Equity");
  static final CovarianceMatrix SIGMA = CovarianceMatrix.of(ASSETS, new double[][] {
    {0.001005, 0.001328, -0.000579, -0.000675, 0.000121, 0.000128, -0.000445, -0.000437},
    {0.001328, 0.007277, -0.001307, -0.000610, -0.002237, -0.000989, 0.001442, -0.001535},
    {-0.000579, -0.001307, 0.059852, 0.027588, 0.063497, 0.023036, 0.032967, 0.048039},
    {-0.000675, -0.000610, 0.027588, 0.029609, 0.026572, 0.021465, 0.020697, 0.029854},
    {0.000121, -0.002237, 0.063497, 0.026572, 0.102488, 0.042744, 0.039943, 0.065994},
    {0.000128, -0.000989, 0.023036, 0.021465, 0.042744, 0.032056, 0.019881, 0.032235},
    {-0.000445, 0.001442, 0.032967, 0.020697, 0.039943, 0.019881, 0.028355, 0.035064},
    {-0.000437, -0.001535, 0.048039, 0.029854, 0.065994, 0.032235, 0.035064, 0.079958}});
  static final Weights MARKET = Weights.of(ASSETS,
      new double[] {0.1934, 0.2613, 0.1209, 0.1209, 0.0134, 0.0134, 0.2418, 0.0349});
  static final double LAMBDA = 3.065;
  static final Map<String, Double> GROWTH_VS_VALUE = Map.of("US Large Growth", 0.9,
      "US Large Value", -0.9, "US Small Growth", 0.1, "US Small Value", -0.1);

  static BlackLitterman model(double c1, double c2, double c3) {
    AssetVector pi = BlackLitterman.marketImpliedPrior(SIGMA, MARKET, LAMBDA, 0);
    return BlackLitterman.of(SIGMA, pi).withTau(0.025)
        .withAbsoluteView("Intl Dev Equity", 0.0525, c1)
        .withRelativeView(Map.of("Intl Bonds", 1.0, "US Bonds", -1.0), 0.0025, c2)
        .withRelativeView(GROWTH_VS_VALUE, 0.02, c3);
  }

  static void assertPublished(double[] percent, double[] actual, String what) {
    for (int i = 0; i < percent.length; i++) {
      assertEquals(percent[i] / 100, actual[i], PUBLISHED, what + " " + ASSETS.get(i));
    }
  }

  @Test
  void impliedEquilibriumReturnsTable6() {
    AssetVector pi = BlackLitterman.marketImpliedPrior(SIGMA, MARKET, LAMBDA, 0);
    assertPublished(new double[] {0.08, 0.67, 6.41, 4.08, 7.43, 3.70, 4.80, 6.60}, pi.toArray(), "Pi");
  }

  @Test
  void heLittermanOmegaGivesTable6ReturnsAndWeights() {
    BlackLitterman bl = model(Double.NaN, Double.NaN, Double.NaN);
    assertPublished(new double[] {0.07, 0.50, 6.50, 4.32, 7.59, 3.94, 4.93, 6.84},
        bl.posteriorReturns().toArray(), "E[R]");
    assertPublished(new double[] {29.88, 15.59, 9.35, 14.82, 1.04, 1.65, 27.81, 3.49},
        bl.weights(LAMBDA).toArray(), "weights");
  }

  @Test
  void fullConfidenceMeetsEveryViewExactlyAndGivesThe100PercentWeights() {
    BlackLitterman bl = model(1, 1, 1);
    AssetVector mu = bl.posteriorReturns();
    assertEquals(0.0525, mu.get("Intl Dev Equity"), EXACT);
    assertEquals(0.0025, mu.get("Intl Bonds") - mu.get("US Bonds"), EXACT);
    assertEquals(0.02, 0.9 * mu.get("US Large Growth") - 0.9 * mu.get("US Large Value")
        + 0.1 * mu.get("US Small Growth") - 0.1 * mu.get("US Small Value"), EXACT);
    assertPublished(new double[] {43.82, 1.65, 3.81, 20.37, 0.42, 2.26, 35.21, 3.49},
        bl.weights(LAMBDA).toArray(), "100% confidence weights");
  }

  @Test
  void zeroConfidenceViewsLeaveThePrior() {
    BlackLitterman bl = model(0, 0, 0);
    assertEquals(bl.prior(), bl.posteriorReturns());
    // and the market portfolio back: (lambda S)^-1 (lambda S w) = w
    double[] w = bl.weights(LAMBDA).toArray();
    for (int i = 0; i < w.length; i++) {
      assertEquals(MARKET.toArray()[i], w[i], 1e-10);
    }
  }

  @Test
  void idzorekConfidenceEqualsItsClosedFormOmega() {
    // omega_k = (1 - c)/c x tau p S p' (Walters' closed form of Idzorek's method); by hand:
    // p1 S p1' = 0.028355, p2 S p2' = 0.001005 + 0.007277 - 2 x 0.001328 = 0.005626.
    double tau = 0.025;
    double om1 = (1 - 0.25) / 0.25 * tau * 0.028355;
    double om2 = (1 - 0.5) / 0.5 * tau * 0.005626;
    double p3 = 0;
    double[] p = {0, 0, 0.9, -0.9, 0.1, -0.1, 0, 0};
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        p3 += p[i] * SIGMA.get(i, j) * p[j];
      }
    }
    double om3 = (1 - 0.65) / 0.65 * tau * p3;
    BlackLitterman withConfidence = model(0.25, 0.5, 0.65);
    BlackLitterman withOmega = model(Double.NaN, Double.NaN, Double.NaN)
        .withOmega(new double[][] {{om1, 0, 0}, {0, om2, 0}, {0, 0, om3}});
    double[] a = withConfidence.posteriorReturns().toArray();
    double[] b = withOmega.posteriorReturns().toArray();
    for (int i = 0; i < 8; i++) {
      assertEquals(a[i], b[i], EXACT);
    }
  }

  @Test
  void posteriorCovarianceIsTheHeLittermanForm() {
    // With no view the posterior covariance is (1 + tau) S.
    BlackLitterman none = BlackLitterman.of(SIGMA, BlackLitterman.marketImpliedPrior(SIGMA, MARKET, LAMBDA, 0))
        .withTau(0.025);
    assertEquals(1.025 * 0.059852, none.posteriorCovariance().get(2, 2), EXACT);
    // Views only reduce uncertainty: every posterior variance is below (1 + tau) S_ii.
    CovarianceMatrix post = model(0.5, 0.5, 0.5).posteriorCovariance();
    for (int i = 0; i < 8; i++) {
      assertTrue(post.get(i, i) <= 1.025 * SIGMA.get(i, i) + 1e-15);
    }
    assertTrue(post.isPositiveSemidefinite());
  }

  @Test
  void marketImpliedRiskAversionByHand() {
    // Annual returns 1%, -1%, 2%: mean 0.02/3, sample variance (1 + 25 + 16) 1e-4 / 9 / 2 =
    // 21e-4 / 9, so delta = (0.02/3) / (21e-4/9) = 28.571428...
    io.github.quantfolio.core.PriceFrame p = io.github.quantfolio.core.PriceFrame.of(
        io.github.quantfolio.core.TimeIndex.ofDates(java.time.LocalDate.of(2020, 12, 31),
            java.time.LocalDate.of(2021, 12, 31), java.time.LocalDate.of(2022, 12, 30),
            java.time.LocalDate.of(2023, 12, 29)),
        List.of("MKT"), new double[][] {{100, 101, 101 * 0.99, 101 * 0.99 * 1.02}});
    assertEquals(0.18 / 0.0063, BlackLitterman.marketImpliedRiskAversion(p, 0), 1e-9);
  }

  @Test
  void badInput() {
    AssetVector pi = BlackLitterman.marketImpliedPrior(SIGMA, MARKET, LAMBDA, 0);
    assertThrows(IllegalArgumentException.class,
        () -> BlackLitterman.of(SIGMA, pi).withAbsoluteView("Gold", 0.05));
    assertThrows(IllegalArgumentException.class,
        () -> BlackLitterman.of(SIGMA, pi).withAbsoluteView("US Bonds", 0.05, 1.5));
    // Two full-confidence views on the same portfolio make the view system singular.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BlackLitterman.of(SIGMA, pi).withAbsoluteView("US Bonds", 0.05, 1)
            .withAbsoluteView("US Bonds", 0.06, 1).posteriorReturns());
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
  }
}
