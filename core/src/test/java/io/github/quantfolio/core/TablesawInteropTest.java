package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.ragged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesawInteropTest {

  @Test
  void priceFrameRoundTripsThroughATable() {
    Table t = TablesawInterop.toTable(ragged());
    assertEquals(4, t.columnCount());
    assertEquals(5, t.rowCount());
    assertEquals("date", t.column(0).name());
    assertTrue(t.doubleColumn("BBB").isMissing(0)); // NaN <-> missing
    assertEquals(ragged(), TablesawInterop.toPriceFrame(t));
  }

  @Test
  void instantIndexesUseInstantColumns() {
    TimeIndex idx = TimeIndex.ofInstants(Instant.parse("2024-01-02T14:30:00Z"),
        Instant.parse("2024-01-02T14:35:00Z"));
    PriceFrame p = PriceFrame.of(idx, java.util.List.of("X"), new double[][] {{1, 2}});
    Table t = TablesawInterop.toTable(p);
    assertEquals("time", t.column(0).name());
    assertEquals(p.index(), TablesawInterop.toPriceFrame(t).index());
  }

  @Test
  void rejectsNonNumericAssetColumns() {
    Table t = Table.create("t", tech.tablesaw.api.DateColumn.create("date",
        java.time.LocalDate.of(2024, 1, 2)), StringColumn.create("X", "abc"));
    assertThrowsWith(IllegalArgumentException.class, () -> TablesawInterop.toPriceFrame(t),
        "Column 'X'", "not numeric");
    Table bad = Table.create("t", DoubleColumn.create("x", 1.0), DoubleColumn.create("y", 1.0));
    assertThrowsWith(IllegalArgumentException.class, () -> TablesawInterop.toPriceFrame(bad),
        "first column", "'x'");
  }
}
