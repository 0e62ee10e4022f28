package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-period linking of Brinson effects, Carino and Menchero. */
class AttributionLinkingTest {

  /** Against python3 (math.log, **) to the ulps of double arithmetic. */
  private static final double INDEPENDENT = 1e-15;
  /** Hand values that are short decimals, and T = 1 against the single-period kernel. */
  private static final double EXACT = 1e-15;
  /** Linked effects sum to the cumulative active return to the rounding of a few sums. */
  private static final double SUM = 1e-12;

  private static final List<String> SECTORS = List.of("A", "B");
  // Two periods, hand-built:
  //   t=1: w_p = (0.6, 0.4), R_p,i = (0.10, 0.00) -> R_p,1 = 0.06
  //        w_b = (0.5, 0.5), R_b,i = (0.05, 0.01) -> R_b,1 = 0.03
  //   t=2: w_p = w_b = (0.5, 0.5), R_p,i = (-0.02, 0.04), R_b,i = (0.00, 0.02)
  //        -> R_p,2 = R_b,2 = 0.01 (the equal-returns limit of both methods)
  //   cumulative R_p = 1.06 x 1.01 - 1 = 0.0706, R_b = 1.03 x 1.01 - 1 = 0.0403, active 0.0303
  // Period effects (BHB):
  //   t=1 A: alloc 0.1 x 0.05 = 0.005, sel 0.5 x 0.05 = 0.025, inter 0.1 x 0.05 = 0.005
  //       B: alloc -0.1 x 0.01 = -0.001, sel 0.5 x -0.01 = -0.005, inter -0.1 x -0.01 = 0.001
  //   t=2 A: sel 0.5 x -0.02 = -0.01; B: sel 0.5 x 0.02 = 0.01; no active weights
  // Because the period-2 active return is 0, both methods give c_1 = 0.0303 / 0.03 = 1.01
  // (Carino: k_1 / K = ln(1.06/1.03)/0.03 / (ln(1.0706/1.0403)/0.0303) = 0.0303/0.03;
  // Menchero: M + alpha_1 with alpha_1 = (0.0303 - 0.03 M) 0.03 / 0.03^2).
  // c_2: Carino k_2 / K = (1/1.01) / 0.9475282469449297; Menchero M = (0.0303/2) /
  // (sqrt(1.0706) - sqrt(1.0403)) = 1.0273245013970187 (both from python3).
  private static final double[][] WP = {{0.6, 0.4}, {0.5, 0.5}};
  private static final double[][] RP = {{0.10, 0.00}, {-0.02, 0.04}};
  private static final double[][] WB = {{0.5, 0.5}, {0.5, 0.5}};
  private static final double[][] RB = {{0.05, 0.01}, {0.00, 0.02}};

  @Test
  void carinoOnTheHandExample() {
    LinkedAttribution r = AttributionLinking.link(LinkingMethod.CARINO, BrinsonMethod.BHB,
        SECTORS, WP, RP, WB, RB);
    assertEquals(0.0706, r.portfolioReturn(), INDEPENDENT);
    assertEquals(0.0403, r.benchmarkReturn(), INDEPENDENT);
    // allocation and interaction only in t=1: 1.01 x (0.005, -0.001) and 1.01 x (0.005, 0.001)
    assertArrayEquals(new double[] {0.00505, -0.00101}, r.allocation(), INDEPENDENT);
    assertArrayEquals(new double[] {0.00505, 0.00101}, r.interaction(), INDEPENDENT);
    // selection A: 1.01 x 0.025 - 0.01 c_2 = 0.014800717742786908 (python3);
    // selection B: 1.01 x -0.005 + 0.01 c_2 = 0.005399282257213109 (python3)
    assertArrayEquals(new double[] {0.014800717742786908, 0.005399282257213109},
        r.selection(), INDEPENDENT);
    assertEquals(0.0303, r.totalEffect(), SUM);
    assertEquals(2, r.periods());
  }

  @Test
  void mencheroOnTheHandExample() {
    LinkedAttribution r = AttributionLinking.link(LinkingMethod.MENCHERO, BrinsonMethod.BHB,
        SECTORS, WP, RP, WB, RB);
    assertArrayEquals(new double[] {0.00505, -0.00101}, r.allocation(), INDEPENDENT);
    assertArrayEquals(new double[] {0.00505, 0.00101}, r.interaction(), INDEPENDENT);
    // selection A: 1.01 x 0.025 - 0.01 M = 0.014976754986029808 (python3);
    // selection B: 1.01 x -0.005 + 0.01 M = 0.0052232450139701875 (python3)
    assertArrayEquals(new double[] {0.014976754986029808, 0.0052232450139701875},
        r.selection(), INDEPENDENT);
    assertEquals(r.activeReturn(), r.totalEffect(), SUM);
  }

  @Test
  void onePeriodLinksToTheSinglePeriodAttribution() {
    // T = 1: Carino k_1 = K and Menchero M = 1, alpha_1 = 0, so c_1 = 1
    double[] wp = {0.4, 0.3, 0.3};
    double[] rp = {0.20, -0.05, 0.06};
    double[] wb = {0.4, 0.2, 0.4};
    double[] rb = {0.10, -0.04, 0.08};
    List<String> s = List.of("UK", "JP", "US");
    AttributionResult single = Attribution.brinson(BrinsonMethod.BRINSON_FACHLER, s, wp, rp,
        wb, rb);
    for (LinkingMethod m : LinkingMethod.values()) {
      LinkedAttribution r = AttributionLinking.link(m, BrinsonMethod.BRINSON_FACHLER, s,
          new double[][] {wp}, new double[][] {rp}, new double[][] {wb}, new double[][] {rb});
      for (int i = 0; i < 3; i++) {
        SectorEffects line = single.sectors().get(i);
        assertEquals(line.allocation(), r.allocation()[i], EXACT, m + " " + i);
        assertEquals(line.selection(), r.selection()[i], EXACT, m + " " + i);
        assertEquals(line.interaction(), r.interaction()[i], EXACT, m + " " + i);
      }
    }
  }

  @Test
  void assetPanelsAggregateToSectorPanels() {
    // assets 0,1 in sector A, asset 2 in B; one period, returns (0.10, 0.00, 0.05)
    // portfolio weights (0.3, 0.3, 0.4): A 0.6 at (0.03 + 0)/0.6 = 0.05, B 0.4 at 0.05
    // benchmark weights (0.5, 0, 0.5): A 0.5 at 0.10, B 0.5 at 0.05
    // BHB: A alloc 0.1 x 0.10 = 0.01, sel 0.5 x -0.05 = -0.025, inter 0.1 x -0.05 = -0.005
    //      B alloc -0.1 x 0.05 = -0.005, sel 0, inter 0
    // R_p = 0.03 + 0.02 = 0.05, R_b = 0.05 + 0.025 = 0.075, active -0.025 = sum of effects
    LinkedAttribution r = AttributionLinking.linkByAsset(LinkingMethod.CARINO,
        BrinsonMethod.BHB, SECTORS, new int[] {0, 0, 1}, new double[][] {{0.3, 0.3, 0.4}},
        new double[][] {{0.5, 0, 0.5}}, new double[][] {{0.10, 0.00, 0.05}});
    assertArrayEquals(new double[] {0.01, -0.005}, r.allocation(), EXACT);
    assertArrayEquals(new double[] {-0.025, 0}, r.selection(), EXACT);
    assertArrayEquals(new double[] {-0.005, 0}, r.interaction(), EXACT);
    assertEquals(-0.025, r.activeReturn(), EXACT);
  }

  @Test
  void badPeriodsAreNamed() {
    double[][] rbNan = {{0.05, 0.01}, {0.00, Double.NaN}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AttributionLinking.link(LinkingMethod.CARINO, BrinsonMethod.BHB, SECTORS, WP, RP,
            WB, rbNan));
    assertEquals("benchmark return of sector 'B' in period 1 is NaN, expected a finite number",
        e.getMessage());
    double[][] wpBad = {{0.6, 0.4}, {0.5, 0.6}};
    e = assertThrows(IllegalArgumentException.class,
        () -> AttributionLinking.link(LinkingMethod.MENCHERO, BrinsonMethod.BHB, SECTORS, wpBad,
            RP, WB, RB));
    assertTrue(e.getMessage().startsWith("portfolio weights of period 1 sum to 1.1"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AttributionLinking.link(LinkingMethod.CARINO, BrinsonMethod.BHB, SECTORS,
            new double[0][], new double[0][], new double[0][], new double[0][]));
    assertEquals("expected at least 1 period but found 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AttributionLinking.linkByAsset(LinkingMethod.CARINO, BrinsonMethod.BHB, SECTORS,
            new int[] {0, 2}, new double[][] {{0.5, 0.5}}, new double[][] {{0.5, 0.5}},
            new double[][] {{0.0, 0.0}}));
    assertEquals("sectorOf of asset 1 is 2, expected 0..1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AttributionLinking.linkByAsset(LinkingMethod.CARINO, BrinsonMethod.BHB, SECTORS,
            new int[] {0, 1}, new double[][] {{0.5, 0.5}}, new double[][] {{0.5, 0.5}},
            new double[][] {{0.0, Double.NaN}}));
    assertTrue(e.getMessage().startsWith("asset 1 in period 0"), e.getMessage());
  }
}
