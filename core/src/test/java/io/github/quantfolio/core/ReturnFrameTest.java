package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static io.github.quantfolio.core.TestData.ragged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnFrameTest {

  @Test
  void toPricesRebuildsRaggedPricesFromTheBase() {
    PriceFrame p = ragged().select("AAA", "BBB");
    PriceFrame back = p.returns().toPrices(AssetVector.of(Map.of("AAA", 100.0, "BBB", 50.0)));
    assertEquals(p.index(), back.index());
    assertArrayEquals(p.column("AAA"), back.column("AAA"), 1e-12);
    // BBB lists on the 9th: it starts there, NaN before.
    assertArrayEquals(p.column("BBB"), back.column("BBB"), 1e-12);
  }

  @Test
  void toPricesStartsEachAssetAtTheInitialValue() {
    // Hand calculation: 1 x 1.1 = 1.1, x 0.9 = 0.99; Y starts a row later.
    ReturnFrame r = ReturnFrame.of(days("2024-01-02", "2024-01-03"), List.of("X", "Y"),
        new double[][] {{0.1, -0.1}, {NaN, 0.5}}).withBase(LocalDate.of(2024, 1, 1));
    PriceFrame p = r.toPrices(1.0);
    assertEquals(days("2024-01-01", "2024-01-02", "2024-01-03"), p.index());
    assertArrayEquals(new double[] {1, 1.1, 0.99}, p.column("X"), Tolerance.EXACT);
    assertArrayEquals(new double[] {NaN, 1, 1.5}, p.column("Y"), Tolerance.EXACT);
  }

  @Test
  void toPricesNeedsABaseAndRefusesInteriorGaps() {
    ReturnFrame noBase = ReturnFrame.of(days("2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("X"), new double[][] {{0.01, NaN, 0.02}});
    assertFalse(noBase.hasBase());
    assertThrowsWith(IllegalArgumentException.class, () -> noBase.toPrices(1), "withBase");
    assertThrowsWith(IllegalArgumentException.class,
        () -> noBase.withBase(LocalDate.of(2024, 1, 1)).toPrices(1),
        "'X' on 2024-01-03 is NaN between valid returns");
    assertThrowsWith(IllegalArgumentException.class,
        () -> noBase.withBase(LocalDate.of(2024, 1, 2)), "must come before");
  }

  @Test
  void slicesKeepTheBaseOnlyWhenTheyStartAtTheFirstRow() {
    ReturnFrame r = ragged().returns();
    assertTrue(r.hasBase());
    assertTrue(r.head(2).hasBase());
    assertTrue(r.select("AAA").hasBase());
    assertFalse(r.tail(2).hasBase());
    assertFalse(r.dropIncompleteRows().hasBase());
  }

  @Test
  void meanAndSampleStdOverValidReturns() {
    ReturnFrame r = ragged().returns();
    // Exact rational arithmetic on AAA's four returns (Python fractions):
    assertEquals(0.012598553973044364, r.mean("AAA"), Tolerance.EXACT);
    assertEquals(0.029477409166802325, r.std("AAA"), Tolerance.EXACT);
    // BBB: mean of 0.02, -1/51 and 1/49.
    assertEquals((0.02 - 0.0392156862745098 + 0.02040816326530612) / 3, r.means().get("BBB"),
        Tolerance.EXACT);
    ReturnFrame single = r.select("CCC").head(1);
    assertThrowsWith(IllegalArgumentException.class, single::stdDevs,
        "'CCC' has 1 valid return; a standard deviation needs at least 2");
  }

  @Test
  void conversionBetweenSimpleAndLog() {
    ReturnFrame r = ragged().returns();
    ReturnFrame log = r.as(ReturnFrame.Type.LOG);
    assertEquals(ragged().logReturns().get(0, "AAA"), log.get(0, "AAA"), Tolerance.EXACT);
    assertEquals(0.02, log.as(ReturnFrame.Type.SIMPLE).get(0, "AAA"), Tolerance.EXACT);
  }

  @Test
  void rejectsInfiniteReturns() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> ReturnFrame.of(days("2024-01-02"), List.of("X"),
            new double[][] {{Double.NEGATIVE_INFINITY}}),
        "Return of 'X' on 2024-01-02 is -Infinity");
  }

  @Test
  void toStringNamesTheReturnType() {
    assertTrue(ragged().returns().toString().contains("simple returns"));
  }
}
