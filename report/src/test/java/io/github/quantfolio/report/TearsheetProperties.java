package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.risk.PerformanceReport;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.w3c.dom.Element;

class TearsheetProperties {

  /**
   * Random buy-and-hold paths of any length and volatility: the page is well-formed, refers to
   * nothing outside itself, and its metrics are the report's exactly (including NaN and
   * infinity where a metric is undefined).
   */
  @Property(tries = 25)
  void everyPageIsWellFormedAndCarriesTheReportsNumbers(
      @ForAll @IntRange(min = 2, max = 700) int bars,
      @ForAll @IntRange(min = 0, max = 8) int volPercent, @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    double[] p = new double[bars];
    double v = 100;
    for (int t = 0; t < bars; t++) {
      v *= Math.exp(volPercent / 100.0 * r.nextGaussian());
      p[t] = v;
    }
    BacktestResult bt = Backtest.of(TearsheetTest.oneAsset(p)).buyAndHold(1.0);
    String html = Tearsheet.of(bt).toHtml();
    assertFalse(html.contains("http") || html.contains("<script"));
    Map<String, Element[]> rows = TearsheetTest.metricRows(Xml.parse(html));
    PerformanceReport rep = bt.report();
    assertEquals(rep.toMap().keySet().stream().map(rep::label).toList(),
        List.copyOf(rows.keySet()));
    for (Map.Entry<String, Double> e : rep.toMap().entrySet()) {
      assertEquals(0, Double.compare(e.getValue(),
          Double.parseDouble(rows.get(rep.label(e.getKey()))[0].getAttribute("data-value"))),
          e.getKey());
    }
  }
}
