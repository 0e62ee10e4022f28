package io.github.quantfolio.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.TradeStatistics;
import io.github.quantfolio.backtest.TradeSummary;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.PerformanceReport;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, run against each database by a subclass (H2 file, embedded PostgreSQL).
 * Every test files its runs under ids and strategy names of its own, so the tests of one class
 * share one database without seeing each other.
 */
abstract class StoreContract {

  /** The store under test, open for the whole class. */
  abstract ResultStore store();

  private final String prefix = UUID.randomUUID().toString().substring(0, 8);

  private String id(String name) {
    return prefix + "-" + name;
  }

  // ------------------------------------------------------------------ round trips

  @Test
  void aBacktestComesBackEqual() {
    BacktestResult r = Fixtures.backtest();
    SmaCrossover params = new SmaCrossover(5, 20);
    String id = store().save(RunTag.of(id("bt"), "SMA " + prefix, params), r);
    assertEquals(id("bt"), id);
    StoredBacktest back = store().loadBacktest(id).orElseThrow();
    assertEquals(r.equityFrame(), back.equity());
    assertArrayEquals(r.equity(), back.equityCurve());
    assertEquals(r.trades(), back.trades());
    assertTrue(r.trades().size() >= 3, "the fixture trades: " + r.trades().size());
    assertEquals(r.config(), back.config());
    PerformanceReport report = r.report();
    assertEquals(report, back.report());
    assertEquals(List.of(), back.rebalances());
    RunSummary s = back.summary();
    assertEquals(RunKind.BACKTEST, s.kind());
    assertEquals(params, s.parameters(SmaCrossover.class));
    assertEquals(r.assets(), s.assets());
    assertEquals(r.index().first(), s.start());
    assertEquals(r.index().last(), s.end());
    assertEquals(r.index().size(), s.bars());
    assertEquals(r.finalEquity(), s.finalEquity());
    assertEquals(r.finalEquity() / r.initialCapital() - 1, s.totalReturn());
    assertEquals(report.cagr(), s.annualReturn());
    assertEquals(report.sharpeRatio(), s.sharpe());
    assertEquals(report.maxDrawdown(), s.maxDrawdown());
    assertEquals(r.trades().size(), s.trades());
    // profitable trades and win rate counted here independently of the store
    long profitable = r.trades().stream().filter(t -> t.pnl() > 0).count();
    long closed = r.trades().stream().filter(t -> !t.isOpen()).count();
    long closedWins = r.trades().stream().filter(t -> !t.isOpen() && t.pnl() > 0).count();
    assertEquals(profitable, s.profitableTrades());
    assertEquals((double) closedWins / closed, s.winRate(), 1e-15);
    // trade statistics from the stored trades: all but the time in market (positions not stored)
    TradeSummary original = TradeStatistics.of(r).all();
    TradeSummary stored = back.tradeStatistics(TradeStatistics.OpenTrades.EXCLUDE).all();
    assertEquals(original.trades(), stored.trades());
    assertEquals(original.winRate(), stored.winRate());
    assertEquals(original.profitFactor(), stored.profitFactor());
    assertEquals(original.expectancy(), stored.expectancy());
    assertEquals(original.averageHoldingDays(), stored.averageHoldingDays());
    assertEquals(original.tradesPerYear(), stored.tradesPerYear());
    assertTrue(Double.isNaN(stored.timeInMarket()));
    assertFalse(store().loadBacktest(id("absent")).isPresent());
  }

  @Test
  void aLeveragedBacktestComesBackWithItsMarginTermsAndFinancing() {
    io.github.quantfolio.backtest.MarginTerms terms = io.github.quantfolio.backtest.MarginTerms
        .of(0.1, 0.05).withAsset(Fixtures.ASSET, 0.2, 0.1).withBorrowRate(0.05)
        .withShortRate(0.01).withDayCountBasis(365);
    BacktestResult r = io.github.quantfolio.backtest.Backtest.of(Fixtures.MARKET.bars(
        Fixtures.ASSET)).withConfig(Fixtures.CONFIG.withShorting(true).withMaxLeverage(3)
        .withMargin(terms)).run(new SmaCrossover(5, 20, true));
    assertTrue(r.totalFinancing() > 0, "the fixture pays interest");
    String id = store().save(RunTag.of(id("lev"), "SMA leveraged " + prefix, null), r);
    StoredBacktest back = store().loadBacktest(id).orElseThrow();
    assertEquals(r.config(), back.config());
    assertEquals(terms, back.config().margin());
    assertEquals(r.trades(), back.trades());
  }

  @Test
  void aPortfolioComesBackWithItsRebalanceLog() {
    PortfolioResult p = Fixtures.portfolio();
    String id = store().save(RunTag.of(id("pf"), "risk parity " + prefix, Map.of("lookback",
        60)), p);
    StoredBacktest back = store().loadBacktest(id).orElseThrow();
    assertEquals(RunKind.PORTFOLIO, back.summary().kind());
    assertTrue(p.rebalances().size() >= 10, "monthly over 400 days");
    assertEquals(p.rebalances(), back.rebalances());
    assertEquals(p.backtest().equityFrame(), back.equity());
    assertEquals(p.backtest().trades(), back.trades());
    assertEquals(Map.of("lookback", 60), back.summary().parameters(Map.class));
  }

  @Test
  void aSweepComesBackEqualWithItsDeflatedSharpe() {
    SweepResult<SmaCrossover> sweep = Fixtures.sweep();
    String id = store().save(RunTag.of(id("sw"), "SMA sweep " + prefix, null), sweep);
    StoredSweep<SmaCrossover> back = store().loadSweep(id, SmaCrossover.class).orElseThrow();
    assertEquals(sweep.rows(), back.rows()); // equity null: records compare component-wise
    assertEquals(sweep.deflatedSharpeRatio(), back.deflatedSharpe());
    assertEquals(Fixtures.PRICES.assets(), back.assets());
    assertEquals("SMA sweep " + prefix, back.strategy());
    // the grid, as stored, is the distinct parameters in row order
    List<SmaCrossover> grid = readGrid(id);
    assertEquals(Fixtures.grid(), grid);
  }

  private List<SmaCrossover> readGrid(String id) {
    String json = queryString("SELECT grid_json FROM sweeps WHERE sweep_id = ?", id);
    return io.github.quantfolio.store.internal.Json.readList(json, SmaCrossover.class);
  }

  @Test
  void sweepRowsWithEquityCurvesComeBackByContent() {
    SweepMetrics m = Fixtures.sweep().rows().get(0).metrics();
    double[] eq = {100_000, 100_500.25, Double.NaN, 99_000};
    String id = store().saveSweep(RunTag.of(id("sweq"), "eq " + prefix, null),
        List.of(new SweepRow<>(new int[] {1, 2}, "X", m, eq)), 0.5);
    SweepRow<int[]> back = store().loadSweep(id, int[].class).orElseThrow().rows().get(0);
    assertArrayEquals(new int[] {1, 2}, back.parameters());
    assertArrayEquals(eq, back.equity());
    assertEquals(m, back.metrics());
  }

  @Test
  void aWalkForwardComesBackEqual() {
    WalkForwardResult<SmaCrossover> wf = Fixtures.walkForward();
    String id = store().save(RunTag.of(id("wf"), "WFO " + prefix, null), wf);
    StoredWalkForward<SmaCrossover> back = store().loadWalkForward(id, SmaCrossover.class)
        .orElseThrow();
    assertTrue(wf.folds().size() >= 3, "folds: " + wf.folds().size());
    assertEquals(wf.folds(), back.folds());
    assertEquals(wf.index(), back.equity().index());
    assertArrayEquals(wf.equity(), back.equity().column("equity"));
    assertEquals(wf.report().frequency(), back.equity().frequency());
  }

  @Test
  void anOptimizationComesBackEqual() {
    OptimalPortfolio p = Fixtures.optimal();
    Map<String, Object> constraints = new LinkedHashMap<>();
    constraints.put("lower", 0.0);
    constraints.put("upper", 0.6);
    String fp = ResultStore.fingerprint(new double[] {1, 2}, new double[] {3});
    String id = store().save(RunTag.of(id("opt"), "max Sharpe", null), p, constraints,
        Duration.ofNanos(1_234_567), fp);
    StoredOptimization back = store().loadOptimization(id).orElseThrow();
    assertEquals(p, back.portfolio());
    assertEquals(constraints, back.constraints(Map.class));
    assertEquals(Duration.ofNanos(1_234_567), back.elapsed());
    assertEquals(fp, back.inputsFingerprint());
    assertEquals(p.sharpeRatio(p.riskFreeRate()),
        queryDouble("SELECT sharpe FROM optimizations WHERE run_id = ?", id));
    // without expected returns: NULL expected return and Sharpe, NaN again when loaded
    OptimalPortfolio minVol = Fixtures.minVolatility();
    String id2 = store().save(RunTag.of(id("minvol"), "min vol", null), minVol, null,
        Duration.ZERO, fp);
    assertNull(queryObject("SELECT expected_return FROM optimizations WHERE run_id = ?", id2));
    assertNull(queryObject("SELECT sharpe FROM optimizations WHERE run_id = ?", id2));
    assertEquals(minVol, store().loadOptimization(id2).orElseThrow().portfolio());
  }

  @Test
  void decisionRecordsAndLedgerSnapshotsComeBackEqual() {
    String d = store().saveDecisions(id("dec"), Fixtures.decisions());
    assertEquals(Fixtures.decisions(), store().loadDecisions(d).orElseThrow());
    String s = store().saveSnapshots(id("led"), Fixtures.snapshots());
    assertEquals(Fixtures.snapshots(), store().loadSnapshots(s).orElseThrow());
    assertEquals(2L, queryLong("SELECT COUNT(*) FROM ledger_snapshots WHERE batch_id = ?", s));
    assertFalse(store().loadDecisions(id("none")).isPresent());
  }

  // ------------------------------------------------------------------ NaN

  @Test
  void nanMetricsAreNullInTheDatabaseAndNanWhenRead() {
    double nan = Double.NaN;
    SweepMetrics undefined = new SweepMetrics(0.01, nan, 0.2, nan, nan, -0.1, nan, 0, nan, 0.5,
        30, 0.02, false);
    SweepMetrics defined = new SweepMetrics(0.05, 0.1, 0.2, 1.5, 2.0, -0.1, 1.0, 4, 0.5, 0.5,
        300, 0.02, false);
    String id = store().saveSweep(RunTag.of(id("nan"), "nan " + prefix, null),
        List.of(new SweepRow<>(1, "A", undefined, null), new SweepRow<>(2, "A", defined, null)),
        nan);
    assertNull(queryObject("SELECT sharpe FROM sweep_rows WHERE sweep_id = ? AND seq = 0", id));
    assertNull(queryObject("SELECT cagr FROM sweep_rows WHERE sweep_id = ? AND seq = 0", id));
    assertNull(queryObject("SELECT deflated_sharpe FROM sweeps WHERE sweep_id = ?", id));
    assertEquals(1.5, queryDouble("SELECT sharpe FROM sweep_rows WHERE sweep_id = ? AND seq = 1",
        id));
    StoredSweep<Integer> back = store().loadSweep(id, Integer.class).orElseThrow();
    assertEquals(undefined, back.rows().get(0).metrics());
    assertTrue(Double.isNaN(back.rows().get(0).metrics().sharpeRatio()));
    assertTrue(Double.isNaN(back.deflatedSharpe()));
    // NULL never matches a range and sorts last
    SweepQuery q = SweepQuery.all().sweep(id);
    assertEquals(List.of(1), seqs(store().findSweepRows(q.where(SweepMetric.SHARPE,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))));
    assertEquals(List.of(1, 0), seqs(store().findSweepRows(q.orderBy(SweepMetric.SHARPE))));
    assertEquals(List.of(1, 0), seqs(store().findSweepRows(q.orderBy(SweepMetric.VOLATILITY)
        .orderBy(SweepMetric.CAGR))));
  }

  private static List<Integer> seqs(List<StoredSweepRow> rows) {
    return rows.stream().map(StoredSweepRow::seq).toList();
  }

  // ------------------------------------------------------------------ queries and CSV

  @Test
  void runsAreFoundByStrategyAssetDatesAndMetric() {
    String strategy = "query " + prefix;
    BacktestResult full = Fixtures.backtest(); // 400 days from 2020-01-01, first asset
    BacktestResult tiny = Fixtures.tiny(); // its first 12 days
    PortfolioResult pf = Fixtures.portfolio(); // all three assets
    store().save(RunTag.of(id("q1"), strategy, 1), full);
    store().save(RunTag.of(id("q2"), strategy, 2), tiny);
    store().save(RunTag.of(id("q3"), strategy, 3), pf);
    store().save(RunTag.of(id("q4"), "other " + prefix, 4), tiny);
    RunQuery mine = RunQuery.all().strategy(strategy);
    assertEquals(List.of(id("q1"), id("q2"), id("q3")), ids(store().findRuns(mine)));
    String third = Fixtures.PRICES.assets().get(2);
    assertEquals(List.of(id("q3")), ids(store().findRuns(mine.asset(third))));
    assertEquals(List.of(id("q3")), ids(store().findRuns(mine.kind(RunKind.PORTFOLIO))));
    // dates: the tiny run ends on its 40th bar; the others run to the end of the data
    String tinyEnd = tiny.index().last();
    assertEquals(List.of(id("q2")), ids(store().findRuns(mine.to(LocalDate.parse(tinyEnd)))));
    assertEquals(List.of(), ids(store().findRuns(mine.to(LocalDate.parse(tinyEnd)
        .minusDays(1)))));
    assertEquals(3, store().findRuns(mine.from(LocalDate.parse(full.index().first()))).size());
    assertEquals(0, store().findRuns(mine.from(LocalDate.parse(full.index().first())
        .plusDays(1))).size());
    // metric ranges and ordering, checked against the results' own reports
    double[] sharpe = {full.report().sharpeRatio(), tiny.report().sharpeRatio(),
        pf.backtest().report().sharpeRatio()};
    List<String> expected = new ArrayList<>(List.of(id("q1"), id("q2"), id("q3")));
    expected.sort((a, b) -> Double.compare(sharpe[b.charAt(b.length() - 1) - '1'],
        sharpe[a.charAt(a.length() - 1) - '1']));
    assertEquals(expected, ids(store().findRuns(mine.orderBy(Metric.SHARPE))));
    assertEquals(expected.subList(0, 2), ids(store().findRuns(mine.orderBy(Metric.SHARPE)
        .limit(2))));
    double mid = sharpe[expected.get(1).charAt(expected.get(1).length() - 1) - '1'];
    assertEquals(expected.subList(0, 2), ids(store().findRuns(mine.where(Metric.SHARPE, mid,
        Double.POSITIVE_INFINITY).orderBy(Metric.SHARPE))));
    // best(metric, k) over the whole store: sorted, and at least as good as ours
    List<RunSummary> best = store().best(Metric.SHARPE, 2);
    assertTrue(best.size() == 2 && best.get(0).sharpe() >= best.get(1).sharpe());
    assertTrue(best.get(0).sharpe() >= sharpe[expected.get(0).charAt(expected.get(0).length()
        - 1) - '1']);
  }

  private static List<String> ids(List<RunSummary> runs) {
    return runs.stream().map(RunSummary::runId).toList();
  }

  @Test
  void theBestConfigurationsOfASweepAreItsTopRowsBySharpe() {
    SweepResult<SmaCrossover> sweep = Fixtures.sweep();
    String id = store().save(RunTag.of(id("best"), "best " + prefix, null), sweep);
    List<StoredSweepRow> top = store().findSweepRows(SweepQuery.all().sweep(id)
        .orderBy(SweepMetric.SHARPE).limit(5));
    List<SweepRow<SmaCrossover>> expected = sweep.sortedBy(SweepMetric.SHARPE).rows()
        .subList(0, 5);
    for (int i = 0; i < 5; i++) {
      assertEquals(expected.get(i).metrics(), top.get(i).metrics(), "rank " + i);
      assertEquals(expected.get(i).parameters(), top.get(i).parameters(SmaCrossover.class));
      assertEquals(expected.get(i).asset(), top.get(i).asset());
    }
    // by strategy and asset
    String a = Fixtures.PRICES.assets().get(1);
    List<StoredSweepRow> ofA = store().findSweepRows(SweepQuery.all().strategy("best " + prefix)
        .asset(a));
    assertEquals(sweep.rowsOf(a).size(), ofA.size());
    assertTrue(ofA.stream().allMatch(r -> r.asset().equals(a)));
    // bestConfigurations over every stored sweep is sorted best first
    List<StoredSweepRow> all = store().bestConfigurations(SweepMetric.SHARPE, 3);
    assertEquals(3, all.size());
    assertTrue(all.get(0).metrics().sharpeRatio() >= all.get(2).metrics().sharpeRatio());
  }

  @Test
  void anyQueryExportsToCsv() {
    double nan = Double.NaN;
    SweepMetrics m = new SweepMetrics(0.25, nan, 0.2, 1.25, 2.0, -0.1, nan, 3, 0.5, 0.5, 300,
        0.02, false);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", "a, \"quoted\" value");
    String id = store().saveSweep(RunTag.of(id("csv"), "csv " + prefix, null),
        List.of(new SweepRow<>(params, "A", m, null)), nan);
    StringWriter w = new StringWriter();
    int n = store().exportCsv(SweepQuery.all().sweep(id), w);
    assertEquals(1, n);
    String[] lines = w.toString().split("\r\n");
    assertEquals(2, lines.length);
    assertEquals("sweep_id,strategy,seq,asset,parameters_json,total_return,cagr,volatility,"
        + "sharpe,sortino,max_drawdown,calmar,trades,win_rate,exposure,periods,risk_free_rate,"
        + "wiped_out", lines[0]);
    assertEquals(id + ",csv " + prefix + ",0,A,\"{\"\"name\"\":\"\"a, \\\"\"quoted\\\"\" "
        + "value\"\"}\",0.25,,0.2,1.25,2.0,-0.1,,3,0.5,0.5,300,0.02,false", lines[1]);
    // a run query too
    store().save(RunTag.of(id("csvrun"), "csvrun " + prefix, null), Fixtures.tiny());
    StringWriter w2 = new StringWriter();
    assertEquals(1, store().exportCsv(RunQuery.all().strategy("csvrun " + prefix), w2));
    String[] l2 = w2.toString().split("\r\n");
    assertTrue(l2[0].startsWith("run_id,kind,strategy,parameters_json,assets_json,start_time,"),
        l2[0]);
    assertTrue(l2[1].startsWith(id("csvrun") + ",BACKTEST,csvrun " + prefix + ",null,"), l2[1]);
  }

  // ------------------------------------------------------------------ nothing lost or duplicated

  @Test
  void aRunSavedTwiceUnderOneIdIsStoredOnce() {
    String id = id("twice");
    store().save(RunTag.of(id, "twice " + prefix, 1), Fixtures.tiny());
    assertEquals(id, store().save(RunTag.of(id, "twice " + prefix, 2), Fixtures.backtest()));
    assertEquals(1L, queryLong("SELECT COUNT(*) FROM backtest_runs WHERE run_id = ?", id));
    assertEquals((long) Fixtures.tiny().index().size(),
        queryLong("SELECT COUNT(*) FROM equity_points WHERE run_id = ?", id));
    assertEquals((long) Fixtures.tiny().trades().size(),
        queryLong("SELECT COUNT(*) FROM backtest_trades WHERE run_id = ?", id));
    assertEquals(Fixtures.tiny().equityFrame(), store().loadBacktest(id).orElseThrow().equity());
    // the same for a sweep and a decision batch
    store().save(RunTag.of(id("sw2"), "s", null), Fixtures.sweep());
    store().save(RunTag.of(id("sw2"), "s", null), Fixtures.sweep());
    assertEquals((long) Fixtures.sweep().size(),
        queryLong("SELECT COUNT(*) FROM sweep_rows WHERE sweep_id = ?", id("sw2")));
    store().saveDecisions(id("dec2"), Fixtures.decisions());
    store().saveDecisions(id("dec2"), Fixtures.decisions());
    assertEquals(2L, queryLong("SELECT COUNT(*) FROM decision_records WHERE batch_id = ?",
        id("dec2")));
  }

  @Test
  void aFailureInTheMiddleOfASaveLeavesNoPartOfTheRun() {
    // the parent row and the trades are written, then the equity points fail
    ResultStore failing = ResultStore.of(failingOn(store().dataSource(),
        "INSERT INTO equity_points"));
    String id = id("fail");
    StoreException e = assertThrows(StoreException.class,
        () -> failing.save(RunTag.of(id, "fail " + prefix, null), Fixtures.backtest()));
    assertTrue(e.getMessage().contains("injected failure") && e.getMessage().contains(id),
        e.getMessage());
    for (String table : List.of("backtest_runs", "backtest_run_assets", "backtest_trades",
        "equity_points")) {
      assertEquals(0L, queryLong("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", id),
          table);
    }
    // a sweep of 36 rows x 30 = 1,080 rows fails on its second batch of 1,000 rows
    List<SweepRow<SmaCrossover>> rows = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      rows.addAll(Fixtures.sweep().rows());
    }
    ResultStore failingLate = ResultStore.of(failingOnSecond(store().dataSource(),
        "INSERT INTO sweep_rows"));
    assertThrows(StoreException.class, () -> failingLate.saveSweep(RunTag.of(id("failsw"),
        "f", null), rows, 0.5));
    assertEquals(0L, queryLong("SELECT COUNT(*) FROM sweeps WHERE sweep_id = ?", id("failsw")));
    assertEquals(0L, queryLong("SELECT COUNT(*) FROM sweep_rows WHERE sweep_id = ?",
        id("failsw")));
    // the id is not poisoned: saving it again works and stores the whole run
    store().save(RunTag.of(id, "fail " + prefix, null), Fixtures.backtest());
    assertEquals(Fixtures.backtest().equityFrame(), store().loadBacktest(id).orElseThrow()
        .equity());
    store().saveSweep(RunTag.of(id("failsw"), "f", null), rows, 0.5);
    assertEquals((long) rows.size(), queryLong("SELECT COUNT(*) FROM sweep_rows WHERE sweep_id "
        + "= ?", id("failsw")));
  }

  @Test
  void eightThreadsSavingAThousandRunsEachLoseNothing() throws Exception {
    String strategy = "concurrent " + prefix;
    BacktestResult tiny = Fixtures.tiny();
    assertFalse(tiny.trades().isEmpty(), "the run saved has trades to count");
    int threads = 8;
    int each = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            store().save(RunTag.of(id("c-" + thread + "-" + i), strategy, List.of(thread, i)),
                tiny);
            if (i % 250 == 0) { // all threads race for the same id now and then
              store().save(RunTag.of(id("c-shared-" + i), strategy + " shared", i), tiny);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long runs = threads * each;
    assertEquals(runs, queryLong("SELECT COUNT(*) FROM backtest_runs WHERE strategy = ?",
        strategy));
    assertEquals(runs * tiny.index().size(), queryLong("SELECT COUNT(*) FROM equity_points e "
        + "JOIN backtest_runs r ON r.run_id = e.run_id WHERE r.strategy = ?", strategy));
    assertEquals(runs * tiny.trades().size(), queryLong("SELECT COUNT(*) FROM backtest_trades e "
        + "JOIN backtest_runs r ON r.run_id = e.run_id WHERE r.strategy = ?", strategy));
    assertEquals(4L, queryLong("SELECT COUNT(*) FROM backtest_runs WHERE strategy = ?",
        strategy + " shared"));
    // contents: every (thread, i) once, filed under its own id, with the equity summed right
    List<RunSummary> all = store().findRuns(RunQuery.all().strategy(strategy));
    Set<String> seen = new HashSet<>();
    for (RunSummary s : all) {
      List<?> p = s.parameters(List.class);
      assertEquals(id("c-" + p.get(0) + "-" + p.get(1)), s.runId());
      assertEquals(tiny.finalEquity(), s.finalEquity());
      seen.add(s.runId());
    }
    assertEquals(runs, seen.size());
    double sum = Arrays.stream(tiny.equity()).sum();
    assertEquals(sum * runs, queryDouble("SELECT SUM(e.equity) FROM equity_points e JOIN "
        + "backtest_runs r ON r.run_id = e.run_id WHERE r.strategy = ?", strategy),
        1e-9 * sum * runs);
    assertEquals(tiny.equityFrame(), store().loadBacktest(id("c-7-999")).orElseThrow()
        .equity());
  }

  /** The statements under "Plain SQL" in docs/store.md run on this database and find rows. */
  @Test
  void thePlainSqlOfTheDocsRuns() throws Exception {
    String run = store().save(RunTag.of(id("sql"), "sql " + prefix, null), Fixtures.backtest());
    String sweep = store().save(RunTag.of(id("sqlsw"), "sql " + prefix, null), Fixtures.sweep());
    String wf = store().save(RunTag.of(id("sqlwf"), "sql " + prefix, null),
        Fixtures.walkForward());
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("").toAbsolutePath()
        .getParent().resolve("docs/store.md"));
    int at = doc.indexOf("```sql\n", doc.indexOf("## Plain SQL")) + "```sql\n".length();
    String block = doc.substring(at, doc.indexOf("```", at));
    StringBuilder sql = new StringBuilder();
    int statements = 0;
    for (String line : block.split("\n")) {
      if (line.strip().startsWith("--") || line.isBlank()) {
        continue;
      }
      sql.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String text = sql.toString().strip();
        text = text.substring(0, text.length() - 1);
        String arg = text.contains("walk_forward") ? wf : text.contains("sweep_rows") ? sweep
            : run;
        try (Connection c = store().dataSource().getConnection();
            PreparedStatement ps = c.prepareStatement(text)) {
          if (text.contains("?")) {
            ps.setString(1, arg);
          }
          try (ResultSet rs = ps.executeQuery()) {
            if (text.contains("?")) {
              assertTrue(rs.next(), "no row: " + text);
            }
          }
        }
        statements++;
        sql.setLength(0);
      }
    }
    assertEquals(7, statements);
  }

  // ------------------------------------------------------------------ helpers

  Object queryObject(String sql, String arg) {
    try (Connection c = store().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getObject(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  long queryLong(String sql, String arg) {
    return ((Number) queryObject(sql, arg)).longValue();
  }

  double queryDouble(String sql, String arg) {
    return ((Number) queryObject(sql, arg)).doubleValue();
  }

  String queryString(String sql, String arg) {
    return (String) queryObject(sql, arg);
  }

  /** A data source whose statements with {@code sqlPrefix} fail on execution. */
  static DataSource failingOn(DataSource real, String sqlPrefix) {
    return failing(real, sqlPrefix, 1);
  }

  /** A data source whose statements with {@code sqlPrefix} fail on their second batch. */
  static DataSource failingOnSecond(DataSource real, String sqlPrefix) {
    return failing(real, sqlPrefix, 2);
  }

  private static DataSource failing(DataSource real, String sqlPrefix, int failAt) {
    return (DataSource) Proxy.newProxyInstance(StoreContract.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
          Object r = invoke(real, m, args);
          if (r instanceof Connection c) {
            return connection(c, sqlPrefix, failAt);
          }
          return r;
        });
  }

  private static Connection connection(Connection real, String sqlPrefix, int failAt) {
    return (Connection) Proxy.newProxyInstance(StoreContract.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          Object r = invoke(real, m, args);
          if (m.getName().equals("prepareStatement") && ((String) args[0]).startsWith(sqlPrefix)) {
            PreparedStatement ps = (PreparedStatement) r;
            int[] executions = {0};
            InvocationHandler h = (p2, m2, a2) -> {
              if (m2.getName().startsWith("execute") && ++executions[0] >= failAt) {
                throw new SQLException("injected failure in " + sqlPrefix, "08000");
              }
              return invoke(ps, m2, a2);
            };
            return Proxy.newProxyInstance(StoreContract.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, h);
          }
          return r;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
