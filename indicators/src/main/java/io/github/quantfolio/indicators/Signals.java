package io.github.quantfolio.indicators;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.internal.Args;
import io.github.quantfolio.indicators.internal.Segments;

/**
 * Entry conditions of classic strategies as {@code boolean[]} one-liners, and the comparisons to
 * build others. Every result has the input's length; a condition is false wherever one of its
 * values is NaN (during an indicator's warm-up, or at a missing bar), so no signal ever comes from
 * an undefined value. Conditions hold on every bar where they are true; {@link #onset(boolean[])}
 * keeps only the first bar of each run (the entry event). Crossovers are
 * {@link Indicators#crossAbove(double[], double[])} and
 * {@link Indicators#crossBelow(double[], double[])}.
 *
 * <pre>{@code
 * boolean[] enter = Signals.momentumEntry(close);
 * boolean[] dip = Signals.meanReversionEntry(close);
 * boolean[] breakout = Signals.donchianBreakoutUp(bars, 20);
 * boolean[] custom = Signals.all(Signals.above(close, Indicators.sma(close, 200)),
 *     Signals.below(Indicators.rsi(close, 2), 10));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Signals {

  private Signals() {
  }

  /**
   * The momentum entry with its usual parameters:
   * {@code SMA(20) > SMA(50) && close > SMA(20) && RSI(14) < 70 && MACD(12, 26, 9) > signal &&
   * ROC(5) > 2%} (a rising trend, price above it, not overbought, accelerating, up more than 2% in
   * 5 bars). First possible bar: 49 (the SMA(50) lookback).
   *
   * @param close closes
   * @return a new array
   */
  public static boolean[] momentumEntry(double[] close) {
    return momentumEntry(close, 20, 50, 14, 70, 5, 2);
  }

  /**
   * The momentum entry with explicit parameters:
   * {@code SMA(fast) > SMA(slow) && close > SMA(fast) && RSI(rsiPeriod) < rsiMax &&
   * MACD(12, 26, 9) > signal && ROC(rocPeriod) > minRocPercent}.
   *
   * @param close closes
   * @param fast the fast SMA window, {@code >= 1}
   * @param slow the slow SMA window, {@code >= 1}
   * @param rsiPeriod the RSI period, {@code >= 1}
   * @param rsiMax the RSI level that must not be reached (finite)
   * @param rocPeriod the momentum distance in bars, {@code >= 1}
   * @param minRocPercent the momentum to exceed, in percent (finite; 2 = 2%)
   * @return a new array
   */
  public static boolean[] momentumEntry(double[] close, int fast, int slow, int rsiPeriod,
      double rsiMax, int rocPeriod, double minRocPercent) {
    Args.notNull(close, "momentumEntry", "close");
    Args.period(fast, "momentumEntry", "fast");
    Args.period(slow, "momentumEntry", "slow");
    Args.period(rsiPeriod, "momentumEntry", "rsiPeriod");
    Args.period(rocPeriod, "momentumEntry", "rocPeriod");
    Args.finite(rsiMax, "momentumEntry", "rsiMax");
    Args.finite(minRocPercent, "momentumEntry", "minRocPercent");
    Segments.checkSeries("momentumEntry", close, "close"); // errors name this signal, not its parts
    double[] smaFast;
    double[] smaSlow;
    double[] rsi;
    Macd macd;
    double[] roc;
    try {
      smaFast = Indicators.sma(close, fast);
      smaSlow = Indicators.sma(close, slow);
      rsi = Indicators.rsi(close, rsiPeriod);
      macd = Indicators.macd(close);
      roc = Indicators.roc(close, rocPeriod);
    } catch (ArithmeticException e) {
      throw within("momentumEntry", e);
    }
    double[] line = macd.line();
    double[] signal = macd.signal();
    boolean[] r = new boolean[close.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = smaFast[t] > smaSlow[t] && close[t] > smaFast[t] && rsi[t] < rsiMax
          && line[t] > signal[t] && roc[t] > minRocPercent;
    }
    return r;
  }

  /**
   * The mean-reversion entry with its usual parameters:
   * {@code close <= lower Bollinger(20, 2) && RSI(14) < 30} (stretched below its recent range and
   * oversold).
   *
   * @param close closes
   * @return a new array
   */
  public static boolean[] meanReversionEntry(double[] close) {
    return meanReversionEntry(close, 20, 2, 14, 30);
  }

  /**
   * The mean-reversion entry with explicit parameters:
   * {@code close <= lower Bollinger(n, k) && RSI(rsiPeriod) < rsiMin}.
   *
   * @param close closes
   * @param n the Bollinger window, {@code >= 1}
   * @param k the number of standard deviations, finite and {@code >= 0}
   * @param rsiPeriod the RSI period, {@code >= 1}
   * @param rsiMin the RSI level to be below (finite)
   * @return a new array
   */
  public static boolean[] meanReversionEntry(double[] close, int n, double k, int rsiPeriod,
      double rsiMin) {
    Args.notNull(close, "meanReversionEntry", "close");
    Args.period(n, "meanReversionEntry", "n");
    Args.period(rsiPeriod, "meanReversionEntry", "rsiPeriod");
    Args.multiplier(k, "meanReversionEntry", "k");
    Args.finite(rsiMin, "meanReversionEntry", "rsiMin");
    Segments.checkSeries("meanReversionEntry", close, "close");
    double[] lower;
    double[] rsi;
    try {
      lower = Indicators.bollinger(close, n, k).lower();
      rsi = Indicators.rsi(close, rsiPeriod);
    } catch (ArithmeticException e) {
      throw within("meanReversionEntry", e);
    }
    boolean[] r = new boolean[close.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = close[t] <= lower[t] && rsi[t] < rsiMin;
    }
    return r;
  }

  /**
   * Donchian breakout up (the Turtle entry): the close exceeds the highest high of the
   * <em>previous</em> n bars, {@code close_t > max(high_(t-n) .. high_(t-1))}. (The channel
   * including bar t can never be exceeded by its own close.) False on the first n bars.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the channel window, {@code >= 1}
   * @return a new array
   */
  public static boolean[] donchianBreakoutUp(double[] high, double[] low, double[] close, int n) {
    Args.sameLength("donchianBreakoutUp", high, "high", low, "low", close, "close");
    Args.period(n, "donchianBreakoutUp", "n");
    Segments.checkBars("donchianBreakoutUp", high, low, close);
    double[] upper = Indicators.donchian(high, low, n).upper();
    boolean[] r = new boolean[close.length];
    for (int t = 1; t < r.length; t++) {
      r[t] = close[t] > upper[t - 1];
    }
    return r;
  }

  /**
   * Donchian breakout down: {@code close_t < min(low_(t-n) .. low_(t-1))}.
   *
   * @param high highs
   * @param low lows
   * @param close closes
   * @param n the channel window, {@code >= 1}
   * @return a new array
   * @see #donchianBreakoutUp(double[], double[], double[], int)
   */
  public static boolean[] donchianBreakoutDown(double[] high, double[] low, double[] close,
      int n) {
    Args.sameLength("donchianBreakoutDown", high, "high", low, "low", close, "close");
    Args.period(n, "donchianBreakoutDown", "n");
    Segments.checkBars("donchianBreakoutDown", high, low, close);
    double[] lower = Indicators.donchian(high, low, n).lower();
    boolean[] r = new boolean[close.length];
    for (int t = 1; t < r.length; t++) {
      r[t] = close[t] < lower[t - 1];
    }
    return r;
  }

  /**
   * Donchian breakout up of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #donchianBreakoutUp(double[], double[], double[], int)
   */
  public static boolean[] donchianBreakoutUp(Bars bars, int n) {
    Args.notNull(bars, "donchianBreakoutUp", "bars");
    return donchianBreakoutUp(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * Donchian breakout down of {@code bars}.
   *
   * @param bars the bars (their high, low, close and volume columns are read)
   * @param n the period or window, {@code >= 1}
   * @return a new array
   * @see #donchianBreakoutDown(double[], double[], double[], int)
   */
  public static boolean[] donchianBreakoutDown(Bars bars, int n) {
    Args.notNull(bars, "donchianBreakoutDown", "bars");
    return donchianBreakoutDown(bars.high(), bars.low(), bars.close(), n);
  }

  /**
   * An indicator's failure inside a composite signal, named after the signal the caller used:
   * {@code "momentumEntry: roc: the rate of change at index 1 is undefined: ..."}.
   */
  private static ArithmeticException within(String signal, ArithmeticException e) {
    ArithmeticException w = new ArithmeticException(signal + ": " + e.getMessage());
    w.initCause(e);
    return w;
  }

  // ------------------------------------------------------------------------------- combinators

  /**
   * {@code a_t > b_t} (false where either is NaN).
   *
   * @param a a series
   * @param b a series of the same length
   * @return a new array
   */
  public static boolean[] above(double[] a, double[] b) {
    Args.sameLength("above", a, "a", b, "b");
    boolean[] r = new boolean[a.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = a[t] > b[t];
    }
    return r;
  }

  /**
   * {@code a_t > level} (false where {@code a_t} is NaN).
   *
   * @param a a series
   * @param level a finite level
   * @return a new array
   */
  public static boolean[] above(double[] a, double level) {
    Args.notNull(a, "above", "a");
    Args.finite(level, "above", "level");
    boolean[] r = new boolean[a.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = a[t] > level;
    }
    return r;
  }

  /**
   * {@code a_t < b_t} (false where either is NaN).
   *
   * @param a a series
   * @param b a series of the same length
   * @return a new array
   */
  public static boolean[] below(double[] a, double[] b) {
    return above(b, a);
  }

  /**
   * {@code a_t < level} (false where {@code a_t} is NaN).
   *
   * @param a a series
   * @param level a finite level
   * @return a new array
   */
  public static boolean[] below(double[] a, double level) {
    Args.notNull(a, "below", "a");
    Args.finite(level, "below", "level");
    boolean[] r = new boolean[a.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = a[t] < level;
    }
    return r;
  }

  /**
   * Bar-wise AND of conditions of equal length (all true).
   *
   * @param conditions one or more conditions
   * @return a new array
   */
  public static boolean[] all(boolean[]... conditions) {
    boolean[] r = combineStart("all", conditions);
    for (boolean[] c : conditions) {
      for (int t = 0; t < r.length; t++) {
        r[t] &= c[t];
      }
    }
    return r;
  }

  /**
   * Bar-wise OR of conditions of equal length (any true).
   *
   * @param conditions one or more conditions
   * @return a new array
   */
  public static boolean[] any(boolean[]... conditions) {
    boolean[] r = combineStart("any", conditions);
    java.util.Arrays.fill(r, false);
    for (boolean[] c : conditions) {
      for (int t = 0; t < r.length; t++) {
        r[t] |= c[t];
      }
    }
    return r;
  }

  private static boolean[] combineStart(String what, boolean[][] conditions) {
    Args.notNull(conditions, what, "conditions");
    if (conditions.length == 0) {
      throw new IllegalArgumentException(what + ": expected at least one condition, but found none");
    }
    int len = Args.notNull(conditions[0], what, "conditions[0]").length;
    for (int i = 1; i < conditions.length; i++) {
      int n = Args.notNull(conditions[i], what, "conditions[" + i + "]").length;
      if (n != len) {
        throw new IllegalArgumentException(what + ": conditions[" + i + "] has " + n
            + " values but conditions[0] has " + len + "; conditions must have the same length");
      }
    }
    boolean[] r = new boolean[len];
    java.util.Arrays.fill(r, true);
    return r;
  }

  /**
   * The first bar of each run of true values: {@code c_t && !c_(t-1)} (true at bar 0 if
   * {@code c_0}): turns a condition into entry events.
   *
   * @param condition a condition
   * @return a new array
   */
  public static boolean[] onset(boolean[] condition) {
    Args.notNull(condition, "onset", "condition");
    boolean[] r = new boolean[condition.length];
    for (int t = 0; t < r.length; t++) {
      r[t] = condition[t] && (t == 0 || !condition[t - 1]);
    }
    return r;
  }

  /**
   * The number of true values, e.g. how many bars signalled.
   *
   * @param condition a condition
   * @return the count
   */
  public static int count(boolean[] condition) {
    Args.notNull(condition, "count", "condition");
    int n = 0;
    for (boolean b : condition) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
