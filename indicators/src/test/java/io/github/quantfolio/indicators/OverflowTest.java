package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Finite inputs whose sums, squares or differences overflow. Means and deviations are computed
 * correctly (a mean of finite values is finite); any other result beyond the double range is an
 * {@link ArithmeticException} naming the indicator, the index and the inputs, never an infinity, a
 * NaN or a plausible 0. Before the fix: a rolling deviation of +-1e200 was 0, an SMA of 1e308
 * values Infinity, a stochastic of a range beyond the double range 0, an RSI or MFI NaN.
 * Streaming twins give the same numbers, or fail at the same bar and refuse further bars.
 */
class OverflowTest {

  static final double BIG = 1e308;

  /** The exact mean of {@code x[from, to)} (BigDecimal), rounded once: an independent reference. */
  static double exactMean(double[] x, int from, int to) {
    BigDecimal s = BigDecimal.ZERO;
    for (int i = from; i < to; i++) {
      s = s.add(new BigDecimal(x[i]));
    }
    return s.divide(BigDecimal.valueOf(to - from), MathContext.DECIMAL128).doubleValue();
  }

  static double[] streamed(SeriesStream s, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = s.update(x[i]);
    }
    return out;
  }

  static void arithmetic(String message, Executable call) {
    assertEquals(message, assertThrows(ArithmeticException.class, call).getMessage());
  }

  @Test
  void movingAveragesOfHugeValuesAreTheirMeans() {
    double[] x = {BIG, 1.5 * BIG, -0.5 * BIG, 1.7 * BIG, 1.7 * BIG, 1.6 * BIG};
    for (int n : new int[] {2, 3, 4}) {
      double[] sma = Indicators.sma(x, n);
      for (int t = n - 1; t < x.length; t++) {
        // the scaled sum of n values: at most n roundings of 1 ulp of the largest
        double e = exactMean(x, t - n + 1, t + 1);
        assertEquals(e, sma[t], n * Math.ulp(1.7 * BIG), "sma " + n + " at " + t);
      }
      assertArrayEquals(sma, streamed(StreamingSma.of(n), x), "streaming sma " + n);
    }
    double[] flat = {BIG, BIG, BIG, BIG, BIG, BIG, BIG};
    // EMA, WMA, DEMA, TEMA of a constant are that constant (seeds: scaled means; a few roundings)
    double tol = 8 * Math.ulp(BIG);
    for (double v : Indicators.ema(flat, 3)) {
      assertTrue(Double.isNaN(v) || Math.abs(v - BIG) <= tol, "ema " + v);
    }
    for (double v : Indicators.wma(flat, 3)) {
      assertTrue(Double.isNaN(v) || Math.abs(v - BIG) <= tol, "wma " + v);
    }
    for (double v : Indicators.dema(flat, 2)) {
      assertTrue(Double.isNaN(v) || Math.abs(v - BIG) <= tol, "dema " + v);
    }
    for (double v : Indicators.tema(flat, 2)) {
      assertTrue(Double.isNaN(v) || Math.abs(v - BIG) <= tol, "tema " + v);
    }
    assertEquals(BIG, Indicators.ema(flat, 3)[6], tol);
    assertArrayEquals(Indicators.ema(flat, 3), streamed(StreamingEma.of(3), flat));
    assertArrayEquals(Indicators.wma(flat, 3), streamed(StreamingWma.of(3), flat));
    assertArrayEquals(Indicators.dema(flat, 2), streamed(StreamingDema.of(2), flat));
    assertArrayEquals(Indicators.tema(flat, 2), streamed(StreamingDema.triple(2), flat));
    // MACD of a constant: both EMAs are the constant (to rounding), the line about 0
    Macd m = Indicators.macd(flat, 2, 3, 2);
    assertTrue(Math.abs(m.line()[6]) <= tol && Math.abs(m.histogram()[6]) <= 2 * tol,
        "macd line " + m.line()[6]);
  }

  @Test
  void rollingDeviationOfHugeValuesIsExact() {
    double[] x = {1e200, -1e200, 1e200, -1e200, 1e200};
    // n = 2: every window is {1e200, -1e200}: mean 0, population deviation 1e200 (was 0)
    double[] sd = Indicators.rollingStd(x, 2);
    for (int t = 1; t < x.length; t++) {
      assertEquals(1e200, sd[t], 2 * Math.ulp(1e200), "at " + t);
    }
    // n = 3, window {1e200, -1e200, 1e200}: mean 1e200/3, deviations 2/3, 4/3, 2/3 (x 1e200),
    // variance (4 + 16 + 4)/27 = 8/9 (x 1e400): deviation sqrt(8)/3 1e200; z of the last value
    // (2/3) / (sqrt(8)/3) = 1/sqrt(2)
    double[] sd3 = Indicators.rollingStd(x, 3);
    assertEquals(Math.sqrt(8) / 3 * 1e200, sd3[2], 1e-15 * 1e200);
    assertEquals(Math.sqrt(8) / 3 * 1e200, sd3[4], 1e-15 * 1e200);
    double[] z = Indicators.zscore(x, 3);
    assertEquals(1 / Math.sqrt(2), z[2], 1e-15);
    assertEquals(-1 / Math.sqrt(2), z[3], 1e-15);
    Bands b = Indicators.bollinger(x, 3, 2);
    assertEquals(1e200 / 3, b.middle()[2], 1e-15 * 1e200);
    assertEquals(1e200 / 3 + 2 * Math.sqrt(8) / 3 * 1e200, b.upper()[2], 1e-15 * 1e200);
    assertArrayEquals(sd3, streamed(StreamingStd.of(3), x));
    assertArrayEquals(z, streamed(StreamingStd.zscore(3), x));
    StreamingBollinger sb = StreamingBollinger.of(3, 2);
    for (int t = 0; t < x.length; t++) {
      assertEquals(b.middle()[t], sb.update(x[t]), 0.0);
      assertEquals(b.upper()[t], sb.upper(), 0.0);
      assertEquals(b.lower()[t], sb.lower(), 0.0);
    }
  }

  @Test
  void rangesBeyondTheDoubleRangeGiveTheRightOscillatorValues() {
    double[] h = {1.5 * BIG, 1.5 * BIG, 1.5 * BIG};
    double[] l = {-1.5 * BIG, -1.5 * BIG, -1.5 * BIG};
    double[] c = {0, 0.75 * BIG, 0};
    // HH - LL = 3e308 overflows; %K = 100 (c - LL)/(HH - LL) from halves: 50, 75, 50 (was 0)
    Stochastic s = Indicators.stochasticFast(h, l, c, 1, 1);
    assertArrayEquals(new double[] {50, 75, 50}, s.k(), 1e-13);
    assertArrayEquals(new double[] {-50, -25, -50}, Indicators.williamsR(h, l, c, 1), 1e-13);
    StreamingStochastic ss = StreamingStochastic.fast(1, 1);
    StreamingWilliamsR sw = StreamingWilliamsR.of(1);
    double[] wr = Indicators.williamsR(h, l, c, 1);
    for (int t = 0; t < 3; t++) {
      assertEquals(s.k()[t], ss.update(h[t], l[t], c[t]), 0.0);
      assertEquals(wr[t], sw.update(h[t], l[t], c[t]), 0.0);
    }
    // a channel near the top of the range: its middle (HH + LL)/2 is 1.45e308 (was Infinity)
    Bands d = Indicators.donchian(new double[] {1.5 * BIG, 1.5 * BIG}, new double[] {1.4 * BIG,
        1.4 * BIG}, 2);
    assertEquals(1.45 * BIG, d.middle()[1], Math.ulp(1.45 * BIG));
    StreamingDonchian sd = StreamingDonchian.of(2);
    sd.update(1.5 * BIG, 1.4 * BIG);
    assertEquals(d.middle()[1], sd.update(1.5 * BIG, 1.4 * BIG), 0.0);
    // a typical price whose sum overflows: (h + l + c)/3 from quarters (was Infinity, and MFI
    // NaN). Flows tp v: 1.7e298 up at bar 1, 1.65e298 down at bar 2: MFI(2) at bar 2 =
    // 100 1.7 / (1.7 + 1.65) = 50.746268656716...
    double[] top = {1.6 * BIG, 1.7 * BIG, 1.65 * BIG};
    double[] tiny = {1e-10, 1e-10, 1e-10};
    assertEquals(100 * 1.7 / 3.35, Indicators.mfi(top, top, top, tiny, 2)[2], 1e-12);
    // CCI's window sum overflows too: its mean (and so tp - mean) cannot be trusted
    arithmetic("cci: the mean deviation overflows the range of double at index 1 (high = 1.7E308, "
        + "low = 1.7E308, close = 1.7E308); the inputs are too large in magnitude for this "
        + "indicator", () -> Indicators.cci(top, top, top, 2));
  }

  @Test
  void resultsBeyondTheDoubleRangeAreErrors() {
    double[] h = {1, BIG};
    double[] l = {1, -BIG};
    double[] c = {1, 0};
    String inputs = " (high = 1.0E308, low = -1.0E308, close = 0.0";
    String tail = "; the inputs are too large in magnitude for this indicator";
    arithmetic("trueRange: the true range overflows the range of double at index 1" + inputs
        + ", previous close = 1.0)" + tail, () -> Indicators.trueRange(h, l, c));
    arithmetic("atr: the average true range overflows the range of double at index 1" + inputs
        + ")" + tail, () -> Indicators.atr(h, l, c, 1));
    arithmetic("adx: the true range sum overflows the range of double at index 1" + inputs + ")"
        + tail, () -> Indicators.adx(h, l, c, 1));
    // RSI: a change of -2e308 (was NaN)
    arithmetic("rsi: the average gain or loss overflows the range of double at index 2 (x = "
        + "-1.0E308)" + tail, () -> Indicators.rsi(new double[] {0, BIG, -BIG, 0}, 1));
    // money flow 1e200 x 1e200 (was NaN)
    double[] p = {1e200, 2e200, 3e200};
    double[] vol = {1e200, 1e200, 1e200};
    arithmetic("mfi: the money flow overflows the range of double at index 1 (high = 2.0E200, "
        + "low = 2.0E200, close = 2.0E200, volume = 1.0E200)" + tail,
        () -> Indicators.mfi(p, p, p, vol, 1));
    arithmetic("vwap: the volume-weighted sum overflows the range of double at index 0 (high = "
        + "1.0E200, low = 1.0E200, close = 1.0E200, volume = 1.0E200)" + tail,
        () -> Indicators.vwap(p, p, p, vol));
    arithmetic("obv: the volume sum overflows the range of double at index 1 (volume = 1.0E308)"
        + tail, () -> Indicators.obv(new double[] {1, 2}, new double[] {BIG, BIG}));
    arithmetic("momentum: the change overflows the range of double at index 1 (x = 1.0E308, "
        + "x[0] = -1.0E308)" + tail, () -> Indicators.momentum(new double[] {-BIG, BIG}, 1));
    arithmetic("roc: the rate of change at index 1 is undefined: x[0] is 0 (the rate of change "
        + "is meant for prices, which are > 0)", () -> Indicators.roc(new double[] {0, 5}, 1));
    arithmetic("bollinger: a band overflows the range of double at index 1 (mean = 0.0, "
        + "deviation = 1.0E300)" + tail,
        () -> Indicators.bollinger(new double[] {1e300, -1e300}, 2, 1e10));
    // MACD(1, 26, 1) after 26 bars at -1.7e308: the fast EMA jumps to 1.7e308, the slow one to
    // -1.7e308 (23/27): the line, 1.7e308 (50/27), is beyond the range
    double[] jump = new double[27];
    java.util.Arrays.fill(jump, -1.7 * BIG);
    jump[26] = 1.7 * BIG;
    arithmetic("macd: the value overflows the range of double at index 26 (x = 1.7E308)" + tail,
        () -> Indicators.macd(jump, 1, 26, 1));
    // %B where upper - lower = 3e308 overflows: from halves (was a plausible 0). Upper 1.5e308,
    // lower -1.5e308, price 0: %B = (0 + 1.5e308) / 3e308 = 0.5. An infinite price is an error,
    // as in every indicator.
    Bands wide = new Bands(new double[] {1.5 * BIG}, new double[] {0}, new double[] {-1.5 * BIG});
    assertArrayEquals(new double[] {0.5}, wide.percentB(new double[] {0}), 0.0);
    assertEquals("Bands.percentB: price[0] is Infinity; indicator inputs must be finite, or NaN "
        + "for a missing value", assertThrows(IllegalArgumentException.class,
            () -> wide.percentB(new double[] {Double.POSITIVE_INFINITY})).getMessage());
    arithmetic("Bands.width: the bandwidth (upper - lower) / middle at index 1 is Infinity (upper "
        + "2.0, middle 0.0, lower -2.0); it is meant for positive series such as prices",
        () -> Indicators.bollinger(new double[] {-1, 1}, 2, 2).width());
  }

  @Test
  void aStreamThatOverflowsFailsAtTheSameBarAndTakesNoMore() {
    StreamingRsi rsi = StreamingRsi.of(1);
    rsi.update(0);
    rsi.update(BIG);
    String m = assertThrows(ArithmeticException.class, () -> rsi.update(-BIG)).getMessage();
    assertEquals("Rsi(1): the average gain or loss overflows the range of double at bar 2 (x = "
        + "-1.0E308); the inputs are too large in magnitude for this indicator", m);
    assertEquals("Rsi(1) can take no more bars: " + m + "; start a new one",
        assertThrows(IllegalStateException.class, () -> rsi.update(1)).getMessage());
    assertThrows(IllegalStateException.class, rsi::value);
    assertEquals("Rsi(1) (failed: " + m + ")", rsi.toString());
    StreamingAtr atr = StreamingAtr.of(1);
    atr.update(1, 1, 1);
    assertTrue(assertThrows(ArithmeticException.class, () -> atr.update(BIG, -BIG, 0))
        .getMessage().startsWith("Atr(1): the average true range overflows the range of double "
            + "at bar 1 "));
    StreamingObv obv = StreamingObv.of();
    obv.update(1, BIG);
    assertTrue(assertThrows(ArithmeticException.class, () -> obv.update(2, BIG)).getMessage()
        .startsWith("Obv: the volume sum overflows the range of double at bar 1 "));
    assertThrows(IllegalStateException.class, () -> obv.update(3, 1));
    StreamingChange roc = StreamingChange.roc(1);
    roc.update(0);
    assertEquals("Roc(1): the rate of change at bar 1 is undefined: the value 1 bars earlier is 0 "
        + "(the rate of change is meant for prices, which are > 0)",
        assertThrows(ArithmeticException.class, () -> roc.update(5)).getMessage());
  }
}
