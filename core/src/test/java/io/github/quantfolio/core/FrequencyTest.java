package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyTest {

  private static TimeIndex everyNDays(int n, int count) {
    long[] v = new long[count];
    for (int i = 0; i < count; i++) {
      v[i] = LocalDate.of(2020, 1, 6).toEpochDay() + (long) i * n;
    }
    return TimeIndex.ofEpochDays(v);
  }

  @Test
  void infersCalendarFrequencies() {
    assertEquals(Frequency.DAILY, TimeIndex.businessDays(LocalDate.of(2020, 1, 1), 300).inferFrequency());
    assertEquals(Frequency.DAILY_365, everyNDays(1, 300).inferFrequency());
    assertEquals(Frequency.WEEKLY, everyNDays(7, 100).inferFrequency());
    List<LocalDate> monthEnds = new ArrayList<>();
    List<LocalDate> quarterEnds = new ArrayList<>();
    List<LocalDate> years = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      monthEnds.add(LocalDate.of(2020, 1, 1).plusMonths(i + 1).minusDays(1));
      quarterEnds.add(LocalDate.of(2020, 1, 1).plusMonths(3L * (i + 1)).minusDays(1));
      years.add(LocalDate.of(1980 + i, 12, 31));
    }
    assertEquals(Frequency.MONTHLY, TimeIndex.ofDates(monthEnds).inferFrequency());
    assertEquals(Frequency.QUARTERLY, TimeIndex.ofDates(quarterEnds).inferFrequency());
    assertEquals(Frequency.ANNUAL, TimeIndex.ofDates(years).inferFrequency());
  }

  @Test
  void infersIntradayBarsPerDayTimesTradingDays() {
    // US session 14:30-21:00 UTC, 5-minute bars: 78 bars a day on business days.
    List<Instant> t = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 8); d.isBefore(LocalDate.of(2024, 1, 20)); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() >= 6) {
        continue;
      }
      Instant open = d.atTime(14, 30).toInstant(java.time.ZoneOffset.UTC);
      for (int k = 0; k < 78; k++) {
        t.add(open.plusSeconds(300L * k));
      }
    }
    Frequency f = TimeIndex.ofInstants(t).inferFrequency();
    assertEquals(78 * 252, f.periodsPerYear(), 0.0);
    assertEquals(Frequency.MINUTE_5.periodsPerYear(), f.periodsPerYear(), 0.0);
    assertEquals(Duration.ofMinutes(5), f.barSize());

    // Crypto: hourly bars around the clock, every day: 24 x 365.
    long[] ms = new long[24 * 30];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() + 3_600_000L * i;
    }
    assertEquals(24 * 365, TimeIndex.ofEpochMillis(ms).inferFrequency().periodsPerYear(), 0.0);
  }

  @Test
  void constantsAndCustomFrequencies() {
    assertEquals(252, Frequency.DAILY.periodsPerYear());
    assertEquals(98_280, Frequency.MINUTE.periodsPerYear(), 0.0); // 390 minutes x 252 days
    assertEquals(1638, Frequency.HOURLY.periodsPerYear(), 0.0); // 6.5 hours x 252 days
    assertEquals(260, Frequency.of(260).periodsPerYear());
    assertFalse(Frequency.of(260).isResamplingTarget());
    assertEquals(1440 * 365,
        Frequency.intraday(Duration.ofMinutes(1), Duration.ofDays(1), 365).periodsPerYear(), 0.0);
    assertThrowsWith(IllegalArgumentException.class, () -> Frequency.of(-1), "periodsPerYear", "-1.0");
    assertThrowsWith(IllegalArgumentException.class, () -> Frequency.of(Double.NaN), "NaN");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Frequency.intraday(Duration.ofMinutes(7)), "divides one day", "PT7M");
    // 1.5 ms divides no day in whole milliseconds; truncating it to 1 ms would have accepted it
    assertThrowsWith(IllegalArgumentException.class,
        () -> Frequency.intraday(Duration.ofNanos(1_500_000)), "whole milliseconds", "PT0.0015S");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Frequency.intraday(Duration.ofNanos(999_999)), "whole milliseconds");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Frequency.intraday(Duration.ofDays(2)), "divides one day", "PT48H");
    assertThrowsWith(IllegalArgumentException.class, () -> Frequency.intraday(Duration.ofMinutes(1),
        Duration.ofHours(6).plusNanos(500), 252), "sessionLength", "PT6H0.0000005S");
    assertThrowsWith(IllegalArgumentException.class, () -> Frequency.intraday(Duration.ofMinutes(1),
        Duration.ofDays(365_000_000), 252), "sessionLength");
    assertEquals(2 * 390 * 252.0, Frequency.intraday(Duration.ofSeconds(30)).periodsPerYear(),
        0.0);
  }

  @Test
  void irregularOrTooShortIndexesAreNotGuessed() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> TestData.days("2024-01-01").inferFrequency(), "1 timestamp");
    assertThrowsWith(IllegalArgumentException.class,
        () -> everyNDays(15, 20).inferFrequency(), "give it explicitly");
  }
}
