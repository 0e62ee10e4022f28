package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.Ta4jOracle.OpenEntry;
import io.github.quantfolio.backtest.Ta4jOracle.Ta4jRun;
import io.github.quantfolio.backtest.Ta4jOracle.Ta4jTrade;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Proves the timing stated in {@link Ta4jOracle}'s Javadoc on hand-made series whose crossings
 * are known by construction. Every series has {@code open[i] = 1000 + i}, unrelated to the close,
 * so a fill price names the bar it came from (1026 = the open of bar 26); highs and lows just
 * bracket open and close. Expected indices are derived by hand in the comments, with
 * {@code f = SMA(fast)}, {@code s = SMA(slow)} of the closes.
 */
class Ta4jOracleTest {

  /** Closes from (level, count) pairs. */
  static double[] levels(double... levelCount) {
    int n = 0;
    for (int k = 1; k < levelCount.length; k += 2) {
      n += (int) levelCount[k];
    }
    double[] c = new double[n];
    int t = 0;
    for (int k = 0; k < levelCount.length; k += 2) {
      for (int j = 0; j < (int) levelCount[k + 1]; j++) {
        c[t++] = levelCount[k];
      }
    }
    return c;
  }

  static double[] opens(int n) {
    double[] o = new double[n];
    for (int i = 0; i < n; i++) {
      o[i] = 1000 + i;
    }
    return o;
  }

  static Ta4jRun run(double[] close, int fast, int slow, int unstableBars) {
    Bars b = bars(close);
    return Ta4jOracle.smaCrossover(b, fast, slow, unstableBars);
  }

  static Bars bars(double[] close) {
    int n = close.length;
    double[] open = opens(n);
    double[] high = new double[n];
    double[] low = new double[n];
    for (int i = 0; i < n; i++) {
      high[i] = Math.max(open[i], close[i]) + 1;
      low[i] = Math.min(open[i], close[i]) * 0.5;
    }
    return Bars.of("HAND", TimeIndex.businessDays(LocalDate.of(2020, 1, 6), n), open, high, low,
        close, null);
  }

  /**
   * 60 bars, SMA(3)/SMA(5): closes 20 on bars 0-9, 10 on 10-24, 30 on 25-39, 10 on 40-59.
   *
   * <ul>
   *   <li>0-9: f = s = 20 (equal; no crossing).
   *   <li>10-13: f &lt; s: (16.67, 18), (13.33, 16), (10, 14), (10, 12). A "crossing down" at 10
   *       needs an earlier bar with f &gt; s; there is none (and no position anyway).
   *   <li>14-24: f = s = 10.
   *   <li>25: f = (10+10+30)/3 = 16.67 &gt; s = (4x10+30)/5 = 14. The last bar with f != s is 13,
   *       where f &lt; s: <b>crossing up at 25</b>, filled at the open of 26 (1026).
   *   <li>26-28: f &gt; s (23.33/18, 30/22, 30/26); 29-39: f = s = 30.
   *   <li>40: f = (30+30+10)/3 = 23.33 &lt; s = (4x30+10)/5 = 26; the last unequal bar is 28 with
   *       f &gt; s: <b>crossing down at 40</b>, filled at the open of 41 (1041).
   *   <li>41-43: f &lt; s; 44-59: f = s = 10. Nothing more.
   * </ul>
   */
  @Test
  void oneRoundTripFilledAtTheNextOpen() {
    double[] close = levels(20, 10, 10, 15, 30, 15, 10, 20);
    assertEquals(60, close.length);
    Ta4jRun r = run(close, 3, 5, 5);
    assertEquals(List.of(new Ta4jTrade(26, 41, 1026, 1041, 1)), r.trades());
    assertEquals(Optional.empty(), r.open());
    assertEquals(15, r.trades().get(0).profit());
    // The raw-array entry point gives the same trades.
    double[] open = opens(60);
    Ta4jRun raw = Ta4jOracle.smaCrossover(open, open, open, close, null, 3, 5);
    assertEquals(r, raw);
  }

  /** As above without the drop at bar 40: the position entered at 26 stays open and is no trade. */
  @Test
  void positionStillOpenAtTheEndIsNotATrade() {
    Ta4jRun r = run(levels(20, 10, 10, 15, 30, 35), 3, 5, 5);
    assertEquals(List.of(), r.trades());
    assertEquals(Optional.of(new OpenEntry(26, 1026, 1)), r.open());
  }

  /**
   * Closes 20 on bars 0-9, 10 on 10-58, 30 on bar 59: as at bar 25 above, the crossing up is at
   * 59, the last bar. Its fill would be the open of bar 60, which does not exist: no trade and no
   * open position.
   */
  @Test
  void signalOnTheLastBarIsDropped() {
    Ta4jRun r = run(levels(20, 10, 10, 49, 30, 1), 3, 5, 5);
    assertEquals(List.of(), r.trades());
    assertEquals(Optional.empty(), r.open());
  }

  /**
   * Closes 20 on bars 0-29, 30 on 30-59: at 30, f = 23.33 &gt; s = 22 but f = s on every earlier
   * bar, so ta4j sees no crossing (an engine testing {@code f[t-1] <= s[t-1]} would enter at 31).
   */
  @Test
  void leavingEqualityThatBeganAtBarZeroIsNoCrossing() {
    Ta4jRun r = run(levels(20, 30, 30, 30), 3, 5, 5);
    assertEquals(List.of(), r.trades());
    assertEquals(Optional.empty(), r.open());
  }

  /**
   * Unstable period. Closes 10, 10, 10, 4, then 30 on bars 4-29, 10 on 30-59. ta4j's SMA has no
   * NaN warm-up: bar 3: f = (10+10+4)/3 = 8 &lt; s = (10+10+10+4)/4 = 8.5 (mean of 4 closes);
   * bar 4: f = (10+4+30)/3 = 14.67 &gt; s = 64/5 = 12.8: a crossing of the partial means at 4.
   * Bar 5: f = 21.33 &gt; s = 16.8 (no new crossing), 6-7 f &gt; s, 8-29 f = s = 30; bar 30:
   * f = 23.33 &lt; s = 26, last unequal bar 7 with f &gt; s: crossing down at 30.
   *
   * <ul>
   *   <li>{@code unstableBars = 0} (ta4j's default): entry at 5 (1005), exit at 31 (1031).
   *   <li>{@code unstableBars = 5} (the oracle's default, = slow): bar 4 is not evaluated, bar 5
   *       is no crossing, so there is no entry and no trade at all.
   * </ul>
   */
  @Test
  void crossingsDuringWarmUpAreTradedOnlyWithoutAnUnstablePeriod() {
    double[] close = levels(10, 3, 4, 1, 30, 26, 10, 30);
    assertEquals(60, close.length);
    Ta4jRun raw = run(close, 3, 5, 0);
    assertEquals(List.of(new Ta4jTrade(5, 31, 1005, 1031, 1)), raw.trades());
    Ta4jRun stable = Ta4jOracle.smaCrossover(bars(close), 3, 5);
    assertEquals(List.of(), stable.trades());
    assertEquals(Optional.empty(), stable.open());
  }

  /**
   * The exit rule is checked from the entry bar on. SMA(1) is the close and SMA(2) the mean of
   * two closes, so f &gt; s iff the close rose. Closes 10, 9, 8, 9, 8, 8, ...: bar 2 f &lt; s
   * (8 &lt; 8.5); bar 3 f &gt; s (9 &gt; 8.5): crossing up at 3, entry at the open of 4; bar 4
   * f &lt; s (8 &lt; 8.5), last unequal bar 3 above: crossing down at 4, the entry bar, exit at
   * the open of 5. Then flat: f = s.
   */
  @Test
  void exitCanBeSignalledOnTheEntryBar() {
    double[] close = levels(10, 1, 9, 1, 8, 1, 9, 1, 8, 56);
    Ta4jRun r = run(close, 1, 2, 2);
    assertEquals(List.of(new Ta4jTrade(4, 5, 1004, 1005, 1)), r.trades());
  }

  /**
   * The same 60 bars as {@link #oneRoundTripFilledAtTheNextOpen} with ta4j's
   * {@code TradeOnCurrentCloseModel}: the crossings at 25 and 40 fill at those bars' closes, 30
   * and 10. A crossing on the last bar (as in {@link #signalOnTheLastBarIsDropped}) is then
   * executed, at the last close, and stays open.
   */
  @Test
  void currentCloseModelFillsAtTheSignalBarsClose() {
    Ta4jRun r = Ta4jOracle.smaCrossover(bars(levels(20, 10, 10, 15, 30, 15, 10, 20)), 3, 5, 5,
        Ta4jOracle.Fill.CURRENT_CLOSE);
    assertEquals(List.of(new Ta4jTrade(25, 40, 30, 10, 1)), r.trades());
    Ta4jRun last = Ta4jOracle.smaCrossover(bars(levels(20, 10, 10, 49, 30, 1)), 3, 5, 5,
        Ta4jOracle.Fill.CURRENT_CLOSE);
    assertEquals(List.of(), last.trades());
    assertEquals(Optional.of(new OpenEntry(59, 30, 1)), last.open());
  }

  @Test
  void missingBarsAreRejected() {
    double[] c = {10, Double.NaN, 11};
    double[] o = {10, Double.NaN, 11};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ta4jOracle.smaCrossover(o, o, o, c, null, 1, 2));
    assertTrue(e.getMessage().startsWith("Bar 1 is missing"), e.getMessage());
  }
}
