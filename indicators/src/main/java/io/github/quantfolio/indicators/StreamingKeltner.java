package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.AtrState;
import io.github.quantfolio.indicators.internal.Oscillators;
import io.github.quantfolio.indicators.internal.SeededEma;

/**
 * Streaming twin of {@link Indicators#keltner(double[], double[], double[], int, int, double)}:
 * {@link #update(double, double, double)} returns the middle line (EMA of the close);
 * {@link #upper()} and {@link #lower()} the bands. Bit for bit equal to the batch function. O(1)
 * per update.
 *
 * @see StreamingIndicator
 * @since 0.1.0
 */
public final class StreamingKeltner extends BarStream {

  private final SeededEma ema;
  private final AtrState atr;
  private final double multiplier;
  private double width = Double.NaN;

  private StreamingKeltner(int n, int atrPeriod, double multiplier) {
    super("Keltner(" + n + ", " + atrPeriod + ", " + multiplier + ")");
    ema = new SeededEma(n);
    atr = new AtrState(atrPeriod);
    this.multiplier = multiplier;
  }

  /**
   * Keltner Channels: EMA(close, n) +/- multiplier x ATR(atrPeriod).
   *
   * @param n the EMA period, {@code >= 1}
   * @param atrPeriod the ATR period, {@code >= 1}
   * @param multiplier the number of ATRs, finite and {@code >= 0} (usually 2)
   * @return a new indicator
   */
  public static StreamingKeltner of(int n, int atrPeriod, double multiplier) {
    Args.period(n, "StreamingKeltner", "n");
    Args.period(atrPeriod, "StreamingKeltner", "atrPeriod");
    Args.multiplier(multiplier, "StreamingKeltner", "multiplier");
    return new StreamingKeltner(n, atrPeriod, multiplier);
  }

  /**
   * The upper channel (NaN when not ready).
   *
   * @return the value
   */
  public double upper() {
    return value() + width;
  }

  /**
   * The middle line (same as {@link #value()}).
   *
   * @return the value
   */
  public double middle() {
    return value();
  }

  /**
   * The lower channel (NaN when not ready).
   *
   * @return the value
   */
  public double lower() {
    return value() - width;
  }

  @Override
  double step(double high, double low, double close) {
    double e = ema.add(close);
    double r = atr.add(high, low, close);
    if (e != e || r != r) {
      return Double.NaN;
    }
    double w = multiplier * r;
    if (Args.bad(e + w) | Args.bad(e - w)) { // as the batch Keltner Channels
      throw Args.overflow(name(), "a channel", "bar", bar(), Oscillators.bar(high, low, close));
    }
    width = w;
    return e;
  }

  @Override
  void restart() {
    ema.clear();
    atr.clear();
  }
}
