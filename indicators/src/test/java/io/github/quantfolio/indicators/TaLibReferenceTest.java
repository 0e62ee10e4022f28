package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;
import static io.github.quantfolio.indicators.Series.scale;
import static io.github.quantfolio.indicators.Tolerance.REFERENCE;

import io.github.quantfolio.core.Bars;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every batch indicator against TA-Lib's Java port (the oracle, see {@link TaLib}) on simulated
 * bars of several lengths (shorter than, around and far beyond the lookbacks) and several
 * parameters, to {@link Tolerance#REFERENCE}. Indicators TA-Lib lacks are checked against their
 * published definition built from TA-Lib's pieces (Donchian = MAX/MIN, Keltner = EMA +/- m ATR)
 * or a direct computation written here (VWAP; the rolling deviation and z-score, for which TA-Lib's
 * variance formula is not accurate enough to be the reference).
 */
class TaLibReferenceTest {

  static Stream<Arguments> series() {
    return Stream.of(
        Arguments.of(11L, 7),      // shorter than most lookbacks: all NaN on both sides
        Arguments.of(12L, 40),     // around the lookbacks (MACD 33, ADX 27)
        Arguments.of(13L, 300),
        Arguments.of(14L, 2520),   // ten years: long recursions, regime changes
        Arguments.of(15L, 10000)); // many of every batch kernel's blocks
  }

  private static final int[] PERIODS = {2, 3, 5, 14, 20, 50};

  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void movingAverages(long seed, int days) {
    double[] x = Series.bars(seed, days).close();
    for (int n : PERIODS) {
      assertClose("SMA " + n, TaLib.sma(x, n), Indicators.sma(x, n), REFERENCE, 0);
      assertClose("EMA " + n, TaLib.ema(x, n), Indicators.ema(x, n), REFERENCE, 0);
      assertClose("WMA " + n, TaLib.wma(x, n), Indicators.wma(x, n), REFERENCE, 0);
      assertClose("DEMA " + n, TaLib.dema(x, n), Indicators.dema(x, n), REFERENCE, 0);
      assertClose("TEMA " + n, TaLib.tema(x, n), Indicators.tema(x, n), REFERENCE, 0);
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void macd(long seed, int days) {
    double[] x = Series.bars(seed, days).close();
    double s = scale(x);
    // (TA-Lib's Java port throws ArrayIndexOutOfBounds for signal = 1; HandComputedTest covers it.)
    int[][] params = {{12, 26, 9}, {5, 35, 5}, {8, 17, 2}, {3, 10, 16}, {2, 2, 2}};
    for (int[] p : params) {
      double[][] ref = TaLib.macd(x, p[0], p[1], p[2]);
      Macd m = Indicators.macd(x, p[0], p[1], p[2]);
      String what = "MACD" + java.util.Arrays.toString(p);
      assertClose(what + " line", ref[0], m.line(), REFERENCE, s);
      assertClose(what + " signal", ref[1], m.signal(), REFERENCE, s);
      assertClose(what + " histogram", ref[2], m.histogram(), REFERENCE, s);
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void oscillators(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    double[] v = b.volume();
    for (int n : PERIODS) {
      assertClose("RSI " + n, TaLib.rsi(c, n), Indicators.rsi(c, n), REFERENCE, 100);
      assertClose("CCI " + n, TaLib.cci(h, l, c, n), Indicators.cci(h, l, c, n), REFERENCE, 100);
      assertClose("WILLR " + n, TaLib.willR(h, l, c, n), Indicators.williamsR(h, l, c, n),
          REFERENCE, 100);
      assertClose("ROC " + n, TaLib.roc(c, n), Indicators.roc(c, n), REFERENCE, 100);
      assertClose("MOM " + n, TaLib.mom(c, n), Indicators.momentum(c, n), REFERENCE, scale(c));
      assertClose("MFI " + n, TaLib.mfi(h, l, c, v, n), Indicators.mfi(h, l, c, v, n),
          REFERENCE, 100);
    }
    assertClose("OBV", TaLib.obv(c, v), Indicators.obv(c, v), REFERENCE, scale(v));
  }

  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void stochastics(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    // (smoothing windows over 8 use running sums instead of direct sums)
    int[][] slow = {{5, 3, 3}, {14, 3, 3}, {14, 1, 1}, {9, 5, 2}, {1, 2, 4}, {14, 10, 3},
        {70, 3, 12}, {5, 8, 8}};
    for (int[] p : slow) {
      double[][] ref = TaLib.stoch(h, l, c, p[0], p[1], p[2]);
      Stochastic s = Indicators.stochastic(h, l, c, p[0], p[1], p[2]);
      String what = "STOCH" + java.util.Arrays.toString(p);
      assertClose(what + " %K", ref[0], s.k(), REFERENCE, 100);
      assertClose(what + " %D", ref[1], s.d(), REFERENCE, 100);
    }
    int[][] fast = {{5, 3}, {14, 3}, {14, 1}, {1, 3}, {5, 9}, {100, 2}};
    for (int[] p : fast) {
      double[][] ref = TaLib.stochF(h, l, c, p[0], p[1]);
      Stochastic s = Indicators.stochasticFast(h, l, c, p[0], p[1]);
      String what = "STOCHF" + java.util.Arrays.toString(p);
      assertClose(what + " %K", ref[0], s.k(), REFERENCE, 100);
      assertClose(what + " %D", ref[1], s.d(), REFERENCE, 100);
    }
  }

  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void volatility(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    assertClose("TRANGE", TaLib.trueRange(h, l, c), Indicators.trueRange(h, l, c), REFERENCE, 0);
    for (int n : new int[] {1, 2, 5, 14, 20, 50}) {
      assertClose("ATR " + n, TaLib.atr(h, l, c, n), Indicators.atr(h, l, c, n), REFERENCE, 0);
    }
    for (int n : PERIODS) {
      Adx a = Indicators.adx(h, l, c, n);
      assertClose("ADX " + n, TaLib.adx(h, l, c, n), a.adx(), REFERENCE, 100);
      assertClose("+DI " + n, TaLib.plusDi(h, l, c, n), a.plusDi(), REFERENCE, 100);
      assertClose("-DI " + n, TaLib.minusDi(h, l, c, n), a.minusDi(), REFERENCE, 100);
      assertClose("MAX " + n, TaLib.max(c, n), Indicators.rollingMax(c, n), 0, 0);
      assertClose("MIN " + n, TaLib.min(c, n), Indicators.rollingMin(c, n), 0, 0);
    }
    // TA-Lib computes the variance as E[x^2] - E[x]^2 from running sums, which loses about
    // log10(sum x^2 / variance) digits: on these series its n = 2 deviations are off by up to
    // 5e-3 relative (n = 3: 1e-6, n = 20: 1e-10) against an exact two-pass computation, ours by
    // < 1e-10 (deviationAgainstTwoPass). So the bands are compared on the price scale, n >= 3.
    for (int n : new int[] {3, 5, 14, 20, 50}) {
      assertClose("STDDEV " + n, TaLib.stdDev(c, n), Indicators.rollingStd(c, n), REFERENCE,
          scale(c));
      for (double k : new double[] {2.0, 1.0, 0.5}) {
        double[][] ref = TaLib.bbands(c, n, k);
        Bands bb = Indicators.bollinger(c, n, k);
        assertClose("BBANDS upper " + n + "," + k, ref[0], bb.upper(), REFERENCE, 0);
        assertClose("BBANDS middle " + n + "," + k, ref[1], bb.middle(), REFERENCE, 0);
        assertClose("BBANDS lower " + n + "," + k, ref[2], bb.lower(), REFERENCE, 0);
      }
    }
  }

  /**
   * Rolling deviation, Bollinger Bands and z-score against a direct two-pass computation per
   * window (mean, then the mean squared deviation from it; written here), the accurate reference
   * for the variance (see {@link #volatility}).
   */
  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void deviationAgainstTwoPass(long seed, int days) {
    double[] x = Series.bars(seed, days).close();
    for (int n : PERIODS) {
      double[] mean = new double[x.length];
      double[] sd = new double[x.length];
      double[] z = new double[x.length];
      double[] up = new double[x.length];
      double[] lo = new double[x.length];
      for (int t = 0; t < x.length; t++) {
        if (t < n - 1) {
          mean[t] = sd[t] = z[t] = up[t] = lo[t] = Double.NaN;
          continue;
        }
        double m = 0;
        for (int i = t - n + 1; i <= t; i++) {
          m += x[i];
        }
        m /= n;
        double q = 0;
        for (int i = t - n + 1; i <= t; i++) {
          q += (x[i] - m) * (x[i] - m);
        }
        mean[t] = m;
        sd[t] = Math.sqrt(q / n);
        z[t] = (x[t] - m) / sd[t];
        up[t] = m + 2 * sd[t];
        lo[t] = m - 2 * sd[t];
      }
      assertClose("std " + n, sd, Indicators.rollingStd(x, n), Tolerance.TWO_PASS, 0);
      // z near 0 is x - mean cancelling: both sides carry an absolute error of about
      // ulp(x) / sd there (seen on the 10000-bar series), so z is compared on its own scale, 1
      assertClose("z-score " + n, z, Indicators.zscore(x, n), Tolerance.TWO_PASS, 1);
      Bands b = Indicators.bollinger(x, n, 2);
      assertClose("upper " + n, up, b.upper(), Tolerance.TWO_PASS, 0);
      assertClose("middle " + n, mean, b.middle(), Tolerance.TWO_PASS, 0);
      assertClose("lower " + n, lo, b.lower(), Tolerance.TWO_PASS, 0);
    }
  }

  /** Donchian = TA-Lib MAX(high), MIN(low), their midpoint; values are copied, so exact. */
  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void donchian(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    for (int n : PERIODS) {
      Bands d = Indicators.donchian(h, l, n);
      double[] up = TaLib.max(h, n);
      double[] lo = TaLib.min(l, n);
      double[] mid = new double[up.length];
      for (int i = 0; i < mid.length; i++) {
        mid[i] = (up[i] + lo[i]) / 2;
      }
      assertClose("Donchian upper " + n, up, d.upper(), 0, 0);
      assertClose("Donchian lower " + n, lo, d.lower(), 0, 0);
      assertClose("Donchian middle " + n, mid, d.middle(), 0, 0);
    }
  }

  /**
   * Keltner Channels (StockCharts' definition: EMA(close, n) +/- m ATR(atrN)) built from TA-Lib's
   * EMA and ATR, defined where both are.
   */
  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void keltner(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    int[][] params = {{20, 10}, {10, 20}, {5, 5}};
    for (int[] p : params) {
      double m = 2.0;
      double[] ema = TaLib.ema(c, p[0]);
      double[] atr = TaLib.atr(h, l, c, p[1]);
      double[] up = new double[c.length];
      double[] mid = new double[c.length];
      double[] lo = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        boolean ok = !Double.isNaN(ema[i]) && !Double.isNaN(atr[i]);
        up[i] = ok ? ema[i] + m * atr[i] : Double.NaN;
        mid[i] = ok ? ema[i] : Double.NaN;
        lo[i] = ok ? ema[i] - m * atr[i] : Double.NaN;
      }
      Bands k = Indicators.keltner(h, l, c, p[0], p[1], m);
      assertClose("Keltner upper", up, k.upper(), REFERENCE, 0);
      assertClose("Keltner middle", mid, k.middle(), REFERENCE, 0);
      assertClose("Keltner lower", lo, k.lower(), REFERENCE, 0);
    }
  }

  /**
   * VWAP against a direct summation over each window (O(n x window), written here): cumulative
   * and rolling, typical price (h + l + c) / 3.
   */
  @ParameterizedTest(name = "seed {0}, {1} bars")
  @MethodSource("series")
  void vwap(long seed, int days) {
    Bars b = Series.bars(seed, days);
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    double[] v = b.volume();
    assertClose("VWAP cumulative", directVwap(h, l, c, v, 0), Indicators.vwap(h, l, c, v),
        REFERENCE, 0);
    for (int n : PERIODS) {
      assertClose("VWAP " + n, directVwap(h, l, c, v, n), Indicators.vwap(h, l, c, v, n),
          REFERENCE, 0);
    }
  }

  static double[] directVwap(double[] h, double[] l, double[] c, double[] v, int n) {
    double[] out = new double[c.length];
    for (int t = 0; t < c.length; t++) {
      int from = n == 0 ? 0 : t - n + 1;
      if (from < 0) {
        out[t] = Double.NaN;
        continue;
      }
      double pv = 0;
      double vol = 0;
      for (int i = from; i <= t; i++) {
        double tp = (h[i] + l[i] + c[i]) / 3;
        pv += tp * v[i];
        vol += v[i];
      }
      out[t] = pv / vol;
    }
    return out;
  }
}
