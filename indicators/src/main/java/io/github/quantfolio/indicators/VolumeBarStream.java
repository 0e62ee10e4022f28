package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/** Base of the streaming indicators of high/low/close/volume bars. */
abstract class VolumeBarStream extends AbstractStream {

  VolumeBarStream(String name) {
    super(name);
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
   * @throws IllegalArgumentException if an input is infinite, the bar breaks
   *     {@code low <= close <= high} or the volume is negative (the state is unchanged)
   * @throws ArithmeticException if the value overflows the range of double (the indicator then
   *     takes no more bars)
   * @throws IllegalStateException if an earlier update overflowed
   */
  public final double update(double high, double low, double close, double volume) {
    requireLive();
    if (Args.badBar(high, low, close) | Args.bad(volume)) {
      requireBar(high, low, close);
      Args.notInfinite(name(), volume, "volume", bar());
      return missing();
    }
    if (volume < 0) {
      throw new IllegalArgumentException(name() + ": volume is " + volume + " at " + where()
          + "; volumes must be >= 0 (NaN for missing)");
    }
    double v;
    try {
      v = step(high, low, close, volume);
    } catch (ArithmeticException e) {
      throw fail(e);
    }
    return accept(v);
  }

  /** The new value after a valid bar; may throw {@link ArithmeticException}. */
  abstract double step(double high, double low, double close, double volume);
}
