package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable, strictly increasing sequence of timestamps: the row labels of every frame.
 *
 * <p>An index holds either calendar <em>dates</em> ({@link Kind#DATE}, for daily and coarser
 * data; zone-less, stored as epoch days) or <em>instants</em> ({@link Kind#INSTANT}, for intraday
 * data; UTC, stored as epoch milliseconds). The two kinds never mix: operations combining indexes
 * of different kinds throw {@link IllegalArgumentException}. Where a date is asked of an instant
 * index, the UTC calendar date is used; see {@code docs/data-model.md} for time zones.
 *
 * <p>Construction rejects empty input and timestamps that are not strictly increasing, naming the
 * position and both values. Every array passed in or returned is copied.
 *
 * @since 0.1.0
 */
public final class TimeIndex {

  /** What the stored values mean. */
  public enum Kind {
    /** Calendar dates, stored as {@link LocalDate#toEpochDay() epoch days}. */
    DATE,
    /** UTC instants, stored as epoch milliseconds. */
    INSTANT
  }

  static final long MILLIS_PER_DAY = 86_400_000L;

  private final Kind kind;
  private final long[] values;

  private TimeIndex(Kind kind, long[] values) {
    this.kind = kind;
    this.values = values;
  }

  /** Wraps an array that the caller promises is valid and will never modify. */
  static TimeIndex trusted(Kind kind, long[] values) {
    return new TimeIndex(kind, values);
  }

  /**
   * An index of dates.
   *
   * @param dates the dates, strictly increasing, at least one, none null
   * @return a date index ({@link Kind#DATE})
   * @throws IllegalArgumentException if empty or not strictly increasing
   */
  public static TimeIndex ofDates(List<LocalDate> dates) {
    Checks.notNull(dates, "dates");
    long[] v = new long[dates.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Checks.notNull(dates.get(i), "dates[" + i + "]").toEpochDay();
    }
    return checked(Kind.DATE, v);
  }

  /**
   * An index of dates; see {@link #ofDates(List)}.
   *
   * @param dates the dates, strictly increasing, at least one, none null
   * @return a date index ({@link Kind#DATE})
   * @throws IllegalArgumentException if empty or not strictly increasing
   */
  public static TimeIndex ofDates(LocalDate... dates) {
    return ofDates(Arrays.asList(Checks.notNull(dates, "dates")));
  }

  /**
   * An index of dates given as epoch days (the array is copied).
   *
   * @param epochDays days since 1970-01-01, strictly increasing, at least one
   * @return a date index ({@link Kind#DATE})
   * @throws IllegalArgumentException if empty, not strictly increasing, or a day is beyond the
   *     dates whose epoch milliseconds fit in a {@code long}
   */
  public static TimeIndex ofEpochDays(long[] epochDays) {
    return checked(Kind.DATE, Checks.notNull(epochDays, "epochDays").clone());
  }

  /**
   * An index of UTC instants.
   *
   * @param instants the instants, strictly increasing at millisecond precision, at least one,
   *     none null
   * @return an instant index ({@link Kind#INSTANT})
   * @throws IllegalArgumentException if empty or not strictly increasing
   */
  public static TimeIndex ofInstants(List<Instant> instants) {
    Checks.notNull(instants, "instants");
    long[] v = new long[instants.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Checks.notNull(instants.get(i), "instants[" + i + "]").toEpochMilli();
    }
    return checked(Kind.INSTANT, v);
  }

  /**
   * An index of UTC instants; see {@link #ofInstants(List)}.
   *
   * @param instants the instants, strictly increasing at millisecond precision, at least one,
   *     none null
   * @return an instant index ({@link Kind#INSTANT})
   * @throws IllegalArgumentException if empty or not strictly increasing
   */
  public static TimeIndex ofInstants(Instant... instants) {
    return ofInstants(Arrays.asList(Checks.notNull(instants, "instants")));
  }

  /**
   * An index of UTC instants given as epoch milliseconds (the array is copied).
   *
   * @param epochMillis milliseconds since 1970-01-01T00:00Z, strictly increasing, at least one
   * @return an instant index ({@link Kind#INSTANT})
   * @throws IllegalArgumentException if empty or not strictly increasing
   */
  public static TimeIndex ofEpochMillis(long[] epochMillis) {
    return checked(Kind.INSTANT, Checks.notNull(epochMillis, "epochMillis").clone());
  }

  /**
   * {@code count} consecutive business days (Monday to Friday; no holiday calendar) starting at
   * {@code start}, or at the next business day if {@code start} falls on a weekend.
   *
   * @param start the first day; a Saturday or Sunday moves to the following Monday
   * @param count the number of days, &gt; 0
   * @return a date index of {@code count} weekdays
   */
  public static TimeIndex businessDays(LocalDate start, int count) {
    Checks.notNull(start, "start");
    Checks.positive(count, "count");
    checked(Kind.DATE, new long[] {start.toEpochDay()}); // in range (so is every later day tried)
    long[] v = new long[count];
    LocalDate d = start;
    for (int i = 0; i < count; i++) {
      while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        d = d.plusDays(1);
      }
      v[i] = d.toEpochDay();
      d = d.plusDays(1);
    }
    return checked(Kind.DATE, v);
  }

  /**
   * The supported dates: those whose epoch milliseconds fit in a {@code long} (years -292,275,055
   * to 292,278,994), so that {@link #epochMillis(int)} is exact.
   */
  static final long MIN_EPOCH_DAY = Long.MIN_VALUE / MILLIS_PER_DAY;
  static final long MAX_EPOCH_DAY = Long.MAX_VALUE / MILLIS_PER_DAY;

  private static TimeIndex checked(Kind kind, long[] v) {
    if (v.length == 0) {
      throw new IllegalArgumentException("A time index needs at least one timestamp, but found none");
    }
    if (kind == Kind.DATE) {
      for (int i = 0; i < v.length; i++) {
        if (v[i] < MIN_EPOCH_DAY || v[i] > MAX_EPOCH_DAY) {
          throw new IllegalArgumentException("The date at position " + i + " (epoch day " + v[i]
              + ") is outside the supported range " + LocalDate.ofEpochDay(MIN_EPOCH_DAY) + " .. "
              + LocalDate.ofEpochDay(MAX_EPOCH_DAY) + " (dates whose epoch milliseconds fit in a "
              + "long)");
        }
      }
    }
    for (int i = 1; i < v.length; i++) {
      if (v[i] <= v[i - 1]) {
        throw new IllegalArgumentException(
            "Timestamps must be strictly increasing, but position " + i + " holds "
                + format(kind, v[i]) + (v[i] == v[i - 1] ? " again (duplicate)" : " after "
                + format(kind, v[i - 1])));
      }
    }
    return new TimeIndex(kind, v);
  }

  /** Epoch millis of the start of {@code date} (UTC), saturating at the long range. */
  static long startOfDayMillis(LocalDate date) {
    long d = date.toEpochDay();
    return d > Long.MAX_VALUE / MILLIS_PER_DAY ? Long.MAX_VALUE
        : d < Long.MIN_VALUE / MILLIS_PER_DAY ? Long.MIN_VALUE : d * MILLIS_PER_DAY;
  }

  /** Epoch millis of the last millisecond of {@code date} (UTC), saturating at the long range. */
  static long endOfDayMillis(LocalDate date) {
    long d = date.toEpochDay();
    return d >= Long.MAX_VALUE / MILLIS_PER_DAY ? Long.MAX_VALUE
        : d < Long.MIN_VALUE / MILLIS_PER_DAY ? Long.MIN_VALUE : (d + 1) * MILLIS_PER_DAY - 1;
  }

  /**
   * Whether this index holds dates or instants.
   *
   * @return whether this index holds dates or instants
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The number of timestamps (always at least 1).
   *
   * @return the number of timestamps (always at least 1)
   */
  public int size() {
    return values.length;
  }

  /**
   * The raw value at {@code i}: epoch day for {@link Kind#DATE}, epoch millis for INSTANT.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return the epoch day or epoch millisecond
   */
  public long value(int i) {
    return values[i];
  }

  /**
   * A copy of the raw values (epoch days or epoch millis, see {@link #kind()}).
   *
   * @return a copy of the raw values (epoch days or epoch millis, see {@link #kind()})
   */
  public long[] values() {
    return values.clone();
  }

  /**
   * The date at {@code i}; for an instant index the UTC date.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return the date
   */
  public LocalDate date(int i) {
    return kind == Kind.DATE
        ? LocalDate.ofEpochDay(values[i])
        : LocalDate.ofEpochDay(Math.floorDiv(values[i], MILLIS_PER_DAY));
  }

  /**
   * The instant at {@code i}; for a date index, the start of that day in UTC.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return the instant
   */
  public Instant instant(int i) {
    return Instant.ofEpochMilli(epochMillis(i));
  }

  /**
   * Epoch milliseconds at {@code i} (start of the UTC day for a date index).
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return milliseconds since 1970-01-01T00:00Z
   */
  public long epochMillis(int i) {
    return kind == Kind.DATE ? values[i] * MILLIS_PER_DAY : values[i];
  }

  /**
   * Epoch day (UTC) at {@code i}.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return days since 1970-01-01 (the UTC date for an instant index)
   */
  public long epochDay(int i) {
    return kind == Kind.DATE ? values[i] : Math.floorDiv(values[i], MILLIS_PER_DAY);
  }

  /**
   * The first timestamp as text (ISO date or ISO instant).
   *
   * @return the first timestamp as text (ISO date or ISO instant)
   */
  public String first() {
    return label(0);
  }

  /**
   * The last timestamp as text (ISO date or ISO instant).
   *
   * @return the last timestamp as text (ISO date or ISO instant)
   */
  public String last() {
    return label(values.length - 1);
  }

  /**
   * Timestamp {@code i} as ISO-8601 text: {@code 2018-04-11} or {@code 2018-04-11T14:30:00Z}.
   *
   * @param i the 0-based position, {@code 0 <= i < size()}
   * @return the ISO-8601 text
   */
  public String label(int i) {
    return format(kind, values[i]);
  }

  static String format(Kind kind, long v) {
    return kind == Kind.DATE ? LocalDate.ofEpochDay(v).toString() : Instant.ofEpochMilli(v).toString();
  }

  /**
   * The position of {@code date}, or -1 if absent. Only for date indexes.
   *
   * @param date the date to find, not null
   * @return the 0-based position of {@code date}, or -1 if absent
   * @throws IllegalArgumentException on an instant index
   */
  public int indexOf(LocalDate date) {
    requireKind(Kind.DATE, "a LocalDate lookup");
    int i = Arrays.binarySearch(values, Checks.notNull(date, "date").toEpochDay());
    return i >= 0 ? i : -1;
  }

  /**
   * The position of {@code instant}, or -1 if absent. Only for instant indexes.
   *
   * @param instant the instant to find (at millisecond precision), not null
   * @return the 0-based position of {@code instant}, or -1 if absent
   * @throws IllegalArgumentException on a date index
   */
  public int indexOf(Instant instant) {
    requireKind(Kind.INSTANT, "an Instant lookup");
    int i = Arrays.binarySearch(values, Checks.notNull(instant, "instant").toEpochMilli());
    return i >= 0 ? i : -1;
  }

  /**
   * The position of the first timestamp on or after {@code rawValue} (a value of this index's
   * kind), or {@link #size()} if there is none.
   *
   * @param rawValue an epoch day for a date index, an epoch millisecond for an instant index
   * @return a position from 0 to {@link #size()}
   */
  public int ceilingPosition(long rawValue) {
    int i = Arrays.binarySearch(values, rawValue);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * The position just past the last timestamp on or before {@code rawValue}, so that
   * {@code [ceilingPosition(a), floorEnd(b))} is the range {@code a <= t <= b}.
   *
   * @param rawValue an epoch day for a date index, an epoch millisecond for an instant index
   * @return a position from 0 to {@link #size()}
   */
  public int floorEnd(long rawValue) {
    int i = Arrays.binarySearch(values, rawValue);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /**
   * Rows {@code [from, to)} as a new index.
   *
   * @param from the first position, inclusive (0-based)
   * @param to the end position, exclusive: {@code 0 <= from < to <= size()}
   * @return an index of {@code to - from} timestamps, of the same kind
   * @throws IllegalArgumentException if the range is empty or out of bounds
   */
  public TimeIndex slice(int from, int to) {
    if (from < 0 || to > values.length || from >= to) {
      throw new IllegalArgumentException(
          "Expected 0 <= from < to <= " + values.length + ", but found from=" + from + ", to=" + to);
    }
    return new TimeIndex(kind, Arrays.copyOfRange(values, from, to));
  }

  /**
   * The timestamps present in both indexes.
   *
   * @param other an index of the same kind
   * @return the common timestamps, in order
   * @throws IllegalArgumentException if the kinds differ or no timestamp is common (an index
   *     cannot be empty)
   */
  public TimeIndex intersection(TimeIndex other) {
    requireSameKind(other);
    long[] out = new long[Math.min(values.length, other.values.length)];
    int n = 0;
    for (int i = 0, j = 0; i < values.length && j < other.values.length; ) {
      long a = values[i];
      long b = other.values[j];
      if (a == b) {
        out[n++] = a;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("The indexes share no timestamp: " + first() + ".." + last()
          + " and " + other.first() + ".." + other.last());
    }
    return new TimeIndex(kind, Arrays.copyOf(out, n));
  }

  /**
   * The timestamps present in either index.
   *
   * @param other an index of the same kind
   * @return all timestamps of both, in order, each once
   * @throws IllegalArgumentException if the kinds differ
   */
  public TimeIndex union(TimeIndex other) {
    requireSameKind(other);
    long[] out = new long[values.length + other.values.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < values.length || j < other.values.length) {
      long a = i < values.length ? values[i] : Long.MAX_VALUE;
      long b = j < other.values.length ? other.values[j] : Long.MAX_VALUE;
      if (a <= b) {
        out[n++] = a;
        i++;
        if (a == b) {
          j++;
        }
      } else {
        out[n++] = b;
        j++;
      }
    }
    return new TimeIndex(kind, Arrays.copyOf(out, n));
  }

  /**
   * Whether {@code other} holds every timestamp of this index.
   *
   * @param other any index, not null
   * @return whether {@code other} holds every timestamp of this index (false if the kinds
   *     differ)
   */
  public boolean isSubsetOf(TimeIndex other) {
    Checks.notNull(other, "other");
    if (kind != other.kind) {
      return false;
    }
    int j = 0;
    for (long v : values) {
      while (j < other.values.length && other.values[j] < v) {
        j++;
      }
      if (j == other.values.length || other.values[j] != v) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dates of this index (UTC dates for an instant index).
   *
   * @return the dates of this index (UTC dates for an instant index)
   */
  public List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(date(i));
    }
    return out;
  }

  /**
   * The sampling frequency inferred from the spacing of the timestamps; see
   * {@link Frequency#infer(TimeIndex)}.
   *
   * @return the inferred frequency
   * @throws IllegalArgumentException if the index has fewer than 2 timestamps or its gaps fit no
   *     pattern
   */
  public Frequency inferFrequency() {
    return Frequency.infer(this);
  }

  void requireKind(Kind expected, String what) {
    if (kind != expected) {
      throw new IllegalArgumentException(
          "This index holds " + kind + " timestamps; " + what + " needs a " + expected + " index");
    }
  }

  void requireSameKind(TimeIndex other) {
    Checks.notNull(other, "other");
    if (kind != other.kind) {
      throw new IllegalArgumentException("Cannot combine a " + kind + " index with a " + other.kind
          + " index; convert one of them first");
    }
  }

  long[] raw() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeIndex t && t.kind == kind && Arrays.equals(t.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TimeIndex[" + values.length + " " + (kind == Kind.DATE ? "dates" : "instants") + ", "
        + first() + " .. " + last() + "]";
  }
}
