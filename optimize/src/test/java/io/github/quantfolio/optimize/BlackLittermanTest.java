package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invariants of Black and Litterman (1992) and He and Litterman (1999), the closed-form Idzorek
 * confidence (Walters 2011), and the precision form of the posterior computed independently in
 * the test. Idzorek's (2005) published worked example is not reproduced here yet.
 */
class BlackLittermanTest {

  static final List<String> A = List.of("A", "B", "C");
  static final CovarianceMatrix S = CovarianceMatrix.of(A, MeanVarianceTest.S3);
  static final Weights MKT = Weights.of(A, new double[] {0.5, 0.3, 0.2});
  static final double DELTA = 2.5;
  static final double RF = 0.01;

  static BlackLitterman model() {
    return BlackLitterman.of(S, BlackLitterman.marketImpliedPrior(MKT, S, DELTA, RF));
  }

  @Test
  void marketImpliedPriorIsReverseOptimisation() {
    // pi_A = 2.5 (0.04 0.5 + 0.015 0.3 + 0.006 0.2) + 0.01 = 2.5 x 0.0257 + 0.01 = 0.07425
    Tolerance.assertClose(0.07425, model().prior().get("A"), Tolerance.CLOSED_FORM, "pi_A");
  }

  @Test
  void withoutViewsThePosteriorIsThePriorAndWeightsShrinkByOnePlusTau() {
    BlackLitterman bl = model().withTau(0.05);
    assertEquals(bl.prior(), bl.posteriorReturns());
    double[][] post = bl.posteriorCovariance().toArray();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        Tolerance.assertClose(1.05 * S.get(i, j), post[i][j], Tolerance.CLOSED_FORM, "S_BL");
      }
    }
    // He and Litterman (1999): w = (delta S_BL)^-1 (pi - rf) = w_mkt / (1 + tau)
    Weights w = bl.weights(DELTA, RF);
    for (String a : A) {
      Tolerance.assertClose(MKT.get(a) / 1.05, w.get(a), Tolerance.CLOSED_FORM, a);
    }
  }

  @Test
  void noViewsMaxSharpeOnThePosteriorIsTheMarketPortfolio() {
    // Tangency ~ S_BL^-1 (pi - rf) = ((1 + tau) S)^-1 delta S w_mkt ~ w_mkt.
    BlackLitterman bl = model();
    OptimalPortfolio p = MeanVariance.of(bl.posteriorReturns(), bl.posteriorCovariance())
        .withBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).maxSharpe(RF);
    for (String a : A) {
      Tolerance.assertClose(MKT.get(a), p.weights().get(a), Tolerance.CLOSED_FORM, a);
    }
  }

  @Test
  void fullyConfidentViewsAreMetExactly() {
    BlackLitterman bl = model().withAbsoluteView("C", 0.15).withRelativeView("A", "B", 0.02)
        .withConfidences(1, 1);
    AssetVector mu = bl.posteriorReturns();
    Tolerance.assertClose(0.15, mu.get("C"), Tolerance.CLOSED_FORM, "absolute view");
    Tolerance.assertClose(0.02, mu.get("A") - mu.get("B"), Tolerance.CLOSED_FORM, "relative view");
  }

  @Test
  void zeroConfidenceViewsGiveThePrior() {
    BlackLitterman bl = model().withAbsoluteView("C", 0.15).withConfidences(0);
    assertEquals(bl.prior(), bl.posteriorReturns());
  }

  @Test
  void halfConfidenceIsTheHeLittermanDefault() {
    // alpha = (1 - 0.5) / 0.5 = 1, so Omega = tau P S P' as the default.
    BlackLitterman a = model().withAbsoluteView("C", 0.15).withRelativeView("A", "B", 0.02);
    BlackLitterman b = a.withConfidences(0.5, 0.5);
    for (String s : A) {
      Tolerance.assertClose(a.posteriorReturns().get(s), b.posteriorReturns().get(s),
          Tolerance.CLOSED_FORM, s);
    }
  }

  @Test
  void posteriorEqualsThePrecisionForm() {
    // mu = [(tau S)^-1 + P'O^-1 P]^-1 [(tau S)^-1 pi + P'O^-1 Q], M = [(tau S)^-1 + P'O^-1 P]^-1,
    // with O = diag(0.001, 0.0004), computed here by Gaussian elimination (Fixtures.solve).
    double tau = 0.025;
    double[][] p = {{0, 0, 1}, {1, -1, 0}};
    double[] q = {0.15, 0.02};
    double[] om = {0.001, 0.0004};
    BlackLitterman bl = model().withTau(tau).withAbsoluteView("C", 0.15)
        .withRelativeView("A", "B", 0.02).withOmega(new double[][] {{0.001, 0}, {0, 0.0004}});
    double[] pi = bl.prior().toArray();
    double[][] tauS = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        tauS[i][j] = tau * S.get(i, j);
      }
    }
    double[][] precision = new double[3][3];
    double[] rhs = new double[3];
    double[] tauSInvPi = Fixtures.solve(tauS, pi);
    for (int j = 0; j < 3; j++) {
      double[] e = new double[3];
      e[j] = 1;
      double[] col = Fixtures.solve(tauS, e);
      for (int i = 0; i < 3; i++) {
        precision[i][j] = col[i];
      }
    }
    for (int i = 0; i < 3; i++) {
      rhs[i] = tauSInvPi[i];
      for (int k = 0; k < 2; k++) {
        rhs[i] += p[k][i] * q[k] / om[k];
        for (int j = 0; j < 3; j++) {
          precision[i][j] += p[k][i] * p[k][j] / om[k];
        }
      }
    }
    double[] mu = Fixtures.solve(precision, rhs);
    for (int i = 0; i < 3; i++) {
      Tolerance.assertClose(mu[i], bl.posteriorReturns().get(i), Tolerance.CLOSED_FORM, "mu " + i);
    }
    double[][] post = bl.posteriorCovariance().toArray();
    for (int j = 0; j < 3; j++) {
      double[] e = new double[3];
      e[j] = 1;
      double[] mcol = Fixtures.solve(precision, e);
      for (int i = 0; i < 3; i++) {
        Tolerance.assertClose(S.get(i, j) + mcol[i], post[i][j], Tolerance.CLOSED_FORM,
            "S_BL " + i + "," + j);
      }
    }
  }

  @Test
  void marketImpliedRiskAversionFromPrices() {
    // Returns 0.01, -0.005, 0.02, 0.0: mean 0.00625, sample variance
    // (0.00375^2 + 0.01125^2 + 0.01375^2 + 0.00625^2) / 3 = 0.000114583...; f = 252, rf = 0.02:
    // delta = (0.00625 x 252 - 0.02) / (0.000114583 x 252).
    double[] px = {100, 101, 100.495, 102.5049, 102.5049};
    PriceFrame m = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 5),
        List.of("MKT"), new double[][] {px});
    double[] r = new double[4];
    double mean = 0;
    for (int t = 0; t < 4; t++) {
      r[t] = px[t + 1] / px[t] - 1;
      mean += r[t] / 4;
    }
    double ss = 0;
    for (double v : r) {
      ss += (v - mean) * (v - mean);
    }
    double expected = (mean * 252 - 0.02) / (ss / 3 * 252);
    Tolerance.assertClose(expected, BlackLitterman.marketImpliedRiskAversion(m, 0.02), 1e-12,
        "delta");
    assertTrue(expected > 0);
  }

  @Test
  void viewsOnUnknownAssetsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model().withView(Map.of("Z", 1.0), 0.1));
    assertTrue(e.getMessage().startsWith("View on unknown asset 'Z'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> model().withAbsoluteView("A", 0.1).withConfidences(0.5, 0.5));
  }
}
