package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.TradeStatistics.OpenTrades;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Hand-calculated trade statistics, edge cases and invariants of {@link TradeStatistics}. */
class TradeStatisticsTest {

  /** Sums of a handful of two-decimal numbers: rounding only. */
  private static final double TOL = 1e-12;

  static Trade trade(String asset, int side, int entry, int exit, double pnl, double ret,
      ExitReason reason) {
    // prices and fees are not read by the statistics; the entry value 1000 matches ret = pnl/1000
    return new Trade(asset, side, entry, exit, "e" + entry, "x" + exit, 10, 100, 100, 0, pnl,
        ret, reason);
  }

  /** Seven trades in closing order; the last is still open. */
  static final List<Trade> SEVEN = List.of(
      trade("A", 1, 0, 2, 100, 0.10, ExitReason.SIGNAL),
      trade("A", 1, 3, 4, -50, -0.05, ExitReason.STOP_LOSS),
      trade("B", -1, 1, 5, 30, 0.03, ExitReason.SIGNAL),
      trade("A", 1, 5, 8, 20, 0.02, ExitReason.TAKE_PROFIT),
      trade("B", -1, 6, 7, -40, -0.04, ExitReason.SIGNAL),
      trade("A", 1, 8, 9, 0, 0.0, ExitReason.SIGNAL),
      trade("B", -1, 7, 9, 10, 0.01, ExitReason.END_OF_DATA));

  /** Ten dates two calendar days apart, so holding days = 2 x holding bars. */
  static final TimeIndex EVERY_OTHER_DAY;

  static {
    LocalDate[] d = new LocalDate[10];
    for (int i = 0; i < d.length; i++) {
      d[i] = LocalDate.of(2024, 1, 1).plusDays(2L * i);
    }
    EVERY_OTHER_DAY = TimeIndex.ofDates(d);
  }

  @Test
  void handCalculatedClosedTrades() {
    TradeStatistics ts = TradeStatistics.of(SEVEN, OpenTrades.EXCLUDE, EVERY_OTHER_DAY,
        Frequency.DAILY);
    assertEquals(OpenTrades.EXCLUDE, ts.openTrades());
    assertEquals(1, ts.openTradesInInput());
    TradeSummary a = ts.all();
    // closed P&L in order: +100, -50, +30, +20, -40, 0 -> 3 wins, 2 losses, 1 breakeven
    assertEquals(6, a.trades());
    assertEquals(3, a.wins());
    assertEquals(2, a.losses());
    assertEquals(1, a.breakevens());
    assertEquals(0.5, a.winRate(), TOL); // 3 / 6
    assertEquals(150, a.grossProfit(), TOL); // 100 + 30 + 20
    assertEquals(90, a.grossLoss(), TOL); // 50 + 40
    assertEquals(150.0 / 90, a.profitFactor(), TOL);
    assertEquals(60, a.totalPnl(), TOL);
    assertEquals(10, a.averagePnl(), TOL); // 60 / 6
    assertEquals(10, a.medianPnl(), TOL); // sorted -50 -40 0 20 30 100: (0 + 20) / 2
    assertEquals(0.01, a.averageReturn(), TOL); // (.10 - .05 + .03 + .02 - .04 + 0) / 6
    assertEquals(0.01, a.medianReturn(), TOL); // sorted -.05 -.04 0 .02 .03 .10: (0 + .02) / 2
    assertEquals(50, a.averageWin(), TOL); // 150 / 3
    assertEquals(-45, a.averageLoss(), TOL); // -90 / 2
    assertEquals(50.0 / 45, a.payoffRatio(), TOL);
    assertEquals(10, a.expectancy(), TOL); // 0.5 x 50 + (2/6) x -45 = 25 - 15
    assertEquals(100, a.largestWin(), TOL);
    assertEquals(-50, a.largestLoss(), TOL);
    assertEquals(2, a.longestWinningStreak()); // W L [W W] L B
    assertEquals(1, a.longestLosingStreak());
    assertEquals(2, a.averageHoldingBars(), TOL); // (2 + 1 + 4 + 3 + 1 + 1) / 6
    assertEquals(4, a.averageHoldingDays(), TOL); // two days per bar
    assertEquals(6 / (10 / 252.0), a.tradesPerYear(), TOL); // 10 bars of 252 a year: 151.2
    assertTrue(Double.isNaN(a.timeInMarket()), "needs the positions of a BacktestResult");
    // deviations from the mean .01: .09 -.06 .02 .01 -.05 -.01; squares sum to .0148
    assertEquals(Math.sqrt(6) * 0.01 / Math.sqrt(0.0148 / 5), a.sqn(), 1e-9);
    assertEquals(0.05, a.kelly(), TOL); // 0.5 - 0.5 / (50/45) = 0.5 - 0.45

    TradeSummary l = ts.longs();
    // longs in order: +100 -50 +20 0
    assertEquals(4, l.trades());
    assertEquals(0.5, l.winRate(), TOL);
    assertEquals(120.0 / 50, l.profitFactor(), TOL);
    assertEquals(17.5, l.averagePnl(), TOL); // 70 / 4
    assertEquals(10, l.medianPnl(), TOL); // sorted -50 0 20 100: (0 + 20) / 2
    assertEquals(0.0175, l.averageReturn(), TOL); // .07 / 4
    assertEquals(0.01, l.medianReturn(), TOL); // (0 + .02) / 2
    assertEquals(60, l.averageWin(), TOL);
    assertEquals(-50, l.averageLoss(), TOL);
    assertEquals(1.2, l.payoffRatio(), TOL);
    assertEquals(0.5 - 0.5 / 1.2, l.kelly(), TOL);
    assertEquals(1, l.longestWinningStreak()); // W L W B
    assertEquals(1, l.longestLosingStreak());
    assertEquals(1.75, l.averageHoldingBars(), TOL); // (2 + 1 + 3 + 1) / 4

    TradeSummary s = ts.shorts();
    // shorts: +30 -40; returns .03 -.04, mean -.005, deviations +-.035
    assertEquals(2, s.trades());
    assertEquals(0.75, s.profitFactor(), TOL); // 30 / 40
    assertEquals(-5, s.medianPnl(), TOL);
    assertEquals(-0.005, s.medianReturn(), TOL);
    assertEquals(-1.0 / 7, s.sqn(), 1e-9); // sqrt(2) x -.005 / (.035 x sqrt(2))
    assertEquals(0.5 - 0.5 / 0.75, s.kelly(), TOL); // -1/6
    assertEquals(2.5, s.averageHoldingBars(), TOL); // (4 + 1) / 2
  }

  @Test
  void includingOpenTradesCountsThemAndSaysSo() {
    TradeStatistics ts = TradeStatistics.of(SEVEN, OpenTrades.INCLUDE);
    TradeSummary a = ts.all();
    // + the open short +10: 4 wins in 7; W L W W L B W
    assertEquals(7, a.trades());
    assertEquals(4.0 / 7, a.winRate(), TOL);
    assertEquals(160.0 / 90, a.profitFactor(), TOL);
    assertEquals(10, a.medianPnl(), TOL); // sorted -50 -40 0 10 20 30 100
    assertEquals(2, a.longestWinningStreak());
    assertEquals(3, ts.shorts().trades());
    assertEquals(1, ts.shorts().longestWinningStreak()); // shorts W L W
    assertTrue(Double.isNaN(a.averageHoldingDays()) && Double.isNaN(a.tradesPerYear()),
        "no index");
    assertTrue(ts.toString().contains("7 trades, 1 of them still open (valued at the last "
        + "close)"), ts.toString());
    String ex = TradeStatistics.of(SEVEN, OpenTrades.EXCLUDE).toString();
    assertTrue(ex.contains("6 closed trades (1 still open, excluded)"), ex);
    assertTrue(ex.contains("Win rate") && ex.contains("50.00%"), ex);
  }

  @Test
  void noTradesGivesZeroCountsAndUndefinedRatios() {
    TradeSummary a = TradeStatistics.of(List.of(), OpenTrades.EXCLUDE).all();
    assertEquals(0, a.trades());
    assertEquals(0, a.longestWinningStreak());
    for (double v : new double[] {a.winRate(), a.profitFactor(), a.averagePnl(), a.medianPnl(),
        a.averageReturn(), a.medianReturn(), a.averageWin(), a.averageLoss(), a.payoffRatio(),
        a.expectancy(), a.largestWin(), a.largestLoss(), a.sqn(), a.kelly(),
        a.averageHoldingBars()}) {
      assertTrue(Double.isNaN(v), a.toString());
    }
    assertEquals(0, a.totalPnl());
  }

  @Test
  void noLosingTradeHasAnInfiniteProfitFactorAndPayoff() {
    TradeSummary a = TradeStatistics.of(List.of(trade("A", 1, 0, 1, 10, 0.01, ExitReason.SIGNAL),
        trade("A", 1, 1, 2, 30, 0.03, ExitReason.SIGNAL),
        trade("A", 1, 2, 3, 0, 0, ExitReason.SIGNAL)), OpenTrades.EXCLUDE).all();
    assertEquals(Double.POSITIVE_INFINITY, a.profitFactor());
    assertEquals(Double.POSITIVE_INFINITY, a.payoffRatio());
    assertEquals(2.0 / 3, a.kelly(), TOL); // w - (1 - w) / inf = w
    assertTrue(Double.isNaN(a.averageLoss()) && Double.isNaN(a.largestLoss()));
    // only losses: profit factor 0, payoff and Kelly undefined (no average win)
    TradeSummary b = TradeStatistics.of(List.of(trade("A", -1, 0, 1, -10, -0.01,
        ExitReason.SIGNAL)), OpenTrades.EXCLUDE).all();
    assertEquals(0, b.profitFactor());
    assertTrue(Double.isNaN(b.payoffRatio()) && Double.isNaN(b.kelly()));
    assertTrue(Double.isNaN(b.sqn()), "one trade has no standard deviation");
    assertTrue(TradeStatistics.of(List.of(trade("A", 1, 0, 1, 10, 0.01, ExitReason.SIGNAL)),
        OpenTrades.EXCLUDE).toString().contains("+inf"));
  }

  @Test
  void streaksFollowTheListOrderAndBreakevensEndThem() {
    double[] p = {1, 2, 3, 0, 4, -1, -2, 5, -3, -4, -5, 0, -6, 7, 8};
    List<Trade> ts = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      ts.add(trade("A", 1, i, i + 1, p[i], p[i] / 100, ExitReason.SIGNAL));
    }
    TradeSummary a = TradeStatistics.of(ts, OpenTrades.EXCLUDE).all();
    assertEquals(3, a.longestWinningStreak()); // 1 2 3, then the breakeven ends it
    assertEquals(3, a.longestLosingStreak()); // -3 -4 -5 (the breakeven splits -5 from -6)
  }

  @Test
  void rejectsInvalidTradesNamingThem() {
    Trade bad = trade("X", 1, 0, 1, Double.NaN, 0, ExitReason.SIGNAL);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TradeStatistics.of(List.of(SEVEN.get(0), bad), OpenTrades.EXCLUDE));
    assertTrue(e.getMessage().contains("trades[1] ('X', exit x1)")
        && e.getMessage().contains("pnl NaN"), e.getMessage());
    Trade side = trade("X", 0, 0, 1, 1, 0, ExitReason.SIGNAL);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TradeStatistics.of(List.of(side), OpenTrades.EXCLUDE)).getMessage()
        .contains("but found 0"));
    Trade back = trade("X", 1, 3, 2, 1, 0, ExitReason.SIGNAL);
    assertThrows(IllegalArgumentException.class,
        () -> TradeStatistics.of(List.of(back), OpenTrades.EXCLUDE));
    Trade beyond = trade("X", 1, 3, 10, 1, 0, ExitReason.SIGNAL);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TradeStatistics.of(
        List.of(beyond), OpenTrades.EXCLUDE, EVERY_OTHER_DAY, Frequency.DAILY)).getMessage()
        .contains("exitBar < 10"));
    List<Trade> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class,
        () -> TradeStatistics.of(withNull, OpenTrades.EXCLUDE));
    assertThrows(NullPointerException.class, () -> TradeStatistics.of(SEVEN, null));
  }

  @Test
  void fromABacktestResult() {
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withFixedFee(1)
        .withWholeShares();
    // the round trip of BacktestTest.tradesAndSummariesSayWhatTheirNumbersMean (PnL -251, held
    // 2024-01-02 -> 01-04), then a re-entry decided at bar 3 that is still open at bar 4
    BacktestResult r = Backtest.of(BacktestTest.closes(10, 12, 15, 9, 11)).withConfig(cfg)
        .signals(new boolean[] {true, false, false, true, false},
            new boolean[] {false, false, true, false, false});
    assertEquals(2, r.trades().size());
    assertTrue(r.trades().get(1).isOpen());
    TradeStatistics ts = TradeStatistics.of(r);
    TradeSummary a = ts.all();
    assertEquals(OpenTrades.EXCLUDE, ts.openTrades());
    assertEquals(1, a.trades());
    assertEquals(0, a.winRate());
    assertEquals(-251, a.averageLoss(), 1e-9);
    assertEquals(0, a.profitFactor());
    assertEquals(2, a.averageHoldingBars());
    assertEquals(2, a.averageHoldingDays(), TOL); // Tuesday -> Thursday
    assertEquals(1 / (5 / 252.0), a.tradesPerYear(), TOL);
    // positions after bars 1 and 2 (first trade) and after bar 4 (re-entry): 3 of 5 bars
    assertEquals(0.6, a.timeInMarket(), TOL);
    assertEquals(0.6, ts.longs().timeInMarket(), TOL);
    assertEquals(0, ts.shorts().timeInMarket(), TOL);
    assertEquals(0, ts.shorts().trades());
    TradeSummary inc = TradeStatistics.of(r, OpenTrades.INCLUDE).all();
    assertEquals(2, inc.trades());
    assertEquals(-251 + r.trades().get(1).pnl(), inc.totalPnl(), 1e-9);
    assertEquals(r.finalEquity() - r.initialCapital(), inc.totalPnl(), Tolerance.CENT);
    String s = r.toString();
    assertTrue(s.contains("trades: 1 closed round trips, 0 won (per-trade win rate 0.00%), "
        + "1 still open"), s);
    assertTrue(s.contains("per closed trade: profit factor 0.00, average P&L -251.00, payoff "
        + "ratio - (TradeStatistics.of(result) for more)"), s);
    assertTrue(s.contains("Win rate (per period)"), s);
  }

  // ------------------------------------------------------------------ properties

  @Provide
  Arbitrary<List<Trade>> tradeLists() {
    // P&L from a small alphabet so that ties, breakevens and streaks are common
    Arbitrary<Trade> one = Arbitraries.integers().between(-3, 3).flatMap(p ->
        Arbitraries.integers().between(0, 1).flatMap(s -> Arbitraries.integers().between(0, 5)
            .flatMap(h -> Arbitraries.of(ExitReason.SIGNAL, ExitReason.END_OF_DATA).map(x ->
                trade("A", s == 0 ? 1 : -1, 0, h, p * 12.5, p * 0.0125 + h * 1e-3, x)))));
    return one.list().ofMaxSize(60);
  }

  @Property(tries = 300)
  void countsAndSumsAddUp(@ForAll("tradeLists") List<Trade> trades,
      @ForAll boolean include) {
    TradeStatistics ts = TradeStatistics.of(trades,
        include ? OpenTrades.INCLUDE : OpenTrades.EXCLUDE);
    List<Trade> counted = new ArrayList<>();
    for (Trade t : trades) {
      if (include || !t.isOpen()) {
        counted.add(t);
      }
    }
    for (int g = 0; g < 3; g++) {
      TradeSummary s = g == 0 ? ts.all() : g == 1 ? ts.longs() : ts.shorts();
      List<Trade> mine = new ArrayList<>();
      for (Trade t : counted) {
        if (g == 0 || (g == 1) == (t.side() > 0)) {
          mine.add(t);
        }
      }
      int n = mine.size();
      assertEquals(n, s.trades());
      assertEquals(n, s.wins() + s.losses() + s.breakevens());
      double total = 0;
      double[] p = new double[n];
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = mine.get(i).pnl();
        r[i] = mine.get(i).returnFraction();
        total += p[i];
      }
      assertEquals(total, s.totalPnl(), 1e-9);
      double parts = (s.wins() == 0 ? 0 : s.averageWin() * s.wins())
          + (s.losses() == 0 ? 0 : s.averageLoss() * s.losses());
      assertEquals(total, parts, 1e-9);
      if (n == 0) {
        continue;
      }
      assertEquals(s.averagePnl(), s.expectancy(), 1e-9);
      // independent medians: sort a copy
      assertEquals(sortedMedian(p), s.medianPnl(), 0);
      assertEquals(sortedMedian(r), s.medianReturn(), 1e-15);
      // independent SQN: two-pass mean and n - 1 variance
      double mean = Arrays.stream(r).sum() / n;
      double ss = 0;
      for (double v : r) {
        ss += (v - mean) * (v - mean);
      }
      if (n >= 2 && ss > 1e-20) {
        assertEquals(Math.sqrt(n) * mean / Math.sqrt(ss / (n - 1)), s.sqn(),
            1e-9 * Math.max(1, Math.abs(s.sqn())));
      }
      // independent streaks: scan every run
      assertEquals(longestRun(p, 1), s.longestWinningStreak());
      assertEquals(longestRun(p, -1), s.longestLosingStreak());
    }
    assertEquals(ts.all().trades(), ts.longs().trades() + ts.shorts().trades());
  }

  @Property(tries = 300)
  void medianSelectionAgreesWithSorting(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 1, max = 1000) int distinct, @ForAll long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextInt(distinct) - distinct / 2.0;
    }
    double expected = sortedMedian(a);
    assertEquals(expected, TradeStatsKernel.median(a.clone(), 0, n), 0);
    // any rank: the selected value is the sorted one, with nothing larger before it
    int k = rnd.nextInt(n);
    double[] b = a.clone();
    double[] sorted = a.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[k], TradeStatsKernel.select(b, 0, n - 1, k), 0);
    for (int i = 0; i < n; i++) {
      assertTrue(i < k ? b[i] <= b[k] : b[i] >= b[k], "position " + i + " vs rank " + k);
    }
  }

  private static double sortedMedian(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * s[n / 2 - 1] + 0.5 * s[n / 2];
  }

  private static int longestRun(double[] p, int sign) {
    int best = 0;
    for (int i = 0; i < p.length; i++) {
      int j = i;
      while (j < p.length && Math.signum(p[j]) == sign) {
        j++;
      }
      best = Math.max(best, j - i);
    }
    return best;
  }
}
