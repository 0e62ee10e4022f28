package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean-CDaR: a hand-computed CDaR and optimality against an exhaustive three-asset grid. */
class MeanCdarTest {

  static final List<String> THREE = MeanCvarTest.THREE;
  static final ReturnFrame R = MeanCvarTest.R;

  @Test
  void cdarOfAShortPathByHand() {
    // Returns 0.02, -0.01, -0.04, 0.01: drawdowns d = 0, 0.01, 0.05, 0.04 (uncompounded).
    // beta = 0.5: alpha = 2nd smallest = 0.01; tail = 0.04 + 0.03 = 0.07; CDaR = 0.01 + 0.07 / 2
    // = 0.045 = mean of the worst two drawdowns (0.05, 0.04).
    ReturnFrame r = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 5),
        List.of("X"), new double[][] {{100, 102, 100.98, 96.9408, 97.910208}}).returns();
    Tolerance.assertClose(0.045, MeanCdar.of(r, 0.5).cdar(Weights.of(List.of("X"),
        new double[] {1})), 1e-12, "CDaR");
  }

  static double grid(MeanCdar m, double[] mu, double target) {
    double best = Double.POSITIVE_INFINITY;
    int k = 100;
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        double[] w = {a / 100.0, b / 100.0, 1 - (a + b) / 100.0};
        if (mu != null && Fixtures.dot(mu, w) < target) {
          continue;
        }
        best = Math.min(best, m.cdar(Weights.of(THREE, w)));
      }
    }
    return best;
  }

  @Test
  void minimumCdarBeatsEveryGridPortfolio() {
    MeanCdar m = MeanCdar.of(R, 0.9);
    OptimalPortfolio p = m.minCdar();
    double cdar = m.cdar(p.weights());
    assertTrue(cdar <= grid(m, null, 0) + 1e-12, cdar + " > grid");
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
    assertTrue(p.method().startsWith("min CDaR, CDaR "), p.method());
  }

  @Test
  void efficientReturnAndRisk() {
    double[] mu = {0.05, 0.12, 0.08};
    MeanCdar m = MeanCdar.of(AssetVector.of(THREE, mu), R, 0.9);
    OptimalPortfolio p = m.efficientReturn(0.1);
    assertTrue(p.expectedReturn() >= 0.1 - 1e-9);
    assertTrue(m.cdar(p.weights()) <= grid(m, mu, 0.1) + 1e-12);
    double min = m.cdar(m.minCdar().weights());
    OptimalPortfolio q = m.efficientRisk(1.3 * min);
    assertTrue(m.cdar(q.weights()) <= 1.3 * min * (1 + 1e-9));
    assertThrows(OptimizationException.class, () -> m.efficientRisk(0.5 * min));
    assertThrows(OptimizationException.class, () -> m.efficientReturn(0.5));
  }

  @Test
  void sectorLimitIsRespectedAndOptimal() {
    java.util.function.Function<String, String> sector = a -> a.equals("A03") ? "Y" : "X";
    MeanCdar m = MeanCdar.of(R, 0.9).withSectorConstraints(sector, java.util.Map.of("Y", 0.5),
        java.util.Map.of());
    double[] w = m.minCdar().weights().toArray();
    assertTrue(w[2] >= 0.5 - 1e-9, "sector Y " + w[2]);
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a <= 100; a++) {
      for (int b = 0; a + b <= 100; b++) {
        double[] g = {a / 100.0, b / 100.0, 1 - (a + b) / 100.0};
        if (g[2] >= 0.5 - 1e-12) {
          best = Math.min(best, m.cdar(Weights.of(THREE, g)));
        }
      }
    }
    assertTrue(m.cdar(Weights.of(THREE, w)) <= best + 1e-12);
  }
}
