package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.WindowExtremum;

/**
 * Streaming twin of {@link Indicators#rollingMax(double[], int)} ({@link #max(int)}) and
 * {@link Indicators#rollingMin(double[], int)} ({@link #min(int)}): the extreme of the last n
 * values, exactly equal to the batch functions (an extreme is one of the values, whatever the
 * method). O(1) amortised per update (van Herk / Gil-Werman blocks).
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingExtremum extends SeriesStream {

  private final WindowExtremum window;

  private StreamingExtremum(int n, boolean max) {
    super((max ? "Max(" : "Min(") + n + ")");
    window = new WindowExtremum(n, max);
  }

  /**
   * The maximum of the last {@code n} values.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingExtremum max(int n) {
    return new StreamingExtremum(Args.period(n, "StreamingExtremum", "n"), true);
  }

  /**
   * The minimum of the last {@code n} values.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingExtremum min(int n) {
    return new StreamingExtremum(Args.period(n, "StreamingExtremum", "n"), false);
  }

  @Override
  double step(double x) {
    return window.add(x);
  }

  @Override
  void restart() {
    window.clear();
  }
}
