package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of high/low/close bars: NaN handling, the latest value. */
abstract class BarStream implements StreamingIndicator {

  private final String name;
  private double value = Double.NaN;

  BarStream(String name) {
    this.name = name;
  }

  /**
   * Adds the next bar and returns the indicator's new value (NaN during the warm-up). A bar with a
   * NaN is missing: the result is NaN and the indicator restarts.
   *
   * @param high the bar's high: finite, or NaN for missing
   * @param low the bar's low
   * @param close the bar's close
   * @return the new value
   * @throws IllegalArgumentException if an input is infinite (the state is unchanged)
   */
  public final double update(double high, double low, double close) {
    if (Args.bad(high) | Args.bad(low) | Args.bad(close)) {
      Args.notInfinite(high, "high");
      Args.notInfinite(low, "low");
      Args.notInfinite(close, "close");
      restart();
      value = Double.NaN;
      return value;
    }
    value = step(high, low, close);
    return value;
  }

  abstract double step(double high, double low, double close);

  abstract void restart();

  @Override
  public final double value() {
    return value;
  }

  /** The indicator, its parameters and its value, e.g. {@code Atr(14) = 2.31}. */
  @Override
  public String toString() {
    return name + " = " + value;
  }
}
