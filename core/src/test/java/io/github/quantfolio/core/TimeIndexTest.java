package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeIndexTest {

  @Test
  void businessDaysSkipWeekends() {
    // 2024-01-05 is a Friday, so the next business days are Mon 8th and Tue 9th.
    TimeIndex idx = TimeIndex.businessDays(LocalDate.of(2024, 1, 5), 3);
    assertEquals(days("2024-01-05", "2024-01-08", "2024-01-09"), idx);
    // Starting on a Saturday moves to the Monday.
    assertEquals(LocalDate.of(2024, 1, 8), TimeIndex.businessDays(LocalDate.of(2024, 1, 6), 1).date(0));
  }

  @Test
  void rejectsDuplicateAndUnsortedTimestamps() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> days("2024-01-02", "2024-01-03", "2024-01-03"), "position 2", "2024-01-03", "duplicate");
    assertThrowsWith(IllegalArgumentException.class,
        () -> days("2024-01-04", "2024-01-03"), "position 1", "2024-01-03", "2024-01-04");
    assertThrowsWith(IllegalArgumentException.class, () -> TimeIndex.ofEpochDays(new long[0]),
        "at least one");
  }

  @Test
  void unionAndIntersectionMergeSortedTimestamps() {
    TimeIndex a = days("2024-01-01", "2024-01-03", "2024-01-05");
    TimeIndex b = days("2024-01-02", "2024-01-03", "2024-01-06");
    assertEquals(days("2024-01-03"), a.intersection(b));
    assertEquals(days("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-06"),
        a.union(b));
    assertTrue(a.intersection(b).isSubsetOf(a));
    assertFalse(a.isSubsetOf(b));
    assertThrowsWith(IllegalArgumentException.class,
        () -> a.intersection(days("2025-01-01")), "share no timestamp");
  }

  @Test
  void kindsNeverMix() {
    TimeIndex d = days("2024-01-01");
    TimeIndex i = TimeIndex.ofInstants(Instant.parse("2024-01-01T00:00:00Z"));
    assertThrowsWith(IllegalArgumentException.class, () -> d.union(i), "DATE", "INSTANT");
    assertThrowsWith(IllegalArgumentException.class, () -> d.indexOf(Instant.EPOCH), "INSTANT");
  }

  @Test
  void instantIndexReportsUtcDates() {
    TimeIndex i = TimeIndex.ofInstants(Instant.parse("2024-01-01T23:59:59Z"),
        Instant.parse("2024-01-02T00:00:00Z"));
    assertEquals(LocalDate.of(2024, 1, 1), i.date(0));
    assertEquals(LocalDate.of(2024, 1, 2), i.date(1));
    assertEquals("2024-01-01T23:59:59Z", i.label(0));
    assertEquals(1, i.indexOf(Instant.parse("2024-01-02T00:00:00Z")));
    assertEquals(-1, i.indexOf(Instant.parse("2024-01-02T00:00:01Z")));
  }

  @Test
  void positionsForRanges() {
    TimeIndex a = days("2024-01-01", "2024-01-03", "2024-01-05");
    long jan2 = LocalDate.of(2024, 1, 2).toEpochDay();
    long jan3 = LocalDate.of(2024, 1, 3).toEpochDay();
    assertEquals(1, a.ceilingPosition(jan2));
    assertEquals(1, a.floorEnd(jan2));
    assertEquals(1, a.ceilingPosition(jan3));
    assertEquals(2, a.floorEnd(jan3));
    assertArrayEquals(new long[] {jan3}, a.slice(1, 2).values());
  }
}
