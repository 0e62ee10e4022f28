package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.Bands;
import io.github.quantfolio.indicators.Indicators;

/**
 * Donchian channel breakout with an ATR filter (Turtle-style). Long entry at bar {@code t} when
 * the close clears the highest high of the previous {@code entryWindow} bars by at least
 * {@code atrMultiple} ATRs: {@code close_t > max(high_(t-entryWindow) .. high_(t-1)) +
 * atrMultiple * ATR_t} (Wilder ATR of {@code atrPeriod}; the filter ignores breakouts smaller than
 * the noise). Exit when the close falls below the lowest low of the previous {@code exitWindow}
 * bars. With {@code shorts}, the mirrored breakout opens a short that the mirrored exit closes.
 * Defaults: 20-bar entry, 10-bar exit, ATR(14), 0.5 ATR filter.
 *
 * @param entryWindow entry channel window
 * @param exitWindow exit channel window
 * @param atrPeriod ATR period
 * @param atrMultiple breakout margin in ATRs, &gt;= 0 (0 = no filter)
 * @param shorts whether downside breakouts open shorts
 * @since 0.1.0
 */
public record Breakout(int entryWindow, int exitWindow, int atrPeriod, double atrMultiple,
    boolean shorts) implements Strategy {

  /**
   * Validates the parameters.
   *
   * @param entryWindow entry channel window
   * @param exitWindow exit channel window
   * @param atrPeriod ATR period
   * @param atrMultiple breakout margin in ATRs, &gt;= 0 (0 = no filter)
   * @param shorts whether downside breakouts open shorts
   */
  public Breakout {
    StrategyArgs.period("Breakout", entryWindow, "entryWindow");
    StrategyArgs.period("Breakout", exitWindow, "exitWindow");
    StrategyArgs.period("Breakout", atrPeriod, "atrPeriod");
    StrategyArgs.nonNegative("Breakout", atrMultiple, "atrMultiple");
  }

  /** Defaults: 20-bar entry channel, 10-bar exit channel, ATR(14), 0.5 ATR margin. */
  public Breakout() {
    this(20, 10, 14, 0.5, false);
  }

  /**
   * A copy that also trades downside breakouts short.
   *
   * @return a copy that also trades downside breakouts short
   */
  public Breakout withShorts() {
    return new Breakout(entryWindow, exitWindow, atrPeriod, atrMultiple, true);
  }

  /**
   * The first bar with a previous {@code entryWindow}-bar channel (and, with a filter, an ATR):
   * {@code max(entryWindow, atrPeriod)}, or {@code entryWindow} when {@code atrMultiple} is 0.
   */
  @Override
  public int warmUpBars() {
    return atrMultiple == 0 ? entryWindow : Math.max(entryWindow, atrPeriod);
  }

  @Override
  public TradeSignals signals(Bars bars) {
    double[] h = bars.high();
    double[] l = bars.low();
    double[] c = bars.close();
    Bands entry = Indicators.donchian(h, l, entryWindow);
    Bands exit = Indicators.donchian(h, l, exitWindow);
    double[] atr = Indicators.atr(h, l, c, atrPeriod);
    int n = c.length;
    boolean[] le = new boolean[n];
    boolean[] lx = new boolean[n];
    boolean[] se = new boolean[n];
    boolean[] sx = new boolean[n];
    for (int t = 1; t < n; t++) {
      double margin = atrMultiple == 0 ? 0 : atrMultiple * atr[t]; // no filter: no ATR warm-up
      le[t] = c[t] > entry.upper()[t - 1] + margin;
      lx[t] = c[t] < exit.lower()[t - 1];
      if (shorts) {
        se[t] = c[t] < entry.lower()[t - 1] - margin;
        sx[t] = c[t] > exit.upper()[t - 1];
      }
    }
    return new TradeSignals(le, lx, se, sx);
  }
}
