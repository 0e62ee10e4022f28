package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments fail fast with messages naming the argument and the value. */
class ArgumentsTest {

  static final double[] X = {1, 2, 3, 4, 5};

  static void iae(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void periods() {
    iae("sma: expected n >= 1, but found 0", () -> Indicators.sma(X, 0));
    iae("rsi: expected n >= 1, but found -3", () -> Indicators.rsi(X, -3));
    iae("stochastic: expected slowK >= 1, but found 0",
        () -> Indicators.stochastic(X, X, X, 5, 0, 3));
    iae("stochasticFast: expected fastD >= 1, but found 0",
        () -> Indicators.stochasticFast(X, X, X, 5, 0));
    iae("keltner: expected atrPeriod >= 1, but found 0",
        () -> Indicators.keltner(X, X, X, 20, 0, 2));
    iae("macd: expected fast <= slow, but found fast = 26, slow = 12",
        () -> Indicators.macd(X, 26, 12, 9));
    iae("macd: expected signal >= 1, but found 0", () -> Indicators.macd(X, 12, 26, 0));
  }

  @Test
  void multipliers() {
    iae("bollinger: expected finite k >= 0, but found NaN",
        () -> Indicators.bollinger(X, 3, Double.NaN));
    iae("keltner: expected finite multiplier >= 0, but found Infinity",
        () -> Indicators.keltner(X, X, X, 3, 3, Double.POSITIVE_INFINITY));
    // A negative multiplier swaps the bands (an "upper" band below the "lower" one): was accepted
    iae("bollinger: expected finite k >= 0, but found -2.0",
        () -> Indicators.bollinger(X, 3, -2));
    iae("keltner: expected finite multiplier >= 0, but found -2.0",
        () -> Indicators.keltner(X, X, X, 3, 3, -2));
    iae("StreamingBollinger: expected finite k >= 0, but found -2.0",
        () -> StreamingBollinger.of(3, -2));
    iae("StreamingKeltner: expected finite multiplier >= 0, but found -0.5",
        () -> StreamingKeltner.of(3, 3, -0.5));
    iae("meanReversionEntry: expected finite k >= 0, but found -2.0",
        () -> Signals.meanReversionEntry(X, 3, -2, 2, 30));
    // 0 is the degenerate channel: both bands on the middle line (SMA(3) of 1..5: 2, 3, 4)
    Bands flat = Indicators.bollinger(X, 3, 0);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2, 3, 4}, flat.upper(), 0.0);
    assertArrayEquals(flat.middle(), flat.upper(), 0.0);
    assertArrayEquals(flat.middle(), flat.lower(), 0.0);
    // Keltner(3, 3, 0) of a flat bar series 1..5 (high = low = close): bands = EMA(3) = middle
    Bands k0 = Indicators.keltner(X, X, X, 3, 3, 0);
    assertArrayEquals(k0.middle(), k0.upper(), 0.0);
    assertArrayEquals(k0.middle(), k0.lower(), 0.0);
    iae("crossAbove: expected finite level, but found NaN",
        () -> Indicators.crossAbove(X, Double.NaN));
  }

  @Test
  void nulls() {
    assertEquals("ema: argument 'x' must not be null",
        assertThrows(NullPointerException.class, () -> Indicators.ema(null, 3)).getMessage());
    assertEquals("atr: argument 'low' must not be null", assertThrows(NullPointerException.class,
        () -> Indicators.atr(X, null, X, 3)).getMessage());
    assertEquals("adx: argument 'bars' must not be null", assertThrows(NullPointerException.class,
        () -> Indicators.adx((io.github.quantfolio.core.Bars) null, 14)).getMessage());
  }

  @Test
  void lengths() {
    iae("atr: high has 5 values but close has 4; the inputs must have the same length",
        () -> Indicators.atr(X, X, new double[4], 3));
    iae("obv: close has 5 values but volume has 2; the inputs must have the same length",
        () -> Indicators.obv(X, new double[2]));
    iae("Bands.percentB: price has 3 values but upper has 5; the inputs must have the same length",
        () -> Indicators.bollinger(X, 2, 2).percentB(new double[3]));
  }

  @Test
  void infiniteInputsAreErrorsNotMissingValues() {
    iae("sma: x[2] is Infinity; indicator inputs must be finite, or NaN for a missing value",
        () -> Indicators.sma(new double[] {1, 2, Double.POSITIVE_INFINITY, 4}, 2));
    iae("adx: close[1] is -Infinity; indicator inputs must be finite, or NaN for a missing value",
        () -> Indicators.adx(X, X, new double[] {1, Double.NEGATIVE_INFINITY, 3, 4, 5}, 2));
    // found wherever it is, whichever sign (the kernels test non-finite values once per block)
    double[] h = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    double[] l = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    h[7] = Double.NEGATIVE_INFINITY;
    iae("stochastic: high[7] is -Infinity; indicator inputs must be finite, or NaN for a missing value",
        () -> Indicators.stochastic(h, l, l, 3, 2, 2));
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    x[8] = Double.NEGATIVE_INFINITY;
    iae("sma: x[8] is -Infinity; indicator inputs must be finite, or NaN for a missing value",
        () -> Indicators.sma(x, 3));
    // found even in the warm-up, and when the window is longer than the input
    iae("ema: x[0] is Infinity; indicator inputs must be finite, or NaN for a missing value",
        () -> Indicators.ema(new double[] {Double.POSITIVE_INFINITY, 1}, 10));
  }

  @Test
  void volumes() {
    iae("obv: volume[1] is -5.0; volumes must be >= 0 (NaN for missing)",
        () -> Indicators.obv(new double[] {1, 2}, new double[] {1, -5}));
  }

  @Test
  void outputArrays() {
    double[] out = new double[5];
    assertSame(out, Indicators.sma(X, 2, out));
    iae("sma: out has 4 values but the input has 5; an output array must have the input's length",
        () -> Indicators.sma(X, 2, new double[4]));
    iae("ema: out must not be an input array: outputs are written while inputs are read",
        () -> Indicators.ema(X, 2, X));
    iae("macd: signal must not be an input array: outputs are written while inputs are read",
        () -> Indicators.macd(X, 2, 3, 2, out, out, null));
  }
}
