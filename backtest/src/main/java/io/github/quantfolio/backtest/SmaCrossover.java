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

  /** Validates the windows. */
  public SmaCrossover {
    StrategyArgs.period(fast, "fast");
    StrategyArgs.period(slow, "slow");
    StrategyArgs.ordered(fast, slow, "fast", "slow");
  }

  /** Long-only crossover of {@code SMA(fast)} and {@code SMA(slow)}. */
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
    // both crosses in one pass (the same tests as Indicators.crossAbove / crossBelow)
    int n = c.length;
    boolean[] up = new boolean[n];
    boolean[] down = new boolean[n];
    for (int t = Math.max(1, slow); t < n; t++) {
      double f0 = f[t - 1];
      double s0 = s[t - 1];
      double f1 = f[t];
      double s1 = s[t];
      up[t] = f1 > s1 & f0 <= s0; // non-short-circuit: no branch per bar
      down[t] = f1 < s1 & f0 >= s0;
    }
    return shorts ? new TradeSignals(up, down, down, up) : TradeSignals.longOnly(up, down);
  }

  /** {@code SMA(fast/slow)}, with {@code long/short} when shorts are on: short for tables. */
  @Override
  public String toString() {
    return "SMA(" + fast + "/" + slow + ")" + (shorts ? " long/short" : "");
  }
}
