package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 002's risk budgets, by hand. */
class RiskBudgetTest {

  static final double EXACT = 1e-12;

  static double[] alternating(double x, int n) {
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = t % 2 == 0 ? x : -x;
    }
    return r;
  }

  static <V> Map<String, V> ordered(Object... kv) {
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return m;
  }

  @Test
  void sharesOfTheSixAllocationTypes() {
    assertEquals(1.0 / 3, BudgetShares.equalRisk(List.of("a", "b", "c")).shares().get("a"));
    // 1/0.1 = 10 and 1/0.2 = 5: 10/15 and 5/15.
    BudgetShares vol = BudgetShares.volatilityWeighted(ordered("a", 0.1, "b", 0.2));
    assertEquals(2.0 / 3, vol.shares().get("a"), EXACT);
    assertEquals(1.0 / 3, vol.shares().get("b"), EXACT);
    // 0.8 / 2.0 = 0.4, 0.6 / 2.0 = 0.3.
    BudgetShares conf = BudgetShares.confidenceWeighted(ordered("a", 0.8, "b", 0.6, "c", 0.6));
    assertEquals(0.4, conf.shares().get("a"), EXACT);
    assertEquals(0.3, conf.shares().get("c"), EXACT);
    assertEquals(0.25, BudgetShares.strategyWeighted(ordered("a", 1.0, "b", 3.0)).shares()
        .get("a"), EXACT);
    // Two sectors: a half each; Tech's half split between a and b.
    BudgetShares sector = BudgetShares.sectorWeighted(ordered("a", "Tech", "b", "Tech", "c",
        "Energy"));
    assertEquals(0.25, sector.shares().get("a"), EXACT);
    assertEquals(0.5, sector.shares().get("c"), EXACT);
    assertEquals(List.of("a", "b", "c"), List.copyOf(sector.shares().keySet()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BudgetShares.custom(ordered("a", 0.5, "b", 0.4)));
    assertTrue(e.getMessage().startsWith("Budget shares (custom): shares sum to 0.9"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BudgetShares.confidenceWeighted(ordered("a", 1.5)));
    assertEquals("Budget shares: the confidence of 'a' is 1.5; confidences must be in (0, 1]",
        e.getMessage());
  }

  /**
   * Volatility budget of 2 %, equal shares (1 % each). A alternates +-1.2 %: sd over 40 periods
   * = 0.012 x sqrt(40/39) = 0.0121529, utilisation 121.5 % > 120 %: a violation. B alternates
   * +-0.4 %: sd 0.0040510, 40.5 %. Risk shares 3/4 and 1/4 drift 25 points from 1/2: rebalance.
   */
  @Test
  void utilisationViolationsAndDrift() {
    RiskBudget budget = RiskBudget.of(0.02, RiskBudget.Measure.VOLATILITY);
    Map<String, double[]> r = ordered("A", alternating(0.012, 40), "B", alternating(0.004, 40));
    BudgetReport rep = budget.evaluate(BudgetShares.equalRisk(List.of("A", "B")), r,
        RiskBudget.Market.NORMAL, null);
    BudgetReport.Line a = rep.lines().get(0);
    assertEquals(0.012 * Math.sqrt(40.0 / 39), a.risk(), EXACT);
    assertEquals(0.01, a.allocated(), EXACT);
    assertEquals(1.2 * Math.sqrt(40.0 / 39), a.utilisation(), 1e-10);
    assertTrue(a.violation());
    assertFalse(rep.lines().get(1).violation());
    assertEquals(0.75, a.riskShare(), EXACT);
    assertEquals(0.25, a.drift(), EXACT);
    assertTrue(rep.needsRebalance());
    assertEquals(List.of(a), rep.violations());
    // A stressed market halves the total: B's utilisation doubles to 81 %.
    BudgetReport stressed = budget.evaluate(BudgetShares.equalRisk(List.of("A", "B")), r,
        RiskBudget.Market.STRESSED, null);
    assertEquals(0.01, stressed.scaledTotal(), EXACT);
    assertEquals(2 * rep.lines().get(1).utilisation(), stressed.lines().get(1).utilisation(),
        1e-10);
    assertTrue(rep.toString().contains("VIOLATION"), rep.toString());
  }

  /**
   * Historical 95 % VaR of 20 returns -5 %, -3 % and 18 x +1 %: the 5 % quantile lies at
   * position 0.05 x 19 = 0.95 of the sorted returns, -0.05 + 0.95 x 0.02 = -0.031 (linear
   * interpolation, numpy's default): a loss of 3.1 %. Beta of half the benchmark: 0.5.
   */
  @Test
  void varAndBetaMeasures() {
    double[] r = new double[20];
    java.util.Arrays.fill(r, 0.01);
    r[3] = -0.05;
    r[11] = -0.03;
    BudgetReport rep = RiskBudget.of(0.05, RiskBudget.Measure.VAR_95)
        .evaluate(BudgetShares.custom(ordered("x", 1.0)), ordered("x", r),
            RiskBudget.Market.NORMAL, null);
    assertEquals(0.031, rep.lines().get(0).risk(), EXACT);
    double[] bench = alternating(0.01, 30);
    double[] half = new double[30];
    for (int t = 0; t < 30; t++) {
      half[t] = 0.5 * bench[t]; // exactly half
    }
    BudgetReport beta = RiskBudget.of(1, RiskBudget.Measure.BETA_EXPOSURE)
        .evaluate(BudgetShares.custom(ordered("x", 1.0)), ordered("x", half),
            RiskBudget.Market.NORMAL, bench);
    assertEquals(0.5, beta.lines().get(0).risk(), EXACT);
  }

  @Test
  void badInputIsNamed() {
    RiskBudget b = RiskBudget.of(0.02, RiskBudget.Measure.VAR_99);
    BudgetShares s = BudgetShares.equalRisk(List.of("A"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.evaluate(s, ordered("A", alternating(0.01, 50)), RiskBudget.Market.NORMAL, null));
    assertTrue(e.getMessage().startsWith("Risk budget: the VAR_99 of 'A' is undefined (50"
        + " returns"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> b.evaluate(s, ordered("B", alternating(0.01, 50)), RiskBudget.Market.NORMAL, null));
    assertTrue(e.getMessage().contains("returns of 'B', which has no share"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RiskBudget.of(1, RiskBudget.Measure.BETA_EXPOSURE).evaluate(s,
            ordered("A", alternating(0.01, 50)), RiskBudget.Market.NORMAL, null));
    assertEquals("Risk budget: BETA_EXPOSURE needs a benchmark", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RiskBudget.of(0, RiskBudget.Measure.VAR_95));
    assertThrows(IllegalArgumentException.class,
        () -> RiskBudget.of(0.02, RiskBudget.Measure.VAR_95).withStressedScale(1.5));
  }
}
