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

  /** The signals for {@code bars}, one flag per bar. */
  TradeSignals signals(Bars bars);
}
