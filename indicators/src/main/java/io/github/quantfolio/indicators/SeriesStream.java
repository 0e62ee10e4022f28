package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of one series: NaN handling and the latest value. */
abstract class SeriesStream implements StreamingIndicator {

  private final String name;
  private double value = Double.NaN;

  SeriesStream(String name) {
    this.name = name;
  }

  /**
   * Adds the next value and returns the indicator's new value (NaN during the warm-up). A NaN
   * input is a missing value: the result is NaN and the indicator restarts.
   *
   * @param x the next value: finite, or NaN for missing
   * @return the new value
   * @throws IllegalArgumentException if {@code x} is infinite (the state is unchanged)
   */
  public final double update(double x) {
    if (Args.bad(x)) {
      Args.notInfinite(x, "x");
      restart();
      value = Double.NaN;
      return value;
    }
    value = step(x);
    return value;
  }

  abstract double step(double x);

  abstract void restart();

  @Override
  public final double value() {
    return value;
  }

  /** The indicator, its parameters and its value, e.g. {@code Sma(20) = 101.25}. */
  @Override
  public String toString() {
    return name + " = " + value;
  }
}
