package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Leveraged accounts ({@link MarginTerms}): hand-calculated financing, initial-margin cuts and
 * margin calls, and an independent reference loop (written from the Javadoc's rules, with the
 * initial-margin scale found by bisection instead of the engine's closed form) on random markets.
 */
class MarginAccountTest {

  /** Mon 2024-01-01 .. Fri 01-05, then Mon 01-08: the last step spans three calendar days. */
  private static PriceFrame closes(double... c) {
    return BacktestTest.closes(c);
  }

  private static PriceFrame two(double[] a, double[] b) {
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), a.length),
        List.of("A", "B"), new double[][] {a, b}).withFrequency(Frequency.DAILY);
  }

  @Test
  void borrowedCashPaysInterestPerCalendarDay() {
    // 1,000 of capital, weight 2 at price 10: 200 shares filled at bar 1's close, cash -1,000.
    // 36 % a year on ACT/360 is 0.1 % a day, compounding on the growing debit balance:
    // bar 2: 1.0; bar 3: 1.001; bar 4: 1.002001; bar 5 (Fri -> Mon, 3 days): 3 * 1.003003001.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(3)
        .withMargin(MarginTerms.financing(0.36, 0));
    BacktestResult r = Backtest.of(closes(10, 10, 10, 10, 10, 10)).withConfig(cfg)
        .buyAndHold(2.0);
    double[] charges = {0, 0, 1.0, 1.001, 1.002001, 3.009009003};
    assertArrayEquals(charges, r.financing(), 1e-12);
    assertArrayEquals(new double[] {1000, 1000, 999, 997.999, 996.996999, 993.987989997},
        r.equity(), 1e-9);
    assertEquals(-1006.012010003, r.cash()[5], 1e-9);
    assertEquals(6.012010003, r.totalFinancing(), 1e-12);
    Trade t = r.trades().get(0);
    assertEquals(6.012010003, t.financing(), 1e-12);
    assertEquals(-6.012010003, t.pnl(), 1e-9);
    assertEquals(0, r.totalFees());
    assertTrue(r.toString().contains("financing 6.01"), r.toString());
  }

  @Test
  void shortsPayAFeeOnTheirMarketValueAtTheLastClose() {
    // short 100 at 10 (cash 2,000); 3.6 % a year = 0.01 % a day on 1,000 / 1,200 / 800 / 1,000
    // (the closes of bars 1..4), the last over three days: 0.1, 0.12, 0.08, 0.3.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withShorting(true)
        .withMargin(MarginTerms.financing(0, 0.036));
    BacktestResult r = Backtest.of(closes(10, 10, 12, 8, 10, 10)).withConfig(cfg)
        .buyAndHold(-1.0);
    assertArrayEquals(new double[] {0, 0, 0.1, 0.12, 0.08, 0.3}, r.financing(), 1e-12);
    assertArrayEquals(new double[] {1000, 1000, 799.9, 1199.78, 999.7, 999.4}, r.equity(),
        1e-9);
    assertEquals(0.6, r.trades().get(0).financing(), 1e-12);
  }

  @Test
  void interestIsSharedAmongTheLongsByMarketValue() {
    // weights 1.5 / 0.5 of 1,000 at constant prices: A 1,500, B 500, cash -1,000; the
    // interest of the first test splits 3:1.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(2)
        .withMargin(MarginTerms.financing(0.36, 0));
    double[] a = {10, 10, 10, 10, 10, 10};
    double[] b = {20, 20, 20, 20, 20, 20};
    BacktestResult r = Backtest.of(two(a, b)).withConfig(cfg).buyAndHold(1.5, 0.5);
    assertEquals(6.012010003, r.totalFinancing(), 1e-12);
    assertEquals(0.75 * 6.012010003, r.trades("A").get(0).financing(), 1e-12);
    assertEquals(0.25 * 6.012010003, r.trades("B").get(0).financing(), 1e-12);
    assertEquals(-0.75 * 6.012010003, r.assetPnl().get("A"), 1e-9);
  }

  @Test
  void intradayBarsAccrueFractionsOfADay() {
    // hourly bars: 1,000 borrowed at 36 % a year (ACT/365 here) for 1/24 day each
    TimeIndex hours = TimeIndex.ofInstants(Instant.parse("2024-01-02T10:00:00Z"),
        Instant.parse("2024-01-02T11:00:00Z"), Instant.parse("2024-01-02T12:00:00Z"),
        Instant.parse("2024-01-02T13:00:00Z"));
    PriceFrame p = PriceFrame.of(hours, List.of("A"), new double[][] {{10, 10, 10, 10}})
        .withFrequency(Frequency.intraday(java.time.Duration.ofHours(1)));
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(2)
        .withMargin(MarginTerms.financing(0.36, 0).withDayCountBasis(365));
    BacktestResult r = Backtest.of(p).withConfig(cfg).buyAndHold(2.0);
    double perHour = 0.36 / 365 / 24;
    double first = 1_000 * perHour;
    double second = (1_000 + first) * perHour;
    assertArrayEquals(new double[] {0, 0, first, second}, r.financing(), 1e-15);
  }

  @Test
  void initialMarginCutsAnOrderThatWouldExceedIt() {
    // 10 % initial margin on 1,000 of equity allows 10,000 of exposure; weight 15 asks 15,000.
    // With a 10 bp fee the cut s solves 15,000 s * 0.1 = 1,000 - 15,000 s * 0.001:
    // s = 1,000 / 1,515, i.e. 990.099... shares whose margin equals the equity after the fee.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(20)
        .withFeeBps(10).withMargin(MarginTerms.of(0.1, 0.05));
    BacktestResult r = Backtest.of(closes(10, 10, 10)).withConfig(cfg).buyAndHold(15.0);
    double shares = 1_500 * (1_000.0 / 1_515);
    assertEquals(shares, r.shares("A")[1], 1e-9);
    double equityAfter = r.equity()[1];
    assertEquals(1_000 - shares * 10 * 0.001, equityAfter, 1e-9);
    assertEquals(shares * 10 * 0.1, equityAfter, 1e-9, "initial margin = equity after costs");
    assertEquals(1, r.marginLimitedOrders());
    assertTrue(r.toString().contains("MARGIN LIMITS: 1 order scaled"), r.toString());
  }

  @Test
  void anOrderWithinTheInitialMarginIsNotCut() {
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(20)
        .withMargin(MarginTerms.of(0.1, 0.05));
    BacktestResult r = Backtest.of(closes(10, 10, 10)).withConfig(cfg).buyAndHold(10.0);
    assertEquals(1_000, r.shares("A")[1], 1e-9);
    assertEquals(0, r.marginLimitedOrders());
  }

  @Test
  void assetsCanHaveMarginsOfTheirOwn() {
    // B needs 50 %: weights 2 and 1 of 1,000 need 2,000 * 0.1 + 1,000 * 0.5 = 700 <= 1,000
    BacktestConfig ok = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(4)
        .withMargin(MarginTerms.of(0.1, 0.05).withAsset("B", 0.5, 0.25));
    double[] flat = {10, 10, 10};
    BacktestResult r = Backtest.of(two(flat, flat)).withConfig(ok).buyAndHold(2.0, 1.0);
    assertEquals(0, r.marginLimitedOrders());
    // weights 2 and 2.5: 200 + 1,250 = 1,450 > 1,000: s = (1,000 - 0) / 1,450
    BacktestResult cut = Backtest.of(two(flat, flat)).withConfig(ok).buyAndHold(1.0, 2.5);
    double s = 1_000 / (1_000 * 0.1 + 2_500 * 0.5);
    assertEquals(100 * s, cut.shares("A")[1], 1e-9);
    assertEquals(250 * s, cut.shares("B")[1], 1e-9);
    assertEquals(2, cut.marginLimitedOrders());
  }

  @Test
  void aMarginCallLiquidatesAtTheClose() {
    // 1,000 shares at 10 on 1,000 of capital (cash -9,000). Close 9.8: equity 800 >= 490.
    // Close 9.4: equity 400 < 0.05 * 9,400 = 470: sold at 9.4, cash 400, trade PnL -600.
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(10)
        .withMargin(MarginTerms.of(0.1, 0.05));
    BacktestResult r = Backtest.of(closes(10, 10, 9.8, 9.4, 9.6, 9.7)).withConfig(cfg)
        .buyAndHold(10.0);
    assertArrayEquals(new double[] {1000, 1000, 800, 400, 400, 400}, r.equity(), 1e-9);
    assertEquals(1, r.trades().size());
    Trade t = r.trades().get(0);
    assertEquals(ExitReason.MARGIN_CALL, t.exitReason());
    assertEquals(3, t.exitBar());
    assertEquals(-600, t.pnl(), 1e-9);
    assertEquals(List.of("2024-01-04: equity 400.00 below the maintenance margin 470.00; 1"
        + " position liquidated at the close"), r.marginCalls());
    assertTrue(r.toString().contains("MARGIN CALLS: 1; the first: 2024-01-04"), r.toString());
  }

  @Test
  void aStrategyMayReEnterAfterAMarginCallWithinTheInitialMargin() {
    // weight 10 decided at bars 0 and 3 (with a 5 bp fee, so both entries are cut to fit the
    // initial margin after costs); the call at bar 3's close comes before bar 3's decision,
    // whose re-entry fills at bar 4 on the smaller equity
    BacktestConfig cfg = BacktestConfig.defaults().withInitialCapital(1_000).withMaxLeverage(10)
        .withFeeBps(5).withMargin(MarginTerms.of(0.1, 0.05));
    double nan = Double.NaN;
    double[][] w = {{10, nan, nan, 10, nan, nan}};
    Backtest bt = Backtest.of(closes(10, 10, 9.8, 9.4, 9.6, 9.7)).withConfig(cfg);
    BacktestResult r = bt.targetWeights(w);
    assertEquals(1, r.marginCalls().size());
    assertEquals(2, r.marginLimitedOrders());
    assertEquals(ExitReason.MARGIN_CALL, r.trades().get(0).exitReason());
    assertEquals(3, r.trades().get(0).exitBar());
    Trade again = r.trades().get(1);
    assertEquals(4, again.entryBar());
    // the re-entry's initial margin equals the equity left after its fee
    double q = r.shares("A")[4];
    assertEquals(q * 9.6 * 0.1, r.cash()[4] + q * 9.6, 1e-9);
    Accounting.assertConserved(r, bt);
  }

  @Test
  void badTermsAreRejectedWithTheirValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarginTerms.of(0, 0));
    assertTrue(e.getMessage().contains("initialMargin in (0, 1], but found 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MarginTerms.of(0.1, 0.2));
    assertTrue(e.getMessage().contains("maintenanceMargin in (0, 0.1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MarginTerms.financing(-0.01, 0));
    assertTrue(e.getMessage().contains("borrowRate >= 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MarginTerms.financing(0, Double.NaN));
    assertTrue(e.getMessage().contains("shortRate"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MarginTerms.financing(0.01, 0).withDayCountBasis(364));
    assertThrows(IllegalStateException.class, () -> MarginTerms.none().withAsset("A", 0.1, 0.1));
    e = assertThrows(IllegalArgumentException.class,
        () -> MarginTerms.of(0.1, 0.05).withAsset("A", 0.1, 0.11));
    assertTrue(e.getMessage().contains("'A' maintenanceMargin"), e.getMessage());
    BacktestConfig typo = BacktestConfig.defaults()
        .withMargin(MarginTerms.of(0.1, 0.05).withAsset("EURUSX", 0.03, 0.02));
    e = assertThrows(IllegalArgumentException.class,
        () -> Backtest.of(closes(10, 10, 10)).withConfig(typo).buyAndHold(1.0));
    assertTrue(e.getMessage().contains("'EURUSX'"), e.getMessage());
    assertThrows(NullPointerException.class,
        () -> BacktestConfig.defaults().withMargin(null));
  }

  @Test
  void termsPrintThemselvesAndCompareByValue() {
    MarginTerms t = MarginTerms.of(0.05, 0.03).withAsset("EURUSD", 0.0333, 0.02)
        .withBorrowRate(0.05).withShortRate(0.01);
    assertEquals("margin 5% initial / 3% maintenance (EURUSD 3.33% / 2%), borrow 5% a year,"
        + " shorts 1% a year, ACT/360", t.toString());
    assertEquals(t, MarginTerms.of(0.05, 0.03).withAsset("EURUSD", 0.0333, 0.02)
        .withBorrowRate(0.05).withShortRate(0.01));
    assertEquals("cash account", MarginTerms.none().toString());
    assertEquals(MarginTerms.none(), BacktestConfig.defaults().margin());
    assertTrue(BacktestConfig.defaults().withMargin(t).toString().contains("ACT/360"));
  }

  // ------------------------------------------------------------------ reference loop

  @Property(tries = 300)
  void targetWeightsOnAMarginAccountMatchTheReferenceLoop(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ReferenceLoopTest.Market m = new ReferenceLoopTest.Market(rnd, 2 + rnd.nextInt(60),
        1 + rnd.nextInt(4));
    // maintenance >= 5 % of exposure: a bar moves prices by at most ~4.1 %, so a book that
    // passed a close cannot lose all its equity before the next (a weight order on negative
    // equity is an error of its own, tested elsewhere)
    double im = 0.1 + 0.4 * rnd.nextDouble();
    MarginTerms terms = MarginTerms.of(im, im * (0.6 + 0.4 * rnd.nextDouble()))
        .withBorrowRate(rnd.nextBoolean() ? 0 : 0.2 * rnd.nextDouble())
        .withShortRate(rnd.nextBoolean() ? 0 : 0.1 * rnd.nextDouble())
        .withDayCountBasis(rnd.nextBoolean() ? 360 : 365);
    BacktestConfig c = ReferenceLoopTest.randomConfig(rnd)
        .withMaxLeverage(Math.max(1, (0.8 + 0.7 * rnd.nextDouble()) / im))
        .withMargin(terms);
    double[][] w = randomWeights(rnd, m, c);
    boolean ohlc = rnd.nextBoolean();
    Backtest bt = (ohlc ? Backtest.of(m.bars()) : Backtest.of(m.closes())).withConfig(c);
    BacktestResult r = bt.targetWeights(w);
    Reference ref = new Reference(m, ohlc, c);
    ref.run(w);
    double[] actual = r.equity();
    for (int t = 0; t < m.rows; t++) {
      assertEquals(ref.equity[t], actual[t], 1e-9 * Math.abs(ref.equity[t]) + Tolerance.CENT,
          "equity at bar " + t);
    }
    assertEquals(ref.financing, r.totalFinancing(), 1e-9 * ref.financing + Tolerance.CENT);
    assertEquals(ref.calls, r.marginCalls().size(), "margin calls");
    Statistics.label("margin calls").collect(ref.calls > 0);
    Statistics.label("cut to the initial margin").collect(r.marginLimitedOrders() > 0);
    Accounting.assertConserved(r, bt);
    Statistics.label("financed").collect(r.totalFinancing() > 0);
    double tradeFinancing = 0;
    for (Trade t : r.trades()) {
      tradeFinancing += t.financing();
    }
    assertEquals(r.totalFinancing(), tradeFinancing, Tolerance.CENT, "financing of the trades");
    // the generator must exercise every rule, not only the quiet path
    Statistics.label("margin calls").coverage(k -> k.check(true).percentage(p -> p >= 5));
    Statistics.label("cut to the initial margin")
        .coverage(k -> k.check(true).percentage(p -> p >= 10));
    Statistics.label("financed").coverage(k -> k.check(true).percentage(p -> p >= 20));
  }

  private static double[][] randomWeights(SplittableRandom rnd, ReferenceLoopTest.Market m,
      BacktestConfig c) {
    double[][] w = new double[m.n][m.rows];
    for (int t = 0; t < m.rows; t++) {
      boolean rebalance = rnd.nextInt(3) == 0;
      double gross = 0;
      for (int i = 0; i < m.n; i++) {
        if (!rebalance || rnd.nextInt(5) == 0) {
          w[i][t] = Double.NaN;
          continue;
        }
        double x = rnd.nextDouble() * 1.3 * c.maxLeverage() / m.n;
        w[i][t] = rnd.nextInt(6) == 0 ? 0 : c.allowShort() && rnd.nextBoolean() ? -x : x;
        gross += Math.abs(w[i][t]);
      }
      if (gross > c.maxLeverage()) {
        for (int i = 0; i < m.n; i++) {
          w[i][t] *= c.maxLeverage() / gross;
        }
      }
    }
    return w;
  }

  /**
   * The margin account's rules, written out bar by bar: interest on the previous close's
   * balances, fills (reduce parts, then increases scaled so the initial margin fits - the scale
   * found by bisection on a trial fill - then the cash limit of {@link ReferenceLoopTest}),
   * and the maintenance check at each close.
   */
  private static final class Reference {
    final ReferenceLoopTest.Market m;
    final boolean atOpen;
    final BacktestConfig c;
    final MarginTerms terms;
    final double[] equity;
    final double[] q;
    double cash;
    double financing;
    int calls;

    Reference(ReferenceLoopTest.Market m, boolean ohlc, BacktestConfig c) {
      this.m = m;
      this.atOpen = ohlc && c.fillTiming() == FillTiming.NEXT_BAR;
      this.c = c;
      this.terms = c.margin();
      this.equity = new double[m.rows];
      this.q = new double[m.n];
      this.cash = c.initialCapital();
    }

    void run(double[][] w) {
      double[] pending = null;
      boolean sameClose = c.fillTiming() == FillTiming.SAME_CLOSE;
      for (int t = 0; t < m.rows; t++) {
        if (t > 0) {
          interest(t);
        }
        if (pending != null) {
          fill(pending, prices(t, atOpen));
          pending = null;
        }
        maintenance(t);
        double[] row = column(w, t);
        if (row != null) {
          if (sameClose) {
            fill(row, prices(t, false));
          } else {
            pending = row;
          }
        }
        equity[t] = value(prices(t, false));
      }
    }

    private double[] column(double[][] w, int t) {
      double[] row = new double[m.n];
      boolean any = false;
      for (int i = 0; i < m.n; i++) {
        row[i] = w[i][t];
        any |= !Double.isNaN(row[i]);
      }
      return any ? row : null;
    }

    private double[] prices(int t, boolean open) {
      double[] px = new double[m.n];
      for (int i = 0; i < m.n; i++) {
        px[i] = open ? m.open[i][t] : m.close[i][t];
      }
      return px;
    }

    private double value(double[] px) {
      double e = cash;
      for (int i = 0; i < m.n; i++) {
        e += q[i] * px[i];
      }
      return e;
    }

    private void interest(int t) {
      double days = m.index.epochDay(t) - m.index.epochDay(t - 1);
      double yf = days / terms.dayCountBasis();
      double charge = 0;
      boolean anyLong = false;
      for (int i = 0; i < m.n; i++) {
        anyLong |= q[i] > 0;
        if (q[i] < 0) {
          charge += -q[i] * m.close[i][t - 1] * terms.shortRate() * yf;
        }
      }
      if (anyLong && cash < 0) {
        charge += -cash * terms.borrowRate() * yf;
      }
      cash -= charge;
      financing += charge;
    }

    private void maintenance(int t) {
      double[] px = prices(t, false);
      double required = 0;
      boolean open = false;
      for (int i = 0; i < m.n; i++) {
        required += Math.abs(q[i]) * px[i] * terms.maintenanceMargin("X" + i);
        open |= q[i] != 0;
      }
      if (open && value(px) < required) {
        calls++;
        double[] flat = new double[m.n];
        for (int i = 0; i < m.n; i++) {
          flat[i] = q[i] == 0 ? Double.NaN : 0;
        }
        trade(targets(flat, px, value(px)), px, Double.POSITIVE_INFINITY);
      }
    }

    private double[] targets(double[] w, double[] px, double e) {
      double[] target = q.clone();
      for (int i = 0; i < m.n; i++) {
        if (!Double.isNaN(w[i])) {
          target[i] = w[i] * e / px[i];
          if (w[i] != 0 && Math.abs(target[i] - q[i]) * px[i] <= 1e-12 * Math.abs(e)) {
            target[i] = q[i]; // already met up to rounding: no order (and no fixed fee)
          }
        }
      }
      return target;
    }

    private void fill(double[] w, double[] px) {
      double e = value(px);
      double[] target = targets(w, px, e);
      double lo = 0;
      double hi = 1;
      if (!fitsMargin(target, px, 1)) {
        for (int k = 0; k < 200 && hi - lo > 1e-15; k++) {
          double mid = 0.5 * (lo + hi);
          if (fitsMargin(target, px, mid)) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
      } else {
        lo = 1;
      }
      trade(scaled(target, lo), px, c.maxLeverage());
    }

    /** Targets whose part beyond the current position (same side) is scaled by {@code s}. */
    private double[] scaled(double[] target, double s) {
      double[] out = target.clone();
      for (int i = 0; i < m.n; i++) {
        double keep = Math.signum(q[i]) == Math.signum(target[i])
            ? Math.signum(q[i]) * Math.min(Math.abs(q[i]), Math.abs(target[i])) : 0;
        out[i] = keep + s * (target[i] - keep);
      }
      return out;
    }

    /** Whether a fill of the scaled targets, ignoring cash, leaves margin <= equity. */
    private boolean fitsMargin(double[] target, double[] px, double s) {
      double[] saveQ = q.clone();
      double saveCash = cash;
      trade(scaled(target, s), px, Double.POSITIVE_INFINITY);
      double required = 0;
      for (int i = 0; i < m.n; i++) {
        required += Math.abs(q[i]) * px[i] * terms.initialMargin("X" + i);
      }
      boolean fits = required <= value(px) * (1 + 1e-15);
      System.arraycopy(saveQ, 0, q, 0, m.n);
      cash = saveCash;
      return fits;
    }

    /** Sells first, then buys scaled to the cash limit (as ReferenceLoopTest.rebalance). */
    private void trade(double[] target, double[] px, double leverage) {
      double s = c.slippageBps() / 1e4;
      double f = c.feeBps() / 1e4;
      double fixed = c.fixedFee();
      double e = value(px);
      double[] d = new double[m.n];
      for (int i = 0; i < m.n; i++) {
        d[i] = target[i] - q[i];
        if (d[i] < 0) {
          double v = -d[i] * px[i] * (1 - s);
          cash += v - v * f - fixed;
          q[i] = Math.abs(target[i]) <= 1e-12 * -d[i] ? 0 : target[i];
        }
      }
      double need = 0;
      int buys = 0;
      for (int i = 0; i < m.n; i++) {
        if (d[i] > 0) {
          need += d[i] * px[i] * (1 + s) * (1 + f) + fixed;
          buys++;
        }
      }
      double scale = 1;
      double available = leverage == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
          : cash + (leverage - 1) * e;
      if (buys > 0 && need > available + 1e-9 * Math.abs(e)) {
        scale = Math.max(0, (available - buys * fixed) / (need - buys * fixed));
      }
      for (int i = 0; i < m.n; i++) {
        if (d[i] > 0) {
          double buy = d[i] * scale;
          if (buy > 0) {
            double v = buy * px[i] * (1 + s);
            cash -= v + v * f + fixed;
            double after = q[i] + buy;
            q[i] = Math.abs(after) <= 1e-12 * buy ? 0 : after;
          }
        }
      }
    }
  }
}
