package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.CciWindow;
import io.github.quantfolio.indicators.internal.Oscillators;

/**
 * Streaming twin of {@link Indicators#cci(double[], double[], double[], int)}, bit for bit equal
 * to the batch function. O(n) per update for windows up to 256 bars, O(log n) beyond (see
 * {@link Indicators#cci(double[], double[], double[], int)}).
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingCci extends BarStream {

  private final CciWindow window;

  private StreamingCci(int n) {
    super("Cci(" + n + ")");
    window = new CciWindow(n);
  }

  /**
   * A CCI over {@code n} bars.
   *
   * @param n the window, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingCci of(int n) {
    return new StreamingCci(Args.period(n, "StreamingCci", "n"));
  }

  @Override
  double step(double high, double low, double close) {
    double r = window.add(Oscillators.typicalPrice(high, low, close));
    if (r != r && window.isFull()) { // as the batch CCI
      throw Args.overflow(name(), "the mean deviation", "bar", bar(),
          Oscillators.bar(high, low, close));
    }
    return r;
  }

  @Override
  void restart() {
    window.clear();
  }
}
