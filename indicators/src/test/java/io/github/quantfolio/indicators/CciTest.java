package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;
import static io.github.quantfolio.indicators.Tolerance.REFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.indicators.internal.CciWindow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CCI on windows longer than {@link CciWindow#DIRECT_MAX}, where it uses the O(log n)
 * order-statistics path instead of TA-Lib's O(n) formula: against TA-Lib's Java port on simulated
 * bars, and against an exact (BigDecimal, 60 digits) computation on adversarial series where the
 * deviations are tiny next to the price level, so that the split-at-the-mean formula cancels up to
 * fifteen digits.
 */
class CciTest {

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {CciWindow.DIRECT_MAX, CciWindow.DIRECT_MAX + 1, 400, 1000})
  void longWindowsMatchTaLib(int n) {
    for (long seed : new long[] {21, 22}) {
      Bars b = Series.bars(seed, 5000);
      double[] h = b.high();
      double[] l = b.low();
      double[] c = b.close();
      assertClose("CCI " + n, TaLib.cci(h, l, c, n), Indicators.cci(h, l, c, n), REFERENCE, 100);
    }
  }

  /**
   * Prices around {@code level} moving by about {@code step} (relative 1e-15 for 1e9 and 1e-6),
   * integers around 2^52 (consecutive doubles), mixed signs, and a window that is constant except
   * for one bar: the exact CCI (with the exact mean) is the reference, to 1e-9 relative (scale
   * 100, as TA-Lib's comparison).
   */
  @ParameterizedTest(name = "case {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void adversarialMagnitudesMatchExactArithmetic(int which) {
    int len = 1500;
    int n = CciWindow.DIRECT_MAX + 44;
    double[] tp = new double[len];
    SplittableRandom r = new SplittableRandom(which);
    for (int i = 0; i < len; i++) {
      tp[i] = switch (which) {
        case 0 -> 1e9 + 1e-6 * Math.floor(r.nextDouble() * 1000); // 15-digit cancellation
        case 1 -> 0x1p52 + Math.floor(r.nextDouble() * 8); // neighbouring doubles
        case 2 -> (r.nextBoolean() ? 1 : -1) * 1e6 * r.nextDouble(); // mixed signs
        case 3 -> i % 300 == 7 ? 100.5 : 100.25; // constant but for a rare bar
        case 4 -> 1e-300 * (1 + r.nextDouble()); // tiny magnitudes
        default -> Math.scalb(1 + r.nextDouble(), r.nextInt(-40, 40)); // 24 decades at once
      };
    }
    double[] actual = Indicators.cci(tp, tp, tp, n);
    double[] typical = new double[len];
    for (int i = 0; i < len; i++) {
      typical[i] = (tp[i] + tp[i] + tp[i]) / 3.0; // the typical price of h = l = c, as computed
    }
    double[] expected = exactCci(typical, n);
    assertClose("CCI case " + which, expected, actual, REFERENCE, 100);
  }

  /**
   * A constant window has CCI 0 on the tree path: its sums are exact and its mean is the value.
   * (TA-Lib's formula, used for windows up to DIRECT_MAX, rounds the sum of 0.1s, so its mean
   * differs from 0.1 by an ulp and it reports 66.67 = 1 / 0.015 on such a window, as TA-Lib
   * does.)
   */
  @Test
  void constantWindowIsZero() {
    double[] x = new double[600];
    java.util.Arrays.fill(x, 0.1); // not a binary fraction: plain running sums would round
    int n = CciWindow.DIRECT_MAX + 72;
    double[] cci = Indicators.cci(x, x, x, n);
    for (int i = n - 1; i < x.length; i++) {
      assertEquals(0.0, cci[i], "bar " + i);
    }
  }

  @Test
  void streamingEqualsBatchOnLongWindowsWithHoles() {
    SplittableRandom r = new SplittableRandom(5);
    int len = 4000;
    double[] h = new double[len];
    double[] l = new double[len];
    double[] c = new double[len];
    double p = 100;
    for (int i = 0; i < len; i++) {
      p *= 1 + 0.01 * (r.nextDouble() - 0.5);
      c[i] = p;
      h[i] = p * (1 + 0.004 * r.nextDouble());
      l[i] = p * (1 - 0.004 * r.nextDouble());
    }
    c[1700] = Double.NaN;
    h[2222] = Double.NaN;
    for (int n : new int[] {CciWindow.DIRECT_MAX, CciWindow.DIRECT_MAX + 1, 700}) {
      double[] batch = Indicators.cci(h, l, c, n);
      StreamingCci s = StreamingCci.of(n);
      for (int i = 0; i < len; i++) {
        double v = s.update(h[i], l[i], c[i]);
        assertEquals(Double.doubleToLongBits(batch[i]), Double.doubleToLongBits(v),
            "n " + n + ", bar " + i);
      }
    }
  }

  /** CCI of each full window, in exact decimal arithmetic (60 significant digits). */
  static double[] exactCci(double[] tp, int n) {
    MathContext mc = new MathContext(60);
    double[] out = new double[tp.length];
    for (int t = 0; t < tp.length; t++) {
      if (t < n - 1) {
        out[t] = Double.NaN;
        continue;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int j = t - n + 1; j <= t; j++) {
        sum = sum.add(new BigDecimal(tp[j]));
      }
      BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
      BigDecimal dev = BigDecimal.ZERO;
      for (int j = t - n + 1; j <= t; j++) {
        dev = dev.add(new BigDecimal(tp[j]).subtract(mean).abs());
      }
      BigDecimal num = new BigDecimal(tp[t]).subtract(mean);
      out[t] = dev.signum() == 0 || num.signum() == 0 ? 0.0
          : num.multiply(BigDecimal.valueOf(n)).divide(
              dev.multiply(new BigDecimal("0.015")), mc).doubleValue();
    }
    return out;
  }
}
