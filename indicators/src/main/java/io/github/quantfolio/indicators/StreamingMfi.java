package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#mfi(double[], double[], double[], double[], int)}, bit for
 * bit equal to the batch function. O(1) amortised per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingMfi extends VolumeBarStream {

  private final Oscillators.MfiState state;

  private StreamingMfi(int n) {
    super("Mfi(" + n + ")");
    state = new Oscillators.MfiState(n, name(), "bar");
  }

  /**
   * A money flow index over {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingMfi of(int n) {
    return new StreamingMfi(Args.period(n, "StreamingMfi", "n"));
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
