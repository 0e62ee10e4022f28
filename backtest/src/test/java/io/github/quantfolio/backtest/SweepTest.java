package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.risk.PerformanceReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter sweeps and walk-forward optimisation. */
class SweepTest {

  static final SimulatedMarket MARKET = MarketSimulator.defaultMarket();

  static List<SmaCrossover> grid() {
    List<SmaCrossover> g = new ArrayList<>();
    for (int f = 5; f <= 30; f += 5) {
      for (int s = f + 10; s <= 120; s += 22) {
        g.add(new SmaCrossover(f, s));
      }
    }
    return g;
  }

  static Backtest market(String... assets) {
    List<Bars> bars = new ArrayList<>();
    for (String a : assets) {
      bars.add(MARKET.bars(a));
    }
    return Backtest.of(bars).withConfig(BacktestConfig.defaults().withFeeBps(5)
        .withSlippageBps(2).withRiskFreeRate(0.01));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Backtest bt = market("A01", "A02", "A03");
    SweepResult<SmaCrossover> one = ParameterSweep.of(bt, grid(), p -> p).withThreads(1).run();
    SweepResult<SmaCrossover> many = ParameterSweep.of(bt, grid(), p -> p).withThreads(5).run();
    assertEquals(grid().size() * 3, one.size());
    assertEquals(one.rows(), many.rows());
  }

  @Test
  void sweepMetricsEqualTheFullBacktestsReport() {
    Backtest bt = market("A04", "A07");
    SweepResult<SmaCrossover> r = ParameterSweep.of(bt, grid(), p -> p).keepingEquity().run();
    for (SweepRow<SmaCrossover> row : r.rows()) {
      BacktestResult full = market(row.asset()).run(row.parameters());
      // PerformanceReport fuses its passes, the sweep calls Metrics one by one: rounding only
      PerformanceReport rep = full.report();
      SweepMetrics m = row.metrics();
      assertArrayEquals(full.equity(), row.equity(), row.toString());
      assertEquals(rep.totalReturn(), m.totalReturn(), Tolerance.EXACT * Math.abs(rep.totalReturn()));
      assertEquals(rep.cagr(), m.cagr(), Tolerance.EXACT * Math.abs(rep.cagr()));
      assertEquals(rep.sharpeRatio(), m.sharpeRatio(), Tolerance.EXACT * Math.abs(rep.sharpeRatio()));
      assertEquals(rep.sortinoRatio(), m.sortinoRatio(), Tolerance.EXACT * Math.abs(rep.sortinoRatio()));
      assertEquals(rep.maxDrawdown(), m.maxDrawdown(), Tolerance.EXACT * Math.abs(rep.maxDrawdown()));
      assertEquals(full.trades().size(), m.trades());
      // win rate over closed round trips and exposure (share of bars ending with a position),
      // counted here from the full backtest's trades and positions
      int closed = 0;
      int wins = 0;
      for (Trade t : full.trades()) {
        if (t.exitReason() != ExitReason.END_OF_DATA) {
          closed++;
          wins += t.pnl() > 0 ? 1 : 0;
        }
      }
      assertTrue(closed > 0, row.toString());
      assertEquals((double) wins / closed, m.winRate(), 1e-15, "win rate " + row);
      double[] held = full.shares(row.asset());
      int invested = 0;
      for (double q : held) {
        invested += q != 0 ? 1 : 0;
      }
      assertEquals((double) invested / held.length, m.exposure(), 1e-15, "exposure " + row);
    }
  }

  @Test
  void sortingPutsTheBestFirstAndNanLast() {
    SweepResult<SmaCrossover> r = ParameterSweep.of(market("A05"), grid(), p -> p).run();
    SweepResult<SmaCrossover> bySharpe = r.sortedBy(SweepMetric.SHARPE);
    double[] s = bySharpe.sharpeRatios();
    for (int i = 1; i < s.length; i++) {
      assertTrue(s[i - 1] >= s[i] || Double.isNaN(s[i]), "descending at " + i);
    }
    assertEquals(bySharpe.rows().get(0), r.best(SweepMetric.SHARPE));
    double[] vol = r.sortedBy(SweepMetric.VOLATILITY).rows().stream()
        .mapToDouble(x -> x.metrics().annualVolatility()).toArray();
    for (int i = 1; i < vol.length; i++) {
      assertTrue(vol[i - 1] <= vol[i], "volatility ascending at " + i);
    }
    String table = r.table(5);
    assertEquals(8, table.lines().count(), table);
    assertTrue(table.endsWith("\n... " + (r.size() - 5) + " more rows (table(k) shows k, rows() "
        + "all)\n"), table);
    assertTrue(table.startsWith("return, CAGR, maxDD: fractions; Sharpe: annualised, rf 1.00% a "
        + "year; win: per-trade win rate of closed round trips"), table);
  }

  @Test
  void walkForwardFoldsUseOnlyTheirPast() {
    Backtest bt = market("A02");
    WalkForwardResult<SmaCrossover> wf = WalkForwardOptimization.of(bt, grid(), p -> p)
        .withWindows(504, 252).run();
    int rows = bt.index().size();
    assertEquals((rows - 504 + 251) / 252, wf.folds().size());
    assertEquals(rows - 504, wf.equity().length);
    WalkForwardResult.Fold<SmaCrossover> f1 = wf.folds().get(1);
    assertEquals(252, f1.trainStart());
    assertEquals(756, f1.testStart());
    assertEquals(1008, f1.testEnd());
    // the chosen parameters are the in-sample best of a sweep on the training window alone
    Backtest train = bt.slice(252, 756);
    double best = Double.NEGATIVE_INFINITY;
    for (SmaCrossover p : grid()) {
      TradeSignals all = p.signals(bt.bars().get(0).slice(0, 756));
      TradeSignals s = new TradeSignals(Arrays.copyOfRange(all.longEntry(), 252, 756),
          Arrays.copyOfRange(all.longExit(), 252, 756), new boolean[504], new boolean[504]);
      best = Math.max(best, train.signals(s).report().sharpeRatio());
    }
    assertEquals(best, f1.inSample().sharpeRatio(), 0);
    // changing prices after fold 1's test window changes nothing up to its end
    Bars changed = perturbAfter(bt.bars().get(0), 1008);
    WalkForwardResult<SmaCrossover> wf2 = WalkForwardOptimization.of(
        Backtest.of(changed).withConfig(bt.config()), grid(), p -> p).withWindows(504, 252).run();
    assertEquals(wf.folds().subList(0, 2), wf2.folds().subList(0, 2));
    assertArrayEquals(Arrays.copyOf(wf.equity(), 1008 - 504), Arrays.copyOf(wf2.equity(),
        1008 - 504));
    // efficiency = mean out-of-sample Sharpe / mean in-sample Sharpe over the folds
    double in = 0;
    double out = 0;
    for (WalkForwardResult.Fold<SmaCrossover> f : wf.folds()) {
      in += f.inSample().sharpeRatio();
      out += f.outOfSample().sharpeRatio();
    }
    assertEquals(out / in, wf.efficiency(SweepMetric.SHARPE), 1e-12 * Math.abs(out / in));
  }

  static Bars perturbAfter(Bars b, int from) {
    double[] o = b.open();
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    for (int t = from; t < c.length; t++) {
      double k = 1 + 0.3 * Math.sin(t);
      o[t] *= k;
      h[t] *= k;
      l[t] *= k;
      c[t] *= k;
    }
    return Bars.of(b.symbol(), b.index(), o, h, l, c, b.volume()).withFrequency(b.frequency());
  }

  @Test
  void stitchedEquityChainsTheFolds() {
    Backtest bt = market("A03");
    WalkForwardResult<SmaCrossover> wf = WalkForwardOptimization.of(bt, grid(), p -> p)
        .withWindows(756, 378).withThreads(2).run();
    double[] eq = wf.equity();
    double[] r = wf.returns();
    double compounded = bt.config().initialCapital();
    for (double x : r) {
      compounded *= 1 + x;
    }
    assertEquals(eq[eq.length - 1], compounded, 1e-6);
    double product = 1;
    for (WalkForwardResult.Fold<SmaCrossover> f : wf.folds()) {
      product *= 1 + f.outOfSample().totalReturn();
    }
    assertEquals(eq[eq.length - 1] / bt.config().initialCapital(), product, 1e-9);
  }

  @Test
  void deflatedSharpeRatioOfTheBestRowUsesAllRowsAsTrials() {
    Backtest bt = market("A06");
    SweepResult<SmaCrossover> r = ParameterSweep.of(bt, grid(), p -> p).keepingEquity().run();
    SweepRow<SmaCrossover> best = r.best(SweepMetric.SHARPE);
    double[] eq = best.equity();
    double rf = Math.pow(1.01, 1 / 252.0) - 1;
    double[] excess = new double[eq.length];
    double prev = 100_000;
    for (int t = 0; t < eq.length; t++) {
      excess[t] = eq[t] / prev - 1 - rf;
      prev = eq[t];
    }
    double[] trials = Arrays.stream(r.sharpeRatios()).filter(Double::isFinite)
        .map(v -> v / Math.sqrt(252)).toArray();
    double dsr = r.deflatedSharpeRatio();
    assertEquals(SharpeStatistics.deflatedSharpeRatio(excess, trials), dsr, 0);
    assertTrue(dsr >= 0 && dsr <= 1);
    // more trials with the same spread can only raise the bar (Bailey & Lopez de Prado 2014)
    assertTrue(SharpeStatistics.probabilisticSharpeRatio(excess, 0) >= dsr);
  }

  @Test
  void badGridsAreRejected() {
    Backtest bt = market("A01");
    assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(bt, List.<SmaCrossover>of(), p -> p));
    assertThrows(IllegalArgumentException.class,
        () -> WalkForwardOptimization.of(bt, grid(), p -> p).withWindows(1, 10));
    assertThrows(IllegalArgumentException.class,
        () -> WalkForwardOptimization.of(bt, grid(), p -> p).withWindows(5000, 10).run());
  }

  @Test
  void aWipedOutRunIsMarkedNotMeasuredBeyondMinus100Percent() {
    // Equity 100 -> 50 -> -10 -> 5: the "drawdown" -10 / 100 - 1 = -110 % and the return of
    // -10 / 50 - 1 = -120 % have no meaning; the run is marked instead.
    SweepMetrics m = SweepMetrics.of(new double[] {50, -10, 5}, 100, Frequency.DAILY, 0.02, 1, 1,
        0, 3);
    assertTrue(m.wipedOut());
    assertEquals(-0.95, m.totalReturn(), 1e-15);
    assertEquals(-1, m.maxDrawdown());
    assertTrue(Double.isNaN(m.sharpeRatio()) && Double.isNaN(m.cagr())
        && Double.isNaN(m.calmarRatio()));
    assertTrue(m.toString().startsWith("WIPED OUT: return -95.00%"), m.toString());
    SweepMetrics ok = SweepMetrics.of(new double[] {101, 102, 103}, 100, Frequency.DAILY, 0.02, 1,
        1, 1, 3);
    assertFalse(ok.wipedOut());
    // three days are not a year: no CAGR (it was 1.03^84 - 1 = 11.0, i.e. 1,100 % a year)
    assertTrue(Double.isNaN(ok.cagr()) && Double.isNaN(ok.calmarRatio()), ok.toString());
    assertTrue(ok.toString().contains("(ann., rf 2.00% a year)")
        && ok.toString().contains("per-trade win rate 100.00%"), ok.toString());
    // the wiped-out run has the most trades, yet never ranks first, whatever the metric
    SweepMetrics busy = SweepMetrics.of(new double[] {50, -10, 5}, 100, Frequency.DAILY, 0.02, 9,
        9, 0, 3);
    SweepResult<String> r = new SweepResult<>(List.of(new SweepRow<>("busy", "A", busy, null),
        new SweepRow<>("ok", "A", ok, null)), 252, row -> new double[0]);
    for (SweepMetric metric : SweepMetric.values()) {
      assertEquals("ok", r.best(metric).parameters(), metric.toString());
    }
    assertThrows(IllegalArgumentException.class,
        () -> r.deflatedSharpeRatio(r.rows().get(0)));
    assertTrue(r.table(2).contains("wiped out"), r.table(2));
  }

  @Test
  void theSummaryShowsTheBestRowsByAStatedMetricAndCountsTheRest() {
    // it used to say "N runs" and show 10 rows in grid order with no word about the others
    SweepResult<SmaCrossover> r = ParameterSweep.of(market("A05"), grid(), p -> p).run();
    String s = r.toString();
    assertTrue(s.startsWith(r.size() + " runs, sorted by SHARPE (best first), the first 10:\n"),
        s);
    SweepRow<SmaCrossover> best = r.best(SweepMetric.SHARPE);
    assertTrue(s.contains("\nA05      " + best.parameters() + " "), s);
    assertTrue(s.endsWith("... " + (r.size() - 10) + " more rows (table(k) shows k, rows() all)\n"),
        s);
    // the rows themselves stay in grid order; a sorted copy prints in its own order
    assertEquals(grid().get(0), r.rows().get(0).parameters());
    assertTrue(r.sortedBy(SweepMetric.MAX_DRAWDOWN).toString().startsWith(r.size()
        + " runs, sorted by MAX_DRAWDOWN (best first), the first 10:\n"));
  }

  @Test
  void arrayParametersPrintTheirElements() {
    // int[] parameters printed as [I@456d6c1e, in tables and in errors
    List<int[]> grid = List.of(new int[] {5, 20}, new int[] {10, 50});
    SweepResult<int[]> r = ParameterSweep.of(market("A01"), grid, p -> new SmaCrossover(p[0],
        p[1])).run();
    String s = r.toString();
    assertTrue(s.contains("[5, 20]") && s.contains("[10, 50]") && !s.contains("[I@"), s);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01"), grid, p -> p[0] == 5 ? new SmaCrossover(5, 20)
            : bars -> {
              throw new IllegalStateException("no signals today");
            }).run());
    assertEquals("Sweep run [10, 50] on 'A01' failed: no signals today", e.getMessage());
  }

  @Test
  void efficiencyWeightsFoldsByTheirOutOfSampleBars() {
    // Hand: two full folds of 250 bars (IS Sharpe 1, OOS 0.5) and a last fold of 20 bars (IS 1,
    // OOS 7.431, a short-sample figure). Weighted: (250 x 0.5 + 250 x 0.5 + 20 x 7.431) /
    // (250 + 250 + 20) = 398.62 / 520 = 0.766577 (unweighted it was 8.431 / 3 = 2.810).
    TimeIndex days = TimeIndex.businessDays(java.time.LocalDate.of(2020, 1, 1), 1020);
    List<WalkForwardResult.Fold<String>> folds = List.of(
        fold(0, 500, 750, 1, 0.5), fold(250, 750, 1000, 1, 0.5), fold(500, 1000, 1020, 1, 7.431));
    double[] equity = new double[520];
    java.util.Arrays.fill(equity, 100_000);
    WalkForwardResult<String> wf = new WalkForwardResult<>(days.slice(500, 1020), folds, equity,
        BacktestConfig.defaults(), Frequency.DAILY, days, 250, SweepMetric.SHARPE);
    assertEquals(398.62 / 520, wf.efficiency(SweepMetric.SHARPE), 1e-12);
    assertEquals(20, folds.get(2).testBars());
    String s = wf.toString();
    assertTrue(s.contains("   20*  p"), s);
    assertTrue(s.contains("* partial last fold: 20 of 250 bars (the data ends); its "
        + "out-of-sample figures rest on a short sample\n"), s);
    assertTrue(s.contains("Walk-forward efficiency (OOS / IS Sharpe, folds weighted by their "
        + "out-of-sample bars): 0.767\n"), s);
  }

  private static WalkForwardResult.Fold<String> fold(int train, int from, int to, double in,
      double out) {
    return new WalkForwardResult.Fold<>(train, from, to, "p", sharpe(in), sharpe(out));
  }

  private static SweepMetrics sharpe(double sr) {
    double nan = Double.NaN;
    return new SweepMetrics(nan, nan, nan, sr, nan, nan, nan, 0, nan, nan, 0, 0, false);
  }

  @Test
  void aRealWalkForwardMarksItsPartialLastFold() {
    // 2520 bars with 500 in-sample and 250 out-of-sample: the last fold has 2520 - 2500 = 20
    Backtest bt = market("A07");
    WalkForwardResult<SmaCrossover> wf = WalkForwardOptimization.of(bt, grid(), p -> p)
        .withWindows(500, 250).run();
    WalkForwardResult.Fold<SmaCrossover> last = wf.folds().get(wf.folds().size() - 1);
    assertEquals(20, last.testBars());
    double in = 0;
    double out = 0;
    for (WalkForwardResult.Fold<SmaCrossover> f : wf.folds()) {
      in += f.testBars() * f.inSample().sharpeRatio();
      out += f.testBars() * f.outOfSample().sharpeRatio();
    }
    assertEquals(out / in, wf.efficiency(SweepMetric.SHARPE), 1e-12 * Math.abs(out / in));
    assertTrue(wf.toString().contains("* partial last fold: 20 of 250 bars"), wf.toString());
    // 250-bar folds are under a year: their CAGR is undefined, and so is its efficiency
    assertTrue(Double.isNaN(last.outOfSample().cagr()));
    assertTrue(Double.isNaN(wf.efficiency(SweepMetric.CAGR)));
  }
}
