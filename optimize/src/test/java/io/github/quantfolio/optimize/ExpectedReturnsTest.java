package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values were printed by {@code optimize/src/test/python/expected_returns_reference.py}
 * (pandas 1.5.3 transcriptions of PyPortfolioOpt's definitions) on the same prices.
 */
class ExpectedReturnsTest {

  static final double NaN = Double.NaN;
  /** Closed forms against pandas: rounding of different summation orders, relative. */
  static final double CLOSED_FORM = 1e-12;

  static PriceFrame prices() {
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 10), List.of("A", "B", "C"),
        new double[][] {
          {100, 101, 99.5, 102, 103.5, 101, 104, 106, 105, 107.5},
          {NaN, NaN, 50, 50.5, 49.8, 51, 52.2, 51.7, 53, 54.1},
          {20, 20.4, 20.1, 20.9, 21.3, 20.8, 21.9, 22.4, 22.0, 22.9},
        });
  }

  static void assertRelative(double[] expected, AssetVector actual) {
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual.get(i);
      assertTrue(Math.abs(e - a) <= CLOSED_FORM * Math.abs(e), actual.assets().get(i) + ": " + e + " vs " + a);
    }
  }

  @Test
  void meanHistoricalCompoundsEachAssetOverItsOwnHistory() {
    assertRelative(new double[] {6.575948243564216, 16.067951014034506, 43.31529318827031},
        ExpectedReturns.meanHistorical(prices()));
  }

  @Test
  void arithmeticMean() {
    assertRelative(new double[] {2.075772637296982, 2.8830834643085868, 3.9067645095895793},
        ExpectedReturns.arithmetic(prices()));
  }

  @Test
  void exponentiallyWeightedMean() {
    assertRelative(new double[] {20.741792437558637, 60.13394479716437, 154.5507080979052},
        ExpectedReturns.ema(prices(), 4));
  }

  @Test
  void capmWithTheEqualWeightedMarket() {
    assertRelative(new double[] {14.655193631146773, 1.2431710687409698, 21.78015760239563},
        ExpectedReturns.capm(prices(), null, 0.02));
  }

  @Test
  void capmWithAnExplicitMarketEqualToAnAssetGivesBetaOne() {
    // Market = C itself: beta_C = 1, so C's expected return is the market's compounded return.
    PriceFrame p = prices();
    AssetVector capm = ExpectedReturns.capm(p, p.select("C"), 0.02);
    assertEquals(ExpectedReturns.meanHistorical(p).get("C"), capm.get("C"), 1e-12 * 43.3);
  }

  @Test
  void handCalculatedTwoPeriodMean() {
    // Annual prices 100 -> 110 -> 121: two returns of 10%, compounded and arithmetic both 10%.
    PriceFrame p = PriceFrame.of(TimeIndex.ofDates(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 12, 31),
        LocalDate.of(2022, 12, 31)), List.of("X"), new double[][] {{100, 110, 121}});
    assertArrayEquals(new double[] {0.1}, ExpectedReturns.meanHistorical(p).toArray(), 1e-15);
    assertArrayEquals(new double[] {0.1}, ExpectedReturns.arithmetic(p).toArray(), 1e-15);
  }

  @Test
  void badInput() {
    PriceFrame never = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 3), List.of("X", "Y"),
        new double[][] {{1, 2, 3}, {NaN, NaN, 5}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.meanHistorical(never));
    assertTrue(e.getMessage().contains("'Y' has no valid return"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExpectedReturns.ema(prices(), 0.5));
  }
}
