package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Finite inputs so small that their squares or products fall below the double range. Deviations
 * are computed correctly; a money flow that underflows is an {@link ArithmeticException}, never a
 * plausible 0 or 50. Before the fix: the rolling deviation, z-score and Bollinger width of values
 * near 1e-170 were 0 (every squared deviation underflowed to 0, which reads as a constant window),
 * and MFI of prices and volumes near 1e-160 was 50 ("no money flow").
 */
class UnderflowTest {

  static final MathContext MC = MathContext.DECIMAL128;

  /** The audit's series: 1e-170 x (1, 1.01, 1.02, 1, ...), 40 values. */
  static double[] tiny() {
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e-170 * (1 + 0.01 * (i % 3));
    }
    return x;
  }

  /**
   * The mean, population deviation and z-score of the last value of {@code x[t - n + 1 .. t]}:
   * exact two-pass arithmetic in BigDecimal (34 digits), rounded once. An independent reference.
   */
  static double[] exact(double[] x, int t, int n) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = t - n + 1; i <= t; i++) {
      sum = sum.add(new BigDecimal(x[i]));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
    BigDecimal ss = BigDecimal.ZERO;
    for (int i = t - n + 1; i <= t; i++) {
      BigDecimal d = new BigDecimal(x[i]).subtract(mean);
      ss = ss.add(d.multiply(d));
    }
    BigDecimal sd = ss.divide(BigDecimal.valueOf(n), MC).sqrt(MC);
    BigDecimal z = new BigDecimal(x[t]).subtract(mean).divide(sd, MC);
    return new double[] {mean.doubleValue(), sd.doubleValue(), z.doubleValue()};
  }

  @Test
  void deviationsOfTinyValuesAreTheirDeviationsNotZero() {
    double[] x = tiny();
    int n = 20;
    double[] sd = Indicators.rollingStd(x, n);
    double[] z = Indicators.zscore(x, n);
    Bands b = Indicators.bollinger(x, n, 2);
    for (int t = n - 1; t < x.length; t++) {
      double[] e = exact(x, t, n);
      // about 8e-173 (was 0): the two-pass computation on scaled values, a few roundings
      assertTrue(e[1] > 8e-173 && e[1] < 9e-173, "reference " + e[1]);
      assertEquals(e[1], sd[t], 1e-14 * e[1], "rollingStd at " + t);
      // z-scores are about +-1.2 here, so an absolute 1e-13 is relative too
      assertEquals(e[2], z[t], 1e-13, "zscore at " + t);
      assertEquals(e[0], b.middle()[t], 1e-15 * e[0], "middle at " + t);
      assertEquals(e[0] + 2 * e[1], b.upper()[t], 1e-15 * e[0], "upper at " + t);
      assertEquals(e[0] - 2 * e[1], b.lower()[t], 1e-15 * e[0], "lower at " + t);
    }
    // the streaming twins take the same path: bit for bit
    assertArrayEquals(sd, OverflowTest.streamed(StreamingStd.of(n), x));
    assertArrayEquals(z, OverflowTest.streamed(StreamingStd.zscore(n), x));
    StreamingBollinger sb = StreamingBollinger.of(n, 2);
    for (int t = 0; t < x.length; t++) {
      assertEquals(b.middle()[t], sb.update(x[t]), 0.0);
      assertEquals(b.upper()[t], sb.upper(), 0.0);
      assertEquals(b.lower()[t], sb.lower(), 0.0);
    }
  }

  @Test
  void tinyDeviationsBesideAZeroAnchorAreExactToo() {
    // A window whose block anchor is 0 and whose other values are 1e-160 and -1e-160: the
    // squared deviations (1e-320) are subnormal, with 4 significant bits left. Windows of 2:
    // {0, a}: deviation a / 2; {a, -a}: deviation a.
    double a = 1e-160;
    double[] x = {0, a, -a, 0, a, -a, 0};
    double[] sd = Indicators.rollingStd(x, 2);
    double[] expected = {Double.NaN, a / 2, a, a / 2, a / 2, a, a / 2};
    for (int t = 1; t < x.length; t++) {
      assertEquals(expected[t], sd[t], 1e-15 * a, "at " + t);
    }
    assertArrayEquals(sd, OverflowTest.streamed(StreamingStd.of(2), x));
    // a constant window is still exactly 0, tiny or not
    double[] flat = {1e-170, 1e-170, 1e-170, 0, 0, 0};
    double[] f = Indicators.rollingStd(flat, 3);
    assertEquals(0.0, f[2], 0.0);
    assertEquals(0.0, f[5], 0.0);
    assertEquals(0.0, Indicators.zscore(flat, 3)[2], 0.0);
  }

  @Test
  void moneyFlowsBelowTheDoubleRangeAreErrors() {
    // tp v = 1e-160 x 1e-160 = 1e-320 keeps 4 significant bits; 1e-170 x 1e-170 is 0 (MFI was
    // 50, "no money flow", and VWAP 0)
    double[] p = {1e-160, 2e-160, 3e-160};
    double[] v = {1e-160, 1e-160, 1e-160};
    String tail = "; the inputs are too small in magnitude for this indicator";
    OverflowTest.arithmetic("mfi: the money flow underflows the range of double at index 1 (high "
        + "= 2.0E-160, low = 2.0E-160, close = 2.0E-160, volume = 1.0E-160)" + tail,
        () -> Indicators.mfi(p, p, p, v, 1));
    OverflowTest.arithmetic("vwap: the volume-weighted price underflows the range of double at "
        + "index 0 (high = 1.0E-160, low = 1.0E-160, close = 1.0E-160, volume = 1.0E-160)" + tail,
        () -> Indicators.vwap(p, p, p, v));
    OverflowTest.arithmetic("vwap: the volume-weighted price underflows the range of double at "
        + "index 0 (high = 1.0E-160, low = 1.0E-160, close = 1.0E-160, volume = 1.0E-160)" + tail,
        () -> Indicators.vwap(p, p, p, v, 2));
    StreamingMfi mfi = StreamingMfi.of(1);
    mfi.update(1e-160, 1e-160, 1e-160, 1e-160);
    assertEquals("Mfi(1): the money flow underflows the range of double at bar 1 (high = "
        + "2.0E-160, low = 2.0E-160, close = 2.0E-160, volume = 1.0E-160)" + tail,
        assertThrows(ArithmeticException.class,
            () -> mfi.update(2e-160, 2e-160, 2e-160, 1e-160)).getMessage());
    assertThrows(IllegalStateException.class, () -> mfi.update(1, 1, 1, 1));
    // a volume of 0 is no flow, not an underflow; tiny prices with ordinary volumes are fine
    assertEquals(50.0, Indicators.mfi(p, p, p, new double[3], 1)[2], 0.0);
    double[] ordinary = {1, 1, 1};
    // tp v = 1e-160, 2e-160, 3e-160, all up: MFI 100; VWAP (1 + 2 + 3)e-160 / 3 = 2e-160
    assertEquals(100.0, Indicators.mfi(p, p, p, ordinary, 1)[2], 0.0);
    assertEquals(2e-160, Indicators.vwap(p, p, p, ordinary)[2], Math.ulp(2e-160));
  }
}
