package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Geometric attribution: no residual between the effects and the geometric excess. */
class GeometricAttributionTest {

  /** A few products and one division of short decimals: a few ulps. */
  private static final double EXACT = 1e-15;
  /** Compounded identity over the rounding of a few products. */
  private static final double SUM = 1e-12;

  private static final List<String> SECTORS = List.of("UK", "JP", "US");
  // The three-sector data of AttributionTest (Bacon 2008, chapter 5, as recalled):
  //   R_p = 0.083, R_b = 0.064, semi-notional R_s = 0.4 x 0.10 + 0.3 x -0.04 + 0.3 x 0.08
  //   = 0.040 - 0.012 + 0.024 = 0.052
  private static final double[] WP = {0.4, 0.3, 0.3};
  private static final double[] RP = {0.20, -0.05, 0.06};
  private static final double[] WB = {0.4, 0.2, 0.4};
  private static final double[] RB = {0.10, -0.04, 0.08};

  @Test
  void handCalculation() {
    GeometricAttribution g = GeometricAttribution.of(SECTORS, WP, RP, WB, RB);
    assertEquals(0.052, g.semiNotionalReturn(), EXACT);
    // allocation (w_p - w_b)(R_b,i - R_b)/(1 + R_b): UK 0; JP 0.1 x -0.104 / 1.064;
    // US -0.1 x 0.016 / 1.064
    assertArrayEquals(new double[] {0, -0.0104 / 1.064, -0.0016 / 1.064}, g.allocation(),
        EXACT);
    // selection w_p (R_p,i - R_b,i)/(1 + R_s): UK 0.4 x 0.10 / 1.052; JP 0.3 x -0.01 / 1.052;
    // US 0.3 x -0.02 / 1.052
    assertArrayEquals(new double[] {0.04 / 1.052, -0.003 / 1.052, -0.006 / 1.052},
        g.selection(), EXACT);
    // totals: 1.052 / 1.064 - 1 = -0.012 / 1.064 and 1.083 / 1.052 - 1 = 0.031 / 1.052
    assertEquals(-0.012 / 1.064, g.totalAllocation(), EXACT);
    assertEquals(0.031 / 1.052, g.totalSelection(), EXACT);
    // (1 + A)(1 + S) - 1 = 1.083 / 1.064 - 1 = 0.019 / 1.064, no residual
    assertEquals(0.019 / 1.064, g.geometricExcess(), EXACT);
    assertEquals(g.geometricExcess(),
        (1 + g.totalAllocation()) * (1 + g.totalSelection()) - 1, EXACT);
  }

  @Test
  void compoundingTwoPeriods() {
    // the same period twice: cumulative R_p = 1.083^2 - 1, R_b = 1.064^2 - 1,
    // allocation (1 - 0.012/1.064)^2 - 1, selection (1 + 0.031/1.052)^2 - 1
    double[][] wp = {WP, WP};
    double[][] rp = {RP, RP};
    double[][] wb = {WB, WB};
    double[][] rb = {RB, RB};
    GeometricAttribution.Compounded c = GeometricAttribution.compound(SECTORS, wp, rp, wb, rb);
    assertEquals(1.083 * 1.083 - 1, c.portfolioReturn(), EXACT);
    assertEquals(1.064 * 1.064 - 1, c.benchmarkReturn(), EXACT);
    double a = 1 - 0.012 / 1.064;
    double s = 1 + 0.031 / 1.052;
    assertEquals(a * a - 1, c.allocation(), EXACT);
    assertEquals(s * s - 1, c.selection(), EXACT);
    assertEquals(c.geometricExcess(), (1 + c.allocation()) * (1 + c.selection()) - 1, SUM);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GeometricAttribution.compound(SECTORS, wp, new double[][] {RP,
            {0.2, Double.NaN, 0.0}}, wb, rb));
    assertTrue(e.getMessage().startsWith("period 1: portfolio return of sector 'JP' is NaN"),
        e.getMessage());
  }
}
