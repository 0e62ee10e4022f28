package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.HighLow;
import io.github.quantfolio.indicators.internal.WindowExtremum;

/**
 * Streaming twin of {@link Indicators#donchian(double[], double[], int)}:
 * {@link #update(double, double)} returns the middle line; {@link #upper()} and {@link #lower()}
 * the highest high and lowest low of the last n bars. Exactly equal to the batch function. O(1)
 * amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingDonchian extends AbstractStream {

  private final WindowExtremum hh;
  private final WindowExtremum ll;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double middle = Double.NaN;

  private StreamingDonchian(int n) {
    super("Donchian(" + n + ")");
    hh = new WindowExtremum(n, true);
    ll = new WindowExtremum(n, false);
  }

  /**
   * A Donchian channel of {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingDonchian of(int n) {
    return new StreamingDonchian(Args.period(n, "StreamingDonchian", "n"));
  }

  /**
   * Adds the next bar and returns the channel's middle. A NaN high or low is a missing bar: the
   * result is NaN and the channel restarts.
   *
   * @param high the bar's high: finite, or NaN for missing
   * @param low the bar's low
   * @return the new middle line
   * @throws IllegalArgumentException if an input is infinite or {@code high < low} (the state is
   *     unchanged)
   */
  public double update(double high, double low) {
    requireLive();
    if (Args.badRange(high, low)) {
      Args.notInfinite(name(), high, "high", bar());
      Args.notInfinite(name(), low, "low", bar());
      Args.requireBar(name(), high, low, Double.NaN, where());
      upper = Double.NaN;
      lower = Double.NaN;
      middle = Double.NaN;
      return missing();
    }
    upper = hh.add(high);
    lower = ll.add(low);
    middle = HighLow.middle(upper, lower);
    return accept(middle);
  }

  @Override
  void restart() {
    hh.clear();
    ll.clear();
  }

  /**
   * The highest high of the last n bars.
   *
   * @return the value
   */
  public double upper() {
    return upper;
  }

  /**
   * The middle line, {@code (upper + lower) / 2} (same as {@link #value()}).
   *
   * @return the value
   */
  public double middle() {
    return middle;
  }

  /**
   * The lowest low of the last n bars.
   *
   * @return the value
   */
  public double lower() {
    return lower;
  }
}
