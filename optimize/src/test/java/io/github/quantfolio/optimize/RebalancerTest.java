package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.Rebalancer.Reason;
import io.github.quantfolio.optimize.Rebalancer.Trade;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalancerTest {

  static final AssetVector PRICES = AssetVector.of(List.of("A", "B", "C", "D"),
      new double[] {100, 50, 20, 10});

  @Test
  void tradesByHand() {
    // Holdings: A 6 (600), B 4 (200), C 10 (200), cash 0: V = 1000, weights .6 .2 .2.
    // Target A .4, B .3, D .3 (C exits). A: (400 - 600)/100 = -2; B: (300 - 200)/50 = +2;
    // C: exit -10; D: new 300/10 = 30. Sales first: A -2 (+200), C -10 (+200): cash 400.
    // Buys by deficit: D (300) then B (100): 300 + 100 = 400, cash 0.
    Rebalancer.Plan plan = Rebalancer.create().plan(Map.of("A", 6L, "B", 4L, "C", 10L), 0,
        Weights.of(List.of("A", "B", "D"), new double[] {0.4, 0.3, 0.3}), PRICES);
    List<Trade> t = plan.trades();
    assertEquals(4, t.size(), plan.toString());
    assertEquals(new Trade("A", -2, 100, 0, Reason.DRIFT), t.get(0));
    assertEquals(new Trade("C", -10, 20, 0, Reason.EXIT), t.get(1));
    assertEquals(new Trade("D", 30, 10, 0, Reason.NEW_POSITION), t.get(2));
    assertEquals(new Trade("B", 2, 50, 0, Reason.DRIFT), t.get(3));
    assertEquals(Map.of("A", 4L, "B", 6L, "D", 30L), plan.shares());
    assertEquals(0, plan.cash(), 1e-12);
    assertEquals(800 / 1000.0, plan.turnover(), 1e-12); // 200 + 200 + 300 + 100 traded
  }

  @Test
  void thresholdsMinimumTradeLotsAndCosts() {
    Map<String, Long> held = Map.of("A", 5L, "B", 10L); // 500 + 500, cash 0: 50/50
    Weights target = Weights.of(List.of("A", "B"), new double[] {0.52, 0.48});
    // Drift 2% is not above a 3% threshold: nothing to do.
    assertTrue(Rebalancer.create().withDriftThreshold(0.03).plan(held, 0, target, PRICES).trades().isEmpty());
    // Without threshold: B sells 20/50 -> 0 shares (toward zero); A buys 20/100 -> 0: nothing.
    assertTrue(Rebalancer.create().plan(held, 0, target, PRICES).trades().isEmpty());
    // Bigger move with lots of 3 on B and costs 10 bps + 1 per trade:
    // target A .7 B .3: A +2 (200), B -4 -> lots of 3: -3 (150). Sale: cash 150 - 0.15 - 1.
    // Buy A 2 costs 200 + 0.2 + 1 > 148.85: cut to 1 share: 100 + 0.1 + 1 = 101.1.
    Rebalancer r = Rebalancer.create().withCosts(0.001, 1).withLotSizes(Map.of("B", 3L));
    Rebalancer.Plan p = r.plan(held, 0, Weights.of(List.of("A", "B"), new double[] {0.7, 0.3}), PRICES);
    assertEquals(List.of(new Trade("B", -3, 50, 0.15 + 1, Reason.DRIFT),
        new Trade("A", 1, 100, 0.1 + 1, Reason.DRIFT)), p.trades());
    assertEquals(150 - 1.15 - 101.1, p.cash(), 1e-9);
    assertTrue(p.cash() >= 0);
    // A minimum trade of 200 skips both.
    assertTrue(r.withMinTradeValue(200).plan(held, 0,
        Weights.of(List.of("A", "B"), new double[] {0.7, 0.3}), PRICES).trades().isEmpty());
  }

  @Test
  void concentrationOverridesTheThreshold() {
    // A is 70% (7 x 100 of 1000) against a 55% target and a 50% limit; its 15% drift is below
    // the 20% threshold. (550 - 700) / 100 = -1.5 -> one share (toward zero).
    Rebalancer.Plan p = Rebalancer.create().withDriftThreshold(0.20).withConcentrationLimit(0.5)
        .plan(Map.of("A", 7L, "B", 6L), 0, Weights.of(List.of("A", "B"), new double[] {0.55, 0.45}), PRICES);
    assertEquals(Reason.CONCENTRATION, p.trades().get(0).reason());
    assertEquals(-1, p.trades().get(0).quantity());
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class, () -> Rebalancer.create().plan(Map.of("Z", 1L), 0,
        Weights.of(List.of("A"), new double[] {1}), PRICES));
    assertThrows(IllegalArgumentException.class, () -> Rebalancer.create().plan(Map.of(), 100,
        Weights.of(List.of("A"), new double[] {-0.5}), PRICES));
    assertThrows(IllegalArgumentException.class, () -> Rebalancer.create().plan(Map.of(), -1,
        Weights.of(List.of("A"), new double[] {1}), PRICES));
    assertThrows(IllegalArgumentException.class,
        () -> Rebalancer.create().withLotSizes(Map.of("A", 0L)));
  }
}
