package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed sizing cases. Most use seed 002's example request: AAPL, confidence 0.8,
 * expected return 6 %, max loss 3 %, portfolio value 100,000, cash 20,000 (price 150 is ours).
 */
class PositionSizerTest {

  static final SizingConfig SEED = SizingConfig.defaults();

  static SizingRequest seedRequest() {
    return SizingRequest.of("AAPL", 150, 100_000).withSignal(0.8, 0.06, 0.03)
        .withPortfolio(20_000, 0, Double.NaN, List.of());
  }

  @Test
  void confidenceWeighted() {
    Sizing s = PositionSizer.confidenceWeighted(SEED).size(seedRequest());
    // multiplier 1 + (2 - 1) x (0.8 - 0.6) / (1 - 0.6) = 1.5; 2 % x 1.5 = 3 % = 3,000 = 20 x 150
    assertNear(0.03, s.fraction(), EXACT, "fraction");
    assertEquals(20, s.quantity());
    assertNear(3000, s.value(), EXACT, "value");
    assertEquals(List.of(), s.steps(), "no limit binds");
    // at confidence 1 the full multiplier: 4 %
    assertNear(0.04, PositionSizer.confidenceWeighted(SEED)
        .rawFraction(seedRequest().withConfidence(1)), EXACT, "at confidence 1");
  }

  @Test
  void fixedPercentAndFixedDollar() {
    // 2 % of 100,000 = 2,000 -> 13 whole units of 150 (1,950)
    Sizing p = PositionSizer.fixedPercent(SEED).size(seedRequest());
    assertEquals(13, p.quantity());
    // 5,000 = 5 % -> 33 units
    Sizing d = PositionSizer.fixedDollar(5000, SEED).size(seedRequest());
    assertNear(0.05, d.fraction(), EXACT, "fraction");
    assertEquals(33, d.quantity());
  }

  @Test
  void kellyIsCappedByThePositionRisk() {
    Sizing s = PositionSizer.kelly(SEED).size(seedRequest());
    // full Kelly p / L - (1 - p) / R = 0.8 / 0.03 - 0.2 / 0.06 = 26.667 - 3.333 = 23.333;
    // a quarter of it: 5.8333
    assertNear(0.25 * (0.8 / 0.03 - 0.2 / 0.06), s.rawFraction(), EXACT, "raw");
    // losing 3 % at the stop may cost at most 0.5 % of equity: 0.005 / 0.03 = 16.667 %
    assertEquals("max position risk", s.steps().get(0).rule());
    assertNear(0.005 / 0.03, s.fraction(), EXACT, "fraction");
    assertEquals(1, s.steps().size(), s.toString());
    // 16,666.67 / 150 = 111.1 -> 111 units; their loss at the stop 111 x 150 x 3 % = 499.5
    assertEquals(111, s.quantity());
    // no edge: p = 0.6, R = 0.02, L = 0.03: 0.6 / 0.03 - 0.4 / 0.02 = 20 - 20 = 0 -> nothing
    assertNear(0, PositionSizer.kelly(SEED).rawFraction(
        SizingRequest.of("X", 10, 1000).withSignal(0.6, 0.02, 0.03)), EXACT, "no edge");
  }

  @Test
  void kellyMeanVarianceIsCappedBySizeThenCash() {
    SizingRequest r = SizingRequest.of("X", 100, 100_000).withMoments(0.10, 0.25)
        .withPortfolio(20_000, 0, Double.NaN, List.of());
    Sizing s = PositionSizer.kellyMeanVariance(SEED).size(r);
    // 0.25 x 0.10 / 0.25^2 = 0.4 -> max position size 25 % -> cash 20,000 / 100,000 = 20 %
    assertNear(0.4, s.rawFraction(), EXACT, "raw");
    assertEquals(List.of("max position size", "cash"),
        s.steps().stream().map(Sizing.Step::rule).toList());
    assertNear(0.2, s.fraction(), EXACT, "fraction");
  }

  @Test
  void riskParityAndVolatilityAdjusted() {
    SizingRequest alone = SizingRequest.of("X", 100, 100_000).withVolatility(0.30);
    // empty book: base 2 % carrying the 15 % target -> contribution 0.003; / 0.30 = 1 %
    assertNear(0.01, PositionSizer.riskParity(SEED).rawFraction(alone), EXACT, "empty book");
    SizingRequest withBook = alone.withPortfolio(Double.NaN, 0, Double.NaN, List.of(
        new SizingRequest.BookPosition("A", 0.10, 0.20),
        new SizingRequest.BookPosition("B", -0.05, 0.40)));
    // contributions 0.10 x 0.20 = 0.02 and 0.05 x 0.40 = 0.02, mean 0.02; / 0.30 = 6.667 %
    assertNear(0.02 / 0.30, PositionSizer.riskParity(SEED).rawFraction(withBook), EXACT,
        "book");
    // volatility adjusted: 2 % x 15 % / 30 % = 1 %; a calmer asset (7.5 %) gets 4 %
    assertNear(0.01, PositionSizer.volatilityAdjusted(SEED).rawFraction(alone), EXACT, "30 %");
    assertNear(0.04, PositionSizer.volatilityAdjusted(SEED).rawFraction(
        alone.withVolatility(0.075)), EXACT, "7.5 %");
  }

  @Test
  void stopDistanceRisksTheMaximumPositionRisk() {
    // 2 x ATR of 3 = 6 below 150: 0.5 % x 150 / 6 = 12.5 % -> 83 units, losing 83 x 6 = 498
    Sizing s = PositionSizer.stopDistance(SEED).size(
        SizingRequest.of("AAPL", 150, 100_000).withStopDistance(6));
    assertNear(0.125, s.fraction(), EXACT, "fraction");
    assertEquals(83, s.quantity());
    assertTrue(s.quantity() * 6 <= 0.005 * 100_000);
  }

  @Test
  void limitsApplyInOrderAndSayWhy() {
    SizingRequest r = seedRequest().withPortfolio(20_000, 0.019, 0.6, List.of());
    Sizing s = PositionSizer.confidenceWeighted(SEED).size(r);
    // 3 % -> correlation 0.6: x (1 - 0.5 x 0.6) = x 0.7 -> 2.1 %;
    // budget (2 % - 1.9 %) / 3 % = 3.333 % does not bind at 2.1 %
    assertEquals(List.of("correlation"), s.steps().stream().map(Sizing.Step::rule).toList());
    assertNear(0.021, s.fraction(), EXACT, "after correlation");
    Sizing tight = PositionSizer.fixedPercent(SEED.withBasePositionSize(0.05)).size(r);
    // 5 % x 0.7 = 3.5 % -> budget 3.333 %
    assertEquals("portfolio risk budget", tight.steps().get(1).rule());
    assertNear(0.001 / 0.03, tight.fraction(), EXACT, "budget");
    // below the minimum confidence: nothing, and the step says why
    Sizing none = PositionSizer.confidenceWeighted(SEED).size(seedRequest().withConfidence(0.55));
    assertEquals(0, none.quantity());
    assertEquals("confidence 0.55 is below the minimum 0.6", none.steps().get(0).reason());
  }

  @Test
  void missingAndInvalidInputsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PositionSizer.kelly(SEED).size(SizingRequest.of("AAPL", 150, 100_000)));
    assertEquals("Sizing of 'AAPL': this method needs confidence, but it is not given (NaN)",
        e.getMessage());
    // seed 002's common errors: confidence out of range, non-positive expected return / max loss
    e = assertThrows(IllegalArgumentException.class,
        () -> SizingRequest.of("AAPL", 150, 100_000).withSignal(1.2, 0.06, 0.03));
    assertEquals("Sizing of 'AAPL': expected 0.0 <= confidence <= 1.0 (or NaN), but found 1.2",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SizingRequest.of("AAPL", 150, 100_000).withSignal(0.8, 0.06, 0));
    assertEquals("Sizing of 'AAPL': expected 0.0 < maxLoss <= 1.0 (or NaN), but found 0.0",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PositionSizer.kelly(SEED).size(seedRequest().withSignal(0.8, -0.06, 0.03)));
    assertEquals("Sizing of 'AAPL': Kelly needs expectedReturn > 0 (the win), but found -0.06",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SEED.withMinConfidence(1));
    assertEquals("SizingConfig: expected 0 <= minConfidence < 1, but found 1.0", e.getMessage());
  }

  // ------------------------------------------------------------------ optimal f

  @Test
  void vincesWorkedTwrExample() {
    // Vince, Portfolio Mathematics (2004), ch. 4: trades +100, -500, +1500, -600; largest loss
    // 600; at f = 0.01 the TWR is 60478.25437 / 60000 = 1.007970906 (printed to 10 digits).
    double[] trades = {100, -500, 1500, -600};
    assertNear(1.007970906, OptimalF.twr(trades, 0.01), 1e-9, "TWR(0.01)");
  }

  @Test
  void vincesOptimalF() {
    // Vince, Portfolio Management Formulas (1990): trades 9, 18, 7, 1, 10, -5, -3, -17, -7
    // have optimal f = .24 (found on a 0.01 grid) with TWR about 1.0957 and G about 1.0102.
    double[] trades = {9, 18, 7, 1, 10, -5, -3, -17, -7};
    OptimalF opt = OptimalF.of(trades);
    assertEquals(17, opt.largestLoss());
    // an independent 0.01-grid search, as Vince did it
    double bestF = 0;
    double bestTwr = 0;
    for (int k = 1; k <= 99; k++) {
      double twr = 1;
      for (double t : trades) {
        twr *= 1 + (k / 100.0) * t / 17;
      }
      if (twr > bestTwr) {
        bestTwr = twr;
        bestF = k / 100.0;
      }
    }
    assertEquals(0.24, bestF, 1e-12, "grid optimum");
    assertEquals(0.24, Math.round(opt.f() * 100) / 100.0, 1e-12, "optimum to two decimals");
    assertTrue(opt.twr() >= bestTwr, "the exact optimum is at least the grid's best");
    assertNear(1.0957, OptimalF.twr(trades, 0.24), 5e-5, "TWR at .24");
    assertNear(Math.pow(opt.twr(), 1.0 / 9), opt.geometricMean(), EXACT, "G");
    // d/df ln TWR = sum t / (17 + f t) vanishes at the optimum
    double d = 0;
    for (double t : trades) {
      d += t / (17 + opt.f() * t);
    }
    assertNear(0, d, 1e-9, "derivative at the optimum");
    // sizing: one unit per 17 / f of equity at a price of 50: f x 50 / 17 of equity
    Sizing s = PositionSizer.optimalF(trades, SEED.withMaxPositionSize(1))
        .size(SizingRequest.of("X", 50, 100_000));
    assertNear(opt.f() * 50 / 17, s.rawFraction(), EXACT, "raw");
  }

  @Test
  void optimalFNeedsALossAndAnEdge() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimalF.of(new double[] {1, 2}));
    assertEquals("Optimal f needs at least one losing trade; the 2 trades have none, so f is"
        + " unbounded", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimalF.of(new double[] {1, -2}));
    assertTrue(e.getMessage().startsWith("Optimal f needs trades with a positive mean"),
        e.getMessage());
  }
}
