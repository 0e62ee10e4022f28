package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;

/**
 * The moving-average crossover: long entry when {@code SMA(fast)} crosses above {@code SMA(slow)}
 * ({@code fast_t > slow_t} and {@code fast_(t-1) <= slow_(t-1)}), exit when it crosses below; with
 * {@code shorts}, the downward cross also opens a short that the upward cross closes. No signal
 * before both averages exist (bar {@code slow}). The textbook strategy of parameter sweeps and of
 * the ta4j comparison in {@code docs/performance.md}.
 *
 * @param fast fast SMA window
 * @param slow slow SMA window (&gt; fast)
 * @param shorts whether downward crosses open shorts
 * @since 0.1.0
 */
public record SmaCrossover(int fast, int slow, boolean shorts) implements ClosesOnly {

  /**
   * Validates the windows.
   *
   * @param fast fast SMA window
   * @param slow slow SMA window (&gt; fast)
   * @param shorts whether downward crosses open shorts
   */
  public SmaCrossover {
    StrategyArgs.period("SmaCrossover", fast, "fast");
    StrategyArgs.period("SmaCrossover", slow, "slow");
    StrategyArgs.ordered("SmaCrossover", fast, slow, "fast", "slow");
  }

  /**
   * Long-only crossover of {@code SMA(fast)} and {@code SMA(slow)}.
   *
   * @param fast fast SMA window
   * @param slow slow SMA window (&gt; fast)
   */
  public SmaCrossover(int fast, int slow) {
    this(fast, slow, false);
  }

  @Override
  public TradeSignals signals(Bars bars) {
    return signals(bars.close());
  }

  /** The signals of a close series (not modified; NaN for missing bars). */
  @Override
  public TradeSignals signals(double[] c) {
    // bars before 'slow' cannot cross: SMA(slow) is NaN up to slow - 1 and comparisons with NaN
    // are false. The averages live in per-thread scratch arrays: only the flags escape.
    double[] f = Scratch.sma(c, fast, 0);
    double[] s = Scratch.sma(c, slow, 1);
    // Both crosses in one pass on the difference d = fast - slow: for finite values d > 0 iff
    // fast > slow and d <= 0 iff fast <= slow (a difference of doubles is 0 only if they are
    // equal), and NaN fails every test, so the flags equal Indicators.crossAbove / crossBelow.
    int n = c.length;
    boolean[] up = new boolean[n];
    boolean[] down = new boolean[n];
    int start = Math.max(1, slow);
    double d0 = start < n ? f[start - 1] - s[start - 1] : Double.NaN;
    for (int t = start; t < n; t++) {
      double d1 = f[t] - s[t];
      // crosses are rare: well-predicted branches and no store on most bars (arrays start false)
      if (d1 > 0) {
        if (d0 <= 0) {
          up[t] = true;
        }
      } else if (d1 < 0 && d0 >= 0) {
        down[t] = true;
      }
      d0 = d1;
    }
    return shorts ? new TradeSignals(up, down, down, up) : TradeSignals.longOnly(up, down);
  }

  /** {@code slow}: the first bar on which both averages exist and can have crossed. */
  @Override
  public int warmUpBars() {
    return slow;
  }

  /** {@code SMA(fast/slow)}, with {@code long/short} when shorts are on: short for tables. */
  @Override
  public String toString() {
    return "SMA(" + fast + "/" + slow + ")" + (shorts ? " long/short" : "");
  }
}
