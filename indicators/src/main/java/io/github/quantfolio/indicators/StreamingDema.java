package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.MovingAverages;
import io.github.quantfolio.indicators.internal.SeededEma;

/**
 * Streaming twin of {@link Indicators#dema(double[], int)} ({@code 2 EMA1 - EMA2}) and, with
 * {@link #triple(int)}, of {@link Indicators#tema(double[], int)}
 * ({@code 3 EMA1 - 3 EMA2 + EMA3}); bit for bit equal to the batch functions. O(1) per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingDema extends SeriesStream {

  private final int order;
  private final SeededEma e1;
  private final SeededEma e2;
  private final SeededEma e3;

  private StreamingDema(int n, int order) {
    super((order == 2 ? "Dema(" : "Tema(") + n + ")");
    this.order = order;
    e1 = new SeededEma(n);
    e2 = new SeededEma(n);
    e3 = new SeededEma(n);
  }

  /**
   * A double EMA (DEMA) of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingDema of(int n) {
    return new StreamingDema(Args.period(n, "StreamingDema", "n"), 2);
  }

  /**
   * A triple EMA (TEMA) of period {@code n}.
   *
   * @param n the period, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingDema triple(int n) {
    return new StreamingDema(Args.period(n, "StreamingDema", "n"), 3);
  }

  @Override
  double step(double x) {
    return MovingAverages.multiEmaStep(x, order, e1, e2, e3, name(), "bar", bar());
  }

  @Override
  void restart() {
    e1.clear();
    e2.clear();
    e3.clear();
  }
}
