package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.csv;
import static io.github.quantfolio.core.TestData.days;
import static io.github.quantfolio.core.TestData.ragged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases found in review of the core module, one test per finding. */
class ReviewFixesTest {

  @Test
  void longCsvWithTwoTimestampColumnsIsAmbiguous() {
    assertThrowsWith(CsvFormatException.class,
        () -> PriceFrame.readLongCsv(new StringReader("Date,Time,Symbol,Close\n2024-01-02,09:30,A,1\n"),
            "long.csv", null, null, null), "two timestamp columns", "'Date'", "'Time'");
  }

  @Test
  void hourlyResampleOfAUsSessionAnnualisesItsSevenBucketsADay() {
    // Five sessions of 5-minute bars 14:30-21:00 UTC: hourly buckets 14h..20h are 7 a day.
    List<Instant> t = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 8); d.isBefore(LocalDate.of(2024, 1, 13)); d = d.plusDays(1)) {
      Instant open = d.atTime(14, 30).toInstant(java.time.ZoneOffset.UTC);
      for (int k = 0; k < 78; k++) {
        t.add(open.plusSeconds(300L * k));
      }
    }
    double[] p = new double[t.size()];
    java.util.Arrays.fill(p, 10);
    PriceFrame fiveMin = PriceFrame.of(TimeIndex.ofInstants(t), List.of("X"), new double[][] {p});
    PriceFrame hourly = fiveMin.resample(Frequency.HOURLY);
    assertEquals(35, hourly.rows());
    assertEquals(7 * 252, hourly.frequency().periodsPerYear(), 0.0);
  }

  @Test
  void assetNamesThatCannotRoundTripThroughCsvAreRejected() {
    TimeIndex idx = days("2024-01-02");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of(" A"), new double[][] {{1}}), "white space", "' A'");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("A\nB"), new double[][] {{1}}), "line break");
  }

  @Test
  void joiningReturnFramesWithDifferentBasesDropsTheBase() {
    PriceFrame a = PriceFrame.of(days("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("A"), new double[][] {{1, 2, 3, 4}});
    PriceFrame b = PriceFrame.of(days("2023-12-01", "2024-01-03", "2024-01-04"), List.of("B"),
        new double[][] {{5, 6, 7}});
    ReturnFrame joined = a.returns().join(b.returns(), Alignment.UNION);
    assertFalse(joined.hasBase());
    assertThrowsWith(IllegalArgumentException.class, () -> joined.toPrices(1), "withBase");
    // Same base on both sides: kept.
    assertTrue(a.select("A").returns().join(
        a.join(PriceFrame.of(a.index(), List.of("C"), new double[][] {{1, 1, 1, 1}}),
            Alignment.UNION).select("C").returns(), Alignment.UNION).hasBase());
  }

  @Test
  void adjustingABarWithoutAdjustedCloseFails() {
    Bars b = Bars.of("XYZ", days("2024-01-02", "2024-01-03"), new double[] {10, 10},
        new double[] {11, 11}, new double[] {9, 9}, new double[] {10, 10}, null,
        new double[] {9.5, NaN});
    assertThrowsWith(IllegalArgumentException.class, b::adjusted, "'XYZ' on 2024-01-03",
        "no adjusted close");
  }

  @Test
  void barCsvErrorsNameTheColumnAndValue() {
    assertThrowsWith(CsvFormatException.class,
        () -> Bars.readCsv(new StringReader("date,open,high,low,close\n2024-01-02,10,11,9,-3\n"),
            "b.csv", "X"), "line 2 (2024-01-02), column 5 ('close'), value '-3'", "price");
    assertThrowsWith(CsvFormatException.class,
        () -> Bars.readCsv(new StringReader("date,open,high,low,close,volume\n2024-01-02,10,11,9,10,-1\n"),
            "b.csv", "X"), "column 6 ('volume'), value '-1'", "volume");
  }

  @Test
  void unboundedDateRangesOnInstantIndexes() {
    TimeIndex idx = TimeIndex.ofInstants(Instant.parse("2024-01-02T14:30:00Z"),
        Instant.parse("2024-01-03T14:30:00Z"));
    PriceFrame p = PriceFrame.of(idx, List.of("X"), new double[][] {{1, 2}});
    assertEquals(2, p.between(LocalDate.of(2024, 1, 1), LocalDate.MAX).rows());
    assertEquals(2, p.between(LocalDate.MIN, LocalDate.of(2024, 1, 3)).rows());
    assertEquals(2, p.latest(LocalDate.MAX).get("X"));
  }

  @Test
  void overflowingSimpleReturnsAreRejectedAndLogReturnsComputed() {
    PriceFrame p = PriceFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{1e-300, 1e300}});
    assertThrowsWith(IllegalArgumentException.class, p::returns, "'X' on 2024-01-03", "Infinity");
    // The log return of the same pair is finite: ln(1e300 / 1e-300) = 600 ln 10 = 1381.55...
    // (was rejected as Infinity, the log of the overflowed ratio); both directions.
    assertEquals(600 * Math.log(10), p.logReturns().column("X")[0], 1e-12);
    PriceFrame q = PriceFrame.of(days("2024-01-02", "2024-01-03"), List.of("X"),
        new double[][] {{1e300, 1e-300}});
    assertEquals(-600 * Math.log(10), q.logReturns().column("X")[0], 1e-12);
    // the simple return of the fall is -1 + 1e-600, which rounds to -1 (a total loss)
    assertEquals(-1.0, q.returns().column("X")[0], 0.0);
  }

  @Test
  void minutePrecisionZuluTimesAndTabsAreAccepted() {
    PriceFrame p = csv("time,X\n2024-01-02T14:30Z,\t1.5\n2024-01-02T14:35Z,2 \t\n");
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), p.index().instant(0));
    assertArrayEquals(new double[] {1.5, 2}, p.column("X"), 0.0);
  }

  @Test
  void rowIndexesAreChecked() {
    assertThrowsWith(IndexOutOfBoundsException.class, () -> ragged().get(99, "AAA"),
        "row < 5", "99");
    assertThrowsWith(NullPointerException.class, () -> days("2024-01-02").isSubsetOf(null), "other");
  }

  @Test
  void quarterlyAndPre1970PeriodsHaveHandCheckedLabels() {
    // Quarter ends: Q1 = Jan-Mar, Q2 = Apr-Jun; the last present date of each quarter labels it.
    PriceFrame q = PriceFrame.of(days("2023-12-29", "2024-01-02", "2024-03-28", "2024-04-01", "2024-06-28"),
        List.of("X"), new double[][] {{1, 2, 3, 4, 5}}).resample(Frequency.QUARTERLY);
    assertEquals(days("2023-12-29", "2024-03-28", "2024-06-28"), q.index());
    assertArrayEquals(new double[] {1, 3, 5}, q.column("X"), 0.0);
    // 1969-12-28 is a Sunday, 1969-12-29 a Monday: different ISO weeks; 1970-01-01 (Thursday)
    // is in the week of Monday 1969-12-29.
    PriceFrame w = PriceFrame.of(days("1969-12-26", "1969-12-28", "1969-12-29", "1970-01-01", "1970-01-05"),
        List.of("X"), new double[][] {{1, 2, 3, 4, 5}}).resample(Frequency.WEEKLY);
    assertEquals(days("1969-12-28", "1970-01-01", "1970-01-05"), w.index());
    assertArrayEquals(new double[] {2, 4, 5}, w.column("X"), 0.0);
  }
}
