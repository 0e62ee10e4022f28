package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Hand-calculated cases, timing guarantees and input checks of {@link Backtest}. */
class BacktestTest {

  static final TimeIndex DAYS = TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 6);

  static PriceFrame closes(double... c) {
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), c.length),
        List.of("A"), new double[][] {c}).withFrequency(Frequency.DAILY);
  }

  static double[][] nan(int n, int rows) {
    double[][] w = new double[n][rows];
    for (double[] r : w) {
      Arrays.fill(r, Double.NaN);
    }
    return w;
  }

  @Test
  void buyAndHoldIsThePricePathMinusEntryCosts() {
    // Hand calculation: decided at bar 0, filled at bar 1's close 100 with 10 bps slippage and
    // 20 bps fee: shares = 10,000 / (100 * 1.001 * 1.002) (the whole capital incl. costs), then
    // equity_t = shares * close_t.
    double[] c = {90, 100, 110, 95, 120};
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(10_000).withFeeBps(20)
        .withSlippageBps(10);
    BacktestResult r = Backtest.of(closes(c)).withConfig(cfg).buyAndHold(1.0);
    double shares = 10_000 / (100 * 1.001 * 1.002);
    double[] expected = {10_000, shares * 100, shares * 110, shares * 95, shares * 120};
    assertArrayEquals(expected, r.equity(), 1e-9);
    assertEquals(shares * 100 * 1.001 * 0.002, r.totalFees(), 1e-9);
    assertEquals(shares * 100 * 0.001, r.totalSlippage(), 1e-9);
    assertEquals(1, r.cashLimitedOrders(), "the full-capital buy is trimmed to pay its costs");
    // ... by design: the cash covered its market value, so the summary does not flag it
    assertEquals(0, r.ordersBeyondCash());
    assertEquals(0, r.unfilledOrders());
    assertTrue(!r.toString().contains("CASH LIMITS"), r.toString());
    assertEquals(0, r.cash()[4], 1e-9);
    Trade t = r.trades().get(0);
    assertTrue(t.isOpen());
    assertEquals(1, t.entryBar());
    assertEquals(100 * 1.001, t.entryPrice(), 1e-12);
    assertEquals(120, t.exitPrice(), 1e-12);
    assertEquals(shares * 120 - 10_000, t.pnl(), 1e-9);
  }

  @Test
  void handCalculatedRoundTripWithWholeSharesAndFixedFee() {
    // Closes 10, 12, 15, 9, 11. Signal long at bar 0, exit at bar 2; next-close fills.
    // Bar 1: buy floor(1000 / 12) = 83 shares at 12 -> cash 1000 - 996 - 1 (fixed fee) = 3.
    // Bar 3: sell 83 at 9 -> cash 3 + 747 - 1 = 749. PnL = 747 - 996 - 2 = -251.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withFixedFee(1)
        .withWholeShares();
    boolean[] entry = {true, false, false, false, false};
    boolean[] exit = {false, false, true, false, false};
    BacktestResult r = Backtest.of(closes(10, 12, 15, 9, 11)).withConfig(cfg)
        .signals(entry, exit);
    assertArrayEquals(new double[] {1000, 999, 3 + 83 * 15, 749, 749}, r.equity(), 1e-12);
    assertEquals(1, r.trades().size());
    Trade t = r.trades().get(0);
    assertEquals(new Trade("A", 1, 1, 3, "2024-01-02", "2024-01-04", 83, 12, 9, 2, -251,
        -251.0 / 996, ExitReason.SIGNAL), t);
    assertEquals(2, t.holdingBars());
    assertEquals(-251, r.assetPnl().get("A"), 1e-12);
  }

  @Test
  void ohlcBarsFillAtTheNextOpen() {
    double[] o = {10, 11, 12, 13};
    double[] h = {10.5, 11.5, 12.5, 13.5};
    double[] l = {9.5, 10.5, 11.5, 12.5};
    double[] c = {10.2, 11.2, 12.2, 13.2};
    Bars bars = Bars.of("A", TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 4), o, h, l, c,
        null).withFrequency(Frequency.DAILY);
    BacktestResult r = Backtest.of(bars).withConfig(BacktestConfig.defaults()
        .withInitialCapital(1_100)).buyAndHold(1.0);
    // decided at bar 0's close, bought at bar 1's open 11: 100 shares
    assertEquals(100, r.shares("A")[1], 1e-12);
    assertArrayEquals(new double[] {1100, 1120, 1220, 1320}, r.equity(), 1e-9);
    BacktestResult same = Backtest.of(bars).withConfig(BacktestConfig.defaults()
        .withInitialCapital(1_020).withFillTiming(FillTiming.SAME_CLOSE)).buyAndHold(1.0);
    assertEquals(100, same.shares("A")[0], 1e-12, "same-close fills at bar 0's close 10.2");
  }

  /** No look-ahead: changing prices after bar k cannot change anything up to bar k. */
  @Property(tries = 200)
  void futurePricesDoNotChangeThePast(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ReferenceLoopTest.Market m = new ReferenceLoopTest.Market(rnd, 30, 2);
    ReferenceLoopTest.Market future = new ReferenceLoopTest.Market(new SplittableRandom(seed + 1),
        30, 2);
    int k = rnd.nextInt(29);
    ReferenceLoopTest.Market changed = new ReferenceLoopTest.Market(new SplittableRandom(seed), 30,
        2);
    for (int i = 0; i < 2; i++) {
      for (int t = k + 1; t < 30; t++) {
        changed.open[i][t] = future.open[i][t];
        changed.high[i][t] = future.high[i][t];
        changed.low[i][t] = future.low[i][t];
        changed.close[i][t] = future.close[i][t];
      }
    }
    Exits x = Exits.stopLoss(0.02).withTrailingStop(0.03).withTakeProfit(0.05);
    Strategy s = bars -> {
      double[] c = bars.close();
      boolean[] up = new boolean[c.length];
      boolean[] down = new boolean[c.length];
      for (int t = 1; t < c.length; t++) {
        up[t] = c[t] > c[t - 1];
        down[t] = c[t] < c[t - 1];
      }
      return TradeSignals.longOnly(up, down);
    };
    BacktestConfig cfg = BacktestConfig.defaults().withFeeBps(5);
    for (FillTiming timing : FillTiming.values()) {
      BacktestResult a = Backtest.of(m.bars()).withConfig(cfg.withFillTiming(timing))
          .withExits(x).run(s);
      BacktestResult b = Backtest.of(changed.bars()).withConfig(cfg.withFillTiming(timing))
          .withExits(x).run(s);
      assertArrayEquals(Arrays.copyOf(a.equity(), k + 1), Arrays.copyOf(b.equity(), k + 1),
          "equity up to bar " + k + " with " + timing);
      assertArrayEquals(Arrays.copyOf(a.shares("X0"), k + 1), Arrays.copyOf(b.shares("X0"), k + 1));
    }
  }

  // ------------------------------------------------------------------ exits

  static Bars bars(double[][] ohlc) {
    int n = ohlc.length;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    for (int t = 0; t < n; t++) {
      o[t] = ohlc[t][0];
      h[t] = ohlc[t][1];
      l[t] = ohlc[t][2];
      c[t] = ohlc[t][3];
    }
    return Bars.of("A", TimeIndex.businessDays(LocalDate.of(2024, 1, 1), n), o, h, l, c, null)
        .withFrequency(Frequency.DAILY);
  }

  static final boolean[] ENTER_AT_0 = {true, false, false, false, false};
  static final boolean[] NEVER = new boolean[5];

  @Test
  void stopLossFillsAtTheLevelOrAtAGappingOpen() {
    // Entry at bar 1's open 100; 5% stop at 95.
    Bars intrabar = bars(new double[][] {{100, 101, 99, 100}, {100, 102, 98, 101},
        {101, 101, 94, 96}, {96, 97, 95, 96}, {96, 97, 95, 96}});
    BacktestResult r = Backtest.of(intrabar).withExits(Exits.stopLoss(0.05))
        .signals(ENTER_AT_0, NEVER);
    Trade t = r.trades().get(0);
    assertEquals(ExitReason.STOP_LOSS, t.exitReason());
    assertEquals(2, t.exitBar());
    assertEquals(95, t.exitPrice(), 1e-12);
    assertEquals(-5_000, t.pnl(), 1e-9);

    Bars gap = bars(new double[][] {{100, 101, 99, 100}, {100, 102, 98, 101},
        {90, 92, 88, 91}, {91, 92, 90, 91}, {91, 92, 90, 91}});
    Trade g = Backtest.of(gap).withExits(Exits.stopLoss(0.05)).signals(ENTER_AT_0, NEVER)
        .trades().get(0);
    assertEquals(90, g.exitPrice(), 1e-12, "gap below the stop fills at the open");
  }

  @Test
  void takeProfitAndStopInOneBarAssumesTheStopFirst() {
    Bars both = bars(new double[][] {{100, 101, 99, 100}, {100, 100.5, 99.5, 100},
        {100, 111, 94, 100}, {100, 101, 99, 100}, {100, 101, 99, 100}});
    Trade t = Backtest.of(both).withExits(Exits.stopLoss(0.05).withTakeProfit(0.10))
        .signals(ENTER_AT_0, NEVER).trades().get(0);
    assertEquals(ExitReason.STOP_LOSS, t.exitReason());
    assertEquals(95, t.exitPrice(), 1e-12);
    Bars up = bars(new double[][] {{100, 101, 99, 100}, {100, 100.5, 99.5, 100},
        {100, 111, 99, 110}, {100, 101, 99, 100}, {100, 101, 99, 100}});
    Trade u = Backtest.of(up).withExits(Exits.stopLoss(0.05).withTakeProfit(0.10))
        .signals(ENTER_AT_0, NEVER).trades().get(0);
    assertEquals(ExitReason.TAKE_PROFIT, u.exitReason());
    assertEquals(110, u.exitPrice(), 1e-12);
  }

  @Test
  void trailingStopFollowsEarlierHighsButNotTheSameBarsHigh() {
    // Entry at 100 (bar 1 open). Bar 1 high 120 -> anchor 120 after bar 1; 10% trail = 108.
    // Bar 2: open 115, low 107 -> exits at 108 (level from bar 1's high, not bar 2's high 125).
    Bars b = bars(new double[][] {{100, 101, 99, 100}, {100, 120, 99, 118},
        {115, 125, 107, 110}, {110, 111, 109, 110}, {110, 111, 109, 110}});
    Trade t = Backtest.of(b).withExits(Exits.none().withTrailingStop(0.10))
        .signals(ENTER_AT_0, NEVER).trades().get(0);
    assertEquals(ExitReason.TRAILING_STOP, t.exitReason());
    assertEquals(2, t.exitBar());
    assertEquals(108, t.exitPrice(), 1e-12);
  }

  @Test
  void atrStopUsesTheAtrOfTheDecisionBar() {
    // ATR(1) = true range (TA-Lib: undefined on bar 0). Decision bar 1 has true range
    // max(102 - 98, |102 - 100|, |98 - 100|) = 4, so a 1.5 x ATR stop sits at 100 - 6 = 94 for
    // the entry at bar 2's open 100; bar 3's low 93.5 reaches it.
    Bars b = bars(new double[][] {{100, 101, 99, 100}, {100, 102, 98, 100},
        {100, 101, 95, 96}, {96, 97, 93.5, 95}, {95, 96, 94, 95}});
    Trade t = Backtest.of(b).withExits(Exits.none().withAtrStop(1.5, 1))
        .signals(new boolean[] {false, true, false, false, false}, NEVER).trades().get(0);
    assertEquals(ExitReason.ATR_STOP, t.exitReason());
    assertEquals(3, t.exitBar());
    assertEquals(94, t.exitPrice(), 1e-12);
  }

  @Test
  void shortPositionsMirrorTheRules() {
    // Short entry at bar 1's open 100 with a 5% stop at 105; bar 2's high 106 -> exit at 105.
    Bars b = bars(new double[][] {{100, 101, 99, 100}, {100, 102, 98, 101},
        {101, 106, 100, 104}, {104, 105, 103, 104}, {104, 105, 103, 104}});
    BacktestResult r = Backtest.of(b).withConfig(BacktestConfig.defaults().withShorting(true))
        .withExits(Exits.stopLoss(0.05)).signals(TradeSignals.shortOnly(ENTER_AT_0, NEVER));
    Trade t = r.trades().get(0);
    assertEquals(-1, t.side());
    assertEquals(105, t.exitPrice(), 1e-12);
    assertEquals(-5_000, t.pnl(), 1e-9);
    assertEquals(95_000, r.finalEquity(), 1e-9);
  }

  @Test
  void oppositeEntryReversesAndSplitsTheTrade() {
    boolean[] le = {true, false, false, false, true, false};
    boolean[] se = {false, false, true, false, false, false};
    boolean[] none = new boolean[6];
    PriceFrame p = PriceFrame.of(DAYS, List.of("A"),
        new double[][] {{10, 10, 12, 12, 9, 9}}).withFrequency(Frequency.DAILY);
    BacktestResult r = Backtest.of(p).withConfig(BacktestConfig.defaults().withShorting(true)
        .withInitialCapital(1_000)).signals(new TradeSignals(le, none, se, none));
    // long 100 @10 (bar 1), reverse at bar 3 @12: +200; short 1200/12 = 100 @12, reversed by the
    // long entry at bar 5 @9: +300; long 1500/9 shares from bar 5, still open (PnL 0).
    assertEquals(3, r.trades().size());
    assertEquals(200, r.trades().get(0).pnl(), 1e-9);
    assertEquals(ExitReason.SIGNAL, r.trades().get(0).exitReason());
    assertEquals(-1, r.trades().get(1).side());
    assertEquals(300, r.trades().get(1).pnl(), 1e-9);
    assertTrue(r.trades().get(2).isOpen());
    assertEquals(1_500.0 / 9, r.trades().get(2).quantity(), 1e-9);
    assertEquals(1_500, r.finalEquity(), 1e-9);
  }

  @Test
  void reversalSplitsTheFillsFeeBetweenTheClosedAndTheNewTrade() {
    // Orders: +100 at bar 0 (fill bar 1 @10), -300 at bar 2 (fill bar 3 @12: closes the 100
    // long and opens a 200 short), +200 at bar 4 (fill bar 5 @9). Fee 10 bps + 1 per fill, no
    // slippage. Fees by hand: 100 x 10 x 0.001 + 1 = 2; 300 x 12 x 0.001 + 1 = 4.6, split by
    // shares, 100/300 to the closed long (1.5333...) and 200/300 to the new short (3.0666...);
    // 200 x 9 x 0.001 + 1 = 2.8.
    // Long: fees 2 + 4.6/3, PnL 1200 - 1000 - fees. Short: fees 9.2/3 + 2.8, PnL 2400 - 1800 - fees.
    PriceFrame p = PriceFrame.of(DAYS, List.of("A"),
        new double[][] {{10, 10, 12, 12, 9, 9}}).withFrequency(Frequency.DAILY);
    double[][] orders = nan(1, 6);
    orders[0][0] = 100;
    orders[0][2] = -300;
    orders[0][4] = 200;
    BacktestResult r = Backtest.of(p).withConfig(BacktestConfig.defaults().withShorting(true)
        .withInitialCapital(10_000).withFeeBps(10).withFixedFee(1)).orders(orders);
    assertEquals(2, r.trades().size());
    Trade lng = r.trades().get(0);
    Trade shrt = r.trades().get(1);
    assertEquals(1, lng.side());
    assertEquals(100, lng.quantity(), 1e-12);
    assertEquals(2 + 4.6 / 3, lng.fees(), 1e-12, "long: its entry fee and 1/3 of the reversal's");
    assertEquals(200 - (2 + 4.6 / 3), lng.pnl(), 1e-9);
    assertEquals(-1, shrt.side());
    assertEquals(3, shrt.entryBar());
    assertEquals(200, shrt.quantity(), 1e-12);
    assertEquals(12, shrt.entryPrice(), 1e-12);
    assertEquals(9.2 / 3 + 2.8, shrt.fees(), 1e-12, "short: 2/3 of the reversal's fee and its exit fee");
    assertEquals(600 - (9.2 / 3 + 2.8), shrt.pnl(), 1e-9);
    assertEquals(9.4, r.totalFees(), 1e-12);
    assertEquals(10_000 + 800 - 9.4, r.finalEquity(), 1e-9);
  }

  // ------------------------------------------------------------------ data and inputs

  @Test
  void lateListingTradesOnlyOnceTheAssetHasPrices() {
    double nan = Double.NaN;
    PriceFrame p = PriceFrame.of(DAYS, List.of("A", "B"), new double[][] {
        {10, 10, 10, 10, 10, 10}, {nan, nan, 20, 22, 24, 20}}).withFrequency(Frequency.DAILY);
    double[][] w = nan(2, 6);
    w[0][0] = 1;
    w[1][0] = 0;
    w[0][2] = 0.5;
    w[1][2] = 0.5;
    BacktestResult r = Backtest.of(p).targetWeights(w);
    assertEquals(0, r.shares("B")[2]);
    assertEquals(100_000 * 0.5 / 22, r.shares("B")[3], 1e-9,
        "half of 100,000 at bar 3's close 22 (decided at bar 2, next-close fill)");
    double[][] bad = nan(2, 6);
    bad[1][1] = 0.5;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(p).targetWeights(bad));
    assertEquals("Weight of 'B' on 2024-01-02 is 0.5, but the asset has no price on that bar",
        e.getMessage());
  }

  @Test
  void badInputsAreRejectedWithNamesAndValues() {
    Backtest bt = Backtest.of(closes(1, 2, 3, 4, 5, 6));
    double[][] shortW = nan(1, 6);
    shortW[0][3] = -0.5;
    assertEquals("Weight of 'A' on 2024-01-04 is -0.5, but shorting is disabled "
        + "(BacktestConfig.withShorting(true))",
        assertThrows(IllegalArgumentException.class, () -> bt.targetWeights(shortW)).getMessage());
    double[][] lev = nan(1, 6);
    lev[0][1] = 1.5;
    assertEquals("Gross exposure of the target weights on 2024-01-02 is 1.5, above maxLeverage 1.0",
        assertThrows(IllegalArgumentException.class, () -> bt.targetWeights(lev)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> bt.targetWeights(new double[1][5]));
    assertThrows(IllegalArgumentException.class,
        () -> bt.signals(new boolean[6], new boolean[5]));
    assertThrows(IllegalArgumentException.class,
        () -> bt.signals(TradeSignals.shortOnly(new boolean[] {true, false, false, false, false,
            false}, new boolean[6])));
    assertThrows(IllegalArgumentException.class,
        () -> BacktestConfig.defaults().withFeeBps(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Exits.stopLoss(1.5));
    assertThrows(IllegalArgumentException.class, () -> PositionSizing.fixedValue(-1));
    double[][] orders = nan(1, 6);
    orders[0][1] = -3;
    // the message says which order: its size and decision date (closes from 2024-01-01)
    assertEquals("The order (sell 3.0 shares) for 'A' decided on 2024-01-02 would leave a short "
        + "position of -3.0 shares on 2024-01-03, but shorting is disabled "
        + "(BacktestConfig.withShorting(true))",
        assertThrows(IllegalArgumentException.class, () -> bt.orders(orders)).getMessage());
    assertEquals("Momentum: expected fast < slow, but found 50 and 20", assertThrows(
        IllegalArgumentException.class, () -> new Momentum().withWindows(50, 20)).getMessage());
  }

  @Test
  void cashLimitScalesBuysInsteadOfBorrowing() {
    double[][] orders = nan(1, 6);
    orders[0][0] = 1_000_000; // far more than 100,000 buys at 2
    BacktestResult r = Backtest.of(closes(1, 2, 3, 4, 5, 6)).orders(orders);
    assertEquals(50_000, r.shares("A")[1], 1e-9);
    assertEquals(1, r.cashLimitedOrders());
    assertEquals(0, r.cash()[5], 1e-9);
    // the order asked for 20 times what the cash buys: the summary says so (it did not before)
    assertEquals(1, r.ordersBeyondCash());
    assertEquals(0, r.unfilledOrders());
    assertTrue(r.toString().contains("CASH LIMITS: 1 buy order was larger than the cash "
        + "available, filled in part; the most cut: 'A', buy 1000000.0 shares, decided on "
        + "2024-01-01: 1000000.00 shares wanted, 50000.00 filled on 2024-01-02 (the buys of that "
        + "bar cost 2000000.00 with costs, the cash allowed 100000.00)\n"), r.toString());
  }

  @Test
  void aRebalanceFundedBySellsIsTrimmedForCostsNotFlagged() {
    // 50/50 in A (10) and B (20), then 20/80: B's buy is paid by A's sale, whose fee leaves the
    // cash a little short of the buy's market value. That is a trim for costs (the sells' and the
    // buy's), not an order beyond the cash: the walk-forward example flagged 663 such buys.
    double[][] w = nan(2, 5);
    w[0][0] = 0.5;
    w[1][0] = 0.5;
    w[0][1] = 0.2;
    w[1][1] = 0.8;
    PriceFrame two = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 5),
        List.of("A", "B"), new double[][] {{10, 10, 10, 10, 10}, {20, 20, 20, 20, 20}})
        .withFrequency(Frequency.DAILY);
    BacktestResult r = Backtest.of(two).withConfig(BacktestConfig.defaults().withFeeBps(20)
        .withSlippageBps(5)).targetWeights(w);
    assertEquals(3, r.cashLimitedOrders(), "the two first buys and B's rebalancing buy pay costs");
    assertEquals(0, r.ordersBeyondCash());
    assertTrue(!r.toString().contains("CASH LIMITS"), r.toString());
  }

  @Test
  void buysTheCashCannotPayAtAllAreNamedInTheSummary() {
    // A fixed fee of 5,000 on 1,000 of capital: the entry decided at bar 0 wants 1000 / 12 =
    // 83.3333 shares at bar 1's close, costing 1000 + 5000 = 6000 with the fee; nothing can be
    // bought. The result used to read "0 trades" and a flat table without a word.
    BacktestConfig fee = BacktestConfig.defaults().withInitialCapital(1_000).withFixedFee(5_000);
    BacktestResult r = Backtest.of(closes(10, 12, 15, 9, 11)).withConfig(fee).signals(
        new boolean[] {true, false, false, false, false}, new boolean[5]);
    assertEquals(0, r.fillCount());
    assertEquals(1, r.unfilledOrders());
    assertEquals(1, r.cashLimitedOrders());
    assertEquals(0, r.ordersBeyondCash());
    assertTrue(r.toString().contains("CASH LIMITS: 1 buy order could not be filled at all (cash "
        + "did not cover it with its costs); the first: 'A', target weight 1.0, decided on "
        + "2024-01-01: 83.3333 shares wanted, 0 filled on 2024-01-02 (the buys of that bar cost "
        + "6000.00 with costs, the cash allowed 1000.00)\n"), r.toString());
  }

  @Test
  void aStrategyWhoseWarmUpExceedsTheDataIsAnError() {
    // SMA(200/400) on 300 bars can never cross: it used to report a flat 0.00 % table
    Bars bars = io.github.quantfolio.core.MarketSimulator.builder().assets(3).sectors(1).days(300)
        .build().simulate().bars("A01");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(bars).run(new SmaCrossover(200, 400)));
    assertEquals("SMA(200/400) cannot trade 'A01': its first entry can come on bar 400 of the "
        + "asset's prices (the warm-up of its indicators) and fill on the next, so it needs 402 "
        + "bars, but 'A01' has 300 (from " + bars.index().label(0) + "); use more data or "
        + "shorter windows", e.getMessage());
    // the boundary, by hand: a cross on bar 400 (the 401st) fills on bar 401, the 402nd
    double[] c = new double[402];
    Arrays.fill(c, 10);
    assertEquals(402, Backtest.of(closes(c)).run(new SmaCrossover(2, 400)).equity().length);
    assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(closes(Arrays.copyOf(c, 401))).run(new SmaCrossover(2, 400)));
    // filled on the same close, the 401st bar is enough
    assertEquals(401, Backtest.of(closes(Arrays.copyOf(c, 401))).withConfig(BacktestConfig
        .defaults().withFillTiming(FillTiming.SAME_CLOSE)).run(new SmaCrossover(2, 400))
        .equity().length);
    // a late listing counts from its first price, and the message names the asset and date
    double[] late = c.clone();
    Arrays.fill(late, 0, 10, Double.NaN);
    PriceFrame two = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 402),
        List.of("A", "B"), new double[][] {c, late}).withFrequency(Frequency.DAILY);
    IllegalArgumentException lateError = assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(two).run(new SmaCrossover(2, 400)));
    assertTrue(lateError.getMessage().contains("but 'B' has 392 (from 2024-01-15)"),
        lateError.getMessage());
    // a sweep checks its grid before running anything, with the same message
    IllegalArgumentException sweep = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(Backtest.of(bars), List.of(new SmaCrossover(5, 20),
            new SmaCrossover(200, 400)), p -> p).run());
    assertEquals(e.getMessage(), sweep.getMessage());
  }

  @Test
  void cashLimitScalesTheVariablePartOfEveryBuyAndPaysEachFixedFee() {
    // Capital 1,000; fee 1% + 5 per fill. Buy 100 A @10 and 50 B @20 (decided at bar 0, filled
    // at bar 1): cost 1,015 + 1,015 = 2,030 > 1,000. The fixed fees (10) are paid in full and
    // the variable parts (2,020) scaled by (1,000 - 10) / 2,020: A 100 x 990/2020 = 49.0099...
    // shares, B 50 x 990/2020, cash exactly 0.
    PriceFrame p = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 3),
        List.of("A", "B"), new double[][] {{10, 10, 10}, {20, 20, 20}}).withFrequency(Frequency.DAILY);
    double[][] orders = nan(2, 3);
    orders[0][0] = 100;
    orders[1][0] = 50;
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withFeeBps(100)
        .withFixedFee(5);
    BacktestResult r = Backtest.of(p).withConfig(cfg).orders(orders);
    double scale = 990.0 / 2020;
    assertEquals(100 * scale, r.shares("A")[1], 1e-9);
    assertEquals(50 * scale, r.shares("B")[1], 1e-9);
    assertEquals(0, r.cash()[1], 1e-9);
    assertEquals(2, r.cashLimitedOrders());
    assertEquals(10 + 0.01 * 2000 * scale, r.totalFees(), 1e-9);
    // whole shares: 100 x 990/2020 -> 49 A and 24 B; cash 1,000 - 49 x 10.1 - 24 x 20.2 - 10
    BacktestResult w = Backtest.of(p).withConfig(cfg.withWholeShares()).orders(orders);
    assertEquals(49, w.shares("A")[1]);
    assertEquals(24, w.shares("B")[1]);
    assertEquals(1_000 - 49 * 10.1 - 24 * 20.2 - 10, w.cash()[1], 1e-9);
    // a budget below the fixed fee buys nothing
    BacktestResult none = Backtest.of(p).withConfig(cfg.withInitialCapital(8)).orders(orders);
    assertEquals(0, none.shares("A")[2]);
    assertEquals(8, none.finalEquity(), 1e-12);
  }

  @Test
  void tradesCsvListsEveryRoundTrip() {
    BacktestResult r = Backtest.of(closes(10, 12, 15, 9, 11))
        .withConfig(BacktestConfig.defaults().withInitialCapital(1_000).withFixedFee(1)
            .withWholeShares())
        .signals(new boolean[] {true, false, false, false, false},
            new boolean[] {false, false, true, false, false});
    StringWriter w = new StringWriter();
    r.writeTradesCsv(w);
    assertEquals("asset,side,entry_time,exit_time,entry_bar,exit_bar,quantity,entry_price,"
        + "exit_price,fees,pnl,return,holding_bars,exit_reason,financing\n"
        + "A,long,2024-01-02,2024-01-04,1,3,83.0,12.0,9.0,2.0,-251.0," + (-251.0 / 996)
        + ",2,SIGNAL,0.0\n", w.toString());
    StringWriter e = new StringWriter();
    r.writeEquityCsv(e);
    assertTrue(e.toString().startsWith("date,equity,cash,return,fees,slippage,turnover\n"),
        e.toString());
  }

  /** Capital 100, a fixed fee of 60 per order, a constant price of 1 (hand calculation below). */
  static Backtest feeEatsTheCapital(boolean shorting) {
    return Backtest.of(closes(1, 1, 1, 1, 1, 1)).withConfig(BacktestConfig.defaults()
        .withInitialCapital(100).withFixedFee(60).withShorting(shorting));
  }

  @Test
  void aWeightOnWipedOutEquityIsNotBlamedOnShortingNorTradedAsAShort() {
    // Bar 1 buys as much as cash allows: 40 shares + 60 fee = 100, equity 40. Bar 2 sells the
    // 40 shares for 40 - 60 = -20 in cash: equity -20. A target weight of 0.5 decided on bar 2
    // cannot be sized on bar 3 (0.5 x -20 would be a short of 10 shares).
    double[][] w = nan(1, 6);
    w[0][0] = 1;
    w[0][1] = 0;
    w[0][2] = 0.5;
    for (boolean shorting : new boolean[] {false, true}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> feeEatsTheCapital(shorting).targetWeights(w));
      assertEquals("Cannot size the target weight 0.5 of 'A' decided on 2024-01-03: equity is "
          + "-20.0 on 2024-01-04 (losses and costs have used up the capital of 100.0)",
          e.getMessage(), "shorting " + shorting);
    }
  }

  @Test
  void aWipedOutAccountHasNoPerformanceReport() {
    double[][] w = nan(1, 6);
    w[0][0] = 1;
    w[0][1] = 0;
    BacktestResult r = feeEatsTheCapital(false).targetWeights(w);
    // equity by hand (see above): 100, 40, -20, -20, -20, -20
    assertArrayEquals(new double[] {100, 40, -20, -20, -20, -20}, r.equity(), 1e-12);
    assertEquals(2, r.wipeOutBar());
    IllegalStateException e = assertThrows(IllegalStateException.class, r::report);
    assertTrue(e.getMessage().startsWith("The account was wiped out: equity -20.00 on 2024-01-03 "
        + "(capital 100.00)"), e.getMessage());
    assertTrue(r.toString().contains("The account was wiped out: equity -20.00 on 2024-01-03 "
        + "(capital 100.00); no performance report"), r.toString());
    assertTrue(Double.isNaN(r.turnover()[2]) && Double.isNaN(r.weights("A")[3]));
    assertThrows(IllegalStateException.class, () -> r.weightsAt(4));
    assertEquals(-1, Backtest.of(closes(1, 2, 3)).buyAndHold(1.0).wipeOutBar());
  }

  @Test
  void feesAndSlippageOfAHundredPercentOrMoreAreRejectedWhereSet() {
    IllegalArgumentException fee = assertThrows(IllegalArgumentException.class,
        () -> BacktestConfig.defaults().withFeeBps(20_000));
    assertEquals("Expected 0 <= feeBps < 10000 (100 %), but found 20000.0: that would mean a fee "
        + "of 100 % of the traded value or more", fee.getMessage());
    IllegalArgumentException slip = assertThrows(IllegalArgumentException.class,
        () -> BacktestConfig.defaults().withSlippageBps(10_000));
    assertTrue(slip.getMessage().startsWith("Expected 0 <= slippageBps < 10000 (100 %), but found "
        + "10000.0"), slip.getMessage());
    assertEquals(9_999, BacktestConfig.defaults().withFeeBps(9_999).feeBps());
    // a position size no leverage setting allows
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(closes(1, 2, 3)).withSizing(PositionSizing.fractionOfEquity(1.5))
            .signals(new boolean[] {true, false, false}, new boolean[3]));
    assertTrue(size.getMessage().contains("1.5 x equity per position exceeds maxLeverage 1.0"),
        size.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new CircuitBreaker(Double.NaN, Double.NaN));
  }

  @Test
  void aSameCloseDecisionOnTheLastBarFillsAtThatClose() {
    // Decided at the last close (12). SAME_CLOSE fills there: 100,000 / 12 shares, one open trade.
    // The other timings have no later bar: nothing is filled.
    double[][] w = nan(1, 3);
    w[0][2] = 1.0;
    Backtest bt = Backtest.of(closes(10, 11, 12));
    BacktestResult same = bt.withConfig(BacktestConfig.defaults()
        .withFillTiming(FillTiming.SAME_CLOSE)).targetWeights(w);
    assertEquals(1, same.fillCount());
    assertEquals(100_000.0 / 12, same.shares("A")[2], 1e-9);
    assertTrue(same.trades().get(0).isOpen());
    for (FillTiming later : new FillTiming[] {FillTiming.NEXT_BAR, FillTiming.NEXT_CLOSE}) {
      BacktestResult r = bt.withConfig(BacktestConfig.defaults().withFillTiming(later))
          .targetWeights(w);
      assertEquals(0, r.fillCount(), later.toString());
      assertEquals(100_000, r.finalEquity(), 0, later.toString());
    }
  }

  @Test
  void tradesAndSummariesSayWhatTheirNumbersMean() {
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withFixedFee(1)
        .withWholeShares();
    BacktestResult r = Backtest.of(closes(10, 12, 15, 9, 11)).withConfig(cfg).signals(
        new boolean[] {true, false, false, false, false},
        new boolean[] {false, false, true, false, false});
    // the round trip of handCalculatedRoundTripWithWholeSharesAndFixedFee: -251 / 996 = -25.20 %
    assertEquals("LONG 'A' 2024-01-02 -> 2024-01-04 (2 bars): 83 shares at 12.00 -> 9.00, "
        + "fees 2.00, PnL -251.00 (-25.20%), SIGNAL", r.trades().get(0).toString());
    // the return is a fraction, and the accessor's name says so: -251 / (83 x 12) = -0.2520
    assertEquals(-251.0 / 996, r.trades().get(0).returnFraction(), 0);
    String s = r.toString();
    assertTrue(s.contains("trades: 1 closed round trips, 0 won (per-trade win rate 0.00%), "
        + "0 still open"), s);
    assertTrue(s.contains("Win rate (per period)") && s.contains("Sharpe (ann., rf 0.00% a year)"),
        s);
    Trade open = Backtest.of(closes(0.5, 0.25, 0.125)).buyAndHold(1.0).trades().get(0);
    assertEquals("LONG 'A' 2024-01-02 -> 2024-01-03 (1 bars): 400000 shares at 0.250 -> 0.125, "
        + "fees 0.00, PnL -50000.00 (-50.00%), still open, valued at the last close",
        open.toString());
  }
}
