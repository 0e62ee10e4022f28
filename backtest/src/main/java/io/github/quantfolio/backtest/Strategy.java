package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;

/**
 * A signal strategy: one asset's bars in, entry and exit flags out. Implementations must only use
 * bars up to {@code t} for the flags of bar {@code t} (the engine fills them on a later bar, see
 * {@link FillTiming}). Built-ins: {@link Momentum}, {@link MeanReversion}, {@link Breakout}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Strategy {

  /**
   * The signals for {@code bars}, one flag per bar.
   *
   * @param bars one asset's OHLC bars (NaN on bars without a price)
   * @return entry and exit flags, one per bar of {@code bars}
   */
  TradeSignals signals(Bars bars);

  /**
   * The number of leading bars on which this strategy cannot signal an entry because its
   * indicators are still warming up: the first entry can come on bar {@code warmUpBars()}
   * (0-based) of an asset's prices. {@link Backtest#run(Strategy)} and {@link ParameterSweep}
   * reject data on which no entry could ever be filled, instead of reporting a flat backtest.
   * The built-in strategies state theirs; the default 0 means "unknown" (no check).
   *
   * @return the warm-up in bars, &gt;= 0
   * @since 0.1.0
   */
  default int warmUpBars() {
    return 0;
  }

  /**
   * This strategy with volume confirmation: an entry (long or short) only on a bar whose volume
   * is at least {@code multiple} times the average volume of the {@code window} bars before it;
   * exits are unchanged. A bar with an unknown (NaN) volume, or without {@code window} earlier
   * volumes, confirms nothing.
   *
   * @param window the bars of the average volume, &gt;= 1
   * @param multiple the volume ratio an entry needs, finite and &gt; 0 (e.g. 1.5)
   * @return the confirmed strategy
   */
  default Strategy withVolumeConfirmation(int window, double multiple) {
    return new VolumeConfirmed(this, window, multiple);
  }
}
