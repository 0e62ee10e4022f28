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
import io.github.quantfolio.indicators.Indicators;
import io.github.quantfolio.indicators.Signals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed strategies against the indicators module's independent signal helpers
 * ({@link Signals}) and hand-built series.
 */
class StrategiesTest {

  static final SimulatedMarket MARKET = MarketSimulator.defaultMarket();

  static List<Bars> someBars() {
    List<Bars> out = new ArrayList<>();
    for (String a : List.of("A01", "A05", "A12", "A20")) {
      out.add(MARKET.bars(a));
    }
    return out;
  }

  @Test
  void momentumEntriesAreTheIndicatorModulesMomentumEntry() {
    for (Bars b : someBars()) {
      TradeSignals s = new Momentum().signals(b);
      assertArrayEquals(Signals.momentumEntry(b.close()), s.longEntry(), b.symbol());
      assertTrue(Signals.count(s.longEntry()) > 0, "the simulated market has momentum entries");
      // exits mirror the entry: never both on one bar
      for (int t = 0; t < s.length(); t++) {
        assertFalse(s.longEntry()[t] && s.longExit()[t]);
      }
      assertFalse(s.hasShortEntries());
      assertArrayEquals(s.longExit(), new Momentum().withShorts().signals(b).shortEntry());
    }
  }

  @Test
  void momentumExitIsTheMirroredConditionSet() {
    Bars b = MARKET.bars("A03");
    double[] c = b.close();
    double[] f = Indicators.sma(c, 20);
    double[] s = Indicators.sma(c, 50);
    double[] rsi = Indicators.rsi(c, 14);
    double[] line = Indicators.macd(c).line();
    double[] sig = Indicators.macd(c).signal();
    double[] roc = Indicators.roc(c, 5);
    boolean[] exit = new Momentum().signals(b).longExit();
    int count = 0;
    for (int t = 0; t < c.length; t++) {
      boolean expected = f[t] < s[t] && c[t] < f[t] && rsi[t] > 30 && line[t] < sig[t]
          && roc[t] < -2;
      assertTrue(expected == exit[t], "bar " + t);
      count += expected ? 1 : 0;
    }
    assertTrue(count > 0);
  }

  @Test
  void meanReversionEntriesAreTheIndicatorModulesEntry() {
    for (Bars b : someBars()) {
      TradeSignals s = new MeanReversion().signals(b);
      assertArrayEquals(Signals.meanReversionEntry(b.close()), s.longEntry(), b.symbol());
      double[] c = b.close();
      double[] upper = Indicators.bollinger(c, 20, 2).upper();
      double[] rsi = Indicators.rsi(c, 14);
      for (int t = 0; t < c.length; t++) {
        assertTrue((c[t] >= upper[t] && rsi[t] > 70) == s.longExit()[t], "bar " + t);
      }
    }
  }

  @Test
  void breakoutWithoutFilterIsTheDonchianBreakout() {
    for (Bars b : someBars()) {
      TradeSignals s = new Breakout(20, 10, 14, 0, true).signals(b);
      assertArrayEquals(Signals.donchianBreakoutUp(b, 20), s.longEntry());
      assertArrayEquals(Signals.donchianBreakoutDown(b, 10), s.longExit());
      assertArrayEquals(Signals.donchianBreakoutDown(b, 20), s.shortEntry());
      assertArrayEquals(Signals.donchianBreakoutUp(b, 10), s.shortExit());
    }
  }

  @Test
  void breakoutAtrFilterDropsSmallBreakouts() {
    // Flat 100 +/- 1 range for 20 bars, then closes of 101.2 (a breakout of 0.2, less than half
    // an ATR of 2) and 103 (a breakout of 2 >= 0.5 * ATR).
    int n = 24;
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    for (int t = 0; t < n; t++) {
      o[t] = 100;
      h[t] = 101;
      l[t] = 99;
      c[t] = 100;
    }
    c[21] = 101.2;
    h[21] = 101.2;
    c[23] = 103;
    h[23] = 103;
    Bars b = Bars.of("F", TimeIndex.businessDays(LocalDate.of(2024, 1, 1), n), o, h, l, c, null)
        .withFrequency(Frequency.DAILY);
    boolean[] filtered = new Breakout().signals(b).longEntry();
    boolean[] raw = new Breakout(20, 10, 14, 0, false).signals(b).longEntry();
    assertTrue(raw[21]);
    assertFalse(filtered[21]);
    assertTrue(filtered[23]);
  }

  @Test
  void everySeedStrategyBacktestsOnTheSimulatedMarket() {
    Backtest bt = Backtest.of(someBars()).withConfig(BacktestConfig.defaults().withFeeBps(5)
        .withSlippageBps(2).withWholeShares());
    for (Strategy s : List.of(new Momentum(), new MeanReversion(), new Breakout(),
        new Momentum().withShorts(), new Breakout().withShorts())) {
      Backtest b = s instanceof Momentum m && m.shorts() || s instanceof Breakout k && k.shorts()
          ? bt.withConfig(bt.config().withShorting(true)) : bt;
      BacktestResult r = b.run(s);
      assertFalse(r.trades().isEmpty(), s.toString());
      Accounting.assertConserved(r, b);
    }
  }

  @Test
  void smaCrossoverIsTheIndicatorModulesCross() {
    for (Bars b : someBars()) {
      for (int[] w : new int[][] {{1, 2}, {5, 20}, {20, 50}, {50, 200}}) {
        double[] f = Indicators.sma(b.close(), w[0]);
        double[] s = Indicators.sma(b.close(), w[1]);
        TradeSignals sig = new SmaCrossover(w[0], w[1], true).signals(b);
        assertArrayEquals(Indicators.crossAbove(f, s), sig.longEntry());
        assertArrayEquals(Indicators.crossBelow(f, s), sig.longExit());
        assertArrayEquals(Indicators.crossBelow(f, s), sig.shortEntry());
      }
    }
  }

  @Test
  void parametersAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Momentum().withWindows(50, 20));
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
        () -> new MeanReversion(20, -1, 14, 30, 70, false));
    // the limit is stated, not printed as 0.0 < k < 1.7976931348623157E308
    assertEquals("MeanReversion: expected finite k > 0, but found -1.0", k.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Breakout(0, 10, 14, 0.5, false));
  }

  /** The first position at which every array has a value, computed from the indicators. */
  static int firstDefined(double[]... series) {
    int first = 0;
    for (double[] a : series) {
      int k = 0;
      while (Double.isNaN(a[k])) {
        k++;
      }
      first = Math.max(first, k);
    }
    return first;
  }

  @Test
  void warmUpBarsIsTheFirstBarWithEveryIndicator() {
    // independent: the first non-NaN output of each indicator on a real series
    Bars b = MARKET.bars("A02");
    double[] c = b.close();
    Momentum m = new Momentum();
    assertEquals(firstDefined(Indicators.sma(c, 50), Indicators.rsi(c, 14),
        Indicators.macd(c, 12, 26, 9).signal(), Indicators.roc(c, 5)), m.warmUpBars());
    assertEquals(49, m.warmUpBars(), "the slow SMA(50) is the last to start");
    assertEquals(firstDefined(Indicators.bollinger(c, 20, 2).lower(), Indicators.rsi(c, 14)),
        new MeanReversion().warmUpBars());
    // Breakout compares with the previous bar's channel: one bar after the channel starts
    assertEquals(firstDefined(Indicators.donchian(b.high(), b.low(), 20).upper()) + 1,
        new Breakout().warmUpBars());
    assertEquals(firstDefined(Indicators.atr(b.high(), b.low(), c, 30)),
        new Breakout(20, 10, 30, 0.5, false).warmUpBars(), "a longer ATR starts later");
    // a cross needs both SMA(slow) values of t - 1 and t: bar slow
    assertEquals(50, new SmaCrossover(20, 50).warmUpBars());
    // and no strategy signals an entry before it
    for (Strategy s : List.of(m, new MeanReversion(), new Breakout(), new SmaCrossover(5, 20))) {
      TradeSignals sig = s.signals(b);
      for (int t = 0; t < s.warmUpBars(); t++) {
        assertFalse(sig.longEntry()[t], s + " at " + t);
      }
    }
    // a user's strategy states none: no check
    Strategy mine = bars -> TradeSignals.longOnly(new boolean[bars.size()],
        new boolean[bars.size()]);
    assertEquals(0, mine.warmUpBars());
  }
}
