package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;

/**
 * Streaming twin of {@link Indicators#obv(double[], double[])}: on-balance volume starting at the
 * first bar's volume, exactly equal to the batch function. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingObv extends AbstractStream {

  private double obv = Double.NaN;
  private double prev = Double.NaN;

  private StreamingObv() {
    super("Obv");
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
   * @throws ArithmeticException if the sum overflows the range of double (the indicator then takes
   *     no more bars)
   * @throws IllegalStateException if an earlier update overflowed
   */
  public double update(double close, double volume) {
    requireLive();
    if (Args.bad(close) | Args.bad(volume)) {
      Args.notInfinite(name(), close, "close", bar());
      Args.notInfinite(name(), volume, "volume", bar());
      return missing();
    }
    if (volume < 0) {
      throw new IllegalArgumentException(name() + ": volume is " + volume + " at " + where()
          + "; volumes must be >= 0 (NaN for missing)");
    }
    double next = obv;
    if (prev != prev) {
      next = volume;
    } else if (close > prev) {
      next += volume;
    } else if (close < prev) {
      next -= volume;
    }
    if (Args.bad(next)) { // as the batch OBV
      throw fail(Args.overflow(name(), "the volume sum", "bar", bar(), "volume = " + volume));
    }
    obv = next;
    prev = close;
    return accept(next);
  }

  @Override
  void restart() {
    prev = Double.NaN;
    obv = Double.NaN;
  }
}
