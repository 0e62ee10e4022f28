package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Calendar tables and the new rolling series, by hand. */
class CalendarReturnsTest {

  static final double EXACT = 1e-12;

  /**
   * Returns 10 % (2024-01-30), -5 % (01-31), 2 % (02-01), NaN (12-31), 3 % (2025-01-02):
   * January 2024 = 1.1 x 0.95 - 1 = 4.5 %, February 2 %, January 2025 3 %; 2024 =
   * 1.1 x 0.95 x 1.02 - 1 = 6.59 %, 2025 = 3 %.
   */
  @Test
  void monthsAndYearsCompound() {
    TimeIndex idx = TimeIndex.ofDates(LocalDate.of(2024, 1, 30), LocalDate.of(2024, 1, 31),
        LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2));
    CalendarReturns c = CalendarReturns.of(idx, new double[] {0.1, -0.05, 0.02, Double.NaN,
        0.03});
    assertEquals(0.045, c.monthly().get(YearMonth.of(2024, 1)), EXACT);
    assertEquals(0.02, c.monthly().get(YearMonth.of(2024, 2)), EXACT);
    assertEquals(null, c.monthly().get(YearMonth.of(2024, 12)), "no valid return in December");
    assertEquals(0.0659, c.yearly().get(2024), EXACT);
    assertEquals(0.03, c.yearly().get(2025), EXACT);
    assertEquals(new CalendarReturns.Dated(LocalDate.of(2024, 1, 30), 0.1), c.bestDay());
    assertEquals(LocalDate.of(2024, 1, 31), c.worstDay().date());
    assertEquals(LocalDate.of(2024, 1, 1), c.bestMonth().date());
    assertEquals(LocalDate.of(2024, 2, 1), c.worstMonth().date());
    assertEquals(2024, c.bestYear().getKey());
    assertEquals(2025, c.worstYear().getKey());
    assertTrue(c.toString().contains("2024    4.5%   2.0%"), c.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CalendarReturns.of(idx, new double[] {0.1, -1.5, 0, 0, 0}));
    assertEquals("Calendar returns: the return of 2024-01-31 is -1.5; returns must be finite and"
        + " >= -1", e.getMessage());
  }

  /**
   * Rolling correlation, window 3: x = 1, 2, 3, 4 %, y = 2, 4, 6, 9 %. First window: y = 2x,
   * correlation 1. Second: deviations x -1, 0, 1, y -7/3, -1/3, 8/3 (percent): sxy = 5,
   * sxx = 2, syy = 114/9, correlation 5 / sqrt(2 x 114 / 9) = 0.99339927.
   */
  @Test
  void rollingCorrelationAndSortino() {
    double[] x = {0.01, 0.02, 0.03, 0.04};
    double[] y = {0.02, 0.04, 0.06, 0.09};
    double[] c = Metrics.rollingCorrelation(x, y, 3);
    assertTrue(Double.isNaN(c[0]) && Double.isNaN(c[1]));
    assertEquals(1, c[2], EXACT);
    assertEquals(5 / Math.sqrt(2 * 114.0 / 9), c[3], 1e-12);
    double[] r = {0.01, -0.02, 0.03, -0.01, 0.02};
    double[] s = Metrics.rollingSortino(r, 4, 0, Frequency.DAILY);
    assertTrue(Double.isNaN(s[2]));
    assertEquals(Metrics.sortinoRatio(new double[] {-0.02, 0.03, -0.01, 0.02}, 0,
        Frequency.DAILY), s[4], EXACT);
  }

  /** Pairwise-complete correlation: the NaN period is skipped on both sides, so y = 2x gives 1. */
  @Test
  void correlationSkipsMissingPeriodsPairwise() {
    double[] x = {0.01, 0.02, Double.NaN, 0.04, 0.05};
    double[] y = {0.02, 0.04, 1.00, 0.08, 0.10};
    assertEquals(1, Metrics.correlation(x, y), EXACT);
    assertTrue(Double.isNaN(Metrics.correlation(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.correlation(new double[] {1, Double.POSITIVE_INFINITY, 3},
            new double[] {1, 2, 3}));
  }
}
