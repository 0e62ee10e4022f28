package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.csv;
import static io.github.quantfolio.core.TestData.days;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {

  @TempDir
  Path dir;

  @Test
  void readsWideCsvWithMissingCells() {
    PriceFrame p = csv("Date,AAPL,MSFT\n2018-01-02,172.26,85.95\n2018-01-03,,86.35\n\n2018-01-04,173.03,NaN\n");
    assertEquals(days("2018-01-02", "2018-01-03", "2018-01-04"), p.index());
    assertEquals(List.of("AAPL", "MSFT"), p.assets());
    assertArrayEquals(new double[] {172.26, NaN, 173.03}, p.column("AAPL"), 0.0);
    assertArrayEquals(new double[] {85.95, 86.35, NaN}, p.column("MSFT"), 0.0);
  }

  @Test
  void readsDateTimesAndEpochTimestampsAsInstants() {
    PriceFrame iso = csv("time,X\n2024-01-02T14:30:00Z,1\n2024-01-02 14:35,2\n2024-01-02T09:40:00-05:00,3\n");
    assertEquals(TimeIndex.Kind.INSTANT, iso.index().kind());
    assertEquals(Instant.parse("2024-01-02T14:35:00Z"), iso.index().instant(1));
    assertEquals(Instant.parse("2024-01-02T14:40:00Z"), iso.index().instant(2));
    PriceFrame secs = csv("t,X\n1704205800,1\n1704206100,2\n");
    assertEquals(Instant.parse("2024-01-02T14:30:00Z"), secs.index().instant(0));
    PriceFrame millis = csv("t,X\n1704205800000,1\n1704206100000,2\n");
    assertEquals(secs.index(), millis.index());
  }

  @Test
  void quotedHeadersAndByteOrderMark() {
    PriceFrame p = csv("\uFEFFdate,\"BRK,B\",\"say \"\"hi\"\"\"\n2024-01-02,400,1\n");
    assertEquals(List.of("BRK,B", "say \"hi\""), p.assets());
  }

  @Test
  void malformedValuesAreReportedWithFileLineColumnAndValue() {
    CsvFormatException e = assertThrowsWith(CsvFormatException.class,
        () -> csv("date,AAPL,MSFT\n2018-04-10,170.1,90\n2018-04-11,-3.2,91\n"),
        "test.csv, line 3 (2018-04-11), column 2 ('AAPL'), value '-3.2': a price must be a finite "
            + "number > 0 (or an empty cell for missing)");
    assertEquals("2018-04-11", e.timestamp()); // the row's date, asked for by users
    assertEquals(3, e.line());
    assertEquals(2, e.column());
    assertEquals("AAPL", e.columnName());
    assertEquals("-3.2", e.value());
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n2018-04-10,n/a\n"),
        "line 2 (2018-04-10), column 2 ('X'), value 'n/a'", "not a number");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n2018-04-10,0\n"),
        "line 2", "value '0'");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n2018-04-10,Infinity\n"),
        "value 'Infinity'");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n2018-04-10,1.5f\n"),
        "value '1.5f'");
  }

  @Test
  void badTimestampsAreReported() {
    assertThrowsWith(CsvFormatException.class,
        () -> csv("date,X\n2018-04-10,1\n2018-04-10,2\n"), "line 3, column 1", "duplicate timestamp");
    assertThrowsWith(CsvFormatException.class,
        () -> csv("date,X\n2018-04-10,1\n2018-04-09,2\n"), "line 3", "'2018-04-09'",
        "strictly increasing", "2018-04-10");
    assertThrowsWith(CsvFormatException.class,
        () -> csv("date,X\n2018-04-10,1\n2018-04-31,2\n"), "line 3", "invalid date");
    assertThrowsWith(CsvFormatException.class,
        () -> csv("date,X\n2018-04-10,1\n2018-04-11T10:00:00Z,2\n"), "line 3",
        "format of the first data row");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n04/10/2018,1\n"),
        "line 2, column 1", "not a timestamp");
  }

  @Test
  void structuralProblemsAreReported() {
    assertThrowsWith(CsvFormatException.class, () -> csv(""), "empty");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n"), "no data rows");
    assertThrowsWith(CsvFormatException.class, () -> csv("date\n2018-01-01\n"), "at least one asset");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X,X\n2018-01-01,1,2\n"),
        "column 3", "duplicate asset name");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X,\n2018-01-01,1,2\n"), "blank asset name");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X,Y\n2018-01-01,1\n"),
        "line 2", "expected 3 fields", "found 2");
    assertThrowsWith(CsvFormatException.class, () -> csv("date,X\n2018-01-01,\"1\n"), "line 2", "unterminated");
  }

  @Test
  void readsFromFilesAndNamesTheFile() throws Exception {
    Path f = dir.resolve("prices.csv");
    Files.writeString(f, "date,X\n2018-01-01,1\n2018-01-02,-1\n");
    assertThrowsWith(CsvFormatException.class, () -> PriceFrame.readCsv(f), "prices.csv, line 3");
  }

  @Test
  void longFormatIsPivotedWithRowsInAnyOrder() {
    String text = "Date,Ticker,Adj Close,Volume\n"
        + "2024-01-03,MSFT,370.6,1\n2024-01-02,AAPL,185.6,1\n2024-01-02,MSFT,370.9,1\n"
        + "2024-01-04,AAPL,181.9,1\n";
    PriceFrame p = PriceFrame.readLongCsv(new StringReader(text), "long.csv", null, null, null);
    assertEquals(List.of("MSFT", "AAPL"), p.assets()); // order of first appearance
    assertEquals(days("2024-01-02", "2024-01-03", "2024-01-04"), p.index());
    assertArrayEquals(new double[] {370.9, 370.6, NaN}, p.column("MSFT"), 0.0);
    assertArrayEquals(new double[] {185.6, NaN, 181.9}, p.column("AAPL"), 0.0);
    assertThrowsWith(CsvFormatException.class,
        () -> PriceFrame.readLongCsv(new StringReader(text + "2024-01-03,MSFT,371,1\n"), "long.csv",
            null, null, null),
        "line 6", "duplicate row for symbol 'MSFT'", "line 2");
    assertThrowsWith(CsvFormatException.class,
        () -> PriceFrame.readLongCsv(new StringReader("when,sym,v\n2024-01-01,A,1\n"), "long.csv",
            null, null, null), "cannot find the timestamp column");
    PriceFrame named = PriceFrame.readLongCsv(new StringReader("when,sym,v\n2024-01-01,A,1\n"),
        "long.csv", "WHEN", "sym", "v");
    assertEquals(List.of("A"), named.assets());
  }

  @Test
  void readsOhlcvBarsInAnyColumnOrderWithAdjClose() {
    String text = "Volume,Adj Close,Close,Low,High,Open,Date\n"
        + "1000,9.5,10,9,11,9.5,2024-01-02\n"
        + ",,,,,,2024-01-03\n"
        + "2000,10.45,11,10,11.5,10.2,2024-01-04\n";
    Bars b = Bars.readCsv(new StringReader(text), "bars.csv", "XYZ");
    assertEquals("XYZ", b.symbol());
    assertArrayEquals(new double[] {9.5, NaN, 10.2}, b.open(), 0.0);
    assertArrayEquals(new double[] {10, NaN, 11}, b.close(), 0.0);
    assertArrayEquals(new double[] {1000, NaN, 2000}, b.volume(), 0.0);
    assertTrue(b.hasAdjustedClose());
    Bars adj = b.adjusted();
    // factor 9.5 / 10 = 0.95 on the first bar: open 9.5 x 0.95, volume 1000 / 0.95.
    assertEquals(9.025, adj.open()[0], Tolerance.EXACT);
    assertEquals(9.5, adj.close()[0], Tolerance.EXACT);
    assertEquals(1000 / 0.95, adj.volume()[0], 1e-9);
    assertFalse(adj.hasAdjustedClose());
  }

  @Test
  void invalidBarsAreReported() {
    assertThrowsWith(CsvFormatException.class,
        () -> Bars.readCsv(new StringReader("date,open,high,low,close\n2024-01-02,10,9.5,9,10\n"),
            "bars.csv", "XYZ"), "line 2", "inconsistent bar", "high=9.5");
    assertThrowsWith(CsvFormatException.class,
        () -> Bars.readCsv(new StringReader("date,open,high,low\n2024-01-02,10,11,9\n"),
            "bars.csv", "XYZ"), "no 'close' column");
    assertThrowsWith(CsvFormatException.class,
        () -> Bars.readCsv(new StringReader("date,open,high,low,close\n2024-01-02,10,,9,10\n"),
            "bars.csv", "XYZ"), "line 2", "all NaN for a missing bar");
  }
}
