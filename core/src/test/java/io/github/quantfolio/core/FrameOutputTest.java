package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Printing: all rows and columns on request, and labels that say what the numbers are. */
class FrameOutputTest {

  /** 12 rows x 10 assets, value 100 * (asset + 1) + row. */
  static PriceFrame wide() {
    List<String> names = new ArrayList<>();
    double[][] cols = new double[10][12];
    for (int a = 0; a < 10; a++) {
      names.add("A" + a);
      for (int r = 0; r < 12; r++) {
        cols[a][r] = 100 * (a + 1) + r;
      }
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 12), names, cols);
  }

  @Test
  void framesPrintEverythingOnRequest() {
    PriceFrame p = wide();
    String shortForm = p.toString();
    assertTrue(shortForm.contains("... 2 more rows ..."), shortForm);
    assertTrue(shortForm.contains("... 2 more assets not shown (toString(maxRows, maxColumns) "
        + "shows more)"), shortForm);
    assertEquals(shortForm, p.toString(10, 8));
    String all = p.toString(p.rows(), p.assetCount());
    // header + 12 rows, every column, nothing left out
    assertEquals(1 + 1 + 12, all.split("\n").length);
    assertTrue(all.contains("A9") && all.contains("1011.0000") && !all.contains("more"), all);
    assertEquals(all, p.toString(Integer.MAX_VALUE, Integer.MAX_VALUE));
    // 3 rows: the first 2 and the last 1; 1 column
    String small = p.toString(3, 1);
    assertTrue(small.contains("100.0000") && small.contains("101.0000")
        && small.contains("... 9 more rows ...") && small.contains("111.0000")
        && small.contains("... 9 more assets not shown"), small);
    assertThrowsWith(IllegalArgumentException.class, () -> p.toString(0, 3),
        "Expected maxRows > 0, but found 0");
  }

  @Test
  void vectorsSayWhatTheirValuesAre() {
    PriceFrame p = TestData.ragged();
    assertTrue(p.latest().toString().startsWith("asset  latest price\n"), p.latest().toString());
    assertEquals("latest price", p.latest().label());
    ReturnFrame r = p.returns();
    assertEquals("mean simple return (per period)", r.means().label());
    assertEquals("std of simple returns (per period)", r.stdDevs().label());
    assertEquals("weight", Weights.equal(List.of("A", "B")).toAssetVector().label());
    AssetVector v = AssetVector.of(Map.of("A", 0.1));
    assertEquals("value", v.label());
    AssetVector mu = v.withLabel("expected return (annualised)");
    assertTrue(mu.toString().startsWith("asset  expected return (annualised)\n"), mu.toString());
    assertEquals(v, mu); // the label is presentation
  }

  @Test
  void hugeAndTinyValuesPrintInScientificNotationPerColumn() {
    // the audit's frame: a 309-digit column (334-character lines) and valid prices of 1e-300
    // printed as 0.0000, like the invalid price 0
    PriceFrame p = PriceFrame.readCsv(new java.io.StringReader(
        "date,A,B\n2024-01-02,1,1e-300\n2024-01-03,1e308,2e-300\n"), "t.csv");
    String s = p.toString();
    assertTrue(s.contains("2024-01-02   1.0000e+00  1.0000e-300\n"
        + "2024-01-03  1.0000e+308  2.0000e-300\n"), s);
    for (String line : s.split("\n")) {
      assertTrue(line.length() < 80, line);
    }
    String latest = p.latest().toString();
    assertTrue(latest.contains("A       1.0000e+308\nB       2.0000e-300"), latest);
    // Bars' prices follow the same rule; the volume column stays whole numbers
    Bars b = Bars.of("T", TestData.days("2024-01-02"), new double[] {2e-300},
        new double[] {3e-300}, new double[] {1e-300}, new double[] {2e-300}, new double[] {7});
    assertTrue(b.toString().contains(
        "2024-01-02  2.0000e-300  3.0000e-300  1.0000e-300  2.0000e-300       7"), b.toString());
  }

  @Test
  void ordinaryFramesPrintAsBefore() {
    PriceFrame p = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 2),
        List.of("A", "B"), new double[][] {{546.1012, 547.88948}, {7.88948, 8}});
    assertEquals("PriceFrame: 2 rows x 2 assets, 2024-01-01 .. 2024-01-02, DAILY (252/yr)\n"
        + "date               A       B\n"
        + "2024-01-01  546.1012  7.8895\n"
        + "2024-01-02  547.8895  8.0000\n", p.toString());
    // returns 547.88948 / 546.1012 - 1 = 0.0032746, 8 / 7.88948 - 1 = 0.0140085
    assertEquals("date               A         B\n"
        + "2024-01-02  0.003275  0.014009\n",
        p.returns().toString().substring(p.returns().toString().indexOf('\n') + 1));
    assertEquals("asset    weight       %\n"
        + "A      0.200000   20.00\n"
        + "B      0.800000   80.00\n"
        + "sum    1.000000  100.00\n",
        Weights.of(List.of("A", "B"), new double[] {0.2, 0.8}).toString());
  }

  @Test
  void latestPricesPrintLikeTheirFrame() {
    PriceFrame p = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 2),
        List.of("A", "B"), new double[][] {{546.1012, 546.1012}, {7.88948, 7.88948}});
    // 4 decimals, as the frame prints them (were 6 significant digits: 546.101, 7.88948)
    assertEquals("asset  latest price\nA          546.1012\nB            7.8895\n",
        p.latest().toString());
    assertEquals(p.latest().toString(), p.latest().select(List.of("A", "B")).toString());
    // other vectors: about 6 significant digits, one notation per column
    assertEquals("asset    value\nA      0.05000\nB      0.12000\n", AssetVector.of(
        List.of("A", "B"), new double[] {0.05, 0.12}).toString());
  }

  @Test
  void summariesUseOneNotationPerColumnAndADashForNoData() {
    // A: returns 0.0006 and 0.000063812 (mean 0.000331906, std 0.000536188 / sqrt 2 =
    // 0.000379), B: no data, C: 0.001 and 0.002 (the largest values of most columns: 4 decimals)
    ReturnFrame r = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 2),
        List.of("A", "B", "C"), new double[][] {{0.0006, 6.3812e-05}, {Double.NaN, Double.NaN},
            {0.001, 0.002}});
    String s = r.describe().toString();
    // was "0.0006" next to "6.3812e-05" in the min/max columns, and "null null NaN ..." for B
    assertTrue(s.contains("A          2  2024-01-01  2024-01-02  0.0003  0.0004  0.0001  0.0006  0.0001"),
        s);
    assertTrue(s.contains("B          0           -           -       -       -       -       -       -"),
        s);
  }

  @Test
  void summariesOfValueFramesNameColumnsNotAssets() {
    ValueFrame v = ValueFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 2),
        List.of("equity", "cash"), new double[][] {{100, 101}, {5, 4}});
    // the header and the message said "asset" for a backtest's equity and cash
    assertTrue(v.describe().toString().startsWith("column  count"), v.describe().toString());
    assertThrowsWith(IllegalArgumentException.class, () -> v.describe().get("fees"),
        "Unknown column 'fees'");
    assertThrowsWith(IllegalArgumentException.class, () -> wide().describe().get("Z"),
        "Unknown asset 'Z'");
  }
}
