package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.Indicators;
import io.github.quantfolio.indicators.Macd;

/**
 * Trend-following momentum on closes. Entry (long) at bar {@code t} when all hold:
 * {@code SMA(fast) > SMA(slow)}, {@code close > SMA(fast)}, {@code RSI(rsiPeriod) < rsiMax},
 * {@code MACD(macdFast, macdSlow, macdSignal) line > signal} and
 * {@code ROC(rocPeriod) > minRocPercent}. Exit on the mirrored conditions, all of them:
 * {@code SMA(fast) < SMA(slow)}, {@code close < SMA(fast)}, {@code RSI > 100 - rsiMax},
 * {@code MACD line < signal} and {@code ROC < -minRocPercent}. With {@code shorts}, the mirrored
 * conditions also open a short position and the entry conditions close it.
 *
 * <p>Indicators follow TA-Lib (see {@link Indicators}); during their warm-up the comparisons are
 * false, so the first possible signal is at bar {@code max(slow, macdSlow + macdSignal - 1) - 1}.
 * The defaults {@code new Momentum()} are the classic 20/50 SMA, RSI(14) &lt; 70, MACD(12, 26, 9)
 * and 5-bar ROC &gt; 2%.
 *
 * @param fast fast SMA window
 * @param slow slow SMA window (&gt; fast)
 * @param rsiPeriod RSI period
 * @param rsiMax RSI level an entry must stay below, in (50, 100)
 * @param macdFast MACD fast EMA period
 * @param macdSlow MACD slow EMA period (&gt; macdFast)
 * @param macdSignal MACD signal period
 * @param rocPeriod rate-of-change distance in bars
 * @param minRocPercent minimal rate of change in percent (2 = 2%), &gt;= 0
 * @param shorts whether the mirrored conditions also open shorts
 * @since 0.1.0
 */
public record Momentum(int fast, int slow, int rsiPeriod, double rsiMax, int macdFast,
    int macdSlow, int macdSignal, int rocPeriod, double minRocPercent, boolean shorts)
    implements ClosesOnly {

  /**
   * Validates the parameters.
   *
   * @param fast fast SMA window
   * @param slow slow SMA window (&gt; fast)
   * @param rsiPeriod RSI period
   * @param rsiMax RSI level an entry must stay below, in (50, 100)
   * @param macdFast MACD fast EMA period
   * @param macdSlow MACD slow EMA period (&gt; macdFast)
   * @param macdSignal MACD signal period
   * @param rocPeriod rate-of-change distance in bars
   * @param minRocPercent minimal rate of change in percent (2 = 2%), &gt;= 0
   * @param shorts whether the mirrored conditions also open shorts
   */
  public Momentum {
    StrategyArgs.period("Momentum", fast, "fast");
    StrategyArgs.period("Momentum", slow, "slow");
    StrategyArgs.ordered("Momentum", fast, slow, "fast", "slow");
    StrategyArgs.period("Momentum", rsiPeriod, "rsiPeriod");
    StrategyArgs.range("Momentum", rsiMax, 50, 100, "rsiMax");
    StrategyArgs.period("Momentum", macdFast, "macdFast");
    StrategyArgs.period("Momentum", macdSlow, "macdSlow");
    StrategyArgs.ordered("Momentum", macdFast, macdSlow, "macdFast", "macdSlow");
    StrategyArgs.period("Momentum", macdSignal, "macdSignal");
    StrategyArgs.period("Momentum", rocPeriod, "rocPeriod");
    StrategyArgs.nonNegative("Momentum", minRocPercent, "minRocPercent");
  }

  /** The classic parameters: SMA 20/50, RSI(14) &lt; 70, MACD(12, 26, 9), ROC(5) &gt; 2%. */
  public Momentum() {
    this(20, 50, 14, 70, 12, 26, 9, 5, 2, false);
  }

  /**
   * A copy with other moving-average windows.
   *
   * @param fastWindow the fast SMA window in bars, &gt;= 1
   * @param slowWindow the slow SMA window in bars, &gt; {@code fastWindow}
   * @return a copy with {@code fast = fastWindow} and {@code slow = slowWindow}
   */
  public Momentum withWindows(int fastWindow, int slowWindow) {
    return new Momentum(fastWindow, slowWindow, rsiPeriod, rsiMax, macdFast, macdSlow, macdSignal,
        rocPeriod, minRocPercent, shorts);
  }

  /**
   * A copy that also trades the mirrored conditions short.
   *
   * @return a copy with {@code shorts = true}
   */
  public Momentum withShorts() {
    return new Momentum(fast, slow, rsiPeriod, rsiMax, macdFast, macdSlow, macdSignal, rocPeriod,
        minRocPercent, true);
  }

  /**
   * The first bar on which every indicator exists: {@code max(slow - 1, macdSlow + macdSignal -
   * 2, rsiPeriod, rocPeriod)} (TA-Lib look-backs; 49 for the defaults).
   */
  @Override
  public int warmUpBars() {
    return Math.max(Math.max(slow - 1, macdSlow + macdSignal - 2), Math.max(rsiPeriod, rocPeriod));
  }

  @Override
  public TradeSignals signals(Bars bars) {
    return signals(bars.close());
  }

  /** The signals of a close series (not modified; NaN for missing bars). */
  @Override
  public TradeSignals signals(double[] c) {
    double[] f = Indicators.sma(c, fast);
    double[] s = Indicators.sma(c, slow);
    double[] rsi = Indicators.rsi(c, rsiPeriod);
    Macd macd = Indicators.macd(c, macdFast, macdSlow, macdSignal);
    double[] line = macd.line();
    double[] sig = macd.signal();
    double[] roc = Indicators.roc(c, rocPeriod);
    int n = c.length;
    boolean[] up = new boolean[n];
    boolean[] down = new boolean[n];
    double rsiMin = 100 - rsiMax;
    for (int t = 0; t < n; t++) {
      up[t] = f[t] > s[t] && c[t] > f[t] && rsi[t] < rsiMax && line[t] > sig[t]
          && roc[t] > minRocPercent;
      down[t] = f[t] < s[t] && c[t] < f[t] && rsi[t] > rsiMin && line[t] < sig[t]
          && roc[t] < -minRocPercent;
    }
    return shorts ? new TradeSignals(up, down, down, up) : TradeSignals.longOnly(up, down);
  }
}
