package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import org.junit.jupiter.api.Test;

/** The streaming API: readiness, errors, and a direct comparison with TA-Lib. */
class StreamingTest {

  @Test
  void readinessFollowsTheLookback() {
    StreamingRsi rsi = StreamingRsi.of(2);
    assertTrue(Double.isNaN(rsi.update(10)));
    assertFalse(rsi.isReady());
    rsi.update(11);
    assertFalse(rsi.isReady());
    // changes +1, -0.5: G = 0.5, L = 0.25, RSI = 200/3 (see HandComputedTest.rsiWilder)
    assertEquals(200.0 / 3, rsi.update(10.5), Tolerance.HAND);
    assertTrue(rsi.isReady());
    assertEquals(200.0 / 3, rsi.value(), Tolerance.HAND);
    assertEquals("Rsi(2) = " + rsi.value(), rsi.toString());
    rsi.update(Double.NaN);
    assertFalse(rsi.isReady());
  }

  @Test
  void anInfiniteInputThrowsAndChangesNothing() {
    StreamingSma sma = StreamingSma.of(2);
    sma.update(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sma.update(Double.POSITIVE_INFINITY));
    assertEquals("Sma(2): x is Infinity at bar 1; indicator inputs must be finite, or NaN for a "
        + "missing value",
        e.getMessage());
    assertEquals(2.0, sma.update(3), 0.0); // (1 + 3)/2: the infinite value never entered
    StreamingAtr atr = StreamingAtr.of(3);
    assertEquals("Atr(3): low is -Infinity at bar 0; indicator inputs must be finite, or NaN for "
        + "a missing value",
        assertThrows(IllegalArgumentException.class,
            () -> atr.update(1, Double.NEGATIVE_INFINITY, 1)).getMessage());
    assertEquals("Mfi(3): volume is -1.0 at bar 0; volumes must be >= 0 (NaN for missing)",
        assertThrows(
        IllegalArgumentException.class, () -> StreamingMfi.of(3).update(2, 1, 1.5, -1))
        .getMessage());
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertEquals("StreamingSma: expected n >= 1, but found 0",
        assertThrows(IllegalArgumentException.class, () -> StreamingSma.of(0)).getMessage());
    assertEquals("StreamingMacd: expected fast <= slow, but found fast = 5, slow = 3",
        assertThrows(IllegalArgumentException.class, () -> StreamingMacd.of(5, 3, 2))
            .getMessage());
    assertEquals("StreamingBollinger: expected finite k >= 0, but found NaN", assertThrows(IllegalArgumentException.class,
        () -> StreamingBollinger.of(20, Double.NaN)).getMessage());
  }

  @Test
  void crossDetector() {
    StreamingCross up = StreamingCross.above();
    boolean[] got = new boolean[5];
    double[] a = {1, 2, 3, 2, 1};
    for (int i = 0; i < a.length; i++) {
      got[i] = up.update(a[i], 2);
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        Indicators.crossAbove(a, new double[] {2, 2, 2, 2, 2}), got);
  }

  /** Twins fed bar by bar against TA-Lib directly, on ten years of simulated bars. */
  @Test
  void twinsMatchTaLib() {
    Bars b = Series.bars(21, 2520);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    int len = c.length;
    StreamingEma ema = StreamingEma.of(20);
    StreamingMacd macd = StreamingMacd.of(12, 26, 9);
    StreamingRsi rsi = StreamingRsi.of(14);
    StreamingAdx adx = StreamingAdx.of(14);
    StreamingAtr atr = StreamingAtr.of(14);
    StreamingStochastic stoch = StreamingStochastic.of(5, 3, 3);
    StreamingBollinger bb = StreamingBollinger.of(20, 2);
    double[][] out = new double[9][len];
    for (int i = 0; i < len; i++) {
      out[0][i] = ema.update(c[i]);
      out[1][i] = macd.update(c[i]);
      out[2][i] = macd.signal();
      out[3][i] = rsi.update(c[i]);
      out[4][i] = adx.update(h[i], l[i], c[i]);
      out[5][i] = atr.update(h[i], l[i], c[i]);
      out[6][i] = stoch.update(h[i], l[i], c[i]);
      out[7][i] = stoch.d();
      bb.update(c[i]);
      out[8][i] = bb.upper();
    }
    double s = Series.scale(c);
    assertClose("EMA", TaLib.ema(c, 20), out[0], Tolerance.REFERENCE, 0);
    assertClose("MACD", TaLib.macd(c, 12, 26, 9)[0], out[1], Tolerance.REFERENCE, s);
    assertClose("MACD signal", TaLib.macd(c, 12, 26, 9)[1], out[2], Tolerance.REFERENCE, s);
    assertClose("RSI", TaLib.rsi(c, 14), out[3], Tolerance.REFERENCE, 100);
    assertClose("ADX", TaLib.adx(h, l, c, 14), out[4], Tolerance.REFERENCE, 100);
    assertClose("ATR", TaLib.atr(h, l, c, 14), out[5], Tolerance.REFERENCE, 0);
    assertClose("STOCH %K", TaLib.stoch(h, l, c, 5, 3, 3)[0], out[6], Tolerance.REFERENCE, 100);
    assertClose("STOCH %D", TaLib.stoch(h, l, c, 5, 3, 3)[1], out[7], Tolerance.REFERENCE, 100);
    assertClose("BBANDS upper", TaLib.bbands(c, 20, 2)[0], out[8], Tolerance.REFERENCE, 0);
  }
}
