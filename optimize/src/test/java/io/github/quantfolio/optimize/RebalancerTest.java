package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.Rebalancer.Reason;
import io.github.quantfolio.optimize.Rebalancer.Trade;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Hand-traced rebalancing cases and conservation invariants. */
class RebalancerTest {

  static final AssetVector PX = AssetVector.of(List.of("A", "B", "C"), new double[] {10, 20, 5});

  static Weights w(double a, double b) {
    return Weights.of(List.of("A", "B"), new double[] {a, b});
  }

  @Test
  void driftNewPositionAndExit() {
    // 100 A (1000) + 40 C (200), no cash: V = 1200. Target A 50%, B 50%:
    // C exits (-40); A to 600 -> sell 40 (drift); B new: 600 / 20 = 30 shares.
    Rebalancer.Plan p = Rebalancer.of(w(0.5, 0.5)).plan(Map.of("A", 100L, "C", 40L), 0, PX);
    Map<String, Trade> byAsset = new HashMap<>();
    for (Trade t : p.trades()) {
      byAsset.put(t.asset(), t);
    }
    assertEquals(-40, byAsset.get("C").shares());
    assertEquals(Reason.EXIT, byAsset.get("C").reason());
    assertEquals(-40, byAsset.get("A").shares());
    assertEquals(Reason.DRIFT, byAsset.get("A").reason());
    assertEquals(30, byAsset.get("B").shares());
    assertEquals(Reason.NEW_POSITION, byAsset.get("B").reason());
    assertEquals(Map.of("A", 60L, "B", 30L), p.holdings());
    assertEquals(0, p.cash(), 1e-12);
    // turnover (C 40 x 5 + A 40 x 10 + B 30 x 20) / 1200 = 1200 / 1200
    Tolerance.assertClose(1.0, p.turnover(), Tolerance.CLOSED_FORM, "turnover");
  }

  @Test
  void smallDriftIsLeftAloneButConcentrationIsNot() {
    // A 52 sh (520) and B 24 sh (480): weights 0.52 / 0.48, target 0.5 / 0.5, threshold 0.05:
    // no trade. With a 0.51 maximum weight A is trimmed to 0.5: (500 - 520) / 10 = -2 shares.
    Map<String, Long> h = Map.of("A", 52L, "B", 24L);
    assertTrue(Rebalancer.of(w(0.5, 0.5)).withDriftThreshold(0.05).plan(h, 0, PX).trades()
        .isEmpty());
    Rebalancer.Plan p = Rebalancer.of(w(0.5, 0.5)).withDriftThreshold(0.05).withMaxWeight(0.51)
        .plan(h, 0, PX);
    assertEquals(1, p.trades().size());
    assertEquals(-2, p.trades().get(0).shares());
    assertEquals(Reason.CONCENTRATION, p.trades().get(0).reason());
    assertEquals(20, p.cash(), 1e-12);
  }

  @Test
  void lotsMinimumTradeValueAndCosts() {
    // 1000 cash, target A 30% B 70%, B in lots of 10, cost 1%:
    // A wants 300 / 10 = 30 shares, B 700 / 20 = 35 -> 30 (lots). Buys by under-weight: B first:
    // 30 x 20 = 600 + 6 cost, cash 394; A: 30 x 10 = 300 + 3, cash 91.
    Rebalancer.Plan p = Rebalancer.of(w(0.3, 0.7)).withLotSize("B", 10).withTransactionCost(0.01)
        .plan(Map.of(), 1000, PX);
    assertEquals(Map.of("A", 30L, "B", 30L), p.holdings());
    assertEquals(91, p.cash(), 1e-9);
    assertEquals(9, p.totalCost(), 1e-9);
    assertEquals("B", p.trades().get(0).asset());
    // A minimum trade value of 400 skips A's 300 buy.
    Rebalancer.Plan q = Rebalancer.of(w(0.3, 0.7)).withLotSize("B", 10).withMinimumTradeValue(400)
        .plan(Map.of(), 1000, PX);
    assertEquals(Map.of("B", 30L), q.holdings());
  }

  @Test
  void buysAreCutWhenCostsLeaveTooLittleCash() {
    // 1000 cash, target 100% A at 10 with 1% cost: 100 shares would cost 1010; 99 cost 999.9.
    Rebalancer.Plan p = Rebalancer.of(Weights.of(List.of("A"), new double[] {1}))
        .withTransactionCost(0.01).plan(Map.of(), 1000, PX);
    assertEquals(Map.of("A", 99L), p.holdings());
    assertEquals(0.1, p.cash(), 1e-9);
  }

  @Test
  void missingPriceAndShortTargetsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Rebalancer.of(w(0.5, 0.5)).plan(Map.of("Z", 1L), 0, PX));
    assertEquals("No price for asset 'Z'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rebalancer.of(w(1.2, -0.2)));
  }

  @Property(tries = 100)
  void cashStaysNonNegativeAndValueIsConserved(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int n, @ForAll @DoubleRange(min = 0, max = 0.02) double rate) {
    Random r = new Random(seed);
    List<String> names = Fixtures.names(n);
    double[] px = new double[n];
    double[] tw = new double[n];
    double sum = 0;
    Map<String, Long> h = new HashMap<>();
    for (int i = 0; i < n; i++) {
      px[i] = 1 + 200 * r.nextDouble();
      tw[i] = r.nextDouble();
      sum += tw[i];
      if (r.nextBoolean()) {
        h.put(names.get(i), (long) r.nextInt(500));
      }
    }
    for (int i = 0; i < n; i++) {
      tw[i] /= sum;
    }
    double cash = 10000 * r.nextDouble();
    AssetVector prices = AssetVector.of(names, px);
    Rebalancer.Plan p = Rebalancer.of(Weights.of(names, tw)).withTransactionCost(rate)
        .withLotSize(names.get(0), 1 + r.nextInt(20)).plan(h, cash, prices);
    double before = cash;
    double after = p.cash();
    for (int i = 0; i < n; i++) {
      before += h.getOrDefault(names.get(i), 0L) * px[i];
      long s = p.holdings().getOrDefault(names.get(i), 0L);
      assertTrue(s >= 0);
      after += s * px[i];
    }
    assertTrue(p.cash() >= 0);
    Tolerance.assertClose(before - p.totalCost(), after, 1e-12, "value net of costs");
  }
}
