package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * How often a series is observed, expressed as {@link #periodsPerYear() periods per year}: the
 * factor used for annualisation everywhere in Quantfolio (mean return x f, volatility x sqrt(f),
 * CAGR with exponent f / n).
 *
 * <p>Calendar frequencies ({@link #DAILY}, {@link #WEEKLY}, {@link #MONTHLY}, {@link #QUARTERLY},
 * {@link #ANNUAL}) and intraday bar sizes also define the buckets used by resampling; a frequency
 * made with {@link #of(double)} only annualises. Intraday constants assume the US equity session
 * (6.5 hours, 252 days a year); use {@link #intraday(Duration, Duration, double)} for other
 * sessions, e.g. 24 hours and 365 days for crypto.
 *
 * @since 0.1.0
 */
public final class Frequency {

  /** What a resampling bucket is; NONE for frequencies that only annualise. */
  enum Bucket { NONE, INTRADAY, DAY, WEEK, MONTH, QUARTER, YEAR }

  private static final double US_SESSION_HOURS = 6.5;

  /** Business days: 252 periods a year. */
  public static final Frequency DAILY = new Frequency("DAILY", 252, Bucket.DAY, null);
  /** Calendar days (markets open every day, e.g. crypto): 365 periods a year. */
  public static final Frequency DAILY_365 = new Frequency("DAILY_365", 365, Bucket.DAY, null);
  /** Weeks (ISO weeks, Monday to Sunday, when resampling): 52 periods a year. */
  public static final Frequency WEEKLY = new Frequency("WEEKLY", 52, Bucket.WEEK, null);
  /** Calendar months: 12 periods a year. */
  public static final Frequency MONTHLY = new Frequency("MONTHLY", 12, Bucket.MONTH, null);
  /** Calendar quarters: 4 periods a year. */
  public static final Frequency QUARTERLY = new Frequency("QUARTERLY", 4, Bucket.QUARTER, null);
  /** Calendar years: 1 period a year. */
  public static final Frequency ANNUAL = new Frequency("ANNUAL", 1, Bucket.YEAR, null);
  /** One-minute bars in a 6.5-hour session, 252 days: 98,280 periods a year. */
  public static final Frequency MINUTE = intraday(Duration.ofMinutes(1));
  /** Five-minute bars in a 6.5-hour session, 252 days: 19,656 periods a year. */
  public static final Frequency MINUTE_5 = intraday(Duration.ofMinutes(5));
  /** Fifteen-minute bars in a 6.5-hour session, 252 days: 6,552 periods a year. */
  public static final Frequency MINUTE_15 = intraday(Duration.ofMinutes(15));
  /** Thirty-minute bars in a 6.5-hour session, 252 days: 3,276 periods a year. */
  public static final Frequency MINUTE_30 = intraday(Duration.ofMinutes(30));
  /** Hourly bars in a 6.5-hour session, 252 days: 1,638 periods a year. */
  public static final Frequency HOURLY = intraday(Duration.ofHours(1));

  private final String name;
  private final double periodsPerYear;
  private final Bucket bucket;
  private final Duration barSize;

  private Frequency(String name, double periodsPerYear, Bucket bucket, Duration barSize) {
    this.name = name;
    this.periodsPerYear = periodsPerYear;
    this.bucket = bucket;
    this.barSize = barSize;
  }

  /**
   * A frequency that only annualises (it cannot be a resampling target).
   *
   * @param periodsPerYear the annualisation factor, finite and &gt; 0 (e.g. 260)
   * @return a frequency named like {@code 260/yr}
   */
  public static Frequency of(double periodsPerYear) {
    Checks.positive(periodsPerYear, "periodsPerYear");
    return new Frequency(trim(periodsPerYear) + "/yr", periodsPerYear, Bucket.NONE, null);
  }

  /**
   * Intraday bars of {@code barSize} in the US equity session (6.5 hours, 252 days).
   *
   * @param barSize the bar length: at least one millisecond, at most one day, dividing a day
   *     evenly
   * @return a frequency of {@code 6.5 h / barSize x 252} periods a year
   * @throws IllegalArgumentException if {@code barSize} does not divide a day evenly
   */
  public static Frequency intraday(Duration barSize) {
    return intraday(barSize, Duration.ofMinutes((long) (US_SESSION_HOURS * 60)), 252);
  }

  /**
   * Intraday bars of {@code barSize} in a session of {@code sessionLength} a day, on
   * {@code tradingDaysPerYear} days: {@code periodsPerYear = sessionLength / barSize x days}.
   *
   * @param barSize the bar length: whole milliseconds, at least one, at most one day, dividing a
   *     day evenly
   * @param sessionLength the trading time per day in whole milliseconds, &gt; 0 and at most one
   *     day (24 hours for a market that never closes)
   * @param tradingDaysPerYear the trading days per year, finite and &gt; 0 (e.g. 252 or 365)
   * @return a frequency that annualises and resamples by buckets of {@code barSize}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Frequency intraday(Duration barSize, Duration sessionLength, double tradingDaysPerYear) {
    Checks.notNull(barSize, "barSize");
    Checks.notNull(sessionLength, "sessionLength");
    Checks.positive(tradingDaysPerYear, "tradingDaysPerYear");
    Duration day = Duration.ofDays(1);
    // a fraction of a millisecond is refused, not truncated (1.5 ms would become 1 ms)
    long bar = barSize.compareTo(day) > 0 || barSize.toNanos() % 1_000_000 != 0 ? -1
        : barSize.toMillis();
    if (bar <= 0 || TimeIndex.MILLIS_PER_DAY % bar != 0) {
      throw new IllegalArgumentException("Expected a bar size of whole milliseconds that divides "
          + "one day evenly, but found " + barSize);
    }
    long session = sessionLength.compareTo(day) > 0
        || sessionLength.toNanos() % 1_000_000 != 0 ? -1 : sessionLength.toMillis();
    if (session <= 0) {
      throw new IllegalArgumentException(
          "Expected 0 < sessionLength <= 1 day in whole milliseconds, but found " + sessionLength);
    }
    double ppy = (double) session / bar * tradingDaysPerYear;
    return new Frequency(barSize.toString().substring(2) + " bars", ppy, Bucket.INTRADAY, barSize);
  }

  /**
   * Infers the frequency of an index from its spacing. Rules (also in {@code docs/data-model.md}):
   *
   * <ul>
   *   <li>Gaps are classed as daily (up to 4 days, so that weekends and holidays count as daily),
   *       weekly (5-10 days), monthly (25-35), quarterly (80-100) or annual (350-380 days); the
   *       class holding most gaps wins.
   *   <li>Daily data is {@link #DAILY} (252) unless more than 10% of its timestamps fall on a
   *       Saturday or Sunday, then {@link #DAILY_365}.
   *   <li>Intraday data (most common gap under a day) gets
   *       {@code bars per day x 252} periods a year, or x 365 if more than 10% of bars fall on a
   *       weekend; bars per day is the most common count of bars per UTC date. The bar size is
   *       the most common gap.
   * </ul>
   *
   * @param index the timestamps, at least 2
   * @return the inferred frequency
   * @throws IllegalArgumentException if the index has fewer than 2 timestamps or its gaps fit no
   *     class; pass the frequency explicitly then
   */
  public static Frequency infer(TimeIndex index) {
    Checks.notNull(index, "index");
    Object f = tryInfer(index);
    if (f instanceof String reason) {
      throw new IllegalArgumentException(Character.toUpperCase(reason.charAt(0))
          + reason.substring(1) + "; give it explicitly (e.g. Frequency.DAILY)");
    }
    return (Frequency) f;
  }

  /**
   * Why the frequency of {@code index} cannot be inferred (e.g. "cannot infer a frequency from 1
   * timestamp: inference needs at least 2"), or null if it can. For messages that give their own
   * advice.
   */
  static String whyNotInferable(TimeIndex index) {
    Object f = tryInfer(index);
    return f instanceof String reason ? reason : null;
  }

  /** The inferred frequency, or the reason (a String) why there is none. */
  private static Object tryInfer(TimeIndex index) {
    int n = index.size();
    if (n < 2) {
      return "cannot infer a frequency from " + n + " timestamp: inference needs at least 2 (one "
          + "gap between periods)";
    }
    long modeGapMillis = modeGapMillis(index);
    if (index.kind() == TimeIndex.Kind.INSTANT && modeGapMillis < TimeIndex.MILLIS_PER_DAY) {
      return inferIntraday(index, modeGapMillis);
    }
    int[] classCount = new int[6];
    for (int i = 1; i < n; i++) {
      long days = index.epochDay(i) - index.epochDay(i - 1);
      classCount[gapClass(days)]++;
    }
    int best = 0;
    for (int c = 1; c < classCount.length; c++) {
      if (classCount[c] > classCount[best]) {
        best = c;
      }
    }
    switch (best) {
      case 1:
        return weekendShare(index) > 0.10 ? DAILY_365 : DAILY;
      case 2:
        return WEEKLY;
      case 3:
        return MONTHLY;
      case 4:
        return QUARTERLY;
      case 5:
        return ANNUAL;
      default:
        return "cannot infer a frequency: most gaps between " + index.first() + " and "
            + index.last() + " fit no daily/weekly/monthly/quarterly/annual pattern";
    }
  }

  /** 0 = unrecognised, 1 daily, 2 weekly, 3 monthly, 4 quarterly, 5 annual. */
  private static int gapClass(long days) {
    if (days >= 1 && days <= 4) {
      return 1;
    } else if (days >= 5 && days <= 10) {
      return 2;
    } else if (days >= 25 && days <= 35) {
      return 3;
    } else if (days >= 80 && days <= 100) {
      return 4;
    } else if (days >= 350 && days <= 380) {
      return 5;
    }
    return 0;
  }

  private static long modeGapMillis(TimeIndex index) {
    Map<Long, Integer> counts = new HashMap<>();
    long best = 0;
    int bestCount = 0;
    for (int i = 1; i < index.size(); i++) {
      long gap = index.epochMillis(i) - index.epochMillis(i - 1);
      int c = counts.merge(gap, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && gap < best)) {
        best = gap;
        bestCount = c;
      }
    }
    return best;
  }

  private static double weekendShare(TimeIndex index) {
    int weekend = 0;
    for (int i = 0; i < index.size(); i++) {
      DayOfWeek d = LocalDate.ofEpochDay(index.epochDay(i)).getDayOfWeek();
      if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
        weekend++;
      }
    }
    return (double) weekend / index.size();
  }

  private static Frequency inferIntraday(TimeIndex index, long barMillis) {
    Map<Long, Integer> barsPerDay = new HashMap<>();
    for (int i = 0; i < index.size(); i++) {
      barsPerDay.merge(index.epochDay(i), 1, Integer::sum);
    }
    Map<Integer, Integer> countOfCounts = new HashMap<>();
    int mode = 0;
    int modeFreq = 0;
    for (int c : barsPerDay.values()) {
      int f = countOfCounts.merge(c, 1, Integer::sum);
      if (f > modeFreq || (f == modeFreq && c > mode)) {
        mode = c;
        modeFreq = f;
      }
    }
    double days = weekendShare(index) > 0.10 ? 365 : 252;
    Duration bar = Duration.ofMillis(barMillis);
    return new Frequency(bar.toString().substring(2) + " bars", mode * days, Bucket.INTRADAY,
        TimeIndex.MILLIS_PER_DAY % barMillis == 0 ? bar : null);
  }

  /**
   * The annualisation factor: how many periods of this frequency make a year.
   *
   * @return the annualisation factor: how many periods of this frequency make a year
   */
  public double periodsPerYear() {
    return periodsPerYear;
  }

  /**
   * A short name, e.g. {@code DAILY}, {@code MONTHLY}, {@code 5M bars}, {@code 260/yr}.
   *
   * @return a short name, e.g. {@code DAILY}, {@code MONTHLY}, {@code 5M bars}, {@code 260/yr}
   */
  public String name() {
    return name;
  }

  /**
   * The bar size of an intraday frequency, or null for calendar and plain frequencies.
   *
   * @return the bar size of an intraday frequency, or null for calendar and plain frequencies
   */
  public Duration barSize() {
    return barSize;
  }

  /**
   * Whether this frequency defines resampling buckets (calendar or intraday with bar size).
   *
   * @return whether this frequency defines resampling buckets (calendar or intraday with bar size)
   */
  public boolean isResamplingTarget() {
    return bucket != Bucket.NONE && (bucket != Bucket.INTRADAY || barSize != null);
  }

  Bucket bucket() {
    return bucket;
  }

  /**
   * The bucket key of a timestamp for resampling: equal keys fall in the same period. For
   * weeks the key is the ISO week (Monday to Sunday), for months {@code 12 x year + month}, etc.
   */
  long bucketKey(TimeIndex index, int i) {
    switch (bucket) {
      case INTRADAY:
        return Math.floorDiv(index.epochMillis(i), barSize.toMillis());
      case DAY:
        return index.epochDay(i);
      case WEEK:
        // Epoch day 0 (1970-01-01) is a Thursday; +3 moves week boundaries to Mondays.
        return Math.floorDiv(index.epochDay(i) + 3, 7);
      case MONTH: {
        LocalDate d = LocalDate.ofEpochDay(index.epochDay(i));
        return d.getYear() * 12L + d.getMonthValue() - 1;
      }
      case QUARTER: {
        LocalDate d = LocalDate.ofEpochDay(index.epochDay(i));
        return d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
      }
      case YEAR:
        return LocalDate.ofEpochDay(index.epochDay(i)).getYear();
      default:
        throw new IllegalArgumentException("Frequency " + name
            + " defines no resampling buckets; use DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL or an intraday bar size");
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frequency f && f.periodsPerYear == periodsPerYear && f.bucket == bucket
        && java.util.Objects.equals(f.barSize, barSize);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(periodsPerYear) * 31 + bucket.hashCode();
  }

  @Override
  public String toString() {
    return name + " (" + trim(periodsPerYear) + "/yr)";
  }
}
