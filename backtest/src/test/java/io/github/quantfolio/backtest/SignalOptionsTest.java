package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.indicators.Indicators;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seed options of the signal strategies: mean reversion's momentum condition, volume confirmation. */
class SignalOptionsTest {

  static final Bars BARS = MarketSimulator.builder().seed(4).assets(1).sectors(1).days(1500)
      .build().simulate().bars("A01");

  /**
   * With the momentum condition an entry is an entry without it whose ROC(5) is below -10 %
   * (the plain entries of this series have ROC(5) from -25 % to -6 %: some stay, some go).
   */
  @Test
  void meanReversionMomentumConditionFiltersEntriesAndExits() {
    TradeSignals plain = new MeanReversion().signals(BARS);
    TradeSignals strong = new MeanReversion().withMomentum(5, 10).signals(BARS);
    double[] roc = Indicators.roc(BARS.close(), 5); // independent: the indicator itself
    int kept = 0;
    int dropped = 0;
    for (int t = 0; t < BARS.size(); t++) {
      assertEquals(plain.longEntry()[t] && roc[t] < -10, strong.longEntry()[t], "entry " + t);
      assertEquals(plain.longExit()[t] && roc[t] > 10, strong.longExit()[t], "exit " + t);
      kept += strong.longEntry()[t] ? 1 : 0;
      dropped += plain.longEntry()[t] && !strong.longEntry()[t] ? 1 : 0;
    }
    assertTrue(kept > 0 && dropped > 0, "the condition must keep some entries and drop others: "
        + kept + " kept, " + dropped + " dropped");
    assertEquals(new MeanReversion(20, 2, 14, 30, 70, false), new MeanReversion(20, 2, 14, 30,
        70, false, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new MeanReversion().withMomentum(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new MeanReversion().withMomentum(5, -1));
  }

  /**
   * Hand calculation, window 3, multiple 1.5: volumes 100, 100, 100, 300, 100, NaN, 100, 100,
   * 100, 400. Bar 3: 300 >= 1.5 x 100 (yes); bar 4: 100 < 1.5 x 166.7 (no); bar 5: unknown
   * (no); bars 6 to 8 have the NaN in their window (no); bar 9: 400 >= 1.5 x 100 (yes).
   */
  @Test
  void volumeConfirmationKeepsEntriesOnHighVolume() {
    double[] c = new double[10];
    Arrays.fill(c, 10);
    double[] v = {100, 100, 100, 300, 100, Double.NaN, 100, 100, 100, 400};
    Bars b = Bars.of("X", TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 10), c, c, c, c, v);
    boolean[] all = new boolean[10];
    Arrays.fill(all, true);
    Strategy always = bars -> new TradeSignals(all, new boolean[10], all, new boolean[10]);
    TradeSignals s = always.withVolumeConfirmation(3, 1.5).signals(b);
    boolean[] expected = {false, false, false, true, false, false, false, false, false, true};
    assertArrayEquals(expected, s.longEntry());
    assertArrayEquals(expected, s.shortEntry());
    assertEquals(3, always.withVolumeConfirmation(3, 1.5).warmUpBars());
    assertThrows(IllegalArgumentException.class, () -> always.withVolumeConfirmation(0, 1.5));
    assertThrows(IllegalArgumentException.class, () -> always.withVolumeConfirmation(3, 0));
  }

  /** A confirmed strategy runs in the backtester; it trades no more often than the plain one. */
  @Test
  void confirmedStrategyBacktests() {
    BacktestResult plain = Backtest.of(BARS).run(new Momentum());
    BacktestResult confirmed = Backtest.of(BARS).run(new Momentum().withVolumeConfirmation(20,
        1.2));
    assertTrue(confirmed.trades().size() <= plain.trades().size());
    assertTrue(new Momentum().withVolumeConfirmation(20, 1.2).toString()
        .endsWith("with volume >= 1.2 x its 20-bar average"));
  }
}
