package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.HighLow;
import io.github.quantfolio.indicators.internal.WindowExtremum;

/**
 * Streaming twin of {@link Indicators#stochastic(double[], double[], double[], int, int, int)}
 * ({@link #of(int, int, int)}, slow) and
 * {@link Indicators#stochasticFast(double[], double[], double[], int, int)}
 * ({@link #fast(int, int)}): {@link #update(double, double, double)} returns %K, {@link #d()}
 * gives %D; both NaN until %D is defined. Exactly equal to the batch functions. O(1) amortised
 * per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingStochastic extends BarStream {

  private final WindowExtremum hh;
  private final WindowExtremum ll;
  private final HighLow.Smoother smoother;

  private StreamingStochastic(String name, int fastK, int mode, int m1, int m2) {
    super(name);
    hh = new WindowExtremum(fastK, true);
    ll = new WindowExtremum(fastK, false);
    smoother = new HighLow.Smoother(mode, m1, m2);
  }

  /**
   * A slow stochastic: %K = SMA(fast %K, slowK), %D = SMA(%K, slowD).
   *
   * @param fastK the high-low window, {@code >= 1}
   * @param slowK the smoothing of %K, {@code >= 1}
   * @param slowD the smoothing of %D, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingStochastic of(int fastK, int slowK, int slowD) {
    Args.period(fastK, "StreamingStochastic", "fastK");
    Args.period(slowK, "StreamingStochastic", "slowK");
    Args.period(slowD, "StreamingStochastic", "slowD");
    return new StreamingStochastic("Stochastic(" + fastK + ", " + slowK + ", " + slowD + ")",
        fastK, HighLow.STOCH, slowK, slowD);
  }

  /**
   * A fast stochastic: %K = fast %K, %D = SMA(%K, fastD).
   *
   * @param fastK the high-low window, {@code >= 1}
   * @param fastD the smoothing of %D, {@code >= 1}
   * @return a new indicator
   */
  public static StreamingStochastic fast(int fastK, int fastD) {
    Args.period(fastK, "StreamingStochastic", "fastK");
    Args.period(fastD, "StreamingStochastic", "fastD");
    return new StreamingStochastic("StochasticFast(" + fastK + ", " + fastD + ")", fastK,
        HighLow.STOCH_FAST, fastD, 1);
  }

  /**
   * %K (same as {@link #value()}).
   *
   * @return the value
   */
  public double k() {
    return value();
  }

  /**
   * %D (NaN when not ready).
   *
   * @return the value
   */
  public double d() {
    return isReady() ? smoother.d : Double.NaN;
  }

  @Override
  double step(double high, double low, double close) {
    double h = hh.add(high);
    double l = ll.add(low);
    if (h != h) {
      return Double.NaN;
    }
    smoother.add(HighLow.stochasticK(h, l, close));
    return smoother.k;
  }

  @Override
  void restart() {
    hh.clear();
    ll.clear();
    smoother.clear();
  }
}
