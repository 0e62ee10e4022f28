package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of high/low/close/volume bars. */
abstract class VolumeBarStream implements StreamingIndicator {

  private final String name;
  private double value = Double.NaN;

  VolumeBarStream(String name) {
    this.name = name;
  }

  /**
   * Adds the next bar and returns the indicator's new value (NaN during the warm-up). A bar with a
   * NaN is missing: the result is NaN and the indicator restarts.
   *
   * @param high the bar's high: finite, or NaN for missing
   * @param low the bar's low
   * @param close the bar's close
   * @param volume the bar's volume, {@code >= 0}
   * @return the new value
   * @throws IllegalArgumentException if an input is infinite or the volume negative (the state is
   *     unchanged)
   */
  public final double update(double high, double low, double close, double volume) {
    if (Args.bad(high) | Args.bad(low) | Args.bad(close) | Args.bad(volume)) {
      Args.notInfinite(high, "high");
      Args.notInfinite(low, "low");
      Args.notInfinite(close, "close");
      Args.notInfinite(volume, "volume");
      restart();
      value = Double.NaN;
      return value;
    }
    if (volume < 0) {
      throw new IllegalArgumentException(
          "volume is " + volume + "; volumes must be >= 0 (NaN for missing)");
    }
    value = step(high, low, close, volume);
    return value;
  }

  abstract double step(double high, double low, double close, double volume);

  abstract void restart();

  @Override
  public final double value() {
    return value;
  }

  /** The indicator, its parameters and its value, e.g. {@code Mfi(14) = 61.2}. */
  @Override
  public String toString() {
    return name + " = " + value;
  }
}
