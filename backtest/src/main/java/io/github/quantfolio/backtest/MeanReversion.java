package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.Bands;
import io.github.quantfolio.indicators.Indicators;

/**
 * Bollinger-band mean reversion on closes. Long entry when {@code close <= lower band} of
 * {@code Bollinger(window, k)} and {@code RSI(rsiPeriod) < rsiLow}; exit when
 * {@code close >= upper band} and {@code RSI > rsiHigh}. With {@code shorts}, the exit conditions
 * also open a short position and the entry conditions close it. Bands use the population standard
 * deviation (TA-Lib BBANDS). Defaults: {@code Bollinger(20, 2)}, RSI(14) below 30 / above 70.
 * Seed 000's optional "strong momentum" condition ({@link #withMomentum(int, double)}) also asks,
 * to enter, for {@code ROC(rocPeriod) < -minRocPercent} and, to exit (or sell short), for
 * {@code ROC > +minRocPercent}.
 *
 * @param window Bollinger window
 * @param k band width in standard deviations, &gt; 0
 * @param rsiPeriod RSI period
 * @param rsiLow oversold level, in (0, 50)
 * @param rsiHigh overbought level, in (50, 100)
 * @param shorts whether overbought conditions also open shorts
 * @param rocPeriod the rate-of-change period of the momentum condition; 0 turns it off
 * @param minRocPercent the momentum (in percent) the condition needs, &gt;= 0
 * @since 0.1.0
 */
public record MeanReversion(int window, double k, int rsiPeriod, double rsiLow, double rsiHigh,
    boolean shorts, int rocPeriod, double minRocPercent) implements ClosesOnly {

  /**
   * Validates the parameters.
   *
   * @param window Bollinger window
   * @param k band width in standard deviations, &gt; 0
   * @param rsiPeriod RSI period
   * @param rsiLow oversold level, in (0, 50)
   * @param rsiHigh overbought level, in (50, 100)
   * @param shorts whether overbought conditions also open shorts
   * @param rocPeriod the momentum condition's ROC period, 0 for none
   * @param minRocPercent the momentum the condition needs, in percent, &gt;= 0
   */
  public MeanReversion {
    StrategyArgs.period("MeanReversion", window, "window");
    StrategyArgs.positive("MeanReversion", k, "k");
    StrategyArgs.period("MeanReversion", rsiPeriod, "rsiPeriod");
    StrategyArgs.range("MeanReversion", rsiLow, 0, 50, "rsiLow");
    StrategyArgs.range("MeanReversion", rsiHigh, 50, 100, "rsiHigh");
    if (rocPeriod != 0) {
      StrategyArgs.period("MeanReversion", rocPeriod, "rocPeriod");
    }
    StrategyArgs.nonNegative("MeanReversion", minRocPercent, "minRocPercent");
  }

  /**
   * Without the momentum condition.
   *
   * @param window Bollinger window
   * @param k band width in standard deviations, &gt; 0
   * @param rsiPeriod RSI period
   * @param rsiLow oversold level, in (0, 50)
   * @param rsiHigh overbought level, in (50, 100)
   * @param shorts whether overbought conditions also open shorts
   */
  public MeanReversion(int window, double k, int rsiPeriod, double rsiLow, double rsiHigh,
      boolean shorts) {
    this(window, k, rsiPeriod, rsiLow, rsiHigh, shorts, 0, 0);
  }

  /**
   * A copy with seed 000's "strong momentum" condition: entries also need
   * {@code ROC(rocPeriod) < -minRocPercent}, exits (and short entries)
   * {@code ROC > +minRocPercent}.
   *
   * @param period the ROC period, &gt;= 1 (e.g. 5)
   * @param minPercent the momentum needed, in percent, &gt;= 0 (e.g. 2)
   * @return the copy
   */
  public MeanReversion withMomentum(int period, double minPercent) {
    StrategyArgs.period("MeanReversion", period, "rocPeriod");
    return new MeanReversion(window, k, rsiPeriod, rsiLow, rsiHigh, shorts, period, minPercent);
  }

  /** The classic parameters: Bollinger(20, 2), RSI(14) &lt; 30 to enter, &gt; 70 to exit. */
  public MeanReversion() {
    this(20, 2, 14, 30, 70, false);
  }

  /**
   * A copy that also sells overbought conditions short.
   *
   * @return a copy that also sells overbought conditions short
   */
  public MeanReversion withShorts() {
    return new MeanReversion(window, k, rsiPeriod, rsiLow, rsiHigh, true, rocPeriod,
        minRocPercent);
  }

  /** The first bar with both the bands and the RSI: {@code max(window - 1, rsiPeriod)}. */
  @Override
  public int warmUpBars() {
    return Math.max(Math.max(window - 1, rsiPeriod), rocPeriod);
  }

  @Override
  public TradeSignals signals(Bars bars) {
    return signals(bars.close());
  }

  /** The signals of a close series (not modified; NaN for missing bars). */
  @Override
  public TradeSignals signals(double[] c) {
    Bands b = Indicators.bollinger(c, window, k);
    double[] lower = b.lower();
    double[] upper = b.upper();
    double[] rsi = Indicators.rsi(c, rsiPeriod);
    double[] roc = rocPeriod == 0 ? null : Indicators.roc(c, rocPeriod);
    int n = c.length;
    boolean[] cheap = new boolean[n];
    boolean[] rich = new boolean[n];
    for (int t = 0; t < n; t++) {
      cheap[t] = c[t] <= lower[t] && rsi[t] < rsiLow
          && (roc == null || roc[t] < -minRocPercent);
      rich[t] = c[t] >= upper[t] && rsi[t] > rsiHigh
          && (roc == null || roc[t] > minRocPercent);
    }
    return shorts ? new TradeSignals(cheap, rich, rich, cheap) : TradeSignals.longOnly(cheap, rich);
  }
}
