package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single-period Brinson attribution and contribution to return. */
class AttributionTest {

  /** Effects are a handful of products of 2-digit decimals: agreement to a few ulps. */
  private static final double EXACT = 1e-15;
  /** Effects sum to the active return to the rounding of a few additions. */
  private static final double SUM = 1e-12;

  private static final List<String> SECTORS = List.of("UK equities", "Japanese equities",
      "US equities");
  // Data of the three-sector example in Bacon (2008), "Practical Portfolio Performance
  // Measurement and Attribution", 2nd ed., Wiley, chapter 5 (Brinson-type attribution),
  // (the same data as the transcription of its Tables 5.2-5.4 that BrinsonPublishedExampleTest
  // checks the printed effects against); every expected value below is also derived by hand.
  //   portfolio: UK 40 % at 20 %, Japan 30 % at -5 %, US 30 % at 6 %  -> R_p = 8.3 %
  //     0.4 x 0.20 + 0.3 x (-0.05) + 0.3 x 0.06 = 0.080 - 0.015 + 0.018 = 0.083
  //   benchmark: UK 40 % at 10 %, Japan 20 % at -4 %, US 40 % at 8 %  -> R_b = 6.4 %
  //     0.4 x 0.10 + 0.2 x (-0.04) + 0.4 x 0.08 = 0.040 - 0.008 + 0.032 = 0.064
  private static final double[] WP = {0.4, 0.3, 0.3};
  private static final double[] RP = {0.20, -0.05, 0.06};
  private static final double[] WB = {0.4, 0.2, 0.4};
  private static final double[] RB = {0.10, -0.04, 0.08};

  @Test
  void bhbMatchesTheTextbookExample() {
    AttributionResult r = Attribution.brinson(BrinsonMethod.BHB, SECTORS, WP, RP, WB, RB);
    assertEquals(0.083, r.portfolioReturn(), EXACT);
    assertEquals(0.064, r.benchmarkReturn(), EXACT);
    // allocation (w_p - w_b) R_b: UK 0 x 0.10 = 0; Japan 0.1 x -0.04 = -0.004;
    // US -0.1 x 0.08 = -0.008; total -0.012
    assertLine(r.sector("UK equities"), 0, 0.04, 0);
    // selection w_b (R_p - R_b): UK 0.4 x 0.10 = 0.04; Japan 0.2 x -0.01 = -0.002;
    // US 0.4 x -0.02 = -0.008; total 0.030
    // interaction (w_p - w_b)(R_p - R_b): UK 0; Japan 0.1 x -0.01 = -0.001;
    // US -0.1 x -0.02 = 0.002; total 0.001
    assertLine(r.sector("Japanese equities"), -0.004, -0.002, -0.001);
    assertLine(r.sector("US equities"), -0.008, -0.008, 0.002);
    assertEquals(-0.012, r.allocation(), EXACT);
    assertEquals(0.030, r.selection(), EXACT);
    assertEquals(0.001, r.interaction(), EXACT);
    // -0.012 + 0.030 + 0.001 = 0.019 = 0.083 - 0.064
    assertEquals(0.019, r.totalEffect(), SUM);
    assertEquals(r.activeReturn(), r.totalEffect(), SUM);
  }

  @Test
  void brinsonFachlerMeasuresAllocationAgainstTheWholeBenchmark() {
    AttributionResult r = Attribution.brinson(BrinsonMethod.BRINSON_FACHLER, SECTORS, WP, RP,
        WB, RB);
    // allocation (w_p - w_b)(R_b,i - R_b), R_b = 0.064: UK 0; Japan 0.1 x (-0.04 - 0.064)
    // = -0.0104; US -0.1 x (0.08 - 0.064) = -0.0016; total -0.012 (as BHB: active weights sum
    // to 0). Selection and interaction as in BHB.
    assertLine(r.sector("UK equities"), 0, 0.04, 0);
    assertLine(r.sector("Japanese equities"), -0.0104, -0.002, -0.001);
    assertLine(r.sector("US equities"), -0.0016, -0.008, 0.002);
    assertEquals(-0.012, r.allocation(), EXACT);
    assertEquals(r.activeReturn(), r.totalEffect(), SUM);
    assertEquals(BrinsonMethod.BRINSON_FACHLER, r.method());
  }

  @Test
  void mapInputGivesTheSameAttributionAndNamesAMissingSector() {
    Map<String, Double> wp = map(WP);
    Map<String, Double> rp = map(RP);
    Map<String, Double> wb = map(WB);
    Map<String, Double> rb = map(RB);
    AttributionResult r = Attribution.brinson(BrinsonMethod.BHB, wp, rp, wb, rb);
    assertEquals(-0.004, r.sector("Japanese equities").allocation(), EXACT);
    assertEquals(SECTORS, r.sectors().stream().map(SectorEffects::sector).toList());

    Map<String, Double> wbMissing = new LinkedHashMap<>(wb);
    wbMissing.remove("US equities");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, wp, rp, wbMissing, rb));
    assertEquals("sector 'US equities' is in portfolioWeights but missing from "
        + "benchmarkWeights", e.getMessage());
    Map<String, Double> rbExtra = new LinkedHashMap<>(rb);
    rbExtra.put("Cash", 0.01);
    e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, wp, rp, wb, rbExtra));
    assertTrue(e.getMessage().startsWith("sector 'Cash' is in benchmarkReturns"),
        e.getMessage());
  }

  @Test
  void badInputIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, SECTORS, new double[] {0.4, 0.3, 0.29},
            RP, WB, RB));
    assertTrue(e.getMessage().startsWith("portfolio weights sum to 0.99"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, SECTORS, WP, RP, WB,
            new double[] {0.1, Double.NaN, 0.08}));
    assertEquals("benchmark return of sector 'Japanese equities' is NaN, expected a finite "
        + "number", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, SECTORS, WP, RP, WB, new double[2]));
    assertTrue(e.getMessage().contains("benchmarkReturns 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinson(BrinsonMethod.BHB, List.of("A", "A", "B"), WP, RP, WB, RB));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
  }

  @Test
  void assetLevelInputIsGroupedBySector() {
    // portfolio: a1 (tech) 0.5 at 10 %, a2 (tech) 0.3 at 0 %, a3 (energy) 0.2 at -5 %
    //   tech weight 0.8, return (0.05 + 0) / 0.8 = 0.0625; energy 0.2 at -0.05
    // benchmark: a1 0.25 at 10 %, a2 0.25 at 0 %, a4 (utilities) 0.5 at 2 %
    //   tech weight 0.5, return 0.025 / 0.5 = 0.05; utilities 0.5 at 0.02; no energy
    Map<String, Double> pw = Map.of("a1", 0.5, "a2", 0.3, "a3", 0.2);
    Map<String, Double> bw = new LinkedHashMap<>();
    bw.put("a1", 0.25);
    bw.put("a2", 0.25);
    bw.put("a4", 0.5);
    Map<String, Double> ret = Map.of("a1", 0.10, "a2", 0.0, "a3", -0.05, "a4", 0.02);
    Map<String, String> sectorOf = Map.of("a1", "tech", "a2", "tech", "a3", "energy", "a4",
        "utilities");
    AttributionResult r = Attribution.brinsonByAsset(BrinsonMethod.BHB, new LinkedHashMap<>(
        pw), ret, bw, ret, sectorOf);
    // R_p = 0.05 - 0.01 = 0.04; R_b = 0.025 + 0.01 = 0.035
    assertEquals(0.04, r.portfolioReturn(), EXACT);
    assertEquals(0.035, r.benchmarkReturn(), EXACT);
    SectorEffects tech = r.sector("tech");
    assertEquals(0.0625, tech.portfolioReturn(), EXACT);
    // tech: allocation 0.3 x 0.05 = 0.015; selection 0.5 x 0.0125 = 0.00625;
    // interaction 0.3 x 0.0125 = 0.00375
    assertLine(tech, 0.015, 0.00625, 0.00375);
    // energy, not in the benchmark: R_b,i := R_p,i = -0.05, allocation 0.2 x -0.05 = -0.01
    assertLine(r.sector("energy"), -0.01, 0, 0);
    // utilities, not in the portfolio: R_p,i := 0.02, allocation -0.5 x 0.02 = -0.01
    assertLine(r.sector("utilities"), -0.01, 0, 0);
    // 0.015 + 0.00625 + 0.00375 - 0.01 - 0.01 = 0.005 = 0.04 - 0.035
    assertEquals(0.005, r.totalEffect(), SUM);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinsonByAsset(BrinsonMethod.BHB, new LinkedHashMap<>(pw), ret, bw,
            ret, Map.of("a1", "tech", "a2", "tech", "a4", "utilities")));
    assertEquals("sectorOf has no sector for asset 'a3'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Attribution.brinsonByAsset(BrinsonMethod.BHB, new LinkedHashMap<>(pw),
            Map.of("a1", 0.1, "a2", Double.NaN, "a3", 0.0), bw, ret, sectorOf));
    assertEquals("portfolio return of asset 'a2' is NaN, expected a finite number",
        e.getMessage());
  }

  @Test
  void contributionsByAssetAndSectorWithTopAndBottom() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("AAPL", 0.4);
    w.put("XOM", 0.3);
    w.put("MSFT", 0.2);
    w.put("CVX", 0.1);
    Map<String, Double> r = Map.of("AAPL", 0.05, "XOM", -0.02, "MSFT", 0.10, "CVX", -0.10);
    Contributions c = Contributions.of(w, r);
    // 0.4 x 0.05 = 0.02; 0.3 x -0.02 = -0.006; 0.2 x 0.10 = 0.02; 0.1 x -0.10 = -0.01
    assertEquals(0.024, c.total(), EXACT);
    Map<String, Double> bySector = c.byGroup(Map.of("AAPL", "tech", "MSFT", "tech", "XOM",
        "energy", "CVX", "energy"));
    assertEquals(0.04, bySector.get("tech"), EXACT);
    assertEquals(-0.016, bySector.get("energy"), EXACT);
    assertEquals(List.of("tech", "energy"), List.copyOf(bySector.keySet()));
    // AAPL and MSFT tie at 0.02: input order breaks the tie
    assertEquals(List.of("AAPL", "MSFT"), c.topContributors(5).stream()
        .map(Contributions.Contribution::name).toList());
    assertEquals(List.of("CVX"), c.topDetractors(1).stream()
        .map(Contributions.Contribution::name).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Contributions.of(w, Map.of("AAPL", 0.05)));
    assertEquals("returns has no return for asset 'XOM'", e.getMessage());
  }

  private static void assertLine(SectorEffects s, double alloc, double sel, double inter) {
    assertEquals(alloc, s.allocation(), EXACT, s.sector() + " allocation");
    assertEquals(sel, s.selection(), EXACT, s.sector() + " selection");
    assertEquals(inter, s.interaction(), EXACT, s.sector() + " interaction");
  }

  private static Map<String, Double> map(double[] v) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) {
      m.put(SECTORS.get(i), v[i]);
    }
    return m;
  }
}
