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

  /** {@code rows} business days of a steady asset S and an asset L listed {@code lateBy} rows in. */
  static PriceFrame lateListing(int rows, int lateBy) {
    double[][] x = new double[2][rows];
    for (int t = 0; t < rows; t++) {
      x[0][t] = 100 * Math.pow(1.0004, t) * (1 + 0.01 * Math.sin(t));
      x[1][t] = t < lateBy ? NaN : 50 * (1 + 0.02 * Math.cos(t));
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), rows),
        List.of("S", "L"), x);
  }

  @Test
  void aShortLateSampleIsRefusedWithItsCount() {
    // 16 business days (15 returns); L lists on the 14th (2024-01-19), so it has 2 returns: the
    // reference data's BABA in Sep 2014 gave -918% a year this way (arithmetic), without a word
    PriceFrame p = lateListing(16, 13);
    String expected = "The expected return of 'L' would rest on 2 valid returns (2024-01-22 .. "
        + "2024-01-23) of the frame's 15 rows: fewer than half the frame and less than a year "
        + "(252 periods), so annualising would extrapolate them 126-fold while other assets use a "
        + "longer sample; estimate on a window in which 'L' trades throughout "
        + "(dropIncompleteRows() or between(...)), or leave it out";
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.meanHistorical(p)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.arithmetic(p)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.ema(p, 500)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.capm(p, null, 0.02)).getMessage());
    // on the common window the sample is the frame's own: 2 returns for both, accepted
    assertEquals(2, ExpectedReturns.arithmetic(p.dropIncompleteRows()).size());
  }

  @Test
  void aLateSampleOfAYearOrOfHalfTheFrameIsAccepted() {
    // 600 days: L with 299 returns (listed at row 300) has under half the frame's 599 but more
    // than a year (252) and is accepted; with 200 (listed at row 399) it has neither
    assertEquals(299, lateListing(600, 300).returns().validCount("L"));
    assertEquals(2, ExpectedReturns.meanHistorical(lateListing(600, 300)).size());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.meanHistorical(lateListing(600, 399))).getMessage()
        .startsWith("The expected return of 'L' would rest on 200 valid returns"));
    // 8 of 15 returns is more than half: accepted
    assertEquals(2, ExpectedReturns.meanHistorical(lateListing(16, 7)).size());
  }
}
