package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PortfolioRisk;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Closed forms and the core property of Choueifaty and Coignard (2008). */
class MaxDiversificationTest {

  @Test
  void equalCorrelationsGiveInverseVolatility() {
    // With x_i = sigma_i w_i, D = 1'x / sqrt(x'Cx) and C = (1 - rho) I + rho 11': for fixed 1'x
    // the denominator is smallest when x is constant, i.e. w_i ~ 1 / sigma_i (hand derivation).
    for (double rho : new double[] {0, 0.4}) {
      double[] vol = {0.1, 0.2, 0.25, 0.5};
      double[][] corr = new double[4][4];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          corr[i][j] = i == j ? 1 : rho;
        }
      }
      CovarianceMatrix cov = RiskParityTest.covariance(vol, corr);
      double[] w = MaxDiversification.of(cov).solve().weights().toArray();
      double total = 10 + 5 + 4 + 2;
      double[] inv = {10, 5, 4, 2};
      for (int i = 0; i < 4; i++) {
        Tolerance.assertClose(inv[i] / total, w[i], Tolerance.CLOSED_FORM, "w" + i + " rho " + rho);
      }
    }
  }

  static void assertCoreProperty(Weights w, CovarianceMatrix cov) {
    // Held assets: corr(i, P) = (Sw)_i / (sigma_i sigma_P) = 1 / D; others: >= 1 / D.
    double[] x = w.toArray();
    double[] sx = Fixtures.times(cov.toArray(), x);
    double sp = Math.sqrt(Fixtures.dot(x, sx));
    double d = MaxDiversification.diversificationRatio(w, cov);
    Tolerance.assertClose(PortfolioRisk.of(w, cov).diversificationRatio(), d, Tolerance.CLOSED_FORM,
        "ratio against PortfolioRisk");
    for (int i = 0; i < x.length; i++) {
      double rho = sx[i] / (Math.sqrt(cov.get(i, i)) * sp);
      if (x[i] > 1e-9) {
        Tolerance.assertClose(1 / d, rho, Tolerance.KKT, "correlation of held asset " + i);
      } else {
        assertTrue(rho >= 1 / d - Tolerance.KKT, "excluded asset " + i + ": " + rho + " < " + 1 / d);
      }
    }
  }

  @Test
  void defaultMarketHasTheCoreProperty() {
    OptimalPortfolio p = MaxDiversification.of(Fixtures.COV).solve();
    assertCoreProperty(p.weights(), Fixtures.COV);
    assertTrue(p.method().startsWith("max diversification (ratio "), p.method());
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void capsAreRespected() {
    OptimalPortfolio p = MaxDiversification.of(Fixtures.COV).withBounds(0, 0.08).solve();
    for (double v : p.weights().toArray()) {
      assertTrue(v >= 0 && v <= 0.08);
    }
    double uncapped = MaxDiversification.diversificationRatio(
        MaxDiversification.of(Fixtures.COV).solve().weights(), Fixtures.COV);
    assertTrue(MaxDiversification.diversificationRatio(p.weights(), Fixtures.COV) <= uncapped);
  }

  @Property(tries = 30)
  void randomProblemsHaveTheCoreProperty(@ForAll long seed, @ForAll @IntRange(min = 2, max = 15) int n) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    CovarianceMatrix cov = CovarianceMatrix.of(pr.names(), pr.cov());
    assertCoreProperty(MaxDiversification.of(cov).solve().weights(), cov);
  }
}
