package io.github.quantfolio.indicators;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Dispersion;
import io.github.quantfolio.indicators.internal.MovingAverages;
import io.github.quantfolio.indicators.internal.Oscillators;
import io.github.quantfolio.indicators.internal.HighLow;
import io.github.quantfolio.indicators.internal.Ranges;

/**
 * Technical indicators on primitive arrays, with TA-Lib's definitions, lookbacks and seeds.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Full length.</b> Every output has the input's length; index {@code t} of the output
 *       belongs to bar {@code t} of the input and uses only bars {@code <= t} (no look-ahead).
 *   <li><b>Warm-up.</b> The first {@code lookback} values are NaN, where {@code lookback} is
 *       TA-Lib's (e.g. {@code n - 1} for SMA, {@code n} for RSI and ATR, {@code 2n - 1} for ADX,
 *       33 for MACD(12, 26, 9)); each method states its own. An input shorter than that gives all
 *       NaN.
 *   <li><b>Missing values (NaN policy).</b> A bar is <em>missing</em> when any input the indicator
 *       reads at that bar is NaN. The output is NaN at a missing bar and the indicator
 *       <em>restarts</em> after it: the bars after the gap are computed as if the series began
 *       there, so the warm-up is served again. Equivalently, each maximal run of complete bars is
 *       an independent series. Leading NaN (a late listing) just delay the start; no value is ever
 *       computed from bars on both sides of a gap, interpolated, or carried over it.
 *   <li><b>Bad arguments</b> fail fast: a null array ({@link NullPointerException}), inputs of
 *       different lengths, a period {@code < 1}, a non-finite or negative band multiplier
 *       (Bollinger's {@code k}, Keltner's {@code multiplier}: a negative one would swap the
 *       bands; 0 puts both on the middle line), an infinite input value
 *       ({@link IllegalArgumentException}; every message starts with the indicator and names the
 *       argument, the index and the value, e.g. {@code atr: close[17] is Infinity; indicator
 *       inputs must be finite, or NaN for a missing value}). Volumes must be {@code >= 0}.
 *   <li><b>Bars</b> follow {@link Bars}' rule: where high, low and close are finite,
 *       {@code low <= close <= high} (only {@code low <= high} for the Donchian channel, which
 *       reads no close); anything else is an {@link IllegalArgumentException} such as
 *       {@code atr: high 9.5 < low 10.0 at index 17; a bar needs low <= close <= high}.
 *   <li><b>Magnitude.</b> Finite inputs never give an infinity, a stray NaN or a plausible
 *       substitute (such as a deviation of 0 where the squares overflowed). Means and deviations
 *       are computed correctly whatever the magnitude (SMA, the EMA seeds, WMA, Bollinger's
 *       middle and deviation, the rolling deviation and z-score, the Donchian middle, the
 *       stochastics' and %R's ranges, the typical price), by rescaling where a sum overflows or
 *       squares underflow (values near 1e-170, whose squared deviations are below the double
 *       range, have their deviation computed, not 0);
 *       any other result beyond the range of {@code double}, and a money flow {@code tp v} of a
 *       nonzero price and volume below its normal range (MFI, VWAP), is an
 *       {@link ArithmeticException}
 *       naming the indicator, the index and the inputs there (e.g. the true range of a bar from
 *       -1e308 to 1e308, or a rate of change from 0). On any exception, the contents of given
 *       output arrays are unspecified.
 *   <li><b>Arrays.</b> Inputs are read, never modified or retained. Each method returns new
 *       arrays; the overloads taking output arrays write into them instead (allocation-free; they
 *       must have the input's length and must not be input arrays) and return them. Overloads
 *       taking {@link Bars} read its columns (which copies them).
 *   <li><b>Cost.</b> One pass over the input, O(1) work per bar (running and block sums, the van
 *       Herk / Gil-Werman rolling maximum), no full-length temporaries; the one exception is CCI,
 *       whose mean absolute deviation about a moving mean has no O(1) update: O(n) per bar for
 *       windows up to 256 bars (TA-Lib's formula), O(log n) beyond (an order-statistics tree).
 *   <li><b>Rounding error does not accumulate.</b> Window sums are either block sums (each
 *       window's sum is a suffix of one block plus a prefix of the next: nothing is ever
 *       subtracted) or, for the SMA, a running sum re-anchored to an exact block sum every n bars.
 *       TA-Lib's running sums keep forever the error made while a huge value was in the window.
 *   <li><b>Streaming.</b> Each indicator has a streaming twin ({@code Streaming*} classes) that
 *       produces the same numbers one bar at a time.
 * </ul>
 *
 * <h2>Differences from TA-Lib</h2>
 *
 * Outputs agree with TA-Lib 0.4's within 1e-9 relative on ordinary data (the tests' bound; most
 * far closer). Deliberate differences, all in degenerate cases:
 *
 * <ul>
 *   <li><b>Flat windows.</b> Where an oscillator's formula is 0/0 (no price change, or a window
 *       whose high equals its low), TA-Lib returns 0, which reads as "oversold" (RSI, %K) or
 *       "overbought" (%R). Quantfolio returns the neutral midpoint: RSI 50, stochastic %K 50,
 *       Williams %R -50, MFI 50, %B 0.5, z-score 0; DX is 0 and DI is 0 when there is no movement.
 *   <li><b>Exact tests instead of absolute thresholds.</b> TA-Lib treats |x| &lt; 1e-8 as zero
 *       (RSI, ADX, Bollinger variance) and an MFI flow sum below 1.0 as no flow, which makes results
 *       depend on the price scale (an asset quoted at 1e-6 gets RSI 0). Quantfolio tests for exact
 *       zero, so every indicator is invariant to rescaling prices (and volumes).
 *   <li><b>Rolling variance</b> (Bollinger, standard deviation, z-score) is computed from sums of
 *       deviations from an anchor that is always a member of the window, rather than TA-Lib's
 *       {@code E[x^2] - E[x]^2} from running sums, which loses five to ten digits on prices (its
 *       two-bar deviations are off by up to 5e-3 relative): ours agree with an exact two-pass
 *       computation to about 1e-14, and a constant window has exactly zero deviation.
 *   <li><b>MACD</b> requires {@code fast <= slow}; TA-Lib silently swaps them.
 * </ul>
 *
 * @see <a href="https://ta-lib.org/">TA-Lib</a>
 * @see Signals
 * @see RegimeDetector
 * @since 0.1.0
 */
public final class Indicators {

  private Indicators() {
  }

  private static double[] in(double[] x, String what) {
    return Args.notNull(x, what, "x");
  }

  // ============================================================================ moving averages

  /**
   * Simple moving average: {@code SMA_t = (x_t + ... + x_(t-n+1)) / n}. Lookback {@code n - 1}.
   * TA-Lib {@code SMA}.
   *
   * <p>The running window sum is replaced every n bars by the exact sum of the last n values
   * (accumulated alongside), so rounding error lives at most n bars; TA-Lib's running sum keeps
   * the error made while a huge value was in the window forever. NaN policy: see the class
   * documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] sma(double[] x, int n) {
    return sma(x, n, null);
  }

  /**
   * {@link #sma(double[], int)} into {@code out} (allocation-free when {@code out} is given).
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] sma(double[] x, int n, double[] out) {
    in(x, "sma");
    Args.period(n, "sma", "n");
    out = Args.output("sma", out, "out", x.length, x);
    MovingAverages.sma("sma", x, n, out);
    return out;
  }

  /**
   * Exponential moving average: {@code EMA_t = EMA_(t-1) + k (x_t - EMA_(t-1))},
   * {@code k = 2 / (n + 1)}, seeded with the simple average of the first n values (TA-Lib's
   * default, "classic" seed). Lookback {@code n - 1}. TA-Lib {@code EMA}.
   *
   * <p>NaN policy: see the class documentation (after a missing value the EMA is seeded again).
   *
   * @param x the series
   * @param n the period, {@code >= 1}
   * @return a new array
   */
  public static double[] ema(double[] x, int n) {
    return ema(x, n, null);
  }

  /**
   * {@link #ema(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] ema(double[] x, int n, double[] out) {
    in(x, "ema");
    Args.period(n, "ema", "n");
    out = Args.output("ema", out, "out", x.length, x);
    MovingAverages.ema("ema", x, n, out);
    return out;
  }

  /**
   * Linearly weighted moving average: weights 1, 2, ..., n from the oldest to the newest value,
   * {@code WMA_t = sum_(i=0..n-1) (n - i) x_(t-i) / (n (n + 1) / 2)}. Lookback {@code n - 1}.
   * TA-Lib {@code WMA}. NaN policy: see the class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] wma(double[] x, int n) {
    return wma(x, n, null);
  }

  /**
   * {@link #wma(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] wma(double[] x, int n, double[] out) {
    in(x, "wma");
    Args.period(n, "wma", "n");
    out = Args.output("wma", out, "out", x.length, x);
    MovingAverages.wma("wma", x, n, out);
    return out;
  }

  /**
   * Double exponential moving average (P. Mulloy, 1994): {@code DEMA = 2 EMA1 - EMA2}, where
   * {@code EMA1 = EMA(x, n)} and {@code EMA2 = EMA(EMA1, n)}, each seeded with the simple average
   * of the first n values of its input. Lookback {@code 2 (n - 1)}. TA-Lib {@code DEMA}. NaN
   * policy: see the class documentation.
   *
   * @param x the series
   * @param n the period, {@code >= 1}
   * @return a new array
   */
  public static double[] dema(double[] x, int n) {
    return dema(x, n, null);
  }

  /**
   * {@link #dema(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] dema(double[] x, int n, double[] out) {
    in(x, "dema");
    Args.period(n, "dema", "n");
    out = Args.output("dema", out, "out", x.length, x);
    MovingAverages.multiEma("dema", x, n, 2, out);
    return out;
  }

  /**
   * Triple exponential moving average (P. Mulloy, 1994):
   * {@code TEMA = 3 EMA1 - 3 EMA2 + EMA3}, each EMA of the one before, seeded as in
   * {@link #dema(double[], int)}. Lookback {@code 3 (n - 1)}. TA-Lib {@code TEMA}. NaN policy: see
   * the class documentation.
   *
   * @param x the series
   * @param n the period, {@code >= 1}
   * @return a new array
   */
  public static double[] tema(double[] x, int n) {
    return tema(x, n, null);
  }

  /**
   * {@link #tema(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] tema(double[] x, int n, double[] out) {
    in(x, "tema");
    Args.period(n, "tema", "n");
    out = Args.output("tema", out, "out", x.length, x);
    MovingAverages.multiEma("tema", x, n, 3, out);
    return out;
  }

  /**
   * Moving average convergence/divergence (G. Appel) exactly as TA-Lib {@code MACD}:
   * {@code line = EMA(x, fast) - EMA(x, slow)}, {@code signal = EMA(line, signal)},
   * {@code histogram = line - signal}, {@code k = 2 / (n + 1)} for each EMA.
   *
   * <p><b>Seeds (TA-Lib).</b> Both EMAs start at index {@code slow - 1}: the slow EMA is seeded
   * with the mean of {@code x[0 .. slow-1]}, the fast EMA with the mean of the <em>last</em>
   * {@code fast} of those values, {@code x[slow-fast .. slow-1]} (not of the first {@code fast}
   * values, which is why TA-Lib's MACD differs slightly from {@code ema(x, 12) - ema(x, 26)} for a
   * while). The signal EMA is seeded with the mean of the first {@code signal} MACD values.
   * <b>Lookback</b> {@code slow + signal - 2} for all three outputs (33 for MACD(12, 26, 9)).
   * NaN policy: see the class documentation.
   *
   * @param x the series
   * @param fast the fast period, {@code >= 1} and {@code <= slow}
   * @param slow the slow period
   * @param signal the signal period, {@code >= 1}
   * @return the three series (new arrays)
   * @throws IllegalArgumentException if a period is {@code < 1} or {@code fast > slow}
   */
  public static Macd macd(double[] x, int fast, int slow, int signal) {
    return macd(x, fast, slow, signal, null, null, null);
  }

  /**
   * {@link #macd(double[], int, int, int)} into given arrays (each may be null to allocate it).
   *
   * @param x the series
   * @param fast the fast period, {@code >= 1} and {@code <= slow}
   * @param slow the slow period
   * @param signal the signal period, {@code >= 1}
   * @param line the output array of the MACD line, or null to allocate one
   * @param signalLine the output array of the signal line, or null to allocate one
   * @param histogram the output array of the histogram, or null to allocate one
   * @return the three series, wrapping the given arrays
   */
  public static Macd macd(double[] x, int fast, int slow, int signal, double[] line,
      double[] signalLine, double[] histogram) {
    in(x, "macd");
    Args.period(fast, "macd", "fast");
    Args.period(slow, "macd", "slow");
    Args.period(signal, "macd", "signal");
    if (fast > slow) {
      throw new IllegalArgumentException(
          "macd: expected fast <= slow, but found fast = " + fast + ", slow = " + slow);
    }
    line = Args.output("macd", line, "line", x.length, x);
    signalLine = Args.output("macd", signalLine, "signal", x.length, x, line);
    histogram = Args.output("macd", histogram, "histogram", x.length, x, line, signalLine);
    MovingAverages.macd("macd", x, fast, slow, signal, line, signalLine, histogram);
    return new Macd(line, signalLine, histogram);
  }

  /**
   * MACD(12, 26, 9), the standard parameters.
   *
   * @param x the series
   * @return the three series
   * @see #macd(double[], int, int, int)
   */
  public static Macd macd(double[] x) {
    return macd(x, 12, 26, 9);
  }

  // ================================================================================ oscillators

  /**
   * Relative strength index (J. W. Wilder, <i>New Concepts in Technical Trading Systems</i>,
   * 1978), as TA-Lib {@code RSI}: with changes {@code d_t = x_t - x_(t-1)}, the average gain
   * {@code G} and average loss {@code L} are seeded with the means of the first n gains and losses
   * (first value at index n), then smoothed {@code G = (G (n - 1) + max(d, 0)) / n} (likewise L);
   * {@code RSI = 100 G / (G + L)}. <b>Lookback</b> {@code n}. Where {@code G + L == 0} (no change in
   * the whole history) RSI is 50, not TA-Lib's 0. NaN policy: see the class documentation.
   *
   * @param x the series
   * @param n the period, {@code >= 1}
   * @return a new array, values in [0, 100]
   */
  public static double[] rsi(double[] x, int n) {
    return rsi(x, n, null);
  }

  /**
   * {@link #rsi(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] rsi(double[] x, int n, double[] out) {
    in(x, "rsi");
    Args.period(n, "rsi", "n");
    out = Args.output("rsi", out, "out", x.length, x);
    Oscillators.rsi("rsi", x, n, out);
    return out;
  }

  /**
   * Slow stochastic oscillator (G. Lane), as TA-Lib {@code STOCH} with simple moving averages:
   * fast {@code %K_t = 100 (c_t - LL) / (HH - LL)} over the last {@code fastK} bars (HH highest
   * high, LL lowest low; 50 where {@code HH == LL}, not TA-Lib's 0), slow
   * {@code %K = SMA(fast %K, slowK)}, {@code %D = SMA(slow %K, slowD)}. <b>Lookback</b>
   * {@code fastK + slowK + slowD - 3} for both lines (8 for the usual 5, 3, 3). NaN policy: see the
   * class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param fastK the high-low window, {@code >= 1}
   * @param slowK the smoothing of %K, {@code >= 1}
   * @param slowD the smoothing of %D, {@code >= 1}
   * @return %K and %D (new arrays)
   */
  public static Stochastic stochastic(double[] high, double[] low, double[] close, int fastK,
      int slowK, int slowD) {
    return stochastic(high, low, close, fastK, slowK, slowD, null, null);
  }

  /**
   * {@link #stochastic(double[], double[], double[], int, int, int)} into given arrays (each may be
   * null to allocate it).
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param fastK the high-low window, {@code >= 1}
   * @param slowK the smoothing of %K, {@code >= 1}
   * @param slowD the smoothing of %D, {@code >= 1}
   * @param k the output array of %K, or null to allocate one
   * @param d the output array of %D, or null to allocate one
   * @return %K and %D, wrapping the given arrays
   */
  public static Stochastic stochastic(double[] high, double[] low, double[] close, int fastK,
      int slowK, int slowD, double[] k, double[] d) {
    return stoch("stochastic", high, low, close, fastK, slowK, slowD, HighLow.STOCH, k, d);
  }

  /**
   * The slow stochastic of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param fastK the high-low window, {@code >= 1}
   * @param slowK the smoothing of %K, {@code >= 1}
   * @param slowD the smoothing of %D, {@code >= 1}
   * @return %K and %D
   * @see #stochastic(double[], double[], double[], int, int, int)
   */
  public static Stochastic stochastic(Bars bars, int fastK, int slowK, int slowD) {
    Args.notNull(bars, "stochastic", "bars");
    return stochastic(bars.high(), bars.low(), bars.close(), fastK, slowK, slowD);
  }

  /**
   * Fast stochastic oscillator, as TA-Lib {@code STOCHF} with a simple moving average: fast %K as
   * in {@link #stochastic(double[], double[], double[], int, int, int)} and
   * {@code %D = SMA(%K, fastD)}. <b>Lookback</b> {@code fastK + fastD - 2} for both lines. NaN
   * policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param fastK the high-low window, {@code >= 1}
   * @param fastD the smoothing of %D, {@code >= 1}
   * @return %K and %D (new arrays)
   */
  public static Stochastic stochasticFast(double[] high, double[] low, double[] close, int fastK,
      int fastD) {
    return stoch("stochasticFast", high, low, close, fastK, fastD, 1, HighLow.STOCH_FAST, null,
        null);
  }

  /**
   * The fast stochastic of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param fastK the high-low window, {@code >= 1}
   * @param fastD the smoothing of %D, {@code >= 1}
   * @return %K and %D
   * @see #stochasticFast(double[], double[], double[], int, int)
   */
  public static Stochastic stochasticFast(Bars bars, int fastK, int fastD) {
    Args.notNull(bars, "stochasticFast", "bars");
    return stochasticFast(bars.high(), bars.low(), bars.close(), fastK, fastD);
  }

  private static Stochastic stoch(String what, double[] high, double[] low, double[] close,
      int fastK, int m1, int m2, int mode, double[] k, double[] d) {
    Args.sameLength(what, high, "high", low, "low", close, "close");
    Args.period(fastK, what, "fastK");
    Args.period(m1, what, mode == HighLow.STOCH ? "slowK" : "fastD");
    Args.period(m2, what, "slowD");
    int len = close.length;
    k = Args.output(what, k, "k", len, high, low, close);
    d = Args.output(what, d, "d", len, high, low, close, k);
    HighLow.highLow(what, high, low, close, fastK, mode, m1, m2, k, d, null);
    return new Stochastic(k, d);
  }

  /**
   * Williams %R (L. Williams): {@code %R_t = -100 (HH - c_t) / (HH - LL)} over the last n bars;
   * -50 where {@code HH == LL} (TA-Lib: 0). <b>Lookback</b> {@code n - 1}. TA-Lib {@code WILLR}.
   * NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the window, {@code >= 1}
   * @return a new array, values in [-100, 0]
   */
  public static double[] williamsR(double[] high, double[] low, double[] close, int n) {
    return williamsR(high, low, close, n, null);
  }

  /**
   * {@link #williamsR(double[], double[], double[], int)} into {@code out}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] williamsR(double[] high, double[] low, double[] close, int n,
      double[] out) {
    Args.sameLength("williamsR", high, "high", low, "low", close, "close");
    Args.period(n, "williamsR", "n");
    out = Args.output("williamsR", out, "out", close.length, high, low, close);
    HighLow.highLow("williamsR", high, low, close, n, HighLow.WILLIAMS_R, 1, 1, out, null, null);
    return out;
  }

  /**
   * Williams %R of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #williamsR(double[], double[], double[], int)
   */
  public static double[] williamsR(Bars bars, int n) {
    Args.notNull(bars, "williamsR", "bars");
    return williamsR(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * Commodity channel index (D. Lambert, 1980), as TA-Lib {@code CCI}: with typical price
   * {@code tp = (h + l + c) / 3}, its n-bar mean {@code m} and mean absolute deviation
   * {@code md = sum |tp_i - m| / n}, {@code CCI = (tp - m) / (0.015 md)}; 0 where {@code tp == m}
   * or {@code md == 0} (as TA-Lib). <b>Lookback</b> {@code n - 1}. The mean deviation about a
   * moving mean has no O(1) update: windows up to 256 bars use TA-Lib's direct formula (O(n) per
   * bar, TA-Lib's rounding), longer ones an order-statistics tree with double-double sums
   * (O(log n) per bar, accurate even where the deviations are 1e-15 of the price level; see
   * {@code docs/indicators.md}). NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] cci(double[] high, double[] low, double[] close, int n) {
    return cci(high, low, close, n, null);
  }

  /**
   * {@link #cci(double[], double[], double[], int)} into {@code out}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] cci(double[] high, double[] low, double[] close, int n, double[] out) {
    Args.sameLength("cci", high, "high", low, "low", close, "close");
    Args.period(n, "cci", "n");
    out = Args.output("cci", out, "out", close.length, high, low, close);
    Oscillators.cci("cci", high, low, close, n, out);
    return out;
  }

  /**
   * CCI of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #cci(double[], double[], double[], int)
   */
  public static double[] cci(Bars bars, int n) {
    Args.notNull(bars, "cci", "bars");
    return cci(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * Rate of change in percent: {@code ROC_t = 100 (x_t / x_(t-n) - 1)}. <b>Lookback</b> {@code n}.
   * TA-Lib {@code ROC}. Meant for positive series such as prices: where {@code x_(t-n) == 0} there
   * is no rate of change ({@link ArithmeticException}; TA-Lib returns 0). NaN policy: see the
   * class documentation.
   *
   * @param x the series
   * @param n the distance in bars, {@code >= 1}
   * @return a new array
   */
  public static double[] roc(double[] x, int n) {
    return roc(x, n, null);
  }

  /**
   * {@link #roc(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] roc(double[] x, int n, double[] out) {
    in(x, "roc");
    Args.period(n, "roc", "n");
    out = Args.output("roc", out, "out", x.length, x);
    Oscillators.change("roc", x, n, true, out);
    return out;
  }

  /**
   * Momentum: {@code MOM_t = x_t - x_(t-n)}. <b>Lookback</b> {@code n}. TA-Lib {@code MOM}. NaN
   * policy: see the class documentation.
   *
   * @param x the series
   * @param n the distance in bars, {@code >= 1}
   * @return a new array
   */
  public static double[] momentum(double[] x, int n) {
    return momentum(x, n, null);
  }

  /**
   * {@link #momentum(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] momentum(double[] x, int n, double[] out) {
    in(x, "momentum");
    Args.period(n, "momentum", "n");
    out = Args.output("momentum", out, "out", x.length, x);
    Oscillators.change("momentum", x, n, false, out);
    return out;
  }

  // ================================================================================= volatility

  /**
   * Wilder's true range: {@code TR_t = max(h_t - l_t, |h_t - c_(t-1)|, |l_t - c_(t-1)|)}.
   * <b>Lookback</b> 1 (the first bar has no previous close). TA-Lib {@code TRANGE}. NaN policy: see
   * the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @return a new array
   */
  public static double[] trueRange(double[] high, double[] low, double[] close) {
    return trueRange(high, low, close, null);
  }

  /**
   * {@link #trueRange(double[], double[], double[])} into {@code out}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] trueRange(double[] high, double[] low, double[] close, double[] out) {
    Args.sameLength("trueRange", high, "high", low, "low", close, "close");
    out = Args.output("trueRange", out, "out", close.length, high, low, close);
    Ranges.trueRange("trueRange", high, low, close, out);
    return out;
  }

  /**
   * True range of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @return a new array
   * @see #trueRange(double[], double[], double[])
   */
  public static double[] trueRange(Bars bars) {
    Args.notNull(bars, "trueRange", "bars");
    return trueRange(bars.high(), bars.low(), bars.close());
  }

  /**
   * Average true range (Wilder, 1978), as TA-Lib {@code ATR}: seeded with the mean of the first n
   * true ranges (bars 1..n, first value at index n), then
   * {@code ATR_t = (ATR_(t-1) (n - 1) + TR_t) / n}. <b>Lookback</b> {@code n}. NaN policy: see the
   * class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period, {@code >= 1}
   * @return a new array
   */
  public static double[] atr(double[] high, double[] low, double[] close, int n) {
    return atr(high, low, close, n, null);
  }

  /**
   * {@link #atr(double[], double[], double[], int)} into {@code out}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] atr(double[] high, double[] low, double[] close, int n, double[] out) {
    Args.sameLength("atr", high, "high", low, "low", close, "close");
    Args.period(n, "atr", "n");
    out = Args.output("atr", out, "out", close.length, high, low, close);
    Ranges.atr("atr", high, low, close, n, out);
    return out;
  }

  /**
   * ATR of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #atr(double[], double[], double[], int)
   */
  public static double[] atr(Bars bars, int n) {
    Args.notNull(bars, "atr", "bars");
    return atr(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * Average directional index with +DI and -DI (Wilder, 1978), as TA-Lib {@code ADX},
   * {@code PLUS_DI} and {@code MINUS_DI}. Per bar, {@code up = h_t - h_(t-1)},
   * {@code down = l_(t-1) - l_t}; {@code +DM = up} if {@code up > down} and {@code up > 0}, else 0;
   * {@code -DM = down} if {@code down > up} and {@code down > 0}, else 0; TR the true range.
   * Wilder sums {@code S} of +DM, -DM and TR start as plain sums over bars 1..n-1 and continue as
   * {@code S_t = S_(t-1) (n - 1) / n + v_t} from bar n on. {@code +DI = 100 S(+DM) / S(TR)},
   * {@code -DI = 100 S(-DM) / S(TR)} (0 when {@code S(TR) == 0}),
   * {@code DX = 100 |+DI - -DI| / (+DI + -DI)} (0 when both are 0); ADX is the mean of the first n
   * DX, then {@code ADX_t = (ADX_(t-1) (n - 1) + DX_t) / n}. <b>Lookback</b> {@code n} for the DIs
   * and {@code 2n - 1} for ADX (27 for n = 14). NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period, {@code >= 1}
   * @return ADX, +DI and -DI (new arrays), values in [0, 100]
   */
  public static Adx adx(double[] high, double[] low, double[] close, int n) {
    return adx(high, low, close, n, null, null, null);
  }

  /**
   * {@link #adx(double[], double[], double[], int)} into given arrays (each may be null to
   * allocate it).
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the period or window, {@code >= 1}
   * @param adx the output array of ADX, or null to allocate one
   * @param plusDi the output array of +DI, or null to allocate one
   * @param minusDi the output array of -DI, or null to allocate one
   * @return ADX, +DI and -DI, wrapping the given arrays
   */
  public static Adx adx(double[] high, double[] low, double[] close, int n, double[] adx,
      double[] plusDi, double[] minusDi) {
    Args.sameLength("adx", high, "high", low, "low", close, "close");
    Args.period(n, "adx", "n");
    int len = close.length;
    adx = Args.output("adx", adx, "adx", len, high, low, close);
    plusDi = Args.output("adx", plusDi, "plusDi", len, high, low, close, adx);
    minusDi = Args.output("adx", minusDi, "minusDi", len, high, low, close, adx, plusDi);
    Ranges.adx("adx", high, low, close, n, adx, plusDi, minusDi);
    return new Adx(adx, plusDi, minusDi);
  }

  /**
   * ADX of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return ADX, +DI and -DI
   * @see #adx(double[], double[], double[], int)
   */
  public static Adx adx(Bars bars, int n) {
    Args.notNull(bars, "adx", "bars");
    return adx(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * Bollinger Bands (J. Bollinger, <i>Bollinger on Bollinger Bands</i>, 2001), as TA-Lib
   * {@code BBANDS} with a simple moving average: {@code middle = SMA(x, n)},
   * {@code upper/lower = middle +/- k sd}, {@code sd} the <em>population</em> standard deviation
   * of the same n values. <b>Lookback</b> {@code n - 1}. {@link Bands#width()} and
   * {@link Bands#percentB(double[])} give BandWidth and %B. The deviation is computed without
   * cancellation (see the class documentation), exactly 0 for a flat window. NaN policy: see the
   * class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @param k the number of standard deviations, finite and {@code >= 0} (usually 2)
   * @return the bands (new arrays)
   */
  public static Bands bollinger(double[] x, int n, double k) {
    return bollinger(x, n, k, null, null, null);
  }

  /**
   * {@link #bollinger(double[], int, double)} into given arrays (each may be null to allocate
   * it).
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param k the number of standard deviations, finite and {@code >= 0}
   * @param upper the output array of the upper band, or null to allocate one
   * @param middle the output array of the middle band, or null to allocate one
   * @param lower the output array of the lower band, or null to allocate one
   * @return the bands, wrapping the given arrays
   */
  public static Bands bollinger(double[] x, int n, double k, double[] upper, double[] middle,
      double[] lower) {
    in(x, "bollinger");
    Args.period(n, "bollinger", "n");
    Args.multiplier(k, "bollinger", "k");
    upper = Args.output("bollinger", upper, "upper", x.length, x);
    middle = Args.output("bollinger", middle, "middle", x.length, x, upper);
    lower = Args.output("bollinger", lower, "lower", x.length, x, upper, middle);
    Dispersion.run("bollinger", x, n, k, Dispersion.BANDS, upper, middle, lower);
    return new Bands(upper, middle, lower);
  }

  /**
   * Rolling population standard deviation of the last n values,
   * {@code sqrt(sum (x_i - mean)^2 / n)}, as TA-Lib {@code STDDEV(n, 1)} (exactly 0 for a constant
   * window, no cancellation). <b>Lookback</b> {@code n - 1}. Multiply by {@code sqrt(n / (n - 1))}
   * for the sample deviation. NaN policy: see the class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] rollingStd(double[] x, int n) {
    return rollingStd(x, n, null);
  }

  /**
   * {@link #rollingStd(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] rollingStd(double[] x, int n, double[] out) {
    in(x, "rollingStd");
    Args.period(n, "rollingStd", "n");
    out = Args.output("rollingStd", out, "out", x.length, x);
    Dispersion.run("rollingStd", x, n, 0, Dispersion.STD, out, null, null);
    return out;
  }

  /**
   * Rolling z-score: {@code z_t = (x_t - SMA_t) / sd_t} over the last n values (the current one
   * included), sd the population standard deviation as in {@link #bollinger(double[], int,
   * double)}, so that {@code z = k (2 %B - 1)} for Bollinger Bands of k deviations. 0 where the
   * window is constant ({@code sd == 0}, so {@code x_t} equals the mean). TA-Lib has no z-score;
   * this is the standard score of the trailing window. <b>Lookback</b> {@code n - 1}. NaN policy: see
   * the class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] zscore(double[] x, int n) {
    return zscore(x, n, null);
  }

  /**
   * {@link #zscore(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] zscore(double[] x, int n, double[] out) {
    in(x, "zscore");
    Args.period(n, "zscore", "n");
    out = Args.output("zscore", out, "out", x.length, x);
    Dispersion.run("zscore", x, n, 0, Dispersion.ZSCORE, out, null, null);
    return out;
  }

  /**
   * Rolling maximum of the last n values. <b>Lookback</b> {@code n - 1}. TA-Lib {@code MAX}.
   * O(log n) vectorized passes per value (see the numerical methods in {@code docs/indicators.md}).
   * NaN policy: see the class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] rollingMax(double[] x, int n) {
    return rollingMax(x, n, null);
  }

  /**
   * {@link #rollingMax(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] rollingMax(double[] x, int n, double[] out) {
    in(x, "rollingMax");
    Args.period(n, "rollingMax", "n");
    out = Args.output("rollingMax", out, "out", x.length, x);
    Ranges.extremum("rollingMax", x, n, true, out);
    return out;
  }

  /**
   * Rolling minimum of the last n values. <b>Lookback</b> {@code n - 1}. TA-Lib {@code MIN}. NaN
   * policy: see the class documentation.
   *
   * @param x the series
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] rollingMin(double[] x, int n) {
    return rollingMin(x, n, null);
  }

  /**
   * {@link #rollingMin(double[], int)} into {@code out}.
   *
   * @param x the series
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not {@code x}), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] rollingMin(double[] x, int n, double[] out) {
    in(x, "rollingMin");
    Args.period(n, "rollingMin", "n");
    out = Args.output("rollingMin", out, "out", x.length, x);
    Ranges.extremum("rollingMin", x, n, false, out);
    return out;
  }

  /**
   * Donchian channel (R. Donchian): {@code upper = } highest high and {@code lower = } lowest low
   * of the last n bars (the current bar included), {@code middle = (upper + lower) / 2}. TA-Lib
   * has no Donchian function; upper and lower equal TA-Lib {@code MAX(high, n)} and
   * {@code MIN(low, n)}. <b>Lookback</b> {@code n - 1}. A breakout compares a close with the
   * <em>previous</em> bar's channel: see {@link Signals#donchianBreakoutUp}. NaN policy: see the
   * class documentation (a bar is missing when its high or low is NaN).
   *
   * @param high highs
   * @param low lows
   * @param n the window, {@code >= 1}
   * @return the channel (new arrays)
   */
  public static Bands donchian(double[] high, double[] low, int n) {
    Args.sameLength("donchian", high, "high", low, "low");
    Args.period(n, "donchian", "n");
    int len = high.length;
    double[] upper = new double[len];
    double[] middle = new double[len];
    double[] lower = new double[len];
    HighLow.highLow("donchian", high, low, null, n, HighLow.DONCHIAN, 1, 1, upper, middle, lower);
    return new Bands(upper, middle, lower);
  }

  /**
   * Donchian channel of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return the bands
   * @see #donchian(double[], double[], int)
   */
  public static Bands donchian(Bars bars, int n) {
    Args.notNull(bars, "donchian", "bars");
    return donchian(bars.high(), bars.low(), n);
  }

  /**
   * Keltner Channels in their modern form (L. Raschke; StockCharts ChartSchool, "Keltner
   * Channels"): {@code middle = EMA(close, n)} (seeded as {@link #ema(double[], int)}),
   * {@code upper/lower = middle +/- multiplier ATR(atrPeriod)} (Wilder's ATR as
   * {@link #atr(double[], double[], double[], int)}). TA-Lib has no Keltner function; the
   * classic parameters are {@code n = 20, atrPeriod = 10, multiplier = 2}. (Chester Keltner's 1960
   * original used a 10-day SMA of the typical price and of the high-low range.) <b>Lookback</b>
   * {@code max(n - 1, atrPeriod)}. NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the EMA period, {@code >= 1}
   * @param atrPeriod the ATR period, {@code >= 1}
   * @param multiplier the number of ATRs, finite and {@code >= 0} (usually 2)
   * @return the channels (new arrays)
   */
  public static Bands keltner(double[] high, double[] low, double[] close, int n, int atrPeriod,
      double multiplier) {
    Args.sameLength("keltner", high, "high", low, "low", close, "close");
    Args.period(n, "keltner", "n");
    Args.period(atrPeriod, "keltner", "atrPeriod");
    Args.multiplier(multiplier, "keltner", "multiplier");
    int len = close.length;
    double[] upper = new double[len];
    double[] middle = new double[len];
    double[] lower = new double[len];
    Ranges.keltner("keltner", high, low, close, n, atrPeriod, multiplier, upper, middle, lower);
    return new Bands(upper, middle, lower);
  }

  /**
   * Keltner Channels of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @param atrPeriod the ATR period, {@code >= 1}
   * @param multiplier the number of ATRs, finite and {@code >= 0} (usually 2)
   * @return the bands
   * @see #keltner(double[], double[], double[], int, int, double)
   */
  public static Bands keltner(Bars bars, int n, int atrPeriod, double multiplier) {
    Args.notNull(bars, "keltner", "bars");
    return keltner(bars.high(), bars.low(), bars.close(), n, atrPeriod, multiplier);
  }

  // ===================================================================================== volume

  /**
   * On-balance volume (J. Granville, 1963), as TA-Lib {@code OBV}: {@code OBV_0 = v_0}, then
   * {@code OBV_t = OBV_(t-1) + v_t} if {@code c_t > c_(t-1)}, {@code - v_t} if lower, unchanged
   * if equal. <b>Lookback</b> 0. NaN policy: see the class documentation (after a missing bar the
   * sum restarts at that bar's volume, like a new series).
   *
   * @param close closes
   * @param volume volumes ({@code >= 0})
   * @return a new array
   */
  public static double[] obv(double[] close, double[] volume) {
    return obv(close, volume, null);
  }

  /**
   * {@link #obv(double[], double[])} into {@code out}.
   *
   * @param close closes
   * @param volume volumes ({@code >= 0}, NaN for missing)
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] obv(double[] close, double[] volume, double[] out) {
    Args.sameLength("obv", close, "close", volume, "volume");
    Args.volumes("obv", volume);
    out = Args.output("obv", out, "out", close.length, close, volume);
    Oscillators.obv("obv", close, volume, out);
    return out;
  }

  /**
   * OBV of {@code bars} (all NaN if the bars have no volume).
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @return a new array
   * @see #obv(double[], double[])
   */
  public static double[] obv(Bars bars) {
    Args.notNull(bars, "obv", "bars");
    return obv(bars.close(), bars.volume());
  }

  /**
   * Money flow index (G. Quong and A. Soudack), as TA-Lib {@code MFI}: typical price
   * {@code tp = (h + l + c) / 3}, raw money flow {@code tp v}, positive on bars where tp rose,
   * negative where it fell (neither if unchanged); {@code MFI = 100 P / (P + N)} with P and N the
   * sums of the last n positive and negative flows; 50 when both are 0 (TA-Lib returns 0 whenever
   * {@code P + N < 1}). <b>Lookback</b> {@code n}. NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes ({@code >= 0})
   * @param n the window, {@code >= 1}
   * @return a new array, values in [0, 100]
   */
  public static double[] mfi(double[] high, double[] low, double[] close, double[] volume, int n) {
    return mfi(high, low, close, volume, n, null);
  }

  /**
   * {@link #mfi(double[], double[], double[], double[], int)} into {@code out}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes ({@code >= 0}, NaN for missing)
   * @param n the period or window, {@code >= 1}
   * @param out the output array (input length, not an input), or null to allocate one
   * @return {@code out}, or the new array
   */
  public static double[] mfi(double[] high, double[] low, double[] close, double[] volume, int n,
      double[] out) {
    Args.sameLength("mfi", high, "high", low, "low", close, "close", volume, "volume");
    Args.period(n, "mfi", "n");
    Args.volumes("mfi", volume);
    out = Args.output("mfi", out, "out", close.length, high, low, close, volume);
    Oscillators.mfi("mfi", high, low, close, volume, n, out);
    return out;
  }

  /**
   * MFI of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #mfi(double[], double[], double[], double[], int)
   */
  public static double[] mfi(Bars bars, int n) {
    Args.notNull(bars, "mfi", "bars");
    return mfi(bars.high(), bars.low(), bars.close(), bars.volume(), n);
  }

  /**
   * Cumulative volume-weighted average price from the first bar:
   * {@code VWAP_t = sum(tp_i v_i) / sum(v_i)} over bars {@code 0..t}, with the typical price
   * {@code tp = (h + l + c) / 3} (the common definition, e.g. StockCharts ChartSchool "VWAP"). While
   * the total volume is 0 the equal-weight mean of tp is returned. For a session VWAP, call it on
   * one session's bars. TA-Lib has no VWAP. <b>Lookback</b> 0. NaN policy: see the class
   * documentation (after a missing bar the sums restart).
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes ({@code >= 0})
   * @return a new array
   */
  public static double[] vwap(double[] high, double[] low, double[] close, double[] volume) {
    return vwapImpl("vwap", high, low, close, volume, 0);
  }

  /**
   * Rolling VWAP over the last n bars: {@code sum(tp_i v_i) / sum(v_i)} for
   * {@code i = t-n+1..t}, typical price as in {@link #vwap(double[], double[], double[],
   * double[])}; the mean typical price where the window's volume is 0. <b>Lookback</b>
   * {@code n - 1}. NaN policy: see the class documentation.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param volume volumes ({@code >= 0})
   * @param n the window, {@code >= 1}
   * @return a new array
   */
  public static double[] vwap(double[] high, double[] low, double[] close, double[] volume,
      int n) {
    Args.period(n, "vwap", "n");
    return vwapImpl("vwap", high, low, close, volume, n);
  }

  /**
   * Cumulative VWAP of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @return a new array
   * @see #vwap(double[], double[], double[], double[])
   */
  public static double[] vwap(Bars bars) {
    Args.notNull(bars, "vwap", "bars");
    return vwap(bars.high(), bars.low(), bars.close(), bars.volume());
  }

  /**
   * Rolling VWAP of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #vwap(double[], double[], double[], double[], int)
   */
  public static double[] vwap(Bars bars, int n) {
    Args.notNull(bars, "vwap", "bars");
    return vwap(bars.high(), bars.low(), bars.close(), bars.volume(), n);
  }

  private static double[] vwapImpl(String what, double[] high, double[] low, double[] close,
      double[] volume, int n) {
    Args.sameLength(what, high, "high", low, "low", close, "close", volume, "volume");
    Args.volumes(what, volume);
    double[] out = new double[close.length];
    Oscillators.vwap(what, high, low, close, volume, n, out);
    return out;
  }

  // ===================================================================================== crosses

  /**
   * Where {@code a} crosses above {@code b}: {@code true} at bar t when {@code a_t > b_t} and
   * {@code a_(t-1) <= b_(t-1)}. False at bar 0 and wherever one of the four values is NaN (a
   * cross needs two complete bars).
   *
   * @param a the crossing series
   * @param b the series crossed (same length)
   * @return a new array
   */
  public static boolean[] crossAbove(double[] a, double[] b) {
    Args.sameLength("crossAbove", a, "a", b, "b");
    boolean[] r = new boolean[a.length];
    for (int t = 1; t < a.length; t++) {
      r[t] = a[t] > b[t] && a[t - 1] <= b[t - 1];
    }
    return r;
  }

  /**
   * Where {@code a} crosses above the constant {@code level}.
   *
   * @param a a series
   * @param level a finite level
   * @return a new array
   * @see #crossAbove(double[], double[])
   */
  public static boolean[] crossAbove(double[] a, double level) {
    in(a, "crossAbove");
    Args.finite(level, "crossAbove", "level");
    boolean[] r = new boolean[a.length];
    for (int t = 1; t < a.length; t++) {
      r[t] = a[t] > level && a[t - 1] <= level;
    }
    return r;
  }

  /**
   * Where {@code a} crosses below {@code b}: {@code true} at bar t when {@code a_t < b_t} and
   * {@code a_(t-1) >= b_(t-1)}. False at bar 0 and wherever one of the four values is NaN.
   *
   * @param a the crossing series
   * @param b the series crossed (same length)
   * @return a new array
   */
  public static boolean[] crossBelow(double[] a, double[] b) {
    Args.sameLength("crossBelow", a, "a", b, "b");
    boolean[] r = new boolean[a.length];
    for (int t = 1; t < a.length; t++) {
      r[t] = a[t] < b[t] && a[t - 1] >= b[t - 1];
    }
    return r;
  }

  /**
   * Where {@code a} crosses below the constant {@code level}.
   *
   * @param a a series
   * @param level a finite level
   * @return a new array
   * @see #crossBelow(double[], double[])
   */
  public static boolean[] crossBelow(double[] a, double level) {
    in(a, "crossBelow");
    Args.finite(level, "crossBelow", "level");
    boolean[] r = new boolean[a.length];
    for (int t = 1; t < a.length; t++) {
      r[t] = a[t] < level && a[t - 1] >= level;
    }
    return r;
  }
}
