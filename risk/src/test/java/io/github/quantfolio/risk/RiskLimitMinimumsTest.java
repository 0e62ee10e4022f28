package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's minimum limits, by hand: two uncorrelated assets with volatilities 0.2 and 0.1,
 * half in each. Portfolio variance 0.25 x 0.04 + 0.25 x 0.01 = 0.0125, volatility
 * sqrt(0.0125) = 0.1118034; weighted average volatility 0.15, diversification ratio
 * 0.15 / 0.1118034 = 1.3416408; expected returns 10 % and 5 %: w'mu = 0.075, and with rf 2 %
 * the Sharpe ratio is 0.055 / 0.1118034 = 0.4919350.
 */
class RiskLimitMinimumsTest {

  static final double HAND = 1e-7; // the hand values above carry 8 significant digits
  static final PortfolioRisk RISK = PortfolioRisk.of(Weights.of(List.of("A", "B"),
      new double[] {0.5, 0.5}), CovarianceMatrix.of(List.of("A", "B"),
      new double[][] {{0.04, 0}, {0, 0.01}}));
  static final AssetVector MU = AssetVector.of(List.of("A", "B"), new double[] {0.10, 0.05});
  static final double INF = Double.POSITIVE_INFINITY;
  static final RiskLimits OFF = new RiskLimits(INF, INF, INF, INF, INF);

  @Test
  void minimumDiversificationRatio() {
    List<RiskLimits.Violation> v = OFF.withMinDiversificationRatio(1.5).check(RISK, null);
    assertEquals(1, v.size());
    assertEquals(1.3416408, v.get(0).value(), HAND);
    assertEquals("diversification ratio of the portfolio is 1.3416 < minimum 1.5000",
        v.get(0).message());
    assertTrue(OFF.withMinDiversificationRatio(1.3).check(RISK, null).isEmpty());
  }

  @Test
  void minimumSharpeRatioNeedsExpectedReturns() {
    List<RiskLimits.Violation> v = OFF.withMinSharpe(0.5).check(RISK, null, MU, 0.02);
    assertEquals(1, v.size());
    assertEquals(0.4919350, v.get(0).value(), HAND);
    assertEquals("expected Sharpe ratio (rf 0.02) of the portfolio is 0.4919 < minimum 0.5000",
        v.get(0).message());
    assertTrue(OFF.withMinSharpe(0.4).check(RISK, null, MU, 0.02).isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OFF.withMinSharpe(0.5).check(RISK, null));
    assertTrue(e.getMessage().contains("needs expected returns"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OFF.withMinSharpe(0.5).check(RISK,
        null, AssetVector.of(List.of("A"), new double[] {0.1}), 0.02));
    assertTrue(e.getMessage().startsWith("Asset 'B' is held but has no expected return"),
        e.getMessage());
  }

  @Test
  void minimumsAreOffByDefaultAndValidated() {
    assertEquals(new RiskLimits(1, 1, 1, 1, 1, Double.NEGATIVE_INFINITY, 0),
        new RiskLimits(1, 1, 1, 1, 1));
    // Every limit infinite is every limit off (the correlation limit used to throw here).
    assertTrue(OFF.check(RISK, null).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> OFF.withMinSharpe(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> OFF.withMinDiversificationRatio(-1));
    // The maximum limits still read "> limit".
    assertEquals("position weight of 'A' is 0.5000 > limit 0.4000",
        new RiskLimits(0.4, INF, INF, INF, INF).check(RISK, null).get(0).message());
  }
}
