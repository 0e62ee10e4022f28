package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TicksProperties {

  /** Is {@code step} 1, 2, 2.5 or 5 times a power of ten (to rounding)? */
  private static boolean nice(double step) {
    double p = Math.pow(10, Math.floor(Math.log10(step)));
    double m = step / p;
    for (double c : new double[] {1, 2, 2.5, 5, 10}) {
      if (Math.abs(m - c) < 1e-6 * c) {
        return true;
      }
    }
    return false;
  }

  @Property
  void niceTicksCoverTheDataWithANiceStep(@ForAll @DoubleRange(min = -1e12, max = 1e12) double a,
      @ForAll @DoubleRange(min = 0, max = 1e12) double width, @ForAll @IntRange(min = 1, max = 12)
      int target) {
    double lo = a;
    double hi = a + width;
    double[] t = Ticks.nice(lo, hi, target);
    assertTrue(t[0] <= lo, () -> "first tick " + t[0] + " above min " + lo);
    assertTrue(t[t.length - 1] >= hi, () -> "last tick " + t[t.length - 1] + " below max " + hi);
    assertTrue(t.length >= 2);
    assertTrue(t.length <= target + 3, () -> t.length + " ticks for target " + target);
    double step = t[1] - t[0];
    if (t.length > 2) {
      step = t[2] - t[1]; // inner step (the ends may be nudged by rounding)
    }
    double s = step;
    assertTrue(nice(step) || t.length == 2, () -> "step " + s + " is not nice");
    for (int i = 1; i < t.length; i++) {
      assertTrue(t[i] > t[i - 1]);
    }
  }

  @Property
  void niceTicksOfHugeValuesStayFinite(@ForAll @DoubleRange(min = 1e290, max = 1e300) double v) {
    double[] t = Ticks.nice(0, v, 5);
    assertTrue(t[t.length - 1] >= v && Double.isFinite(t[t.length - 1]));
  }

  @Property
  void logTicksCoverTheData(@ForAll @DoubleRange(min = -6, max = 6) double logLo,
      @ForAll @DoubleRange(min = 0, max = 6) double decades) {
    double lo = Math.pow(10, logLo);
    double hi = lo * Math.pow(10, decades);
    double[] t = Ticks.log(lo, hi);
    assertTrue(t[0] <= lo && t[t.length - 1] >= hi * (1 - 1e-12));
    for (int i = 1; i < t.length; i++) {
      assertTrue(t[i] > t[i - 1]);
    }
  }

  @Property
  void dateTicksLieInsideTheRangeOnCalendarBoundaries(
      @ForAll @LongRange(min = 0, max = 20_000) long from,
      @ForAll @LongRange(min = 2, max = 15_000) long days) {
    long[] t = Ticks.dates(from, from + days, 8);
    assertTrue(t.length <= 9, () -> t.length + " ticks");
    assertTrue(t.length >= 1, "at least one tick for a range of 2 days or more");
    for (long d : t) {
      assertTrue(d >= from && d <= from + days);
    }
    long spacing = t.length > 1 ? t[1] - t[0] : 0;
    for (long d : t) {
      if (spacing >= 365) { // yearly ticks start on 1 January
        assertEquals(1, LocalDate.ofEpochDay(d).getDayOfYear());
      } else if (spacing >= 28) { // monthly ticks on the 1st
        assertEquals(1, LocalDate.ofEpochDay(d).getDayOfMonth());
      }
    }
  }

  @Test
  void handChosenExamples() {
    // Heckbert's example: 0..1 in 5 intervals has step 0.2
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.nice(0, 1, 5), 1e-12);
    assertArrayEquals(new double[] {-0.3, -0.2, -0.1, 0}, Ticks.nice(-0.27, 0, 3), 1e-12);
    // a constant series is widened by 10% around its value
    assertArrayEquals(new double[] {90, 95, 100, 105, 110}, Ticks.nice(100, 100, 4), 1e-12);
    assertArrayEquals(new double[] {1, 10, 100, 1000}, Ticks.log(1.5, 900), 1e-9);
    assertEquals("2021", Ticks.dateLabel(LocalDate.of(2021, 1, 1).toEpochDay(), 365));
    assertEquals("2021-04", Ticks.dateLabel(LocalDate.of(2021, 4, 1).toEpochDay(), 91));
    assertThrows(IllegalArgumentException.class, () -> Ticks.nice(1, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> Ticks.nice(-Double.MAX_VALUE,
        Double.MAX_VALUE, 5));
    assertThrows(IllegalArgumentException.class, () -> Ticks.log(0, 1));
  }
}
