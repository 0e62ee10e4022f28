package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mean-CVaR: hand-computed CVaRs (beta T whole and fractional), the Rockafellar-Uryasev identity
 * (a binding LP constraint {@code alpha + sum u_t / ((1 - beta) T) <= limit} puts the CVaR of the
 * result exactly at the limit), and optimality against an exhaustive grid over three-asset
 * portfolios. Every CVaR that judges a result is computed here, by {@link #tailMean}, not by the
 * production {@code cvar()}.
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

  /** Scenario rows {@code [t][asset]} of a frame. */
  static double[][] rows(ReturnFrame r) {
    double[][] x = new double[r.rows()][r.assets().size()];
    for (int t = 0; t < x.length; t++) {
      for (int i = 0; i < x[t].length; i++) {
        x[t][i] = r.get(t, i);
      }
    }
    return x;
  }

  static final double[][] SCENARIOS = rows(R);

  /**
   * CVaR as a tail mean (Acerbi and Tasche 2002): the mean loss over the worst {@code (1 - beta)
   * T} scenarios, the boundary scenario counted with its fractional weight. Independent of the
   * Rockafellar-Uryasev minimisation over alpha that the production code evaluates.
   */
  static double tailMean(double[][] scenarios, double[] w, double beta) {
    int t = scenarios.length;
    double[] loss = new double[t];
    for (int r = 0; r < t; r++) {
      loss[r] = -Fixtures.dot(scenarios[r], w);
    }
    java.util.Arrays.sort(loss);
    double mass = (1 - beta) * t; // scenarios in the tail
    double sum = 0;
    double taken = 0;
    for (int r = t - 1; r >= 0 && taken < mass; r--) {
      double part = Math.min(1, mass - taken);
      sum += part * loss[r];
      taken += part;
    }
    return sum / mass;
  }

  static double tailMean(Weights w, double beta) {
    return tailMean(SCENARIOS, w.toArray(), beta);
  }

  @Test
  void cvarWhenBetaTimesTIsFractional() {
    // Returns 0.02, 0.01, -0.01, -0.03, -0.04 -> sorted losses -0.02, -0.01, 0.01, 0.03, 0.04.
    // beta = 0.5, T = 5: beta T = 2.5, the tail holds 2.5 scenarios: (0.04 + 0.03 + 0.5 x 0.01)
    // / 2.5 = 0.03; equivalently alpha = 3rd smallest loss (rank ceil 2.5) = 0.01 and
    // 0.01 + (0.02 + 0.03) / 2.5 = 0.03. (alpha at rank 2, -0.01, would give 0.034.)
    // beta = 0.7: beta T = 3.5, tail 1.5 scenarios: (0.04 + 0.5 x 0.03) / 1.5 = 0.036666...;
    // alpha at rank 4 = 0.03: 0.03 + 0.01 / 1.5. (Rank 3 would give 0.01 + 0.05 / 1.5 = 0.0433.)
    ReturnFrame r = ReturnFrame.of(
        io.github.quantfolio.core.TimeIndex.businessDays(java.time.LocalDate.of(2024, 1, 1), 5),
        List.of("X"), new double[][] {{0.02, 0.01, -0.01, -0.03, -0.04}});
    Weights all = Weights.of(List.of("X"), new double[] {1});
    Tolerance.assertClose(0.03, MeanCvar.of(r, 0.5).cvar(all), 1e-12, "CVaR beta 0.5");
    Tolerance.assertClose(0.055 / 1.5, MeanCvar.of(r, 0.7).cvar(all), 1e-12, "CVaR beta 0.7");
    // the test-scope tail mean agrees with both hand values
    double[][] x = rows(r);
    Tolerance.assertClose(0.03, tailMean(x, new double[] {1}, 0.5), 1e-12, "tail mean 0.5");
    Tolerance.assertClose(0.055 / 1.5, tailMean(x, new double[] {1}, 0.7), 1e-12, "tail mean 0.7");
  }

  @Test
  void productionCvarAgreesWithTheTailMeanOnRandomWeights() {
    java.util.Random rnd = new java.util.Random(11);
    // T = 260: beta T = 234 (whole), 241.8, 252.2 and 257.4 (fractional)
    assertTrue(SCENARIOS.length == 260, "T = " + SCENARIOS.length);
    for (double beta : new double[] {0.9, 0.93, 0.97, 0.99}) {
      MeanCvar m = MeanCvar.of(R, beta);
      for (int k = 0; k < 20; k++) {
        double a = rnd.nextDouble();
        double b = (1 - a) * rnd.nextDouble();
        Weights w = Weights.of(THREE, new double[] {a, b, 1 - a - b});
        Tolerance.assertClose(tailMean(w, beta), m.cvar(w), 1e-12, "beta " + beta + " " + w);
      }
    }
  }

  static double gridMinimum(double beta, double step, double[] mu, double target) {
    double best = Double.POSITIVE_INFINITY;
    int k = (int) Math.round(1 / step);
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        double[] w = {a * step, b * step, 1 - (a + b) * step};
        if (mu != null && Fixtures.dot(mu, w) < target) {
          continue;
        }
        best = Math.min(best, tailMean(SCENARIOS, w, beta));
      }
    }
    return best;
  }

  @Test
  void minimumCvarBeatsEveryGridPortfolioAndMatchesItsLpValue() {
    MeanCvar m = MeanCvar.of(R, 0.9);
    OptimalPortfolio p = m.minCvar();
    double cvar = tailMean(p.weights(), 0.9);
    double grid = gridMinimum(0.9, 0.005, null, 0);
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
    double cvar = tailMean(p.weights(), 0.9);
    assertTrue(cvar <= gridMinimum(0.9, 0.005, mu, target) + 1e-12);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> m.efficientReturn(0.2));
    assertTrue(e.getMessage().startsWith("Target return 0.2 is above the maximum attainable 0.12"),
        e.getMessage());
  }

  @Test
  void efficientRiskHasTheHighestReturnWithinTheCvarLimit() {
    double[] mu = {0.05, 0.12, 0.08};
    MeanCvar m = MeanCvar.of(AssetVector.of(THREE, mu), R, 0.9);
    double min = tailMean(m.minCvar().weights(), 0.9);
    double limit = 1.2 * min;
    // the all-A02 portfolio (highest return) is riskier than the limit, so the limit binds
    assertTrue(tailMean(SCENARIOS, new double[] {0, 1, 0}, 0.9) > limit * 1.01);
    OptimalPortfolio p = m.efficientRisk(limit);
    // Rockafellar-Uryasev: the LP bounds min over alpha of F(w, alpha), which is the CVaR of w;
    // with the bound binding, the CVaR of the result is the limit itself
    Tolerance.assertClose(limit, tailMean(p.weights(), 0.9), 1e-9, "CVaR at the binding limit");
    // no grid portfolio within the limit returns more
    int k = 200;
    for (int a = 0; a <= k; a++) {
      for (int b = 0; a + b <= k; b++) {
        double[] w = {a / 200.0, b / 200.0, 1 - (a + b) / 200.0};
        if (tailMean(SCENARIOS, w, 0.9) <= limit) {
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
          best = Math.min(best, tailMean(SCENARIOS, g, 0.9));
        }
      }
    }
    assertTrue(tailMean(p.weights(), 0.9) <= best + 1e-12);
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
