package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@link ValueFrame}: the general labelled table for data that are neither prices nor returns
 * (a backtest's equity, cash and costs were a {@code ReturnFrame} before, printed as "simple
 * returns", and a -150 % "return" would now be rejected there).
 */
class ValueFrameTest {

  static ValueFrame equity() {
    return ValueFrame.of(days("2024-01-02", "2024-01-03", "2024-01-04"),
        List.of("equity", "cash", "return"),
        new double[][] {{1000, 950.5, -400}, {1000, -20, NaN}, {NaN, -0.0495, -1.5}});
  }

  @Test
  void holdsAnyFiniteValueAndSaysWhatItIs() {
    ValueFrame v = equity();
    assertArrayEquals(new double[] {1000, 950.5, -400}, v.column("equity"), 0.0);
    assertEquals(-1.5, v.get(2, "return"), 0.0); // below -100 %: not a return frame
    String s = v.toString();
    assertTrue(s.startsWith("ValueFrame: 3 rows x 3 columns, 2024-01-02 .. 2024-01-04, DAILY"), s);
    assertFalse(s.contains("returns"), s);
    assertEquals("Unknown column 'fees'; this ValueFrame has [equity, cash, return]",
        assertThrowsWith(IllegalArgumentException.class, () -> v.column("fees")).getMessage());
    assertThrowsWith(IllegalArgumentException.class,
        () -> ValueFrame.of(days("2024-01-02"), List.of("x"),
            new double[][] {{Double.POSITIVE_INFINITY}}),
        "Value of 'x' on 2024-01-02 is Infinity; values must be finite (NaN for missing)");
  }

  @Test
  void csvAndTablesawRoundTrips() {
    ValueFrame v = equity();
    StringWriter w = new StringWriter();
    v.writeCsv(w);
    assertEquals("date,equity,cash,return\n2024-01-02,1000.0,1000.0,\n"
        + "2024-01-03,950.5,-20.0,-0.0495\n2024-01-04,-400.0,,-1.5\n", w.toString());
    assertEquals(v, ValueFrame.readCsv(new StringReader(w.toString()), "v.csv"));
    assertThrowsWith(CsvFormatException.class,
        () -> ValueFrame.readCsv(new StringReader("date,x\n2024-01-02,Infinity\n"), "v.csv"),
        "v.csv, line 2 (2024-01-02), column 2 ('x'), value 'Infinity': a value must be finite");
    Table t = TablesawInterop.toTable(v);
    assertEquals("values", t.name());
    assertEquals(List.of("date", "equity", "cash", "return"), t.columnNames());
    assertEquals(v, TablesawInterop.toValueFrame(t));
  }
}
