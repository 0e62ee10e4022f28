package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.NaN;
import static io.github.quantfolio.indicators.Tolerance.HAND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Small cases computed by hand; the arithmetic is in the comments. These pin the definitions
 * (seeds, lookbacks, the neutral values of flat windows) independently of TA-Lib.
 */
class HandComputedTest {

  // Five bars used by the bar indicators:
  //   t   high  low   close  volume  typical price (h + l + c) / 3
  //   0   10    9     9.5    100     9.5
  //   1   12    10    11     200     11
  //   2   11    8     10     300     29/3
  //   3   13    12    12.5   400     12.5
  //   4   13.5  11    11.5   500     12
  static final double[] H = {10, 12, 11, 13, 13.5};
  static final double[] L = {9, 10, 8, 12, 11};
  static final double[] C = {9.5, 11, 10, 12.5, 11.5};
  static final double[] V = {100, 200, 300, 400, 500};

  static void check(double[] expected, double[] actual) {
    Series.assertClose("hand", expected, actual, HAND, 0);
  }

  @Test
  void sma() {
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4
    check(new double[] {NaN, NaN, 2, 3, 4}, Indicators.sma(new double[] {1, 2, 3, 4, 5}, 3));
    // n = 1 is the series itself
    check(new double[] {7, -1, 3}, Indicators.sma(new double[] {7, -1, 3}, 1));
  }

  @Test
  void emaSeededWithTheSimpleAverage() {
    // n = 3, k = 2 / 4 = 0.5. Seed at t = 2: (2 + 4 + 6) / 3 = 4.
    // t = 3: 4 + 0.5 (5 - 4) = 4.5;  t = 4: 4.5 + 0.5 (9 - 4.5) = 6.75;
    // t = 5: 6.75 + 0.5 (1 - 6.75) = 3.875 (t = 3, 4 take the two-step path, t = 5 the single one)
    check(new double[] {NaN, NaN, 4, 4.5, 6.75, 3.875},
        Indicators.ema(new double[] {2, 4, 6, 5, 9, 1}, 3));
  }

  @Test
  void wma() {
    // n = 2, weights 1, 2, divisor 3: t = 1: (1 + 2*3)/3 = 7/3; t = 2: (3 + 2*2)/3 = 7/3;
    // t = 3: (2 + 2*6)/3 = 14/3; t = 4: (6 + 2*4)/3 = 14/3
    check(new double[] {NaN, 7.0 / 3, 7.0 / 3, 14.0 / 3, 14.0 / 3},
        Indicators.wma(new double[] {1, 3, 2, 6, 4}, 2));
    // n = 3, weights 1, 2, 3, divisor 6: (1 + 4 + 9)/6 = 14/6, (2 + 6 + 12)/6 = 20/6
    check(new double[] {NaN, NaN, 14.0 / 6, 20.0 / 6}, Indicators.wma(new double[] {1, 2, 3, 4}, 3));
  }

  @Test
  void dema() {
    // n = 2, k = 2/3 on 1, 2, 4, 8, 16.
    // EMA1: t1 = 1.5 (seed); t2 = 1.5 + 2/3 (4 - 1.5) = 19/6; t3 = 19/6 + 2/3 (8 - 19/6) = 115/18
    // EMA2: seed t2 = (1.5 + 19/6) / 2 = 7/3; t3 = 7/3 + 2/3 (115/18 - 7/3) = 136/27
    // DEMA: t2 = 2 * 19/6 - 7/3 = 4; t3 = 2 * 115/18 - 136/27 = 209/27
    double[] d = Indicators.dema(new double[] {1, 2, 4, 8, 16}, 2);
    assertEquals(4, d[2], HAND);
    assertEquals(209.0 / 27, d[3], HAND);
    assertEquals(Double.NaN, d[1]);
  }

  @Test
  void rsiWilder() {
    // n = 2 on 10, 11, 10.5, 11.5, 11.5, 11: changes +1, -0.5, +1, 0, -0.5.
    // t = 2: G = (1 + 0)/2 = 0.5, L = (0 + 0.5)/2 = 0.25, RSI = 100 * 0.5 / 0.75 = 66.67
    // t = 3: G = (0.5 + 1)/2 = 0.75, L = (0.25 + 0)/2 = 0.125, RSI = 100 * 0.75/0.875 = 600/7
    // t = 4: G = 0.375, L = 0.0625, RSI = 600/7;  t = 5: G = 0.1875, L = 0.28125, RSI = 40
    check(new double[] {NaN, NaN, 200.0 / 3, 600.0 / 7, 600.0 / 7, 40},
        Indicators.rsi(new double[] {10, 11, 10.5, 11.5, 11.5, 11}, 2));
  }

  @Test
  void rsiOfAFlatSeriesIsNeutral() {
    // No gain and no loss: 0/0. TA-Lib returns 0 ("oversold"); the documented value is 50.
    check(new double[] {NaN, NaN, 50, 50}, Indicators.rsi(new double[] {5, 5, 5, 5}, 2));
  }

  @Test
  void macdWithTaLibSeeds() {
    // fast 2, slow 3, signal 2 on 1, 2, 3, 5, 8, 13 (kf = 2/3, ks = 1/2, kg = 2/3).
    // t = 2: slow seed (1 + 2 + 3)/3 = 2; fast seed = mean of the LAST two of those, (2+3)/2 = 2.5;
    //        line 0.5.
    // t = 3: fast 2.5 + 2/3 (5 - 2.5) = 25/6; slow 2 + 1/2 (5 - 2) = 3.5; line 2/3;
    //        signal seed (0.5 + 2/3)/2 = 7/12; histogram 2/3 - 7/12 = 1/12.
    // t = 4: fast 25/6 + 2/3 (8 - 25/6) = 121/18; slow 3.5 + 1/2 (8 - 3.5) = 23/4;
    //        line 121/18 - 23/4 = 35/36; signal 7/12 + 2/3 (35/36 - 7/12) = 91/108;
    //        histogram 35/36 - 91/108 = 7/54.
    Macd m = Indicators.macd(new double[] {1, 2, 3, 5, 8, 13}, 2, 3, 2);
    check(new double[] {NaN, NaN, NaN, 2.0 / 3, 35.0 / 36}, java.util.Arrays.copyOf(m.line(), 5));
    check(new double[] {NaN, NaN, NaN, 7.0 / 12, 91.0 / 108},
        java.util.Arrays.copyOf(m.signal(), 5));
    check(new double[] {NaN, NaN, NaN, 1.0 / 12, 7.0 / 54},
        java.util.Arrays.copyOf(m.histogram(), 5));
  }

  @Test
  void macdWithSignalOneHasSignalEqualToLine() {
    // signal = 1: the signal EMA is the line itself (k = 1), the histogram 0, from t = slow - 1.
    // (TA-Lib's Java port throws ArrayIndexOutOfBounds for this case.)
    double[] x = {1, 2, 3, 5, 8, 13};
    Macd m = Indicators.macd(x, 2, 3, 1);
    assertEquals(0.5, m.line()[2], HAND); // fast seed 2.5 - slow seed 2
    check(m.line(), m.signal());
    check(new double[] {NaN, NaN, 0, 0, 0, 0}, m.histogram());
  }

  @Test
  void bollingerPopulationDeviation() {
    // n = 3 on 1, 2, 3, 4: t = 2: mean 2, variance (1 + 0 + 1)/3 = 2/3; t = 3: mean 3, same.
    double s = Math.sqrt(2.0 / 3);
    Bands b = Indicators.bollinger(new double[] {1, 2, 3, 4}, 3, 2);
    check(new double[] {NaN, NaN, 2 + 2 * s, 3 + 2 * s}, b.upper());
    check(new double[] {NaN, NaN, 2, 3}, b.middle());
    check(new double[] {NaN, NaN, 2 - 2 * s, 3 - 2 * s}, b.lower());
    // width (upper - lower)/middle = 4s/2 and 4s/3; %B of 4 at t = 3: (4 - 3 + 2s)/(4s)
    check(new double[] {NaN, NaN, 2 * s, 4 * s / 3}, b.width());
    check(new double[] {NaN, NaN, (3 - 2 + 2 * s) / (4 * s), (4 - 3 + 2 * s) / (4 * s)},
        b.percentB(new double[] {1, 2, 3, 4}));
    // z-score (x - mean)/sd = 1/s at t = 2 and t = 3; rolling deviation s
    check(new double[] {NaN, NaN, 1 / s, 1 / s}, Indicators.zscore(new double[] {1, 2, 3, 4}, 3));
    check(new double[] {NaN, NaN, s, s}, Indicators.rollingStd(new double[] {1, 2, 3, 4}, 3));
  }

  @Test
  void flatWindowHasExactlyZeroDeviation() {
    // After 1e8 leaves the window, the window 1, 1, 1 has deviation exactly 0 (no residue from
    // running sums), so the bands touch, %B is 0.5 and the z-score 0.
    double[] x = {1e8, 1, 1, 1, 1};
    double[] sd = Indicators.rollingStd(x, 3);
    assertEquals(0.0, sd[3]);
    assertEquals(0.0, sd[4]);
    Bands b = Indicators.bollinger(x, 3, 2);
    assertEquals(1.0, b.upper()[4]);
    assertEquals(1.0, b.lower()[4]);
    assertEquals(0.5, b.percentB(x)[4]);
    assertEquals(0.0, Indicators.zscore(x, 3)[4]);
  }

  @Test
  void roundingErrorFromAHugeValueDoesNotPersist() {
    // SMA(2) of 1e17, 1, 2, ..., 7. While 1e17 is in the window, 1 is absorbed (1e17 + 1 rounds to
    // 1e17). TA-Lib's running sum then subtracts 1e17 and keeps the lost 1 as an error forever:
    // its last value is (6 + 7 - 1)/2 = 6. Quantfolio re-anchors its running sum to an exact block
    // sum every n bars, so from the first anchor after 1e17 left every value is exact.
    double[] x = {1e17, 1, 2, 3, 4, 5, 6, 7};
    double[] sma = Indicators.sma(x, 2);
    for (int t = 3; t < x.length; t++) {
      assertEquals((x[t - 1] + x[t]) / 2, sma[t], "t = " + t);
    }
    assertEquals(6.0, TaLib.sma(x, 2)[7]); // the oracle's persistent error, for the record
  }

  @Test
  void trueRangeAndAtr() {
    // TR t = 1: max(12 - 10, |12 - 9.5|, |10 - 9.5|) = 2.5
    //    t = 2: max(11 - 8, |11 - 11|, |8 - 11|) = 3
    //    t = 3: max(13 - 12, |13 - 10|, |12 - 10|) = 3
    //    t = 4: max(13.5 - 11, |13.5 - 12.5|, |11 - 12.5|) = 2.5
    check(new double[] {NaN, 2.5, 3, 3, 2.5}, Indicators.trueRange(H, L, C));
    // ATR n = 2: seed t = 2: (2.5 + 3)/2 = 2.75; t = 3: (2.75 + 3)/2 = 2.875;
    // t = 4: (2.875 + 2.5)/2 = 2.6875
    check(new double[] {NaN, NaN, 2.75, 2.875, 2.6875}, Indicators.atr(H, L, C, 2));
  }

  @Test
  void adxWilder() {
    // n = 2. Directional movement (up = h - h', down = l' - l):
    //   t = 1: up 2, down -1   -> +DM 2, -DM 0, TR 2.5
    //   t = 2: up -1, down 2   -> +DM 0, -DM 2, TR 3
    //   t = 3: up 2, down -4   -> +DM 2, -DM 0, TR 3
    //   t = 4: up 0.5, down 1  -> +DM 0, -DM 1, TR 2.5
    // Sums start with bar 1 (n - 1 bars): S+ 2, S- 0, ST 2.5; then S = S/2 + new:
    //   t = 2: S+ 1, S- 2, ST 4.25:      +DI 100/4.25, -DI 200/4.25, DX 100 * 1/3
    //   t = 3: S+ 2.5, S- 1, ST 5.125:   +DI 250/5.125, -DI 100/5.125, DX 100 * 1.5/3.5 = 300/7
    //          ADX = (100/3 + 300/7)/2 = 1600/42
    //   t = 4: S+ 1.25, S- 1.5, ST 5.0625: DX 100 * 0.25/2.75 = 100/11;
    //          ADX = (1600/42 + 100/11)/2 = 5450/231
    Adx a = Indicators.adx(H, L, C, 2);
    check(new double[] {NaN, NaN, 100 / 4.25, 250 / 5.125, 125 / 5.0625}, a.plusDi());
    check(new double[] {NaN, NaN, 200 / 4.25, 100 / 5.125, 150 / 5.0625}, a.minusDi());
    check(new double[] {NaN, NaN, NaN, 1600.0 / 42, 5450.0 / 231}, a.adx());
  }

  @Test
  void stochasticsAndWilliamsR() {
    // Window 3: t = 2: HH 12, LL 8, close 10 -> fast %K 100 * 2/4 = 50, %R -100 * 2/4 = -50
    //           t = 3: HH 13, LL 8, close 12.5 -> %K 90, %R -10
    //           t = 4: HH 13.5, LL 8, close 11.5 -> %K 700/11, %R -400/11
    check(new double[] {NaN, NaN, -50, -10, -400.0 / 11}, Indicators.williamsR(H, L, C, 3));
    // Fast stochastic (3, 2): %D t = 3: (50 + 90)/2 = 70; t = 4: (90 + 700/11)/2 = 845/11;
    // both lines start at the lookback 3 + 2 - 2 = 3 (as TA-Lib).
    Stochastic f = Indicators.stochasticFast(H, L, C, 3, 2);
    check(new double[] {NaN, NaN, NaN, 90, 700.0 / 11}, f.k());
    check(new double[] {NaN, NaN, NaN, 70, 845.0 / 11}, f.d());
    // Slow stochastic (3, 2, 2): slow %K t = 3: 70, t = 4: 845/11; %D t = 4: (70 + 845/11)/2
    Stochastic s = Indicators.stochastic(H, L, C, 3, 2, 2);
    check(new double[] {NaN, NaN, NaN, NaN, 845.0 / 11}, s.k());
    check(new double[] {NaN, NaN, NaN, NaN, (70 + 845.0 / 11) / 2}, s.d());
  }

  @Test
  void flatHighLowWindowsAreNeutral() {
    // high == low over the window: 0/0; TA-Lib returns 0 for both, the documented values are the
    // midpoints %K 50 and %R -50.
    double[] f = {5, 5, 5, 5};
    check(new double[] {NaN, NaN, -50, -50}, Indicators.williamsR(f, f, f, 3));
    check(new double[] {NaN, NaN, NaN, 50}, Indicators.stochasticFast(f, f, f, 3, 2).k());
  }

  @Test
  void cci() {
    // n = 3 at t = 2: typical prices 19/2, 11, 29/3; mean 181/18; deviations 10/18, 17/18, 7/18,
    // mean deviation 34/54 = 17/27; CCI = (29/3 - 181/18) / (0.015 * 17/27) = -700/17
    double[] c = Indicators.cci(H, L, C, 3);
    assertEquals(-700.0 / 17, c[2], 1e-11);
    assertEquals(Double.NaN, c[1]);
    // a flat window: CCI 0 (as TA-Lib)
    double[] f = {5, 5, 5};
    assertEquals(0.0, Indicators.cci(f, f, f, 3)[2]);
  }

  @Test
  void rocAndMomentum() {
    double[] x = {10, 11, 12.1, 9.68};
    // ROC: 100 (11/10 - 1) = 10, 100 (12.1/11 - 1) = 10, 100 (9.68/12.1 - 1) = -20
    check(new double[] {NaN, 10, 10, -20}, Indicators.roc(x, 1));
    // MOM n = 2: 12.1 - 10 = 2.1, 9.68 - 11 = -1.32
    check(new double[] {NaN, NaN, 2.1, -1.32}, Indicators.momentum(x, 2));
  }

  @Test
  void obvStartsAtTheFirstVolume() {
    // 100; up: +200 = 300; unchanged: 300; down: -400 = -100; up: +500 = 400
    check(new double[] {100, 300, 300, -100, 400},
        Indicators.obv(new double[] {10, 11, 11, 10.5, 12}, V));
  }

  @Test
  void mfi() {
    // Flows tp * v: t = 1 up 11 * 200 = 2200; t = 2 down 29/3 * 300 = 2900;
    // t = 3 up 12.5 * 400 = 5000; t = 4 down 12 * 500 = 6000. n = 2:
    // t = 2: 100 * 2200/5100; t = 3: 100 * 5000/7900; t = 4: 100 * 5000/11000
    check(new double[] {NaN, NaN, 220000.0 / 5100, 500000.0 / 7900, 500000.0 / 11000},
        Indicators.mfi(H, L, C, V, 2));
    // no flow at all (unchanged typical price): 50, where TA-Lib returns 0
    double[] f = {5, 5, 5};
    check(new double[] {NaN, NaN, 50}, Indicators.mfi(f, f, f, new double[] {1, 2, 3}, 2));
  }

  @Test
  void vwap() {
    // tp * v: 950, 2200, 2900, 5000, 6000; cumulative sums / cumulative volumes 100, 300, ...
    check(new double[] {9.5, 3150.0 / 300, 6050.0 / 600, 11050.0 / 1000, 17050.0 / 1500},
        Indicators.vwap(H, L, C, V));
    // rolling n = 2: (950 + 2200)/300, (2200 + 2900)/500, (2900 + 5000)/700, (5000 + 6000)/900
    check(new double[] {NaN, 3150.0 / 300, 5100.0 / 500, 7900.0 / 700, 11000.0 / 900},
        Indicators.vwap(H, L, C, V, 2));
    // no volume in the window: the mean typical price (9.5 + 11)/2
    check(new double[] {NaN, 10.25}, Indicators.vwap(new double[] {10, 12}, new double[] {9, 10},
        new double[] {9.5, 11}, new double[] {0, 0}, 2));
  }

  @Test
  void donchianAndKeltner() {
    // n = 2: upper max(high), lower min(low)
    Bands d = Indicators.donchian(H, L, 2);
    check(new double[] {NaN, 12, 12, 13, 13.5}, d.upper());
    check(new double[] {NaN, 9, 8, 8, 11}, d.lower());
    check(new double[] {NaN, 10.5, 10, 10.5, 12.25}, d.middle());
    // Keltner (EMA 2, ATR 2, 1 ATR): EMA t = 1: 10.25, t = 2: 10.25 + 2/3 (10 - 10.25) = 121/12;
    // ATR t = 2: 2.75 (see trueRangeAndAtr); lookback max(1, 2) = 2.
    Bands k = Indicators.keltner(H, L, C, 2, 2, 1);
    check(new double[] {NaN, NaN, 121.0 / 12 + 2.75}, java.util.Arrays.copyOf(k.upper(), 3));
    check(new double[] {NaN, NaN, 121.0 / 12 - 2.75}, java.util.Arrays.copyOf(k.lower(), 3));
  }

  @Test
  void rollingExtremes() {
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
    check(new double[] {NaN, NaN, 4, 4, 5, 9, 9, 9}, Indicators.rollingMax(x, 3));
    check(new double[] {NaN, NaN, 1, 1, 1, 1, 2, 2}, Indicators.rollingMin(x, 3));
    check(x, Indicators.rollingMax(x, 1));
  }

  @Test
  void crosses() {
    double[] a = {1, 2, 3, 2, 1};
    double[] b = {2, 2, 2, 2, 2};
    // above at t = 2 (3 > 2 after 2 <= 2); below at t = 4 (1 < 2 after 2 >= 2)
    assertArrayEquals(new boolean[] {false, false, true, false, false}, Indicators.crossAbove(a, b));
    assertArrayEquals(new boolean[] {false, false, false, false, true}, Indicators.crossBelow(a, b));
    assertArrayEquals(new boolean[] {false, false, true, false, false}, Indicators.crossAbove(a, 2));
    assertArrayEquals(new boolean[] {false, false, false, false, true}, Indicators.crossBelow(a, 2));
    // a NaN on either bar: no cross
    assertArrayEquals(new boolean[] {false, false, false},
        Indicators.crossAbove(new double[] {1, NaN, 3}, new double[] {2, 2, 2}));
  }

  @Test
  void emptyAndShortInputs() {
    assertEquals(0, Indicators.sma(new double[0], 3).length);
    assertEquals(0, Indicators.macd(new double[0]).size());
    check(new double[] {NaN, NaN}, Indicators.ema(new double[] {1, 2}, 3));
    // ADX(2) needs 2n - 1 = 3 earlier bars
    check(new double[] {NaN, NaN, NaN}, Indicators.adx(new double[] {1, 2, 3},
        new double[] {1, 2, 3}, new double[] {1, 2, 3}, 2).adx());
  }
}
