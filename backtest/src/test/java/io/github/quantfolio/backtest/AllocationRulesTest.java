package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The allocation rules of seeds 003 and 004 on prices built from alternating returns, whose
 * trailing Sharpe ratios and correlations are known by hand:
 * A: +2 %, -1 %, ... (mean 0.5 %, deviations +-1.5 %), B: -1 %, +1 %, ... (mean 0, opposite
 * phase), C: +3 %, -1 %, ... (mean 1 %, deviations +-2 %). Over 40 returns the sample standard
 * deviation is the deviation x sqrt(40 / 39), so the Sharpe ratios are in the ratio
 * A : B : C = 1/3 : 0 : 1/2 (the common factor sqrt(39/40) x sqrt(252) cancels in the weights),
 * corr(A, C) = 1 and corr(A, B) = corr(B, C) = -1.
 */
class AllocationRulesTest {

  static final double EXACT = 1e-12;
  static final int RETURNS = 40;
  static final PriceFrame WINDOW = prices();

  static PriceFrame prices() {
    double[][] r = {{0.02, -0.01}, {-0.01, 0.01}, {0.03, -0.01}};
    double[][] p = new double[3][RETURNS + 1];
    for (int a = 0; a < 3; a++) {
      p[a][0] = 100;
      for (int t = 1; t <= RETURNS; t++) {
        p[a][t] = p[a][t - 1] * (1 + r[a][(t - 1) % 2]);
      }
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), RETURNS + 1),
        List.of("A", "B", "C"), p);
  }

  @Test
  void performanceWeightsAreProportionalToPositiveSharpeRatios() {
    Weights w = Allocator.performanceWeighted().allocate(WINDOW);
    // (1/3) / (1/3 + 1/2) = 0.4 and (1/2) / (5/6) = 0.6; B (Sharpe 0) gets nothing.
    assertEquals(List.of("A", "C"), w.assets());
    assertEquals(0.4, w.get("A"), EXACT);
    assertEquals(0.6, w.get("C"), EXACT);
  }

  @Test
  void topNKeepsTheBestTrailingSharpeRatios() {
    assertEquals(Map.of("C", 1.0), asMap(Allocator.equalWeight().withTopN(1).allocate(WINDOW)));
    Weights two = Allocator.equalWeight().withTopN(2).allocate(WINDOW);
    assertEquals(List.of("C", "A"), two.assets()); // ranked C (1/2), A (1/3)
  }

  @Test
  void correlationCapDropsTheWeakerOfAHighlyCorrelatedPair() {
    // Only (A, C) is above 0.8; A has the lower Sharpe ratio and goes.
    Weights w = Allocator.equalWeight().withCorrelationCap(0.8).allocate(WINDOW);
    assertEquals(List.of("B", "C"), w.assets());
    assertEquals(0.5, w.get("B"), EXACT);
  }

  @Test
  void volatilityTargetScalesTheWeights() {
    // C alone: its annualised volatility is 0.02 x sqrt(40/39) x sqrt(252).
    double volC = 0.02 * Math.sqrt(40.0 / 39) * Math.sqrt(252);
    Allocator onlyC = Allocator.named("C", window -> Weights.of(List.of("C"),
        new double[] {1}));
    assertEquals(0.5, onlyC.withVolatilityTarget(volC / 2, 1).allocate(WINDOW).get("C"), 1e-9);
    // Ten times the volatility would need leverage 10: capped at 1.
    assertEquals(1.0, onlyC.withVolatilityTarget(10 * volC, 1).allocate(WINDOW).get("C"),
        EXACT);
    assertEquals(2.0, onlyC.withVolatilityTarget(2 * volC, 3).allocate(WINDOW).get("C"), 1e-9);
  }

  @Test
  void byRegimeUsesTheAllocatorOfTheWindowsRegime() {
    RegimeDetector detector = RegimeDetector.defaults().withAdx(5, 25).withTrend(5, 2)
        .withVolatility(5, 10, 0.8);
    // The regime the detector gives the equal-weighted index (computed independently here).
    double[][] p = WINDOW.toArray();
    double[] index = new double[WINDOW.rows()];
    for (int t = 0; t < index.length; t++) {
      index[t] = (p[0][t] / p[0][0] + p[1][t] / p[1][0] + p[2][t] / p[2][0]) / 3;
    }
    Regime expected = detector.classify(index, index, index)[index.length - 1];
    assertTrue(expected != Regime.UNKNOWN, "the window must be long enough for the detector");
    Allocator onlyA = Allocator.named("A", window -> Weights.of(List.of("A"), new double[] {1}));
    Allocator onlyB = Allocator.named("B", window -> Weights.of(List.of("B"), new double[] {1}));
    assertEquals(List.of("A"), Allocator.byRegime(detector, Map.of(expected, onlyA), onlyB)
        .allocate(WINDOW).assets());
    // A window shorter than the detector's look-back is UNKNOWN: the fallback decides.
    PriceFrame shortWindow = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 5),
        List.of("A", "B", "C"), new double[][] {{1, 2, 3, 4, 5}, {1, 2, 3, 4, 5},
            {1, 2, 3, 4, 5}});
    assertEquals(List.of("B"), Allocator.byRegime(detector, Map.of(expected, onlyA), onlyB)
        .allocate(shortWindow).assets());
  }

  @Test
  void badArgumentsAndHopelessWindowsAreNamed() {
    // D: -1 %, +0.5 %, ...: a negative mean, so nothing positive to weight.
    double[] down = new double[RETURNS + 1];
    down[0] = 100;
    for (int t = 1; t <= RETURNS; t++) {
      down[t] = down[t - 1] * (t % 2 == 0 ? 0.99 : 1.005);
    }
    PriceFrame losing = PriceFrame.of(WINDOW.index(), List.of("D"), new double[][] {down});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Allocator.performanceWeighted().allocate(losing));
    assertTrue(e.getMessage().startsWith("performanceWeighted: no asset has a positive trailing"
        + " Sharpe ratio over the window ending 2024-02-26 (trailing Sharpe: D -"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Allocator.equalWeight().withTopN(0));
    assertThrows(IllegalArgumentException.class,
        () -> Allocator.equalWeight().withCorrelationCap(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> Allocator.equalWeight().withVolatilityTarget(0, 1));
  }

  /**
   * The rules compose inside a walk-forward portfolio: every quarterly weight vector holds at
   * most 4 assets and sums to at most 1 (the volatility overlay leaves the rest in cash).
   */
  @Test
  void rulesComposeInAWalkForwardPortfolio() {
    PriceFrame prices = io.github.quantfolio.core.MarketSimulator.builder().seed(3).assets(8)
        .sectors(2).days(700).build().simulate().prices();
    Allocator rules = Allocator.performanceWeighted().withCorrelationCap(0.8).withTopN(4)
        .withVolatilityTarget(0.10, 1);
    PortfolioResult r = WalkForwardPortfolio.of(prices).withAllocator(rules).withLookback(126)
        .withSchedule(RebalanceSchedule.QUARTERLY).run();
    assertTrue(r.rebalances().size() >= 5, r.toString());
    for (Rebalance b : r.rebalances()) {
      if (b.target() == null) {
        continue; // a failed allocation (listed by failedAllocations)
      }
      assertTrue(b.target().nonZero().assets().size() <= 4, b.toString());
      assertTrue(b.target().sum() <= 1 + 1e-9, b.toString());
    }
    assertTrue(r.toString().contains("performanceWeighted (trailing Sharpe) with a correlation cap"
        + " of 0.8 on the top 4 by trailing Sharpe scaled to 0.1 volatility"), r.toString());
  }

  static Map<String, Double> asMap(Weights w) {
    Map<String, Double> m = new java.util.TreeMap<>();
    for (String a : w.assets()) {
      m.put(a, w.get(a));
    }
    return m;
  }
}
