package io.github.quantfolio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Number notation per column: fixed for ordinary magnitudes (unchanged output), scientific for
 * the whole column where fixed notation would print 16+ integer digits or show the values that
 * matter as 0. Expected strings are written out by hand from {@code %.4f} / {@code %.4e}.
 */
class TextTableTest {

  /** One column of number cells rendered under the header "v": the cells' text, one a line. */
  static String column(TextTable.Num... cells) {
    TextTable t = new TextTable("k", "v");
    for (int i = 0; i < cells.length; i++) {
      t.row("r" + i, cells[i]);
    }
    StringBuilder sb = new StringBuilder();
    String[] lines = t.render().split("\n");
    for (int i = 1; i < lines.length; i++) {
      sb.append(lines[i].substring(2).strip()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void ordinaryNumbersPrintAsBefore() {
    assertEquals("546.1012\n7.8895\n",
        column(TextTable.nonZero(546.1012, 4), TextTable.nonZero(7.889481, 4)));
    // weights and percentages; a rounding-noise weight prints as 0 like any value below the
    // last place (the column's largest value is visible)
    assertEquals("0.200000\n0.000000\nNaN\n",
        column(TextTable.fixed(0.2, 6), TextTable.fixed(2.05e-17, 6),
            TextTable.fixed(Double.NaN, 6)));
    assertEquals("20.00\n-0.00\n",
        column(TextTable.fixed(20, 2), TextTable.fixed(-1e-9, 2)));
    assertEquals("546.1012", TextTable.num(546.1012, 4));
    assertEquals("100000000000000.00", TextTable.num(1e14, 2));
  }

  @Test
  void hugeValuesSwitchTheirColumnToScientific() {
    // was a 309-digit number in a 334-character line
    assertEquals("1.0000e+00\n1.0000e+308\n",
        column(TextTable.nonZero(1, 4), TextTable.nonZero(1e308, 4)));
    assertEquals("2.5000e-01\n-1.0000e+15\n",
        column(TextTable.fixed(0.25, 6), TextTable.fixed(-1e15, 6)));
    // a number on its own, e.g. "capital 1.0000e+300"
    assertEquals("1.0000e+300", TextTable.num(1e300, 2));
    assertEquals("-1.2346e+20", TextTable.num(-1.23456e20, 2));
    assertEquals("Infinity", TextTable.num(Double.POSITIVE_INFINITY, 2));
  }

  @Test
  void valuesThatWouldPrintAsZeroSwitchTheirColumnToScientific() {
    // valid prices of 1e-300 printed as 0.0000, like the invalid price 0
    assertEquals("1.0000e-300\n2.0000e-300\n",
        column(TextTable.nonZero(1e-300, 4), TextTable.nonZero(2e-300, 4)));
    // a price column: one tiny price is enough
    assertEquals("1.0000e+00\n1.0000e-300\n",
        column(TextTable.nonZero(1, 4), TextTable.nonZero(1e-300, 4)));
    // other values: when the column's largest shows as 0
    assertEquals("1.0000e-09\n-3.0000e-09\n0.0000e+00\n",
        column(TextTable.fixed(1e-9, 6), TextTable.fixed(-3e-9, 6), TextTable.fixed(0, 6)));
    // zeros stay zeros
    assertEquals("0.0000\n0.0000\n",
        column(TextTable.nonZero(0, 4), TextTable.fixed(0, 4)));
  }

  @Test
  void statisticsHaveOneNotationPerColumn() {
    // the column's largest, 0.0006, has 1 integer digit (as 0.x): 5 - 1 = 4 decimals for all;
    // 6.3812e-05 used to print in scientific notation next to 0.0006
    assertEquals("0.0006\n0.0001\n",
        column(TextTable.significant(0.0006, 5), TextTable.significant(6.3812e-05, 5)));
    // a nonzero value that would print as 0.0000: the column goes scientific
    assertEquals("6.0000e-04\n3.0000e-05\n",
        column(TextTable.significant(0.0006, 5), TextTable.significant(3e-05, 5)));
    // prices: 3 integer digits, 2 decimals for the whole column
    assertEquals("546.10\n7.89\n",
        column(TextTable.significant(546.1012, 5), TextTable.significant(7.88948, 5)));
    assertEquals("1.0000e+09\n5.0000e+00\n",
        column(TextTable.significant(1e9, 5), TextTable.significant(5, 5)));
  }

  @Test
  void cellsAreTextOrNumbers() {
    TextTable t = new TextTable("a", "b");
    assertEquals("Expected 2 cells, but found 1",
        assertThrows(IllegalArgumentException.class, () -> t.row("x")).getMessage());
    assertEquals("A cell is a String or a TextTable.Num, but found 3",
        assertThrows(IllegalArgumentException.class, () -> t.row("x", 3)).getMessage());
    // notes span the table and do not widen it
    t.row("x", TextTable.fixed(1, 1)).note("... a long note that is wider than the table");
    assertEquals("a    b\nx  1.0\n... a long note that is wider than the table\n", t.render());
    // right-aligned numbers, left-aligned first column, two spaces between
    TextTable u = new TextTable("asset", "v");
    u.row("A", TextTable.nonZero(546.1012, 4)).row("LONG", TextTable.nonZero(7.8895, 4));
    assertEquals("asset         v\nA      546.1012\nLONG     7.8895\n", u.render());
  }
}
