package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#vwap(double[], double[], double[], double[])}
 * ({@link #cumulative()}) and {@link Indicators#vwap(double[], double[], double[], double[], int)}
 * ({@link #rolling(int)}), bit for bit equal to the batch functions. O(1) (amortised for the
 * rolling form) per update. For a session VWAP, start a new instance each session.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingVwap extends VolumeBarStream {

  private final Oscillators.VwapState state;

  private StreamingVwap(String name, int n) {
    super(name);
    state = new Oscillators.VwapState(n, name(), "bar");
  }

  /**
   * VWAP cumulative from the first bar.
   *
   * @return a new indicator
   */
  public static StreamingVwap cumulative() {
    return new StreamingVwap("Vwap", 0);
  }

  /**
   * VWAP over the last {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingVwap rolling(int n) {
    return new StreamingVwap("Vwap(" + n + ")", Args.period(n, "StreamingVwap", "n"));
  }

  @Override
  double step(double high, double low, double close, double volume) {
    return state.add(high, low, close, volume, bar());
  }

  @Override
  void restart() {
    state.clear();
  }
}
