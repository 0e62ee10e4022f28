package io.github.quantfolio.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Axis tick positions: "nice" numbers (1, 2, 2.5 or 5 times a power of ten, Heckbert's "Nice
 * numbers for graph labels", Graphics Gems 1990) for linear axes, powers of ten (with 2 and 5
 * between when few decades are shown) for log axes, and calendar boundaries (years, quarters,
 * months, weeks, days) for date axes. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Ticks {

  private Ticks() {
  }

  /**
   * Nice linear ticks that cover {@code [min, max]}: the first tick is &lt;= {@code min}, the last
   * is &gt;= {@code max}, the step is 1, 2, 2.5 or 5 times a power of ten, and there are at most
   * about {@code target + 2} ticks. A zero-width range ({@code min == max}, or narrower than
   * {@code 1e-9} of the values' magnitude) is widened to a range around the value (by 1 around 0,
   * else by 10% of |value|).
   *
   * @param min the smallest value, finite
   * @param max the largest value, finite, &gt;= {@code min}
   * @param target the wanted number of intervals, at least 1
   * @return the ticks, increasing (a new array)
   * @throws IllegalArgumentException if a bound is not finite, {@code min > max}, {@code target < 1},
   *     or the range is too wide to represent ({@code max - min} overflows)
   */
  public static double[] nice(double min, double max, int target) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("Expected finite min <= max, but found min " + min
          + " and max " + max);
    }
    if (target < 1) {
      throw new IllegalArgumentException("Expected target >= 1, but found " + target);
    }
    double magnitude = Math.max(Math.abs(min), Math.abs(max));
    if (max - min <= magnitude * 1e-9) { // constant to the precision ticks can show
      min = max;
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double range = max - min;
    if (!Double.isFinite(range)) {
      throw new IllegalArgumentException("Range from " + min + " to " + max + " is too wide");
    }
    double step = step(range / target);
    // a bound within 1e-9 steps of a multiple counts as on it (1.0000000001 -> 1, not 1.25)
    double first = Math.floor(min / step + 1e-9) * step;
    double last = Math.ceil(max / step - 1e-9) * step;
    int n = (int) Math.round((last - first) / step) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = first + i * step;
    }
    // rounding noise: make sure the ends still cover the data
    if (t[0] > min) {
      t[0] = min;
    }
    if (t[n - 1] < max) {
      t[n - 1] = max;
    }
    for (int i = 1; i < n - 1; i++) {
      t[i] = clean(t[i], step);
    }
    return t;
  }

  /**
   * The nice step (1, 2, 2.5 or 5 times a power of ten) that is the smallest such number at
   * least {@code rough}.
   *
   * @param rough the rough step, finite and &gt; 0
   * @return the nice step
   */
  public static double step(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      throw new IllegalArgumentException("Expected a finite step > 0, but found " + rough);
    }
    double p = Math.pow(10, Math.floor(Math.log10(rough)));
    if (p == 0 || !Double.isFinite(p)) {
      return rough;
    }
    double f = rough / p;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * p;
  }

  /** Removes floating-point noise from a multiple of {@code step} (0.30000000000000004 -> 0.3). */
  private static double clean(double v, double step) {
    double scale = Math.pow(10, Math.max(0, 3 - Math.floor(Math.log10(step))));
    if (!Double.isFinite(scale) || !Double.isFinite(v * scale)) {
      return v;
    }
    double r = Math.round(v * scale) / scale;
    return Math.abs(r - v) <= step * 1e-9 ? r : v;
  }

  /**
   * Log-scale ticks covering {@code [min, max]}: powers of ten from {@code 10^floor(log10 min)}
   * to {@code 10^ceil(log10 max)}, with 2 and 5 times each power added when the range spans
   * fewer than three decades (and every integer multiple when it spans less than one).
   *
   * @param min the smallest value, finite and &gt; 0
   * @param max the largest value, finite, &gt;= {@code min}
   * @return the ticks, increasing; the first &lt;= {@code min}, the last &gt;= {@code max}
   * @throws IllegalArgumentException if {@code min <= 0}, a bound is not finite or
   *     {@code min > max}
   */
  public static double[] log(double min, double max) {
    if (!(min > 0) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("Expected finite 0 < min <= max, but found min " + min
          + " and max " + max);
    }
    int lo = (int) Math.floor(Math.log10(min));
    int hi = (int) Math.ceil(Math.log10(max));
    if (hi == lo) {
      hi++;
    }
    double[] mult = hi - lo <= 1 ? new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}
        : hi - lo < 3 ? new double[] {1, 2, 5} : new double[] {1};
    int step = Math.max(1, (hi - lo) / 8);
    double[] out = new double[(hi - lo + 1) * mult.length + 3];
    int n = 0;
    for (int e = lo; e <= hi; e += step) {
      for (double m : mult) {
        double v = m * Math.pow(10, e);
        if (e == hi && m > 1) {
          break;
        }
        out[n++] = v;
      }
    }
    while (out[n - 1] < max && n < out.length) { // rounding of pow/log10 at the top end
      out[n] = out[n - 1] * 10;
      n++;
    }
    // keep one tick at or below min and one at or above max, drop the rest outside
    int from = 0;
    while (from + 1 < n && out[from + 1] <= min) {
      from++;
    }
    int to = n;
    while (to - 2 >= from && out[to - 2] >= max) {
      to--;
    }
    return Arrays.copyOfRange(out, from, to);
  }

  /** Calendar units of date ticks, coarsest first. */
  private static final int[][] DATE_STEPS = {
      // {unit: 0 = years, 1 = months, 2 = days; count}
      {0, 50}, {0, 20}, {0, 10}, {0, 5}, {0, 2}, {0, 1}, {1, 6}, {1, 3}, {1, 1}, {2, 14},
      {2, 7}, {2, 2}, {2, 1}};

  /**
   * Date ticks inside {@code [fromEpochDay, toEpochDay]} on calendar boundaries: the finest of
   * 50/20/10/5/2/1 years, 6/3/1 months, 14/7/2/1 days that gives at most {@code target} ticks
   * (years start on 1 January of a multiple of the step, months on the 1st). Ticks lie inside
   * the range (a date axis spans exactly the data).
   *
   * @param fromEpochDay the first day (days since 1970-01-01)
   * @param toEpochDay the last day, &gt;= {@code fromEpochDay}
   * @param target the most ticks wanted, at least 2
   * @return the ticks as epoch days, increasing (possibly empty for a range shorter than a day)
   */
  public static long[] dates(long fromEpochDay, long toEpochDay, int target) {
    if (toEpochDay < fromEpochDay || target < 2) {
      throw new IllegalArgumentException("Expected from <= to and target >= 2, but found from "
          + fromEpochDay + ", to " + toEpochDay + ", target " + target);
    }
    long[] best = new long[0];
    for (int[] s : DATE_STEPS) {
      long[] t = dates(fromEpochDay, toEpochDay, s[0], s[1], target + 1);
      if (t == null) {
        break;
      }
      best = t;
    }
    return best;
  }

  /** Ticks of one calendar step, or null if there would be more than {@code limit}. */
  private static long[] dates(long from, long to, int unit, int count, int limit) {
    LocalDate a = LocalDate.ofEpochDay(from);
    LocalDate b = LocalDate.ofEpochDay(to);
    LocalDate d;
    if (unit == 0) {
      d = LocalDate.of(Math.floorDiv(a.getYear(), count) * count, 1, 1);
    } else if (unit == 1) {
      int m = (a.getMonthValue() - 1) / count * count + 1;
      d = LocalDate.of(a.getYear(), m, 1);
    } else {
      d = a;
    }
    long span = ChronoUnit.DAYS.between(a, b);
    long estimate = unit == 0 ? span / (366L * count) : unit == 1 ? span / (31L * count)
        : span / count;
    if (estimate > limit) {
      return null;
    }
    long[] out = new long[limit + 2];
    int n = 0;
    while (!d.isAfter(b)) {
      if (!d.isBefore(a)) {
        if (n == limit) {
          return null;
        }
        out[n++] = d.toEpochDay();
      }
      d = unit == 0 ? d.plusYears(count) : unit == 1 ? d.plusMonths(count) : d.plusDays(count);
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The label of a date tick for a given spacing: the year ("2021") when ticks are a year or
   * more apart, year and month ("2021-03") when a month or more, else the ISO date.
   *
   * @param epochDay the tick
   * @param spacingDays the days between ticks
   * @return the label
   */
  public static String dateLabel(long epochDay, long spacingDays) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    if (spacingDays >= 360) {
      return Integer.toString(d.getYear());
    }
    if (spacingDays >= 28) {
      return d.toString().substring(0, 7);
    }
    return d.toString();
  }
}
