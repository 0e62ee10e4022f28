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
}
