package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;

/**
 * A strategy that reads only closes. The engine hands such a strategy its own close column instead
 * of a copy from {@link Bars#close()} (a single backtest of a 2520-bar SMA crossover spent a sixth
 * of its time copying and allocating). Implementations must not modify {@code close}.
 */
interface ClosesOnly extends Strategy {

  /** The signals for {@code close} (read only; NaN for missing bars). */
  TradeSignals signals(double[] close);

  @Override
  default TradeSignals signals(Bars bars) {
    return signals(bars.close());
  }
}
