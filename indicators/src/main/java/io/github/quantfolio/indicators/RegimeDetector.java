package io.github.quantfolio.indicators;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.internal.Args;

/**
 * Labels each bar {@link Regime#HIGH_VOLATILITY}, {@link Regime#TRENDING_UP},
 * {@link Regime#TRENDING_DOWN} or {@link Regime#RANGING} from three standard measures. An
 * immutable set of parameters; {@link #defaults()} and the {@code with...} methods make one,
 * {@link #classify(Bars)} labels a series, {@link #stream()} labels a live feed.
 *
 * <h2>Rule</h2>
 *
 * For bar t, with
 *
 * <ul>
 *   <li>{@code vol_t} = population standard deviation of the last {@link #volPeriod()} log returns
 *       {@code ln(c_i / c_(i-1))} (realised volatility, per bar);
 *   <li>{@code rank_t} = the percentile rank of {@code vol_t} among the last
 *       {@link #volLookback()} values of {@code vol} (itself included), ties at mid-rank:
 *       {@code (#below + #equal / 2) / volLookback}. Ranking against its own recent history
 *       adapts the rule to each asset's normal level;
 *   <li>{@code ADX_t} = Wilder's ADX of period {@link #adxPeriod()}
 *       ({@link Indicators#adx(double[], double[], double[], int)});
 *   <li>{@code slope_t} = {@code SMA_t / SMA_(t-s) - 1}, the change of the {@link #maPeriod()}-bar
 *       simple moving average of the close over {@code s =} {@link #slopeBars()} bars,
 * </ul>
 *
 * the label is, in this order: {@code HIGH_VOLATILITY} if {@code rank_t >= }
 * {@link #highVolPercentile()}; else {@code TRENDING_UP} if {@code ADX_t >= }
 * {@link #adxThreshold()} and {@code slope_t > 0}; {@code TRENDING_DOWN} if
 * {@code ADX_t >= adxThreshold} and {@code slope_t < 0}; else {@code RANGING}. The label is
 * {@link Regime#UNKNOWN} until every measure is defined: {@code max(volPeriod + volLookback - 1,
 * 2 adxPeriod - 1, maPeriod - 1 + slopeBars)} bars (271 with the defaults), and after a missing
 * bar, which restarts every measure (the indicators' NaN policy).
 *
 * <h2>Defaults</h2>
 *
 * ADX(14) with threshold 25 (Wilder's and most practitioners' "trending" level), SMA(50) slope
 * over 10 bars, 20-bar realised volatility ranked over the last 252 bars (a trading year), high
 * volatility from the 80th percentile. A percentile rule labels a roughly fixed share of bars
 * (about 1 - highVolPercentile) high-volatility whatever the market does. On the default
 * simulated market the label catches two thirds of the simulator's truly stressed days while
 * flagging about one calm day in six (balanced accuracy 0.75; see {@code docs/indicators.md}).
 *
 * @param adxPeriod ADX period, {@code >= 1}
 * @param adxThreshold ADX level from which a trend counts, in [0, 100]
 * @param maPeriod simple moving average window for the trend direction, {@code >= 1}
 * @param slopeBars bars over which the moving average's change is measured, {@code >= 1}
 * @param volPeriod number of log returns in the realised volatility, {@code >= 1}
 * @param volLookback number of volatility values the percentile rank is taken over,
 *     {@code >= 1}
 * @param highVolPercentile rank from which volatility counts as high, in (0, 1]; 1 switches the
 *     label off (a mid-rank is below 1)
 * @since 0.1.0
 */
public record RegimeDetector(int adxPeriod, double adxThreshold, int maPeriod, int slopeBars,
    int volPeriod, int volLookback, double highVolPercentile) {

  /**
   * Validates the parameters.
   *
   * @param adxPeriod ADX period, {@code >= 1}
   * @param adxThreshold ADX level from which a trend counts, in [0, 100]
   * @param maPeriod the moving average window, {@code >= 1}
   * @param slopeBars the slope distance in bars, {@code >= 1}
   * @param volPeriod the number of log returns in the volatility, {@code >= 1}
   * @param volLookback the number of volatility values ranked over, {@code >= 1}
   * @param highVolPercentile the rank from which volatility is high, in (0, 1]
   * @throws IllegalArgumentException naming the first parameter out of range
   */
  public RegimeDetector {
    Args.period(adxPeriod, "RegimeDetector", "adxPeriod");
    if (!(adxThreshold >= 0 && adxThreshold <= 100)) {
      throw new IllegalArgumentException(
          "RegimeDetector: expected 0 <= adxThreshold <= 100, but found " + adxThreshold);
    }
    Args.period(maPeriod, "RegimeDetector", "maPeriod");
    Args.period(slopeBars, "RegimeDetector", "slopeBars");
    Args.period(volPeriod, "RegimeDetector", "volPeriod");
    Args.period(volLookback, "RegimeDetector", "volLookback");
    if (!(highVolPercentile > 0 && highVolPercentile <= 1)) {
      throw new IllegalArgumentException(
          "RegimeDetector: expected 0 < highVolPercentile <= 1, but found " + highVolPercentile);
    }
  }

  /**
   * The default parameters: ADX(14) threshold 25, SMA(50) slope over 10 bars, 20-bar volatility
   * ranked over 252 bars, high volatility from the 80th percentile.
   *
   * @return a new detector
   */
  public static RegimeDetector defaults() {
    return new RegimeDetector(14, 25, 50, 10, 20, 252, 0.8);
  }

  /**
   * A copy with another ADX period and threshold.
   *
   * @param period the ADX period, {@code >= 1}
   * @param threshold the ADX threshold, in [0, 100]
   * @return a new detector
   */
  public RegimeDetector withAdx(int period, double threshold) {
    return new RegimeDetector(period, threshold, maPeriod, slopeBars, volPeriod, volLookback,
        highVolPercentile);
  }

  /**
   * A copy with another moving average window and slope distance.
   *
   * @param maPeriod the moving average window, {@code >= 1}
   * @param slopeBars the slope distance in bars, {@code >= 1}
   * @return a new detector
   */
  public RegimeDetector withTrend(int maPeriod, int slopeBars) {
    return new RegimeDetector(adxPeriod, adxThreshold, maPeriod, slopeBars, volPeriod,
        volLookback, highVolPercentile);
  }

  /**
   * A copy with other volatility parameters.
   *
   * @param volPeriod the number of log returns in the volatility, {@code >= 1}
   * @param volLookback the number of volatility values ranked over, {@code >= 1}
   * @param highVolPercentile the rank from which volatility is high, in (0, 1]
   * @return a new detector
   */
  public RegimeDetector withVolatility(int volPeriod, int volLookback, double highVolPercentile) {
    return new RegimeDetector(adxPeriod, adxThreshold, maPeriod, slopeBars, volPeriod,
        volLookback, highVolPercentile);
  }

  /**
   * The number of leading bars labelled {@link Regime#UNKNOWN} in a series without missing bars.
   *
   * @return the number of leading bars without a label
   */
  public int lookback() {
    return Math.max(volPeriod + volLookback - 1, Math.max(2 * adxPeriod - 1,
        maPeriod - 1 + slopeBars));
  }

  /**
   * Labels every bar (see the class documentation).
   *
   * @param high highs
   * @param low lows
   * @param close closes (&gt; 0 where present: log returns)
   * @return a new array of labels, one per bar
   * @throws IllegalArgumentException if the lengths differ, a value is infinite or a close is
   *     {@code <= 0}
   */
  public Regime[] classify(double[] high, double[] low, double[] close) {
    Args.sameLength("RegimeDetector", high, "high", low, "low", close, "close");
    StreamingRegime s = stream();
    Regime[] r = new Regime[close.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = s.update(high[i], low[i], close[i]); // its messages name bar i
    }
    return r;
  }

  /**
   * Labels every bar of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @return a new array of labels
   * @see #classify(double[], double[], double[])
   */
  public Regime[] classify(Bars bars) {
    Args.notNull(bars, "RegimeDetector", "bars");
    return classify(bars.high(), bars.low(), bars.close());
  }

  /**
   * A streaming classifier with these parameters, giving the same labels bar by bar.
   *
   * @return a new streaming classifier
   */
  public StreamingRegime stream() {
    return new StreamingRegime(this);
  }
}
