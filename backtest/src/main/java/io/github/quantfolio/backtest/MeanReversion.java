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
 *
 * @param window Bollinger window
 * @param k band width in standard deviations, &gt; 0
 * @param rsiPeriod RSI period
 * @param rsiLow oversold level, in (0, 50)
 * @param rsiHigh overbought level, in (50, 100)
 * @param shorts whether overbought conditions also open shorts
 * @since 0.1.0
 */
public record MeanReversion(int window, double k, int rsiPeriod, double rsiLow, double rsiHigh,
    boolean shorts) implements ClosesOnly {

  /**
   * Validates the parameters.
   *
   * @param window Bollinger window
   * @param k band width in standard deviations, &gt; 0
   * @param rsiPeriod RSI period
   * @param rsiLow oversold level, in (0, 50)
   * @param rsiHigh overbought level, in (50, 100)
   * @param shorts whether overbought conditions also open shorts
   */
  public MeanReversion {
    StrategyArgs.period("MeanReversion", window, "window");
    StrategyArgs.positive("MeanReversion", k, "k");
    StrategyArgs.period("MeanReversion", rsiPeriod, "rsiPeriod");
    StrategyArgs.range("MeanReversion", rsiLow, 0, 50, "rsiLow");
    StrategyArgs.range("MeanReversion", rsiHigh, 50, 100, "rsiHigh");
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
    return new MeanReversion(window, k, rsiPeriod, rsiLow, rsiHigh, true);
  }

  /** The first bar with both the bands and the RSI: {@code max(window - 1, rsiPeriod)}. */
  @Override
  public int warmUpBars() {
    return Math.max(window - 1, rsiPeriod);
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
    int n = c.length;
    boolean[] cheap = new boolean[n];
    boolean[] rich = new boolean[n];
    for (int t = 0; t < n; t++) {
      cheap[t] = c[t] <= lower[t] && rsi[t] < rsiLow;
      rich[t] = c[t] >= upper[t] && rsi[t] > rsiHigh;
    }
    return shorts ? new TradeSignals(cheap, rich, rich, cheap) : TradeSignals.longOnly(cheap, rich);
  }
}
