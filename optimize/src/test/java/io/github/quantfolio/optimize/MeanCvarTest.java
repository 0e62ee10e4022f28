package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mean-CVaR: a hand-computed CVaR, the Rockafellar-Uryasev identity (LP value = CVaR of the
 * result), and optimality against an exhaustive grid over three-asset portfolios.
 */
class MeanCvarTest {

  static final List<String> THREE = List.of("A01", "A02", "A03");
  static final ReturnFrame R = Fixtures.PRICES.select(THREE).returns()
      .between(java.time.LocalDate.of(2022, 1, 1), java.time.LocalDate.of(2022, 12, 31));

  @Test
  void cvarOfFourScenariosByHand() {
    // Losses of a single asset: returns 0.02, -0.01, -0.04, 0.01 -> losses -0.02, 0.01, 0.04,
    // -0.01. beta = 0.5: alpha = 2nd smallest loss = -0.01; tail = (0.01 + 0.01) + (0.04 + 0.01)
    // = 0.07; CVaR = -0.01 + 0.07 / (0.5 x 4) = 0.025 = mean of the worst two losses (0.04, 0.01).
    ReturnFrame r = io.github.quantfolio.core.PriceFrame.of(
        io.github.quantfolio.core.TimeIndex.businessDays(java.time.LocalDate.of(2024, 1, 1), 5),
        List.of("X"), new double[][] {{100, 102, 100.98, 96.9408, 97.910208}}).returns();
    MeanCvar m = MeanCvar.of(r, 0.5);
    Tolerance.assertClose(0.025, m.cvar(Weights.of(List.of("X"), new double[] {1})), 1e-12, "CVaR");
  }

  static double gridMinimum(MeanCvar m, double step, double[] mu, double target) {
    double best = Double.POSITIVE_INFINITY;
    int k = (int) Math.round(1 / step);
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        double[] w = {a * step, b * step, 1 - (a + b) * step};
        if (mu != null && Fixtures.dot(mu, w) < target) {
          continue;
        }
        best = Math.min(best, m.cvar(Weights.of(THREE, w)));
      }
    }
    return best;
  }

  @Test
  void minimumCvarBeatsEveryGridPortfolioAndMatchesItsLpValue() {
    MeanCvar m = MeanCvar.of(R, 0.9);
    OptimalPortfolio p = m.minCvar();
    double cvar = m.cvar(p.weights());
    double grid = gridMinimum(m, 0.005, null, 0);
    assertTrue(cvar <= grid + 1e-12, cvar + " > grid " + grid);
    assertTrue(cvar >= grid - 0.01 * Math.abs(grid), "suspiciously far below the grid: " + cvar);
    assertTrue(p.method().startsWith("min CVaR, CVaR "), p.method());
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void efficientReturnMeetsTheTargetWithTheLeastCvar() {
    double[] mu = {0.05, 0.12, 0.08};
    MeanCvar m = MeanCvar.of(AssetVector.of(THREE, mu), R, 0.9);
    double target = 0.1;
    OptimalPortfolio p = m.efficientReturn(target);
    assertTrue(p.expectedReturn() >= target - 1e-9);
    double cvar = m.cvar(p.weights());
    assertTrue(cvar <= gridMinimum(m, 0.005, mu, target) + 1e-12);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> m.efficientReturn(0.2));
    assertTrue(e.getMessage().startsWith("Target return 0.2 is above the maximum attainable 0.12"),
        e.getMessage());
  }

  @Test
  void efficientRiskHasTheHighestReturnWithinTheCvarLimit() {
    double[] mu = {0.05, 0.12, 0.08};
    MeanCvar m = MeanCvar.of(AssetVector.of(THREE, mu), R, 0.9);
    double min = m.cvar(m.minCvar().weights());
    double limit = 1.2 * min;
    OptimalPortfolio p = m.efficientRisk(limit);
    assertTrue(m.cvar(p.weights()) <= limit * (1 + 1e-9), m.cvar(p.weights()) + " > " + limit);
    // no grid portfolio within the limit returns more
    int k = 200;
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        double[] w = {a / 200.0, b / 200.0, 1 - (a + b) / 200.0};
        if (m.cvar(Weights.of(THREE, w)) <= limit) {
          assertTrue(Fixtures.dot(mu, w) <= p.expectedReturn() + 1e-12);
        }
      }
    }
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> m.efficientRisk(0.5 * min));
    assertTrue(e.getMessage().startsWith("Target CVaR "), e.getMessage());
  }

  @Test
  void sectorLimitsAndMarketNeutrality() {
    // A01 and A02 in one sector capped at 30%: no grid portfolio meeting it has a lower CVaR.
    java.util.function.Function<String, String> sector = a -> a.equals("A03") ? "Y" : "X";
    MeanCvar m = MeanCvar.of(R, 0.9).withSectorConstraints(sector, java.util.Map.of(),
        java.util.Map.of("X", 0.3));
    OptimalPortfolio p = m.minCvar();
    double[] w = p.weights().toArray();
    assertTrue(w[0] + w[1] <= 0.3 + 1e-9, "sector " + (w[0] + w[1]));
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a <= 200; a++) {
      for (int b = 0; a + b <= 200; b++) {
        double[] g = {a / 200.0, b / 200.0, 1 - (a + b) / 200.0};
        if (g[0] + g[1] <= 0.3 + 1e-12) {
          best = Math.min(best, m.cvar(Weights.of(THREE, g)));
        }
      }
    }
    assertTrue(m.cvar(p.weights()) <= best + 1e-12);
    // market neutral: the least CVaR is the empty portfolio (refused); a return target is not
    MeanCvar neutral = MeanCvar.of(AssetVector.of(THREE, new double[] {0.05, 0.12, 0.08}), R, 0.9)
        .withBounds(-0.5, 0.5).withMarketNeutral();
    assertThrows(OptimizationException.class, neutral::minCvar);
    OptimalPortfolio q = neutral.efficientReturn(0.03);
    Tolerance.assertNear(0, q.weights().sum(), Tolerance.FEASIBILITY, "neutral sum");
    assertTrue(q.expectedReturn() >= 0.03 - 1e-9);
  }

  @Test
  void capsAndMissingScenariosAreHandled() {
    OptimalPortfolio p = MeanCvar.of(R, 0.95).withBounds(0, 0.4).minCvar();
    for (double v : p.weights().toArray()) {
      assertTrue(v >= 0 && v <= 0.4);
    }
    ReturnFrame ragged = Fixtures.MARKET.prices().returns();
    assertThrows(IllegalArgumentException.class, () -> MeanCvar.of(ragged, 0.95));
  }
}
