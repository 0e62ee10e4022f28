package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.RankWindow;

/**
 * A {@link RegimeDetector} fed one bar at a time (made by {@link RegimeDetector#stream()});
 * {@link RegimeDetector#classify(double[], double[], double[])} runs one over a series, so the two
 * agree by construction. A missing bar (a NaN) gives {@link Regime#UNKNOWN} and restarts every
 * measure. O(log volLookback) per update. Mutable, not thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamingRegime {

  private static final String NAME = "RegimeDetector";

  private final RegimeDetector p;
  private final StreamingAdx adx;
  private final StreamingSma sma;
  private final StreamingChange slope;
  private final StreamingStd vol;
  private final RankWindow rank;
  private double prevClose = Double.NaN;
  private Regime value = Regime.UNKNOWN;
  private long bars;
  private String failure;

  StreamingRegime(RegimeDetector p) {
    this.p = p;
    adx = StreamingAdx.of(p.adxPeriod());
    sma = StreamingSma.of(p.maPeriod());
    slope = StreamingChange.roc(p.slopeBars());
    vol = StreamingStd.of(p.volPeriod());
    rank = new RankWindow(p.volLookback());
  }

  /**
   * Adds the next bar and returns its label.
   *
   * @param high the bar's high: finite, or NaN for missing
   * @param low the bar's low
   * @param close the bar's close, &gt; 0
   * @return the label ({@link Regime#UNKNOWN} during the warm-up)
   * @throws IllegalArgumentException if an input is infinite, the bar breaks
   *     {@code low <= close <= high} or the close is {@code <= 0} (the state is unchanged)
   * @throws ArithmeticException if a measure overflows the range of double (the classifier then
   *     takes no more bars)
   * @throws IllegalStateException if an earlier update overflowed
   */
  public Regime update(double high, double low, double close) {
    if (failure != null) {
      throw new IllegalStateException(NAME + " can take no more bars: " + failure
          + "; start a new one");
    }
    boolean missing = Args.badBar(high, low, close);
    if (missing) {
      Args.notInfinite(NAME, high, "high", bars);
      Args.notInfinite(NAME, low, "low", bars);
      Args.notInfinite(NAME, close, "close", bars);
      Args.requireBar(NAME, high, low, close, "bar " + bars);
    }
    if (close <= 0) {
      throw new IllegalArgumentException(NAME + ": close is " + close + " at bar " + bars
          + "; closes must be > 0 (log returns)");
    }
    try {
      value = classify(high, low, close, missing);
    } catch (ArithmeticException e) {
      failure = e.getMessage();
      throw e;
    }
    bars++;
    return value;
  }

  private Regime classify(double high, double low, double close, boolean missing) {
    double a = adx.update(high, low, close);
    if (missing) {
      sma.update(Double.NaN);
      slope.update(Double.NaN);
      vol.update(Double.NaN);
      rank.clear();
      prevClose = Double.NaN;
      return Regime.UNKNOWN;
    }
    double m = sma.update(close);
    double s = m == m ? slope.update(m) : Double.NaN;
    double pc = prevClose;
    prevClose = close;
    double v = pc == pc ? vol.update(Math.log(close / pc)) : Double.NaN;
    double r = v == v ? rank.add(v) : Double.NaN;
    if (a != a || s != s || r != r) {
      return Regime.UNKNOWN;
    } else if (r >= p.highVolPercentile()) {
      return Regime.HIGH_VOLATILITY;
    } else if (a >= p.adxThreshold() && s > 0) {
      return Regime.TRENDING_UP;
    } else if (a >= p.adxThreshold() && s < 0) {
      return Regime.TRENDING_DOWN;
    }
    return Regime.RANGING;
  }

  /**
   * The label of the last bar.
   *
   * @return the label
   */
  public Regime value() {
    return value;
  }

  /** {@code Regime = TRENDING_UP}, for example. */
  @Override
  public String toString() {
    return "Regime = " + value;
  }
}
