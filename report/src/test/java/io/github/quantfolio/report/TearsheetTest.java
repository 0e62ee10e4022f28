package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CalendarReturns;
import io.github.quantfolio.risk.PerformanceReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TearsheetTest {

  static final BacktestResult BT = Fixtures.PORTFOLIO.backtest();
  static final double[] BENCH = Fixtures.benchmark();

  static Tearsheet full() {
    MeanVariance mv = MeanVariance.of(ChartsTest.MU, ChartsTest.COV);
    OptimalPortfolio ms = mv.maxSharpe(0.02);
    return Tearsheet.of(Fixtures.PORTFOLIO)
        .withTitle("Max Sharpe walk-forward <test> & co")
        .withBenchmark("Equal weight", BENCH)
        .withAssets(Fixtures.PRICES)
        .withAllocation("Max Sharpe", ms, ChartsTest.COV)
        .withAllocation("Min volatility", mv.minVolatility(), ChartsTest.COV)
        .withFrontier(mv.efficientFrontier(20), ChartsTest.MU);
  }

  /** The metrics table's rows: key -> {strategy cell, benchmark cell}. */
  static Map<String, Element[]> metricRows(Document d) {
    Map<String, Element[]> m = new LinkedHashMap<>();
    NodeList tables = d.getElementsByTagName("table");
    for (int i = 0; i < tables.getLength(); i++) {
      Element t = (Element) tables.item(i);
      if (!"metrics".equals(t.getAttribute("class"))) {
        continue;
      }
      NodeList trs = t.getElementsByTagName("tr");
      for (int r = 1; r < trs.getLength(); r++) {
        NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
        m.put(tds.item(0).getTextContent(), new Element[] {(Element) tds.item(1),
            tds.getLength() > 2 ? (Element) tds.item(2) : null});
      }
    }
    return m;
  }

  @Test
  void metricsAreThePerformanceReportsNumbers() throws Exception {
    String html = full().toHtml();
    Document d = Xml.parse(html);
    PerformanceReport rep = BT.report(BENCH);
    Map<String, Element[]> rows = metricRows(d);
    // labelled as the report's table labels them: units, risk-free rate, "per period"
    assertEquals(rep.toMap().keySet().stream().map(rep::label).toList(),
        List.copyOf(rows.keySet()), "every metric, in the report's order");
    assertTrue(rows.containsKey("Win rate (per period)"));
    assertTrue(rows.containsKey("Sharpe (ann., rf 2.00% a year)"));
    for (Map.Entry<String, Double> e : rep.toMap().entrySet()) {
      Element[] cells = rows.get(rep.label(e.getKey()));
      double shown = Double.parseDouble(cells[0].getAttribute("data-value"));
      assertEquals(0, Double.compare(e.getValue(), shown), e.getKey());
      Double expected = rep.benchmark().toMap().get(e.getKey());
      if (expected != null) {
        double bench = Double.parseDouble(cells[1].getAttribute("data-value"));
        assertEquals(0, Double.compare(expected, bench), "benchmark " + e.getKey());
      } else { // relative metrics have no benchmark value
        assertEquals("", cells[1].getTextContent(), e.getKey());
      }
    }
    // the displayed text, formatted independently: percent with 2 decimals, ratios 2 decimals
    assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * rep.cagr()),
        rows.get("CAGR")[0].getTextContent());
    assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * rep.maxDrawdown()),
        rows.get("Max drawdown")[0].getTextContent());
    assertEquals(String.format(Locale.ROOT, "%.2f", rep.sharpeRatio()),
        rows.get(rep.label("Sharpe"))[0].getTextContent());
    assertEquals(Integer.toString(rep.periods()), rows.get("Periods")[0].getTextContent());
    assertEquals(String.format(Locale.ROOT, "%.2f", rep.beta()),
        rows.get("Beta")[0].getTextContent());
  }

  @Test
  void monthlyTableIsTheCalendarReturns() throws Exception {
    Document d = Xml.parse(Tearsheet.of(BT).toHtml());
    CalendarReturns cal = CalendarReturns.of(BT.index(), BT.returns());
    NodeList tables = d.getElementsByTagName("table");
    Element monthly = null;
    for (int i = 0; i < tables.getLength(); i++) {
      if ("monthly".equals(((Element) tables.item(i)).getAttribute("class"))) {
        monthly = (Element) tables.item(i);
      }
    }
    NodeList trs = monthly.getElementsByTagName("tr");
    assertEquals(cal.yearly().size() + 1, trs.getLength());
    Element row2020 = (Element) trs.item(2);
    NodeList tds = row2020.getElementsByTagName("td");
    assertEquals("2020", tds.item(0).getTextContent());
    assertEquals(cal.monthly().get(YearMonth.of(2020, 3)),
        Double.parseDouble(((Element) tds.item(3)).getAttribute("data-value")), 0);
    assertEquals(cal.yearly().get(2020),
        Double.parseDouble(((Element) tds.item(13)).getAttribute("data-value")), 0);
  }

  @Test
  void selfContainedWellFormedDeterministicAndSmall() throws Exception {
    String html = full().toHtml();
    Document d = Xml.parse(html); // well-formed: XHTML-compatible HTML
    assertEquals("html", d.getDocumentElement().getNodeName());
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    for (String banned : new String[] {"http", "<script", "<link", "<img", "url(", "@import",
        "@font-face", "<iframe"}) {
      assertFalse(html.toLowerCase(Locale.ROOT).contains(banned), banned);
    }
    assertTrue(html.contains("Max Sharpe walk-forward &lt;test&gt; &amp; co"), "escaped title");
    assertTrue(html.contains("name=\"viewport\"") && html.contains("@media print")
        && html.contains("max-width"), "responsive and printable");
    assertTrue(d.getElementsByTagName("svg").getLength() >= 15,
        "charts: " + d.getElementsByTagName("svg").getLength());
    for (String section : new String[] {"Key metrics", "Worst drawdowns", "Monthly and yearly returns (%)",
        "Trades and costs", "Diversification", "Rebalance log", "Allocation"}) {
      assertTrue(html.contains(">" + section + "</h2>"), section);
    }
    assertEquals(html, full().toHtml(), "same input, same bytes");
    assertTrue(html.length() < 1_000_000, "size " + html.length());
  }

  @Test
  void sweepTearsheet() throws Exception {
    String html = Tearsheet.of(Fixtures.SWEEP)
        .<SmaCrossover>withSweepAxes("fast", SmaCrossover::fast, "slow", SmaCrossover::slow)
        .toHtml();
    Document d = Xml.parse(html);
    assertTrue(html.contains("Sharpe by fast and slow"));
    assertTrue(html.contains(">Best runs by Sharpe ratio</h2>"));
    assertEquals(Fixtures.SWEEP.sortedBy(io.github.quantfolio.backtest.SweepMetric.SHARPE)
        .rows().get(0).metrics().sharpeRatio(), Double.parseDouble(((Element) ((Element) d
        .getElementsByTagName("tbody").item(0)).getElementsByTagName("td").item(2))
        .getAttribute("data-value")), 0);
    assertFalse(html.contains("http"));
  }

  @Test
  void writeAndOpen(@TempDir Path dir) throws Exception {
    Tearsheet t = Tearsheet.of(BT);
    Path p = t.write(dir.resolve("sub/sheet.html"));
    assertEquals(t.toHtml(), Files.readString(p, StandardCharsets.UTF_8));
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      Path opened = t.openIn(dir); // headless: no browser, the path is printed
      assertTrue(Files.exists(opened) && opened.startsWith(dir));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains(opened.toUri().toString()));
    } finally {
      System.setOut(saved);
    }
  }

  static PriceFrame oneAsset(double[] prices) {
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), prices.length),
        List.of("X"), new double[][] {prices});
  }

  @Test
  void awkwardResultsStillGiveAWellFormedPage() throws Exception {
    double[] flat = new double[30];
    java.util.Arrays.fill(flat, 100);
    // a constant price: zero returns, undefined ratios ("-"), no drawdown, no trade closed
    BacktestResult constant = Backtest.of(oneAsset(flat)).buyAndHold(1.0);
    String html = Tearsheet.of(constant).toHtml();
    Xml.parse(html);
    assertTrue(html.contains("No drawdown"), "says there is no drawdown");
    // two bars only
    BacktestResult tiny = Backtest.of(oneAsset(new double[] {100, 101})).buyAndHold(1.0);
    Xml.parse(Tearsheet.of(tiny).toHtml());
    // a leveraged position that loses everything: no report, the page says why
    double[] crash = {100, 100, 100, 100, 40, 30, 30, 30};
    BacktestResult wiped = Backtest.of(oneAsset(crash))
        .withConfig(BacktestConfig.defaults().withMaxLeverage(3)).buyAndHold(3.0);
    assertTrue(wiped.wipeOutBar() >= 0, "the fixture wipes the account out");
    String w = Tearsheet.of(wiped).toHtml();
    Xml.parse(w);
    assertTrue(w.contains("The account was wiped out on"), "explains the missing report");
  }

  @Test
  void badArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tearsheet.of(BT).withBenchmark("b", new double[3]));
    assertTrue(e.getMessage().contains("3"));
    assertThrows(IllegalArgumentException.class,
        () -> Tearsheet.of(Fixtures.SWEEP).withBenchmark("b", BENCH));
    assertThrows(IllegalStateException.class,
        () -> Tearsheet.of(BT).withFrontier(java.util.List.of(), ChartsTest.MU));
    assertThrows(NullPointerException.class, () -> Tearsheet.of((BacktestResult) null));
    IllegalArgumentException idx = assertThrows(IllegalArgumentException.class,
        () -> Tearsheet.of(BT).withAssets(Fixtures.PRICES.between(LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31))));
    assertTrue(idx.getMessage().contains("756 rows"), idx.getMessage());
  }

  @Test
  void equalWeightBenchmarkAveragesTheListedAssets() {
    // A: 100 -> 110 -> 99 (+10 %, -10 %); B: NaN -> 50 -> 55 (listed from row 1: +10 % at row 2)
    io.github.quantfolio.core.PriceFrame p = io.github.quantfolio.core.PriceFrame.of(
        io.github.quantfolio.core.TimeIndex.businessDays(java.time.LocalDate.of(2024, 1, 1), 3),
        List.of("A", "B"), new double[][] {{100, 110, 99}, {Double.NaN, 50, 55}});
    double[] b = Tearsheet.equalWeightBenchmark(p);
    assertTrue(Double.isNaN(b[0]));
    assertEquals(0.1, b[1], 1e-15); // only A has a return
    assertEquals((-0.1 + 0.1) / 2, b[2], 1e-15);
  }
}
