package io.github.quantfolio.risk;

import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calendar tables of a return series (the quantstats view): the compounded return of every month
 * and year, and the best and worst period, month and year. A return is dated by the end of its
 * period (row {@code t} of the index, UTC date for an instant index); a month or year is the
 * product of {@code 1 + r} over its returns minus 1, so the first and last months and years may
 * be partial (their returns are those the series holds). NaN returns are skipped; a month
 * without a valid return is absent.
 *
 * @param monthly the compounded return of each month, in calendar order
 * @param yearly the compounded return of each year, in calendar order
 * @param bestDay the date and return of the best period
 * @param worstDay the date and return of the worst period
 * @since 0.1.0
 */
public record CalendarReturns(Map<YearMonth, Double> monthly, Map<Integer, Double> yearly,
    Dated bestDay, Dated worstDay) {

  /**
   * A return and the date it ends on.
   *
   * @param date the date
   * @param value the return
   */
  public record Dated(LocalDate date, double value) {
  }

  /**
   * Copies the maps (sorted).
   *
   * @param monthly monthly returns
   * @param yearly yearly returns
   * @param bestDay the best period
   * @param worstDay the worst period
   */
  public CalendarReturns {
    monthly = Collections.unmodifiableMap(new TreeMap<>(Checks.notNull(monthly, "monthly")));
    yearly = Collections.unmodifiableMap(new TreeMap<>(Checks.notNull(yearly, "yearly")));
    Checks.notNull(bestDay, "bestDay");
    Checks.notNull(worstDay, "worstDay");
  }

  /**
   * The calendar tables of {@code returns}, dated by {@code index}.
   *
   * @param index the date of each return (the end of its period)
   * @param returns simple returns, each finite and &gt;= -1, or NaN
   * @return the tables
   * @throws IllegalArgumentException if the lengths differ, a return is below -100 % or
   *     infinite (date and value named), or no return is valid
   */
  public static CalendarReturns of(TimeIndex index, double[] returns) {
    Checks.notNull(index, "index");
    Checks.notNull(returns, "returns");
    if (index.size() != returns.length) {
      throw new IllegalArgumentException("Calendar returns: " + returns.length + " returns for "
          + index.size() + " dates");
    }
    Map<YearMonth, Double> growth = new TreeMap<>();
    Map<Integer, Double> yearGrowth = new TreeMap<>();
    Dated best = null;
    Dated worst = null;
    for (int t = 0; t < returns.length; t++) {
      double r = returns[t];
      if (Double.isNaN(r)) {
        continue;
      }
      LocalDate d = index.date(t);
      if (!(r >= -1) || Double.isInfinite(r)) {
        throw new IllegalArgumentException("Calendar returns: the return of " + d + " is " + r
            + "; returns must be finite and >= -1");
      }
      growth.merge(YearMonth.from(d), 1 + r, (a, b) -> a * b);
      yearGrowth.merge(d.getYear(), 1 + r, (a, b) -> a * b);
      if (best == null || r > best.value()) {
        best = new Dated(d, r);
      }
      if (worst == null || r < worst.value()) {
        worst = new Dated(d, r);
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("Calendar returns: no valid return");
    }
    growth.replaceAll((k, g) -> g - 1);
    yearGrowth.replaceAll((k, g) -> g - 1);
    return new CalendarReturns(growth, yearGrowth, best, worst);
  }

  /**
   * The best month.
   *
   * @return its month and return (dated by its first day)
   */
  public Dated bestMonth() {
    return extreme(true);
  }

  /**
   * The worst month.
   *
   * @return its month and return (dated by its first day)
   */
  public Dated worstMonth() {
    return extreme(false);
  }

  /**
   * The best year.
   *
   * @return the year and its return
   */
  public Map.Entry<Integer, Double> bestYear() {
    return Collections.max(yearly.entrySet(), Map.Entry.comparingByValue());
  }

  /**
   * The worst year.
   *
   * @return the year and its return
   */
  public Map.Entry<Integer, Double> worstYear() {
    return Collections.min(yearly.entrySet(), Map.Entry.comparingByValue());
  }

  private Dated extreme(boolean best) {
    Map.Entry<YearMonth, Double> e = best
        ? Collections.max(monthly.entrySet(), Map.Entry.comparingByValue())
        : Collections.min(monthly.entrySet(), Map.Entry.comparingByValue());
    return new Dated(e.getKey().atDay(1), e.getValue());
  }

  /** A year x month table in percent with the year's return, then the best and worst periods. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-5s", "year"));
    for (String m : List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec")) {
      b.append(String.format(Locale.ROOT, "%7s", m));
    }
    b.append(String.format(Locale.ROOT, "%8s%n", "year"));
    for (Map.Entry<Integer, Double> y : yearly.entrySet()) {
      b.append(String.format(Locale.ROOT, "%-5d", y.getKey()));
      for (int m = 1; m <= 12; m++) {
        Double v = monthly.get(YearMonth.of(y.getKey(), m));
        b.append(v == null ? String.format(Locale.ROOT, "%7s", "")
            : String.format(Locale.ROOT, "%6.1f%%", 100 * v));
      }
      b.append(String.format(Locale.ROOT, "%7.1f%%%n", 100 * y.getValue()));
    }
    b.append(String.format(Locale.ROOT, "best period %s %+.2f%%, worst %s %+.2f%%; best month"
        + " %s %+.2f%%, worst %s %+.2f%%; best year %d %+.2f%%, worst %d %+.2f%%%n",
        bestDay.date(), 100 * bestDay.value(), worstDay.date(), 100 * worstDay.value(),
        YearMonth.from(bestMonth().date()), 100 * bestMonth().value(),
        YearMonth.from(worstMonth().date()), 100 * worstMonth().value(), bestYear().getKey(),
        100 * bestYear().getValue(), worstYear().getKey(), 100 * worstYear().getValue()));
    return b.toString();
  }
}
