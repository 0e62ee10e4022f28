package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/**
 * Streaming twin of {@link Indicators#obv(double[], double[])}: on-balance volume starting at the
 * first bar's volume, exactly equal to the batch function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingObv implements StreamingIndicator {

  private double obv = Double.NaN;
  private double prev = Double.NaN;

  private StreamingObv() {
  }

  /**
   * An on-balance volume indicator.
   *
   * @return a new indicator
   */
  public static StreamingObv of() {
    return new StreamingObv();
  }

  /**
   * Adds the next bar and returns the new OBV. A NaN close or volume is a missing bar: the result
   * is NaN and the sum restarts at the next bar's volume.
   *
   * @param close the bar's close: finite, or NaN for missing
   * @param volume the bar's volume, {@code >= 0}
   * @return the new value
   * @throws IllegalArgumentException if an input is infinite or the volume negative (the state is
   *     unchanged)
   */
  public double update(double close, double volume) {
    if (Args.bad(close) | Args.bad(volume)) {
      Args.notInfinite(close, "close");
      Args.notInfinite(volume, "volume");
      prev = Double.NaN;
      obv = Double.NaN;
      return obv;
    }
    if (volume < 0) {
      throw new IllegalArgumentException(
          "volume is " + volume + "; volumes must be >= 0 (NaN for missing)");
    }
    if (prev != prev) {
      obv = volume;
    } else if (close > prev) {
      obv += volume;
    } else if (close < prev) {
      obv -= volume;
    }
    prev = close;
    return obv;
  }

  @Override
  public double value() {
    return obv;
  }

  /** {@code Obv = value}. */
  @Override
  public String toString() {
    return "Obv = " + obv;
  }
}
