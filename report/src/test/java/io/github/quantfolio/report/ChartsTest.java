package io.github.quantfolio.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CalendarReturns;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PerformanceReport;
import io.github.quantfolio.risk.PortfolioRisk;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {

  static final BacktestResult BT = Fixtures.PORTFOLIO.backtest();
  static final PriceFrame COMMON = Fixtures.PRICES.dropIncompleteRows();
  static final CovarianceMatrix COV = CovarianceEstimator.ledoitWolf().estimate(COMMON.returns());
  static final AssetVector MU = ExpectedReturns.meanHistorical(COMMON);

  /** Every chart kind once, for the checks all charts share. */
  static Map<String, Chart> all() {
    double[] r = BT.returns();
    double[] b = Fixtures.benchmark();
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("Portfolio", r);
    series.put("Benchmark", b);
    Map<String, double[]> assets = new LinkedHashMap<>();
    for (String a : Fixtures.PRICES.assets()) {
      double[] ar = new double[r.length];
      ar[0] = Double.NaN;
      System.arraycopy(Fixtures.PRICES.returns().column(a), 0, ar, 1, r.length - 1);
      assets.put(a, ar);
    }
    MeanVariance mv = MeanVariance.of(MU, COV);
    Map<String, OptimalPortfolio> chosen = new LinkedHashMap<>();
    chosen.put("Max Sharpe", mv.maxSharpe(0.02));
    chosen.put("Min volatility", mv.minVolatility());
    Map<String, Chart> m = new LinkedHashMap<>();
    m.put("equity", Charts.equity(BT.index(), series, assets, false));
    m.put("equity-log", Charts.equity(BT.index(), series, true));
    m.put("drawdown", Charts.drawdown(BT.index(), r));
    m.put("monthly", Charts.monthlyReturns(CalendarReturns.of(BT.index(), r)));
    m.put("yearly", Charts.yearlyReturns(CalendarReturns.of(BT.index(), r),
        CalendarReturns.of(BT.index(), b)));
    m.put("histogram", Charts.histogram(r, 50));
    m.put("rolling-sharpe", Charts.rollingSharpe(BT.index(), r, b, 126, BT.frequency(), 0.02));
    m.put("rolling-vol", Charts.rollingVolatility(BT.index(), r, b, 63, BT.frequency()));
    m.put("rolling-beta", Charts.rollingBeta(BT.index(), r, b, 126));
    m.put("weights", Charts.weights(BT, 5));
    m.put("frontier", Charts.efficientFrontier(mv.efficientFrontier(20), MU, COV, chosen));
    m.put("correlation", Charts.correlationClustered(COV));
    m.put("dendrogram", Charts.dendrogram(COV, HierarchicalRiskParity.Linkage.SINGLE));
    m.put("risk", Charts.riskContributions(PortfolioRisk.of(chosen.get("Max Sharpe").weights(),
        COV)));
    m.put("sweep", Charts.sweepHeatmap(Fixtures.SWEEP, "fast SMA", SmaCrossover::fast,
        "slow SMA", SmaCrossover::slow, SweepMetric.SHARPE));
    m.put("walk-forward", Charts.walkForward(Fixtures.WALK_FORWARD, SweepMetric.SHARPE));
    return m;
  }

  @Test
  void everyChartHasTitleAxisLabelsLegendAndRendersBothWays() throws Exception {
    for (Map.Entry<String, Chart> e : all().entrySet()) {
      Chart c = e.getValue();
      String svg = c.toSvg();
      Document d = Xml.parse(svg);
      String text = RendererTest.texts(d);
      assertTrue(text.contains(c.title()), e.getKey());
      assertFalse(text.contains("cannot draw"), e.getKey() + ": " + text);
      if (!(c.x().kind() == Axis.Kind.CATEGORY && c.y().kind() == Axis.Kind.CATEGORY)) {
        assertFalse(c.x().label().isEmpty() || c.y().label().isEmpty(), e.getKey());
        assertTrue(text.contains(c.y().label()), e.getKey());
      }
      boolean legend = c.marks().stream().anyMatch(m -> m.name() != null);
      assertTrue(legend, e.getKey() + " has a legend or colour bar");
      assertEquals(svg, c.toSvg(), "deterministic");
      assertNotNull(ImageIO.read(new ByteArrayInputStream(c.toPng())), e.getKey());
    }
  }

  @Test
  void growthEndsAtFinalOverInitialEquity() {
    double[] g = Charts.growth(BT.returns());
    // identity of the backtest: equity[T-1] / equity[0] = prod(1 + r) (r[0] is NaN)
    assertEquals(BT.equity()[BT.equity().length - 1] / BT.equity()[0], g[g.length - 1], 1e-9);
    assertArrayEquals(new double[] {Double.NaN, 1.1, 1.1, 0.55},
        Charts.growth(new double[] {Double.NaN, 0.1, Double.NaN, -0.5}), 1e-12);
  }

  @Test
  void underwaterBottomIsTheReportsMaxDrawdown() {
    PerformanceReport rep = BT.report();
    Mark.Area a = (Mark.Area) Charts.drawdown(BT.index(), BT.returns()).marks().get(0);
    double min = 0;
    for (double v : a.low()) {
      min = Math.min(min, v);
    }
    assertEquals(rep.maxDrawdown(), min, 1e-12);
  }

  @Test
  void monthlyCellsAreTheCalendarReturns() {
    CalendarReturns cal = CalendarReturns.of(BT.index(), BT.returns());
    Chart c = Charts.monthlyReturns(cal);
    Mark.Cells cells = (Mark.Cells) c.marks().get(0);
    int firstYear = cal.monthly().keySet().iterator().next().getYear();
    for (Map.Entry<YearMonth, Double> e : cal.monthly().entrySet()) {
      assertEquals(e.getValue(), cells.values()[e.getKey().getYear() - firstYear]
          [e.getKey().getMonthValue() - 1], 0);
    }
    assertEquals(2019, firstYear);
  }

  @Test
  void histogramCountsEveryValidReturn() {
    Chart c = Charts.histogram(BT.returns(), 40);
    double total = 0;
    for (double v : ((Mark.Bars) c.marks().get(0)).y()) {
      total += v;
    }
    long valid = java.util.Arrays.stream(BT.returns()).filter(Double::isFinite).count();
    assertEquals(valid, total, 0);
  }

  @Test
  void weightsStackToTheGrossLongExposure() {
    Chart c = Charts.weights(BT, 3);
    // 6 assets -> 2 largest + "Other (4)"
    List<String> names = c.marks().stream().map(Mark::name).filter(n -> n != null).toList();
    assertEquals(3, names.size());
    assertEquals("Other (4)", names.get(2));
    Mark.Area top = (Mark.Area) c.marks().get(c.marks().size() - 1);
    int t = BT.index().size() - 1;
    double gross = 0;
    for (String a : BT.assets()) {
      gross += Math.max(0, BT.weights(a)[t]);
    }
    assertEquals(gross, top.high()[t], 1e-12);
  }

  @Test
  void dendrogramLeavesFollowHrpOrderForEveryLinkage() {
    for (HierarchicalRiskParity.Linkage l : HierarchicalRiskParity.Linkage.values()) {
      Chart c = Charts.dendrogram(COV, l);
      assertEquals(HierarchicalRiskParity.of(COV).withLinkage(l).order(), c.x().categories(),
          l.name());
      Mark.Segments s = (Mark.Segments) c.marks().get(0);
      assertEquals(3 * (COV.size() - 1), s.x1().length);
      if (l != HierarchicalRiskParity.Linkage.WARD) { // monotone linkages: heights grow
        double prev = 0;
        for (int k = 0; k < COV.size() - 1; k++) {
          double h = s.y2()[3 * k + 2];
          assertTrue(h >= prev - 1e-12, l + " merge " + k);
          prev = h;
        }
      }
    }
  }

  @Test
  void correlationHeatmapIsInClusterOrderWithUnitDiagonal() {
    Chart c = Charts.correlationClustered(COV);
    assertEquals(HierarchicalRiskParity.of(COV).order(), c.x().categories());
    double[][] v = ((Mark.Cells) c.marks().get(0)).values();
    for (int i = 0; i < v.length; i++) {
      assertEquals(1, v[i][i], 1e-12);
    }
    assertThrows(IllegalArgumentException.class, () -> Charts.correlation(COV.correlation(),
        List.of("A01")));
  }

  @Test
  void riskBarsAreThePercentContributions() {
    OptimalPortfolio p = MeanVariance.of(MU, COV).minVolatility();
    PortfolioRisk risk = PortfolioRisk.of(p.weights(), COV);
    Chart c = Charts.riskContributions(risk);
    double[] rc = ((Mark.Bars) c.marks().get(1)).y();
    assertArrayEquals(risk.percentContributions().toArray(), rc, 0);
  }

  @Test
  void sweepCellIsTheMeanOfItsRows() {
    Chart c = Charts.sweepHeatmap(Fixtures.SWEEP, "fast", SmaCrossover::fast, "slow",
        SmaCrossover::slow, SweepMetric.SHARPE);
    assertEquals(List.of("5", "10", "15", "20"), c.x().categories());
    assertEquals(List.of("30", "40", "50", "60"), c.y().categories());
    double expected = Double.NaN;
    for (SweepRow<SmaCrossover> r : Fixtures.SWEEP.rows()) { // one asset: one row per cell
      if (r.parameters().fast() == 10 && r.parameters().slow() == 50) {
        expected = r.metrics().sharpeRatio();
      }
    }
    assertEquals(expected, ((Mark.Cells) c.marks().get(0)).values()[2][1], 0);
  }

  @Test
  void walkForwardBarsAreTheFoldMetrics() {
    WalkForwardResult<SmaCrossover> wf = Fixtures.WALK_FORWARD;
    Chart c = Charts.walkForward(wf, SweepMetric.TOTAL_RETURN);
    double[] oos = ((Mark.Bars) c.marks().get(1)).y();
    assertEquals(wf.folds().size(), oos.length);
    assertEquals(wf.folds().get(0).outOfSample().totalReturn(), oos[0], 0);
    assertEquals(Axis.Kind.PERCENT, c.y().kind());
  }

  @Test
  void frontierPointsAreTheOptimizersNumbers() {
    MeanVariance mv = MeanVariance.of(MU, COV);
    OptimalPortfolio ms = mv.maxSharpe(0.02);
    Chart c = Charts.efficientFrontier(mv.efficientFrontier(10), MU, COV, Map.of("Max Sharpe",
        ms));
    Mark.Points p = (Mark.Points) c.marks().get(2);
    assertEquals(ms.volatility(), p.x()[0], 0);
    assertEquals(ms.expectedReturn(), p.y()[0], 0);
    Mark.Points assets = (Mark.Points) c.marks().get(1);
    assertEquals(Math.sqrt(COV.get(0, 0)), assets.x()[0], 1e-12);
  }

  @Test
  void dataTheLibraryRejectsIsExplainedInTheChart() throws Exception {
    // a wiped-out account's returns go below -100 %: Drawdowns and Metrics reject them
    double[] r = new double[BT.index().size()];
    r[5] = -1.8;
    for (Chart c : List.of(Charts.drawdown(BT.index(), r),
        Charts.rollingVolatility(BT.index(), r, null, 20, BT.frequency()),
        Charts.rollingBeta(BT.index(), r, r, 20))) {
      String text = RendererTest.texts(Xml.parse(c.toSvg()));
      assertTrue(text.contains("cannot draw: ") && text.contains("-1.8"), text);
    }
    // the histogram still counts them, without a VaR line
    Chart h = Charts.histogram(r, 10);
    assertEquals(2, h.marks().size(), "bars and mean, no VaR");
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.drawdown(BT.index(), new double[3]));
    assertTrue(e.getMessage().contains("returns") && e.getMessage().contains("3"));
    assertThrows(NullPointerException.class, () -> Charts.histogram(null, 10));
    assertThrows(IllegalArgumentException.class, () -> Charts.histogram(new double[1], 0));
    assertThrows(IllegalArgumentException.class, () -> Charts.weights(BT, 1));
  }
}
