package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static io.github.quantfolio.core.TestData.ragged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceFrameTest {

  private static final double EXACT = Tolerance.EXACT;

  @Test
  void simpleReturnsAreNaNWhereEitherPriceIsMissing() {
    ReturnFrame r = ragged().returns();
    // Hand calculation: p_t / p_(t-1) - 1 on the prices of TestData.ragged().
    assertEquals(days("2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12"), r.index());
    assertArrayEquals(new double[] {0.02, -0.029411764705882353, 0.020202020202020204,
        0.039603960396039604}, r.column("AAA"), EXACT);
    assertArrayEquals(new double[] {NaN, 0.02, -0.0392156862745098, 0.02040816326530612},
        r.column("BBB"), EXACT);
    // CCC has a gap on the 11th: both returns touching it are missing.
    assertArrayEquals(new double[] {0.1, 0.09090909090909091, NaN, NaN}, r.column("CCC"), EXACT);
    assertEquals(Frequency.DAILY, r.frequency());
    assertEquals(ReturnFrame.Type.SIMPLE, r.type());
  }

  @Test
  void logReturns() {
    ReturnFrame r = ragged().logReturns();
    assertEquals(0.01980262729617973, r.get(0, "AAA"), EXACT); // ln(1.02)
    assertTrue(Double.isNaN(r.get(0, "BBB")));
    assertEquals(ReturnFrame.Type.LOG, r.type());
  }

  @Test
  void latestTakesEachAssetsLastValidPrice() {
    AssetVector last = ragged().latest();
    assertEquals(List.of("AAA", "BBB", "CCC"), last.assets());
    assertArrayEquals(new double[] {105, 50, 12}, last.toArray(), 0.0);
    // On the 11th CCC is missing, so its last valid price is the 10th's.
    assertArrayEquals(new double[] {101, 49, 12}, ragged().latest(LocalDate.of(2024, 1, 11)).toArray(), 0.0);
    PriceFrame neverTraded = PriceFrame.of(days("2024-01-01", "2024-01-02"), List.of("X", "Y"),
        new double[][] {{1, 2}, {NaN, NaN}});
    assertThrowsWith(IllegalArgumentException.class, neverTraded::latest, "'Y'", "no valid price");
  }

  @Test
  void selectPermutesColumnsAndRejectsUnknownNames() {
    PriceFrame p = ragged().select("CCC", "AAA");
    assertEquals(List.of("CCC", "AAA"), p.assets());
    assertArrayEquals(new double[] {10, 11, 12, NaN, 12}, p.column(0), 0.0);
    assertThrowsWith(IllegalArgumentException.class, () -> ragged().select("AAA", "ZZZ"),
        "Unknown asset 'ZZZ'", "AAA, BBB, CCC");
    assertThrowsWith(IllegalArgumentException.class, () -> ragged().column("aaa"), "'aaa'");
    assertThrowsWith(IllegalArgumentException.class, () -> ragged().select("AAA", "AAA"),
        "Duplicate asset name 'AAA'");
  }

  @Test
  void betweenIsInclusive() {
    PriceFrame p = ragged().between(LocalDate.of(2024, 1, 9), LocalDate.of(2024, 1, 11));
    assertEquals(days("2024-01-09", "2024-01-10", "2024-01-11"), p.index());
    assertThrowsWith(IllegalArgumentException.class,
        () -> ragged().between(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1)),
        "No rows in 2023-01-01 .. 2023-02-01", "2024-01-08 .. 2024-01-12");
    assertThrowsWith(IllegalArgumentException.class,
        () -> ragged().between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)), "from <= to");
  }

  @Test
  void dropIncompleteRowsKeepsRowsWhereEveryAssetTrades() {
    PriceFrame p = ragged().dropIncompleteRows();
    assertEquals(days("2024-01-09", "2024-01-10", "2024-01-12"), p.index());
    assertArrayEquals(new double[] {102, 99, 105}, p.column("AAA"), 0.0);
    assertEquals(Frequency.DAILY, p.frequency());
  }

  @Test
  void joinAlignsOnUnionOrIntersectionWithoutFilling() {
    PriceFrame spy = PriceFrame.of(days("2024-01-10", "2024-01-15"), List.of("SPY"),
        new double[][] {{470, 480}});
    PriceFrame union = ragged().select("AAA").join(spy, Alignment.UNION);
    assertEquals(days("2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12",
        "2024-01-15"), union.index());
    assertArrayEquals(new double[] {100, 102, 99, 101, 105, NaN}, union.column("AAA"), 0.0);
    assertArrayEquals(new double[] {NaN, NaN, 470, NaN, NaN, 480}, union.column("SPY"), 0.0);
    PriceFrame inter = ragged().join(spy, Alignment.INTERSECTION);
    assertEquals(days("2024-01-10"), inter.index());
    assertEquals(List.of("AAA", "BBB", "CCC", "SPY"), inter.assets());
    assertArrayEquals(new double[] {99, 51, 12, 470}, inter.latest().toArray(), 0.0);
    assertThrowsWith(IllegalArgumentException.class,
        () -> ragged().join(ragged().select("BBB"), Alignment.UNION), "'BBB'");
  }

  @Test
  void resampleTakesFirstOrLastValidValueOfEachPeriod() {
    // Tue 30 Jan .. Fri 2 Feb 2024; Y is missing on the last day of January.
    PriceFrame p = PriceFrame.of(days("2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"),
        List.of("X", "Y"), new double[][] {{1, 2, 3, 4}, {5, NaN, NaN, 8}}, Frequency.DAILY);
    PriceFrame last = p.resample(Frequency.MONTHLY);
    assertEquals(days("2024-01-31", "2024-02-02"), last.index());
    assertArrayEquals(new double[] {2, 4}, last.column("X"), 0.0);
    assertArrayEquals(new double[] {5, 8}, last.column("Y"), 0.0);
    assertEquals(Frequency.MONTHLY, last.frequency());
    PriceFrame first = p.resample(Frequency.MONTHLY, Sampling.FIRST);
    assertEquals(days("2024-01-30", "2024-02-01"), first.index());
    assertArrayEquals(new double[] {1, 3}, first.column("X"), 0.0);
    assertArrayEquals(new double[] {5, 8}, first.column("Y"), 0.0);
    // Weekly: ISO weeks run Monday to Sunday; 2024-01-12 (Fri) and 2024-01-15 (Mon) differ.
    PriceFrame w = PriceFrame.of(days("2024-01-11", "2024-01-12", "2024-01-15"), List.of("X"),
        new double[][] {{1, 2, 3}}).resample(Frequency.WEEKLY);
    assertEquals(days("2024-01-12", "2024-01-15"), w.index());
    assertThrowsWith(IllegalArgumentException.class, () -> p.resample(Frequency.of(12)),
        "defines no periods");
  }

  @Test
  void describeCountsValidValues() {
    AssetSummary b = ragged().describe().get("BBB");
    assertEquals(4, b.count());
    assertEquals("2024-01-09", b.firstValid());
    assertEquals("2024-01-12", b.lastValid());
    assertEquals(50, b.mean(), EXACT); // (50 + 51 + 49 + 50) / 4
    assertEquals(Math.sqrt(2.0 / 3.0), b.std(), EXACT); // deviations 0, 1, -1, 0 over n-1 = 3
    assertEquals(49, b.min());
    assertEquals(51, b.max());
    assertTrue(ragged().describe().toString().contains("BBB"));
  }

  @Test
  void forwardFillAndNormalizedAreExplicit() {
    PriceFrame f = ragged().forwardFill();
    assertArrayEquals(new double[] {10, 11, 12, 12, 12}, f.column("CCC"), 0.0);
    assertArrayEquals(new double[] {NaN, 50, 51, 49, 50}, f.column("BBB"), 0.0);
    assertArrayEquals(new double[] {NaN, 1, 1.02, 0.98, 1}, ragged().normalized().column("BBB"), EXACT);
  }

  @Test
  void toStringShowsShapeRangeAndRows() {
    String s = ragged().toString();
    assertTrue(s.startsWith("PriceFrame: 5 rows x 3 assets, 2024-01-08 .. 2024-01-12, DAILY (252/yr)"), s);
    assertTrue(s.contains("2024-01-10   99.0000  51.0000  12.0000"), s);
    assertTrue(s.contains("NaN"), s);
  }

  @Test
  void valuesAreCopiedInAndOut() {
    double[] col = {1, 2};
    PriceFrame p = PriceFrame.of(days("2024-01-01", "2024-01-02"), List.of("X"), new double[][] {col});
    col[0] = 99;
    p.column("X")[1] = 99;
    assertArrayEquals(new double[] {1, 2}, p.column("X"), 0.0);
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void rejectsNonPositiveAndInfinitePricesNamingAssetDateAndValue() {
    TimeIndex idx = days("2018-04-10", "2018-04-11");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("AAPL"), new double[][] {{170.2, -3.2}}),
        "Price of 'AAPL' on 2018-04-11 is -3.2");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("AAPL"), new double[][] {{0.0, 1}}),
        "'AAPL' on 2018-04-10 is 0.0");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("AAPL"), new double[][] {{1, Double.POSITIVE_INFINITY}}),
        "'AAPL' on 2018-04-11 is Infinity");
  }

  @Test
  void rejectsMismatchedShapesAndBadNames() {
    TimeIndex idx = days("2018-04-10", "2018-04-11");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("A", "B"), new double[][] {{1, 2}, {1, 2, 3}}),
        "'B' has 3 values", "2 timestamps");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("A", "B"), new double[][] {{1, 2}}), "2 assets", "1 columns");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of(), new double[][] {}), "at least one asset");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("A", " "), new double[][] {{1, 2}, {1, 2}}), "blank");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PriceFrame.of(idx, List.of("A", "A"), new double[][] {{1, 2}, {1, 2}}), "Duplicate asset name 'A'");
    assertThrows(NullPointerException.class, () -> PriceFrame.of(null, List.of("A"), new double[][] {{1}}));
    assertThrowsWith(IllegalArgumentException.class, () -> ragged().head(1).returns(), "at least 2 rows");
  }

  @Test
  void frequencyMustBeInferableOrGiven() {
    PriceFrame one = PriceFrame.of(days("2024-01-01"), List.of("X"), new double[][] {{1}});
    assertThrowsWith(IllegalStateException.class, one::frequency, "withFrequency");
    assertEquals(Frequency.MONTHLY, one.withFrequency(Frequency.MONTHLY).frequency());
  }
}
