package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idzorek (2005), "A step-by-step guide to the Black-Litterman model": Table 5 covariance,
 * market weights, tau = 0.025 and the three views of section 2.2. Published results are rounded
 * to two decimals in percent. The paper quotes lambda = 3.07; the value implied by its published
 * equilibrium returns (least squares) is 3.065, used here. Idzorek's weights (eq. 2) use the
 * prior covariance: {@code w = (lambda S)^-1 E[R]}, computed here from the posterior returns.
 */
class BlackLittermanIdzorekTest {

  /** Published tables: two decimals in percent, plus the rounding of lambda. */
  static final double PUBLISHED = 2e-4;

  static final List<String> ASSETS = List.of("US Bonds", "Intl Bonds", "US Large Growth",
      "US Large Value", "US Small Growth", "US Small Value", "Intl Dev Equity", "Intl Emerg Equity");
  static final double[][] TABLE5 = {
    {0.001005, 0.001328, -0.000579, -0.000675, 0.000121, 0.000128, -0.000445, -0.000437},
    {0.001328, 0.007277, -0.001307, -0.000610, -0.002237, -0.000989, 0.001442, -0.001535},
    {-0.000579, -0.001307, 0.059852, 0.027588, 0.063497, 0.023036, 0.032967, 0.048039},
    {-0.000675, -0.000610, 0.027588, 0.029609, 0.026572, 0.021465, 0.020697, 0.029854},
    {0.000121, -0.002237, 0.063497, 0.026572, 0.102488, 0.042744, 0.039943, 0.065994},
    {0.000128, -0.000989, 0.023036, 0.021465, 0.042744, 0.032056, 0.019881, 0.032235},
    {-0.000445, 0.001442, 0.032967, 0.020697, 0.039943, 0.019881, 0.028355, 0.035064},
    {-0.000437, -0.001535, 0.048039, 0.029854, 0.065994, 0.032235, 0.035064, 0.079958}};
  static final CovarianceMatrix SIGMA = CovarianceMatrix.of(ASSETS, TABLE5);
  static final Weights MARKET = Weights.of(ASSETS,
      new double[] {0.1934, 0.2613, 0.1209, 0.1209, 0.0134, 0.0134, 0.2418, 0.0349});
  static final double LAMBDA = 3.065;

  static BlackLitterman model() {
    AssetVector pi = BlackLitterman.marketImpliedPrior(MARKET, SIGMA, LAMBDA, 0);
    return BlackLitterman.of(SIGMA, pi).withTau(0.025)
        .withAbsoluteView("Intl Dev Equity", 0.0525)
        .withRelativeView("Intl Bonds", "US Bonds", 0.0025)
        .withView(Map.of("US Large Growth", 0.9, "US Large Value", -0.9, "US Small Growth", 0.1,
            "US Small Value", -0.1), 0.02);
  }

  /** Idzorek's eq. 2: solves (lambda S) w = E[R] by Gaussian elimination with pivoting. */
  static double[] idzorekWeights(double[] er) {
    int n = er.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = LAMBDA * TABLE5[i][j];
      }
      a[i][n] = er[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] w = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = a[i][n];
      for (int k = i + 1; k < n; k++) {
        s -= a[i][k] * w[k];
      }
      w[i] = s / a[i][i];
    }
    return w;
  }

  static void assertPublished(double[] percent, double[] actual, String what) {
    for (int i = 0; i < percent.length; i++) {
      assertEquals(percent[i] / 100, actual[i], PUBLISHED, what + " " + ASSETS.get(i));
    }
  }

  @Test
  void impliedEquilibriumReturnsTable6() {
    assertPublished(new double[] {0.08, 0.67, 6.41, 4.08, 7.43, 3.70, 4.80, 6.60},
        BlackLitterman.marketImpliedPrior(MARKET, SIGMA, LAMBDA, 0).toArray(), "Pi");
  }

  @Test
  void heLittermanOmegaGivesTable6ReturnsAndWeights() {
    double[] er = model().posteriorReturns().toArray();
    assertPublished(new double[] {0.07, 0.50, 6.50, 4.32, 7.59, 3.94, 4.93, 6.84}, er, "E[R]");
    assertPublished(new double[] {29.88, 15.59, 9.35, 14.82, 1.04, 1.65, 27.81, 3.49},
        idzorekWeights(er), "weights");
  }

  @Test
  void fullConfidenceGivesThe100PercentWeights() {
    double[] er = model().withConfidences(1, 1, 1).posteriorReturns().toArray();
    assertPublished(new double[] {43.82, 1.65, 3.81, 20.37, 0.42, 2.26, 35.21, 3.49},
        idzorekWeights(er), "100% confidence weights");
  }
}
