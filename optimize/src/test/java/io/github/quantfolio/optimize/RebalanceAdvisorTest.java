package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.RebalanceAnalysis.Level;
import io.github.quantfolio.optimize.RebalanceRecommendation.Priority;
import io.github.quantfolio.optimize.RebalanceRecommendation.Reason;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-checked cases of the rebalancing advisor; the arithmetic is in the comments. */
class RebalanceAdvisorTest {

  /** A 4-return window keeps the correlations hand-checkable. */
  static final AdvisorConfig FOUR = AdvisorConfig.defaults().withLookback(4);
  static final double C = 0.01;
  /** Walsh codes of length 4: mean zero and mutually orthogonal. */
  static final double[] X = {C, -C, C, -C};
  static final double[] E = {C, C, -C, -C};
  static final double[] Y = {C, -C, -C, C};
  static final double[] FLAT = {0, 0, 0, 0};

  /** Prices from 100 compounding the given returns, one column per asset, business days. */
  static PriceFrame frame(List<String> assets, double[]... returns) {
    int len = returns[0].length;
    double[][] cols = new double[assets.size()][len + 1];
    for (int a = 0; a < cols.length; a++) {
      cols[a][0] = 100;
      for (int t = 0; t < len; t++) {
        cols[a][t + 1] = cols[a][t] * (1 + returns[a][t]);
      }
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2026, 11, 2), len + 1), assets,
        cols, Frequency.DAILY);
  }

  static double[] plus(double[] a, double k, double[] b, double shift) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + k * b[i] + shift;
    }
    return r;
  }

  static Map<String, String> cats(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Double> qty(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  static final List<String> ABCD = List.of("A", "B", "C", "D");
  static final AssetVector PX = AssetVector.of(ABCD, new double[] {30, 10, 10, 10});

  /** A 300, B 200, C 250, D 250 (V = 1000); A and B in L1. */
  static AdvisorBook concentratedBook() {
    return AdvisorBook.ofHoldings(qty("A", 10, "B", 20, "C", 25, "D", 25), PX,
        cats("A", "L1", "B", "L1", "C", "DeFi", "D", "Meme"), 0);
  }

  @Test
  void concentrationTrimCategoryAndHealth() {
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(concentratedBook(),
        frame(ABCD, X, E, Y, FLAT));
    // weights 0.30, 0.20, 0.25, 0.25: HHI = 0.09 + 0.04 + 0.0625 + 0.0625 = 0.255 > 0.25 -> high
    Tolerance.assertClose(0.255, r.concentration().hhi(), Tolerance.CLOSED_FORM, "HHI");
    assertEquals(Level.HIGH, r.concentration().level());
    // only A is above 25 % (C and D sit exactly on it): excess 0.05 = 50, trim to 23 % sells
    // (0.30 - 0.23) x 1000 = 70
    assertEquals(1, r.concentration().positions().size());
    RebalanceAnalysis.Excess a = r.concentration().positions().get(0);
    assertEquals("A", a.name());
    Tolerance.assertClose(50, a.excessValue(), Tolerance.CLOSED_FORM, "A excess value");
    Tolerance.assertClose(70, a.tradeValue(), Tolerance.CLOSED_FORM, "A trim trade value");
    // L1 = 0.50 > 0.40: excess 100, to 38 % sells 120, pro rata: A to 0.30 x 0.38 / 0.5 = 0.228
    // (sells 72), B to 0.20 x 0.76 = 0.152 (sells 48)
    RebalanceAnalysis.Excess l1 = r.concentration().categories().get(0);
    assertEquals("L1", l1.name());
    Tolerance.assertClose(100, l1.excessValue(), Tolerance.CLOSED_FORM, "L1 excess value");
    Tolerance.assertClose(120, l1.tradeValue(), Tolerance.CLOSED_FORM, "L1 trade value");
    // health 100 - 15 (A) - 0 (no pair: the codes are orthogonal) - 10 (L1) = 75
    assertEquals(75, r.health().score(), 0);
    assertEquals(0, r.health().correlationDeduction(), 0);
    // 75 >= 70, but the trim of A is HIGH priority
    assertEquals(1, r.highPriorityActions());
    assertTrue(r.needsRebalancing());
    // sorted: HIGH A 70; then MEDIUM by trade value: A 72, B 48
    List<RebalanceRecommendation> recs = r.recommendations();
    assertEquals(3, recs.size());
    assertEquals(List.of(Reason.CONCENTRATION_RISK, Reason.CATEGORY_CONCENTRATION,
        Reason.CATEGORY_CONCENTRATION), recs.stream().map(RebalanceRecommendation::reason)
        .toList());
    assertEquals(List.of("A", "A", "B"), recs.stream().map(RebalanceRecommendation::symbol)
        .toList());
    Tolerance.assertClose(70, recs.get(0).tradeValue(), Tolerance.CLOSED_FORM, "trim");
    Tolerance.assertClose(72, recs.get(1).tradeValue(), Tolerance.CLOSED_FORM, "A category");
    Tolerance.assertClose(48, recs.get(2).tradeValue(), Tolerance.CLOSED_FORM, "B category");
    assertEquals(0.85, recs.get(0).confidence(), 0);
    // targets take the lowest: A 0.228, B 0.152, C and D unchanged
    Weights t = r.targetWeights();
    Tolerance.assertClose(0.228, t.get("A"), Tolerance.CLOSED_FORM, "target A");
    Tolerance.assertClose(0.152, t.get("B"), Tolerance.CLOSED_FORM, "target B");
    assertEquals(0.25, t.get("C"), 0);
    // categories largest first: L1 0.5, then DeFi and Meme 0.25 each
    assertEquals(List.of("L1", "DeFi", "Meme"), List.copyOf(r.categoryAllocation().keySet()));
    // orthogonal codes: correlations 0 among A, B, C; D is flat (NaN), so the average is 0
    Tolerance.assertNear(0, r.correlation().get("A", "B"), 1e-12, "corr A B");
    assertTrue(Double.isNaN(r.correlation().get("A", "D")));
    Tolerance.assertNear(0, r.correlation().average(), 1e-12, "average correlation");
    // heat without stops: 1.6448536269514722 x s x (0.30 + 0.20 + 0.25) with s the sample
    // sd of +-0.01 over 4 returns, sqrt(4 x 0.0001 / 3); D is flat (s = 0)
    Tolerance.assertClose(1.6448536269514722 * Math.sqrt(4e-4 / 3) * 0.75, r.heat(), 1e-10,
        "heat");
    // volatility sqrt(4e-4 / 3) x sqrt(252) = 0.18330...
    Tolerance.assertClose(Math.sqrt(4e-4 / 3 * 252), r.assets().get(0).volatility(), 1e-10,
        "volatility of A");
  }

  @Test
  void stopsReplaceVarInTheHeat() {
    AdvisorBook b = concentratedBook().withStopDistances(Map.of("A", 0.10, "D", 0.05));
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(b, frame(ABCD, X, E, Y, FLAT));
    // A 0.30 x 0.10 + D 0.25 x 0.05 + VaR of B and C: 1.6449 x sqrt(4e-4 / 3) x 0.45
    double expected = 0.03 + 0.0125 + 1.6448536269514722 * Math.sqrt(4e-4 / 3) * 0.45;
    Tolerance.assertClose(expected, r.heat(), 1e-10, "heat with stops");
  }

  @Test
  void planOfTheRecommendations() {
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(concentratedBook(),
        frame(ABCD, X, E, Y, FLAT));
    Rebalancer.Plan p = r.toPlan(Map.of("A", 10L, "B", 20L, "C", 25L, "D", 25L), 0, PX);
    // A: (0.228 x 1000 - 300) / 30 = -2.4 -> -2 shares (above the 25 % cap: CONCENTRATION);
    // B: (152 - 200) / 10 = -4.8 -> -4 (DRIFT); C and D are on target: no trade
    assertEquals(2, p.trades().size());
    Map<String, Rebalancer.Trade> by = new LinkedHashMap<>();
    p.trades().forEach(tr -> by.put(tr.asset(), tr));
    assertEquals(-2, by.get("A").shares());
    assertEquals(Rebalancer.Reason.CONCENTRATION, by.get("A").reason());
    assertEquals(-4, by.get("B").shares());
    assertEquals(Rebalancer.Reason.DRIFT, by.get("B").reason());
    Tolerance.assertClose(100, p.cash(), Tolerance.CLOSED_FORM, "cash 60 + 40");
  }

  /** Five positions of 20 % in five categories; A and B correlated as built. */
  static RebalanceAnalysis pair(double k, double shiftOfB) {
    List<String> syms = List.of("A", "B", "C", "D", "F");
    AdvisorBook b = AdvisorBook.ofWeights(Weights.equal(syms), 10_000,
        cats("A", "a", "B", "b", "C", "c", "D", "d", "F", "f"));
    // B = X + k E + shift: centred, B - mean = X + k E with X . E = 0 and |X| = |E|, so
    // corr(A, B) = |X|^2 / (|X| sqrt(|X|^2 + k^2 |E|^2)) = 1 / sqrt(1 + k^2)
    return RebalanceAdvisor.of(FOUR).analyse(b,
        frame(syms, X, plus(X, k, E, shiftOfB), Y, FLAT, FLAT));
  }

  @Test
  void correlatedPairSellsTheWeakerPerformer() {
    // k = 1: corr 1 / sqrt(2) = 0.7071 > 0.7. B's returns are shifted up by 0.005, so B's window
    // return 1.025 x 1.005 x 1.005 x 0.985 - 1 = +1.97 % beats A's (1.01 x 0.99)^2 - 1 = -0.02 %:
    // A is the weaker and is sold by 20 %: 0.2 -> 0.16, worth 0.04 x 10,000 = 400
    RebalanceAnalysis r = pair(1, 0.005);
    Tolerance.assertClose(1 / Math.sqrt(2), r.correlation().get("A", "B"), 1e-10, "corr");
    assertEquals(1, r.correlation().highPairs().size());
    assertEquals("A", r.correlation().highPairs().get(0).weaker());
    assertEquals(1, r.recommendations().size());
    RebalanceRecommendation rec = r.recommendations().get(0);
    assertEquals("A", rec.symbol());
    assertEquals(Reason.CORRELATION_RISK, rec.reason());
    assertEquals(Priority.MEDIUM, rec.priority());
    Tolerance.assertClose(400, rec.tradeValue(), Tolerance.CLOSED_FORM, "trade value");
    // health 100 - 10 (one pair) = 90; no high-priority action: no rebalancing needed
    assertEquals(90, r.health().score(), 0);
    assertFalse(r.needsRebalancing());
    // shifted down instead, B's window return is below A's and B is sold
    assertEquals("B", pair(1, -0.005).correlation().highPairs().get(0).weaker());
  }

  @Test
  void correlationBelowTheThresholdIsNotFlagged() {
    // k = 1.1: corr 1 / sqrt(1 + 1.21) = 0.67267 < 0.7
    RebalanceAnalysis r = pair(1.1, 0.005);
    Tolerance.assertClose(1 / Math.sqrt(2.21), r.correlation().get("A", "B"), 1e-10, "corr");
    assertTrue(r.correlation().highPairs().isEmpty());
    assertEquals(100, r.health().score(), 0);
    // average over the 3 finite pairs (A,B), (A,C), (B,C): (0.67267 + 0 + 0) / 3; the flat D
    // and F give NaN and are left out
    Tolerance.assertNear(1 / Math.sqrt(2.21) / 3, r.correlation().average(), 1e-10, "average");
  }

  @Test
  void healthDeductionsAndTheFloor() {
    // 0.3, 0.3, 0.3, 0.1 in four categories; returns all proportional to X plus different
    // drifts: every pair has correlation 1 (6 pairs)
    List<String> syms = List.of("A", "B", "C", "D");
    AdvisorBook b = AdvisorBook.ofWeights(Weights.of(syms, new double[] {0.3, 0.3, 0.3, 0.1}),
        1000, cats("A", "a", "B", "b", "C", "c", "D", "d"));
    PriceFrame f = frame(syms, X, plus(X, 1, X, 0.001), plus(X, 2, X, 0.002),
        plus(X, 0, X, 0.003));
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(b, f);
    // 100 - 3 x 15 - min(30, 6 x 10) - 0 = 25
    assertEquals(45, r.health().positionDeduction(), 0);
    assertEquals(30, r.health().correlationDeduction(), 0);
    assertEquals(25, r.health().score(), 0);
    // with 40 points per position: 100 - 120 - 30 = -50, floored at 0 (the seed's 0-100 range)
    RebalanceAnalysis floored = RebalanceAdvisor.of(FOUR.withHealthPenalties(40, 10, 30, 10))
        .analyse(b, f);
    assertEquals(120, floored.health().positionDeduction(), 0);
    assertEquals(0, floored.health().score(), 0);
  }

  @Test
  void readableReport() {
    String s = RebalanceAdvisor.of(FOUR).analyse(concentratedBook(),
        frame(ABCD, X, E, Y, FLAT)).toString();
    assertTrue(s.contains("health score 75 / 100 (positions -15, correlation -0, categories -10)"),
        s);
    assertTrue(s.contains("HHI 0.2550 (high)"), s);
    assertTrue(s.contains("CONCENTRATION_RISK"), s);
  }

  @Test
  void validationNamesTheCulprit() {
    Map<String, String> c = cats("A", "L1", "B", "L1");
    AssetVector px = AssetVector.of(List.of("A", "B"), new double[] {1, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdvisorBook.ofHoldings(qty("A", 1, "B", -2), px, c, 0));
    assertTrue(e.getMessage().contains("Quantity of 'B' is -2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AdvisorBook.ofHoldings(qty("A", 1, "B", 2), px, cats("A", "L1"), 0));
    assertTrue(e.getMessage().contains("Category of 'B' is unknown"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AdvisorBook.ofWeights(
        Weights.of(List.of("A", "B"), new double[] {0.5, 0.4}), 100, c));
    assertTrue(e.getMessage().contains("Weights sum to 0.9"), e.getMessage());
    AdvisorBook b = AdvisorBook.ofHoldings(qty("A", 1, "B", 2), px, c, 0);
    e = assertThrows(IllegalArgumentException.class, () -> RebalanceAdvisor.of(FOUR)
        .analyse(b, frame(List.of("A", "C"), X, Y)));
    assertTrue(e.getMessage().contains("No price history for held symbol 'B'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RebalanceAdvisor.defaults()
        .analyse(b, frame(List.of("A", "B"), X, Y)));
    assertTrue(e.getMessage().contains("History has 5 rows; the 30-return window needs 31"),
        e.getMessage());
    double[][] cols = {{100, 101, 102, 103, 104}, {100, 101, Double.NaN, 103, 104}};
    PriceFrame gap = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2026, 11, 2), 5),
        List.of("A", "B"), cols, Frequency.DAILY);
    e = assertThrows(IllegalArgumentException.class, () -> RebalanceAdvisor.of(FOUR)
        .analyse(b, gap));
    assertTrue(e.getMessage().contains("Price of 'B' on 2026-11-04 is missing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AdvisorConfig.defaults().withPositionLimit(0.25, 0.3));
    assertTrue(e.getMessage().contains("positionTargetWeight"), e.getMessage());
  }

  @Test
  void seedExampleBtcAt28Point5Percent() {
    // seed 001's example: BTC at 28.5 % with an excess of 3.5 points worth 245.67, so
    // V = 245.67 / 0.035 = 7,019.142857...; the other 71.5 % spread over 7 symbols (10.21 % each)
    List<String> syms = List.of("BTC", "ETH", "SOL", "ADA", "DOT", "LINK", "AVAX", "XRP");
    double[] w = new double[8];
    w[0] = 0.285;
    for (int i = 1; i < 8; i++) {
      w[i] = 0.715 / 7;
    }
    Map<String, String> c = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      c.put(syms.get(i), "cat" + i);
    }
    double v = 245.67 / 0.035;
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(
        AdvisorBook.ofWeights(Weights.of(syms, w), v, c),
        frame(syms, X, E, Y, FLAT, FLAT, FLAT, FLAT, FLAT));
    RebalanceAnalysis.Excess btc = r.concentration().positions().get(0);
    Tolerance.assertClose(245.67, btc.excessValue(), Tolerance.CLOSED_FORM, "seed excess value");
    // the trim to 23 % sells 0.055 x 7,019.142857 = 386.052857
    Tolerance.assertClose(0.055 * 245.67 / 0.035, btc.tradeValue(), Tolerance.CLOSED_FORM,
        "trade value");
    // HHI 0.285^2 + 7 (0.715 / 7)^2 = 0.081225 + 0.511225 / 7 = 0.154257... -> medium
    Tolerance.assertClose(0.081225 + 0.511225 / 7, r.concentration().hhi(),
        Tolerance.CLOSED_FORM, "HHI");
    assertEquals(Level.MEDIUM, r.concentration().level());
    // 100 - 15: healthy by score (85 >= 70), but the BTC trim is high priority
    assertEquals(85, r.health().score(), 0);
    assertTrue(r.needsRebalancing());
  }

  @Test
  void onlyTheLastWindowOfALongerHistoryCounts() {
    // 7 rows, a 4-return window = the last 5 rows; rows 0 and 1 (a NaN for B, a tenfold jump for
    // A) are outside it and must not matter
    double[][] cols = {{1, 10, 100, 110, 99, 108.9, 108.9},
        {Double.NaN, 50, 50, 50, 50, 50, 50}};
    PriceFrame f = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2026, 11, 2), 7),
        List.of("A", "B"), cols, Frequency.DAILY);
    AdvisorBook b = AdvisorBook.ofWeights(Weights.of(List.of("A", "B"), new double[] {0.5, 0.5}),
        1000, cats("A", "a", "B", "b"));
    RebalanceAnalysis r = RebalanceAdvisor.of(FOUR).analyse(b, f);
    // A's window return 108.9 / 100 - 1 = 8.9 %; returns +10 %, -10 %, +10 %, 0 %: mean 2.5 %,
    // squared deviations 0.005625 + 0.015625 + 0.005625 + 0.000625 = 0.0275, s = sqrt(0.0275 / 3)
    Tolerance.assertClose(0.089, r.assets().get(0).momentum(), 1e-12, "momentum");
    Tolerance.assertClose(Math.sqrt(0.0275 / 3 * 252), r.assets().get(0).volatility(), 1e-12,
        "volatility");
    assertEquals(0, r.assets().get(1).volatility(), 0);
  }
}
