package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.indicators.Indicators;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns one instrument's {@link Bars} (or one column of a {@link PriceFrame}) into the
 * {@link Features} a signal model sees as of one bar, with the {@link Indicators indicators}
 * module. An immutable set of parameters: {@link #defaults()} and the {@code with...} methods
 * make one. Thread-safe.
 *
 * <h2>Features (names are stable)</h2>
 *
 * With {@code c} the closes, {@code t} the as-of bar and the default parameters:
 *
 * <table>
 *   <caption>Features and their definitions</caption>
 *   <tr><th>name</th><th>value</th><th>bars needed</th></tr>
 *   <tr><td>{@code ret1}, {@code ret5}, {@code ret20}, {@code ret60}
 *       ({@link #returnName(int) "ret" + w})</td>
 *       <td>simple return over w bars, {@code c_t / c_(t-w) - 1}</td><td>w + 1</td></tr>
 *   <tr><td>{@value #RSI}</td><td>Wilder's RSI(14) of the close, in [0, 100]
 *       ({@link Indicators#rsi(double[], int)})</td><td>15</td></tr>
 *   <tr><td>{@value #MACD_HISTOGRAM}</td><td>MACD(12, 26, 9) histogram divided by the close
 *       ({@link Indicators#macd(double[], int, int, int)}), so it compares across price
 *       levels</td><td>34</td></tr>
 *   <tr><td>{@value #BOLLINGER_PERCENT_B}</td><td>Bollinger %B(20, 2) of the close: 0 on the
 *       lower band, 1 on the upper, 0.5 for a flat window
 *       ({@link io.github.quantfolio.indicators.Bands#percentB(double[])})</td><td>20</td></tr>
 *   <tr><td>{@value #ATR_FRACTION}</td><td>Wilder's ATR(14) divided by the close
 *       ({@link Indicators#atr(double[], double[], double[], int)})</td><td>15</td></tr>
 *   <tr><td>{@value #VOLUME_Z}</td><td>z-score of the volume over 20 bars, population deviation,
 *       0 for a constant window ({@link Indicators#zscore(double[], int)}); NaN where the volume
 *       is unknown</td><td>20</td></tr>
 *   <tr><td>{@value #REALIZED_VOLATILITY}</td><td>realised volatility: population standard
 *       deviation of the last 20 log returns {@code ln(c_i / c_(i-1))}, per bar (not
 *       annualised; multiply by {@code sqrt(periods per year)})
 *       ({@link Indicators#rollingStd(double[], int)})</td><td>21</td></tr>
 *   <tr><td>{@value #REGIME}</td><td>the {@link RegimeDetector}'s label as a number (see
 *       {@link #regimeCode(Regime)}): -1 trending down, 0 ranging, +1 trending up, 2 high
 *       volatility; classified on the last {@code lookback() + 1} bars of the window, the fewest
 *       that give a label (the detector's ADX costs as much per bar as every other feature
 *       together)</td><td>{@code lookback() + 1} of the detector (146 with the default)</td></tr>
 * </table>
 *
 * <p>The regime feature is what can be <em>observed</em> in bars. The simulator's
 * {@link io.github.quantfolio.core.MarketRegime} (calm / stressed) is its hidden truth, which no
 * live feed offers, so it is not a feature; the detector's {@code HIGH_VOLATILITY} label is its
 * estimate of the stressed state. The default detector is {@link RegimeDetector#defaults()} with
 * the volatility ranked over the last 126 bars (half a trading year) instead of 252, so that its
 * warm-up fits in the default look-back.
 *
 * <h2>No look-ahead, and a fixed look-back</h2>
 *
 * The features as of bar {@code t} are a function of the {@link #lookback()} bars
 * {@code [t - L + 1, t]} only (L = 250 by default): the indicators are computed on exactly that
 * window, as if the series began at its first bar. Recursive indicators (EMA, Wilder smoothing)
 * would otherwise depend on how much history the caller happens to hold; with the fixed window a
 * replay over ten years, a paper run and a live process holding the last 250 bars compute the same
 * numbers, and one cycle costs O(L) per symbol whatever the history. Before bar {@code L - 1}
 * (fewer than L bars up to the as-of bar) every feature is NaN; within the window, a feature is
 * also NaN where its indicator is (a missing bar restarts the indicators; see {@link Indicators}).
 * A missing as-of bar gives all NaN.
 *
 * <h2>Time</h2>
 *
 * {@link Features#asOf()} is {@code bars.index().instant(t)}: the instant of a dated bar is the
 * start of its day in UTC ({@link TimeIndex#instant(int)}). A frame's {@code LocalDate} or
 * instant index and the features' instant therefore line up without conversion: the features of a
 * dated bar are found again by {@link #features(Bars, Instant)} with that instant, or by
 * {@link #features(Bars, LocalDate)} with its date. The features include the as-of bar's close:
 * they are what is known once that bar has closed.
 *
 * <h2>Cost</h2>
 *
 * One call is O(L), whatever the length of the history: the recursive indicators (RSI, MACD,
 * ATR) run over the L bars, the finite-memory ones (Bollinger, z-score, realised volatility) over
 * the last n values that alone define their last value, the regime detector over its
 * {@code lookback() + 1} bars (the largest part of the cost). The window is copied out of the
 * bars, which are not otherwise read. The batch {@link #featureSeries(Bars)}
 * costs O(size x L). The close-only variant copies the frame's column (O(rows)).
 *
 * <h2>Close-only variant</h2>
 *
 * {@link #features(PriceFrame, String, int)} reads only closes, so it gives the subset
 * {@link #closeOnlyNames()}: the returns, {@value #RSI}, {@value #MACD_HISTOGRAM},
 * {@value #BOLLINGER_PERCENT_B} and {@value #REALIZED_VOLATILITY}, with the same values as the
 * same-named features of bars with those closes.
 *
 * @param lookback L, the number of bars the features are computed from, {@code >= 2} and at least
 *     the bars each included feature needs
 * @param returnWindows the return windows in bars, each {@code >= 1}, distinct, not empty
 * @param rsiPeriod the RSI period, {@code >= 1}
 * @param macdFast the MACD fast EMA period, {@code >= 1} and {@code <= macdSlow}
 * @param macdSlow the MACD slow EMA period
 * @param macdSignal the MACD signal EMA period, {@code >= 1}
 * @param bollingerPeriod the Bollinger window, {@code >= 1}
 * @param bollingerK the Bollinger band width in standard deviations, finite and {@code >= 0}
 * @param atrPeriod the ATR period, {@code >= 1}
 * @param volumeWindow the volume z-score window, {@code >= 1}
 * @param volatilityWindow the number of log returns in the realised volatility, {@code >= 1}
 * @param regimeDetector the regime classifier, not null
 * @param omitted names of features left out (sorted, distinct; each a feature name)
 * @since 0.1.0
 */
public record FeatureBuilder(int lookback, List<Integer> returnWindows, int rsiPeriod,
    int macdFast, int macdSlow, int macdSignal, int bollingerPeriod, double bollingerK,
    int atrPeriod, int volumeWindow, int volatilityWindow, RegimeDetector regimeDetector,
    List<String> omitted) implements FeatureSource {

  /** The default look-back: 250 bars, about one trading year of daily bars. */
  public static final int DEFAULT_LOOKBACK = 250;
  /** Name of the RSI feature. */
  public static final String RSI = "rsi";
  /** Name of the MACD histogram / close feature. */
  public static final String MACD_HISTOGRAM = "macdHist";
  /** Name of the Bollinger %B feature. */
  public static final String BOLLINGER_PERCENT_B = "bollingerPctB";
  /** Name of the ATR / close feature. */
  public static final String ATR_FRACTION = "atrFraction";
  /** Name of the volume z-score feature. */
  public static final String VOLUME_Z = "volumeZ";
  /** Name of the realised volatility feature. */
  public static final String REALIZED_VOLATILITY = "realizedVol";
  /** Name of the regime code feature. */
  public static final String REGIME = "regime";

  private static final String WHAT = "FeatureBuilder";

  /**
   * Validates the parameters and copies the lists.
   *
   * @param lookback L, {@code >= 2} and at least the bars each included feature needs
   * @param returnWindows the return windows, each {@code >= 1}, distinct, not empty
   * @param rsiPeriod the RSI period, {@code >= 1}
   * @param macdFast the MACD fast period, {@code >= 1} and {@code <= macdSlow}
   * @param macdSlow the MACD slow period
   * @param macdSignal the MACD signal period, {@code >= 1}
   * @param bollingerPeriod the Bollinger window, {@code >= 1}
   * @param bollingerK the Bollinger width, finite and {@code >= 0}
   * @param atrPeriod the ATR period, {@code >= 1}
   * @param volumeWindow the volume z-score window, {@code >= 1}
   * @param volatilityWindow the realised volatility window, {@code >= 1}
   * @param regimeDetector the regime classifier, not null
   * @param omitted names of features left out, each a feature name; not all of them
   * @throws IllegalArgumentException naming the first parameter out of range, or the feature
   *     that needs more bars than {@code lookback}
   */
  public FeatureBuilder {
    Objects.requireNonNull(returnWindows, WHAT + ": returnWindows must not be null");
    Objects.requireNonNull(regimeDetector, WHAT + ": regimeDetector must not be null");
    Objects.requireNonNull(omitted, WHAT + ": omitted must not be null");
    returnWindows = List.copyOf(returnWindows);
    if (returnWindows.isEmpty()) {
      throw new IllegalArgumentException(WHAT + ": returnWindows must hold at least one window");
    }
    for (int i = 0; i < returnWindows.size(); i++) {
      period(returnWindows.get(i), "returnWindows[" + i + "]");
      if (returnWindows.indexOf(returnWindows.get(i)) != i) {
        throw new IllegalArgumentException(WHAT + ": duplicate return window "
            + returnWindows.get(i) + " in " + returnWindows);
      }
    }
    period(rsiPeriod, "rsiPeriod");
    period(macdFast, "macdFast");
    period(macdSlow, "macdSlow");
    period(macdSignal, "macdSignal");
    if (macdFast > macdSlow) {
      throw new IllegalArgumentException(WHAT + ": expected macdFast <= macdSlow, but found "
          + "macdFast = " + macdFast + ", macdSlow = " + macdSlow);
    }
    period(bollingerPeriod, "bollingerPeriod");
    if (!(bollingerK >= 0 && bollingerK <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(WHAT + ": expected finite bollingerK >= 0, but found "
          + bollingerK);
    }
    period(atrPeriod, "atrPeriod");
    period(volumeWindow, "volumeWindow");
    period(volatilityWindow, "volatilityWindow");
    List<String> all = allNames(returnWindows);
    TreeSet<String> sorted = new TreeSet<>();
    for (String name : omitted) {
      Objects.requireNonNull(name, WHAT + ": omitted holds a null name");
      if (!all.contains(name)) {
        throw new IllegalArgumentException(WHAT + ": cannot omit unknown feature '" + name
            + "'; features are " + all);
      }
      sorted.add(name);
    }
    if (sorted.size() == all.size()) {
      throw new IllegalArgumentException(WHAT + ": every feature is omitted " + sorted);
    }
    omitted = List.copyOf(sorted);
    if (lookback < 2) {
      throw new IllegalArgumentException(WHAT + ": expected lookback >= 2, but found "
          + lookback);
    }
    int[] needs = barsNeeded(returnWindows, rsiPeriod, macdSlow, macdSignal, bollingerPeriod,
        atrPeriod, volumeWindow, volatilityWindow, regimeDetector);
    for (int i = 0; i < all.size(); i++) {
      if (needs[i] > lookback && !sorted.contains(all.get(i))) {
        throw new IllegalArgumentException(WHAT + ": lookback " + lookback + " bars is too short "
            + "for feature '" + all.get(i) + "', which needs " + needs[i] + " bars; lengthen the "
            + "lookback or omit the feature");
      }
    }
  }

  private static void period(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(WHAT + ": expected " + name + " >= 1, but found "
          + value);
    }
  }

  /**
   * The default parameters: a 250-bar look-back, returns over 1, 5, 20 and 60 bars, RSI(14),
   * MACD(12, 26, 9), Bollinger(20, 2), ATR(14), a 20-bar volume z-score, 20-bar realised
   * volatility and {@link RegimeDetector#defaults()} with its volatility ranked over 126 bars;
   * nothing omitted.
   *
   * @return the default builder
   */
  public static FeatureBuilder defaults() {
    return new FeatureBuilder(DEFAULT_LOOKBACK, List.of(1, 5, 20, 60), 14, 12, 26, 9, 20, 2.0, 14,
        20, 20, RegimeDetector.defaults().withVolatility(20, 126, 0.8), List.of());
  }

  /**
   * The name of the return feature over {@code window} bars: {@code "ret" + window}.
   *
   * @param window the window in bars
   * @return the feature name, e.g. {@code "ret20"}
   */
  public static String returnName(int window) {
    return "ret" + window;
  }

  /**
   * The number a regime label is coded as in the {@value #REGIME} feature:
   * {@link Regime#TRENDING_DOWN} -1, {@link Regime#RANGING} 0, {@link Regime#TRENDING_UP} +1,
   * {@link Regime#HIGH_VOLATILITY} 2, {@link Regime#UNKNOWN} NaN (warm-up). The trend labels are
   * ordered by direction so that a linear model can use the code; trees split on it either way.
   *
   * @param regime a label, not null
   * @return its code
   */
  public static double regimeCode(Regime regime) {
    switch (Objects.requireNonNull(regime, "regime")) {
      case TRENDING_DOWN:
        return -1;
      case RANGING:
        return 0;
      case TRENDING_UP:
        return 1;
      case HIGH_VOLATILITY:
        return 2;
      default:
        return Double.NaN;
    }
  }

  // ------------------------------------------------------------------------------------ withers

  /**
   * A copy with another look-back.
   *
   * @param bars L, the number of bars the features are computed from
   * @return a new builder
   */
  public FeatureBuilder withLookback(int bars) {
    return new FeatureBuilder(bars, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with other return windows (the return feature names follow them).
   *
   * @param windows the windows in bars, each {@code >= 1}, distinct
   * @return a new builder
   */
  public FeatureBuilder withReturnWindows(int... windows) {
    List<Integer> w = new ArrayList<>();
    for (int x : Objects.requireNonNull(windows, WHAT + ": windows must not be null")) {
      w.add(x);
    }
    return new FeatureBuilder(lookback, w, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with another RSI period.
   *
   * @param period the RSI period, {@code >= 1}
   * @return a new builder
   */
  public FeatureBuilder withRsi(int period) {
    return new FeatureBuilder(lookback, returnWindows, period, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with other MACD periods.
   *
   * @param fast the fast period, {@code >= 1} and {@code <= slow}
   * @param slow the slow period
   * @param signal the signal period, {@code >= 1}
   * @return a new builder
   */
  public FeatureBuilder withMacd(int fast, int slow, int signal) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, fast, slow, signal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with other Bollinger parameters.
   *
   * @param period the window, {@code >= 1}
   * @param k the band width in standard deviations, finite and {@code >= 0}
   * @return a new builder
   */
  public FeatureBuilder withBollinger(int period, double k) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        period, k, atrPeriod, volumeWindow, volatilityWindow, regimeDetector, omitted);
  }

  /**
   * A copy with another ATR period.
   *
   * @param period the ATR period, {@code >= 1}
   * @return a new builder
   */
  public FeatureBuilder withAtr(int period) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, period, volumeWindow, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with another volume z-score window.
   *
   * @param window the window, {@code >= 1}
   * @return a new builder
   */
  public FeatureBuilder withVolumeWindow(int window) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, window, volatilityWindow, regimeDetector,
        omitted);
  }

  /**
   * A copy with another realised volatility window.
   *
   * @param window the number of log returns, {@code >= 1}
   * @return a new builder
   */
  public FeatureBuilder withVolatilityWindow(int window) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, window, regimeDetector, omitted);
  }

  /**
   * A copy with another regime classifier.
   *
   * @param detector the classifier, not null
   * @return a new builder
   */
  public FeatureBuilder withRegime(RegimeDetector detector) {
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, detector,
        omitted);
  }

  /**
   * A copy without the named features (added to those already omitted), e.g.
   * {@code without(VOLUME_Z)} for bars whose volume is unknown, where that feature would be NaN
   * on every bar.
   *
   * @param names feature names (see {@link #names()})
   * @return a new builder
   */
  public FeatureBuilder without(String... names) {
    List<String> o = new ArrayList<>(omitted);
    o.addAll(Arrays.asList(Objects.requireNonNull(names, WHAT + ": names must not be null")));
    return new FeatureBuilder(lookback, returnWindows, rsiPeriod, macdFast, macdSlow, macdSignal,
        bollingerPeriod, bollingerK, atrPeriod, volumeWindow, volatilityWindow, regimeDetector,
        o);
  }

  // ---------------------------------------------------------------------------------- names

  /**
   * The names of the features {@link #features(Bars, int)} gives, in order: the returns in the
   * order of {@link #returnWindows()}, then {@value #RSI}, {@value #MACD_HISTOGRAM},
   * {@value #BOLLINGER_PERCENT_B}, {@value #ATR_FRACTION}, {@value #VOLUME_Z},
   * {@value #REALIZED_VOLATILITY}, {@value #REGIME}; omitted ones left out.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return included(false);
  }

  /**
   * The names of the features the close-only variant ({@link #features(PriceFrame, String, int)})
   * gives: {@link #names()} without {@value #ATR_FRACTION}, {@value #VOLUME_Z} and
   * {@value #REGIME}, which need highs, lows or volumes.
   *
   * @return an unmodifiable list
   * @throws IllegalStateException if every close-only feature is omitted
   */
  public List<String> closeOnlyNames() {
    List<String> n = included(true);
    if (n.isEmpty()) {
      throw new IllegalStateException(WHAT + ": every close-only feature is omitted " + omitted);
    }
    return n;
  }

  private List<String> included(boolean closeOnly) {
    List<String> out = new ArrayList<>();
    for (String n : allNames(returnWindows)) {
      if (!omitted.contains(n) && !(closeOnly && needsBars(n))) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  static boolean needsBars(String name) {
    return name.equals(ATR_FRACTION) || name.equals(VOLUME_Z) || name.equals(REGIME);
  }

  private static List<String> allNames(List<Integer> windows) {
    List<String> n = new ArrayList<>();
    for (int w : windows) {
      n.add(returnName(w));
    }
    n.addAll(List.of(RSI, MACD_HISTOGRAM, BOLLINGER_PERCENT_B, ATR_FRACTION, VOLUME_Z,
        REALIZED_VOLATILITY, REGIME));
    return n;
  }

  /** Bars each feature of {@link #allNames} needs before its first value, in the same order. */
  private static int[] barsNeeded(List<Integer> windows, int rsi, int macdSlow, int macdSignal,
      int bollinger, int atr, int volume, int volatility, RegimeDetector regime) {
    int[] n = new int[windows.size() + 7];
    int k = 0;
    for (int w : windows) {
      n[k++] = w + 1;
    }
    n[k++] = rsi + 1; // lookback n
    n[k++] = macdSlow + macdSignal - 1; // lookback slow + signal - 2
    n[k++] = bollinger; // lookback n - 1
    n[k++] = atr + 1; // lookback n
    n[k++] = volume; // lookback n - 1
    n[k++] = volatility + 1; // n log returns need n + 1 closes
    n[k] = regime.lookback() + 1;
    return n;
  }

  // ------------------------------------------------------------------------------ computation

  /**
   * The features of {@code bars} as of bar {@code asOfIndex}, from bars
   * {@code [asOfIndex - lookback + 1, asOfIndex]} only (all NaN before bar {@code lookback - 1}).
   *
   * @param bars the instrument's bars (may extend past the as-of bar; those are not read)
   * @param asOfIndex the 0-based position of the as-of bar
   * @return the features, named {@link #names()}, with {@code asOf} the bar's instant
   * @throws IllegalArgumentException if {@code asOfIndex} is outside the bars (the message names
   *     the symbol, the index and the range)
   */
  @Override
  public Features features(Bars bars, int asOfIndex) {
    Objects.requireNonNull(bars, WHAT + ": bars must not be null");
    AsOf.checkPosition(bars.index(), asOfIndex, "bars of '" + bars.symbol() + "'");
    return featuresAt(bars, asOfIndex);
  }

  /**
   * The features of {@code bars} as of the bar at {@code asOf}. On a date index, the instant of a
   * date is the start of its UTC day ({@link TimeIndex#instant(int)}), which is what
   * {@link Features#asOf()} holds.
   *
   * @param bars the instrument's bars
   * @param asOf the instant of the as-of bar, exactly as the index gives it
   * @return the features (see {@link #features(Bars, int)})
   * @throws IllegalArgumentException if no bar has that instant (the message names the symbol and
   *     the instant)
   */
  public Features features(Bars bars, Instant asOf) {
    Objects.requireNonNull(bars, WHAT + ": bars must not be null");
    return featuresAt(bars, AsOf.position(bars.index(), asOf, "bars of '" + bars.symbol() + "'"));
  }

  /**
   * The features of {@code bars} as of the bar of {@code date}: on a date index the bar of that
   * date, on an instant index the last bar of that UTC date (the day's close).
   *
   * @param bars the instrument's bars
   * @param date the as-of date
   * @return the features (see {@link #features(Bars, int)})
   * @throws IllegalArgumentException if there is no bar on that date (the message names the
   *     symbol and the date)
   */
  public Features features(Bars bars, LocalDate date) {
    Objects.requireNonNull(bars, WHAT + ": bars must not be null");
    return featuresAt(bars, AsOf.position(bars.index(), date, "bars of '" + bars.symbol() + "'"));
  }

  /**
   * The features of every bar: element {@code t} equals {@code features(bars, t)} exactly (same
   * computation on the same window), NaN for the first {@code lookback - 1} bars. Costs
   * O(size x lookback).
   *
   * @param bars the instrument's bars
   * @return one {@link Features} per bar, in bar order (unmodifiable)
   */
  public List<Features> featureSeries(Bars bars) {
    Objects.requireNonNull(bars, WHAT + ": bars must not be null");
    double[][] v = values(bars);
    List<String> names = names();
    TimeIndex index = bars.index();
    List<Features> out = new ArrayList<>(v.length);
    for (int t = 0; t < v.length; t++) {
      out.add(new Features(bars.symbol(), index.instant(t), names, v[t]));
    }
    return List.copyOf(out);
  }

  /**
   * The close-only features ({@link #closeOnlyNames()}) of column {@code asset} of {@code prices}
   * as of row {@code asOfIndex}, from rows {@code [asOfIndex - lookback + 1, asOfIndex]} only.
   * A missing price (NaN, e.g. before a late listing) counts as a missing bar.
   *
   * @param prices the price frame
   * @param asset the column
   * @param asOfIndex the 0-based as-of row
   * @return the features, named {@link #closeOnlyNames()}, symbol {@code asset}
   * @throws IllegalArgumentException if the asset is unknown or the row is outside the frame
   */
  public Features features(PriceFrame prices, String asset, int asOfIndex) {
    Objects.requireNonNull(prices, WHAT + ": prices must not be null");
    Objects.requireNonNull(asset, WHAT + ": asset must not be null");
    double[] c = prices.column(asset);
    AsOf.checkPosition(prices.index(), asOfIndex, "prices of '" + asset + "'");
    return closeOnlyAt(prices.index(), asset, c, asOfIndex);
  }

  /**
   * The close-only features of {@code asset} as of the row at {@code asOf} (see
   * {@link #features(Bars, Instant)} for dated rows).
   *
   * @param prices the price frame
   * @param asset the column
   * @param asOf the instant of the as-of row, exactly as the index gives it
   * @return the features (see {@link #features(PriceFrame, String, int)})
   * @throws IllegalArgumentException if the asset is unknown or no row has that instant
   */
  public Features features(PriceFrame prices, String asset, Instant asOf) {
    Objects.requireNonNull(prices, WHAT + ": prices must not be null");
    Objects.requireNonNull(asset, WHAT + ": asset must not be null");
    double[] c = prices.column(asset);
    int t = AsOf.position(prices.index(), asOf, "prices of '" + asset + "'");
    return closeOnlyAt(prices.index(), asset, c, t);
  }

  /**
   * The close-only features of {@code asset} as of the row of {@code date} (the last row of
   * that UTC date on an instant index).
   *
   * @param prices the price frame
   * @param asset the column
   * @param date the as-of date
   * @return the features (see {@link #features(PriceFrame, String, int)})
   * @throws IllegalArgumentException if the asset is unknown or no row has that date
   */
  public Features features(PriceFrame prices, String asset, LocalDate date) {
    Objects.requireNonNull(prices, WHAT + ": prices must not be null");
    Objects.requireNonNull(asset, WHAT + ": asset must not be null");
    double[] c = prices.column(asset);
    int t = AsOf.position(prices.index(), date, "prices of '" + asset + "'");
    return closeOnlyAt(prices.index(), asset, c, t);
  }

  private Features featuresAt(Bars bars, int t) {
    double[] out = new double[names().size()];
    if (t < lookback - 1) {
      Arrays.fill(out, Double.NaN);
    } else {
      Bars w = bars.slice(t - lookback + 1, t + 1);
      new FeatureKernel(this).bars(w.high(), w.low(), w.close(), w.volume(), 0, out);
    }
    return new Features(bars.symbol(), bars.index().instant(t), names(), out);
  }

  private Features closeOnlyAt(TimeIndex index, String asset, double[] closes, int t) {
    double[] out = new double[closeOnlyNames().size()];
    if (t < lookback - 1) {
      Arrays.fill(out, Double.NaN);
    } else {
      new FeatureKernel(this).closes(closes, t - lookback + 1, out);
    }
    return new Features(asset, index.instant(t), closeOnlyNames(), out);
  }

  /** Feature values of every bar (row t in the order of {@link #names()}); shared by batch use. */
  double[][] values(Bars bars) {
    int n = bars.size();
    int k = names().size();
    double[][] v = new double[n][];
    double[] h = bars.high();
    double[] l = bars.low();
    double[] c = bars.close();
    double[] vol = bars.volume();
    FeatureKernel kernel = new FeatureKernel(this);
    for (int t = 0; t < n; t++) {
      v[t] = new double[k];
      if (t < lookback - 1) {
        Arrays.fill(v[t], Double.NaN);
      } else {
        kernel.bars(h, l, c, vol, t - lookback + 1, v[t]);
      }
    }
    return v;
  }
}
