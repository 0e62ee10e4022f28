package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.NaN;
import static io.github.quantfolio.indicators.Tolerance.HAND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The NaN policy on small hand-computed cases (NanPolicyProperties checks every indicator). */
class NanPolicyTest {

  static void check(double[] expected, double[] actual) {
    Series.assertClose("hand", expected, actual, HAND, 0);
  }

  @Test
  void windowIndicatorsWarmUpAgainAfterAGap() {
    // SMA(2): t = 1: (1+2)/2; t = 2 missing; t = 3 is the first bar of a new run (warm-up);
    // t = 4: (4+5)/2; t = 5: (5+6)/2. No window ever spans the gap.
    check(new double[] {NaN, 1.5, NaN, NaN, 4.5, 5.5},
        Indicators.sma(new double[] {1, 2, NaN, 4, 5, 6}, 2));
  }

  @Test
  void recursiveIndicatorsAreSeededAgainAfterAGap() {
    // EMA(2), k = 2/3: seed t = 1: 1.5; t = 2: 1.5 + 2/3 (3 - 1.5) = 2.5; t = 3 missing;
    // new run: seed t = 5: (10 + 20)/2 = 15; t = 6: 15 + 2/3 (30 - 15) = 25.
    // (Carrying 2.5 over the gap would give 2.5 + 2/3 (10 - 2.5) = 7.5 at t = 4: not done.)
    check(new double[] {NaN, 1.5, 2.5, NaN, NaN, 15, 25},
        Indicators.ema(new double[] {1, 2, 3, NaN, 10, 20, 30}, 2));
  }

  @Test
  void leadingNaNJustDelayTheStart() {
    // a late listing: the first value is the SMA of bars 2 and 3
    check(new double[] {NaN, NaN, NaN, 1.5, 2.5}, Indicators.sma(new double[] {NaN, NaN, 1, 2, 3}, 2));
  }

  @Test
  void obvRestartsAtTheVolumeAfterAGap() {
    // 10; up +20 = 30; missing; new run starts at its first volume 40; down -50 = -10
    check(new double[] {10, 30, NaN, 40, -10},
        Indicators.obv(new double[] {1, 2, NaN, 3, 2}, new double[] {10, 20, 30, 40, 50}));
  }

  @Test
  void aNaNInAnyInputTheIndicatorReadsMakesTheBarMissing() {
    // Only the low of bar 2 is missing: true range is NaN there and at bar 3 (bar 3 starts a new
    // run and has no previous close); bar 4: max(13.5 - 11, |13.5 - 12.5|, |11 - 12.5|) = 2.5
    double[] low = HandComputedTest.L.clone();
    low[2] = NaN;
    check(new double[] {NaN, 2.5, NaN, NaN, 2.5},
        Indicators.trueRange(HandComputedTest.H, low, HandComputedTest.C));
    // A NaN volume makes MFI's bar missing but not the Donchian channel's, which reads no volume.
    double[] v = HandComputedTest.V.clone();
    v[2] = NaN;
    check(new double[] {NaN, NaN, NaN, NaN, NaN},
        Indicators.mfi(HandComputedTest.H, HandComputedTest.L, HandComputedTest.C, v, 2));
    check(new double[] {NaN, 12, 12, 13, 13.5},
        Indicators.donchian(HandComputedTest.H, HandComputedTest.L, 2).upper());
  }

  @Test
  void streamingTwinsRestartTheSameWay() {
    StreamingEma ema = StreamingEma.of(2);
    double[] x = {1, 2, 3, NaN, 10, 20, 30};
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = ema.update(x[i]);
    }
    check(new double[] {NaN, 1.5, 2.5, NaN, NaN, 15, 25}, out);
  }

  /**
   * Long series (over 2^21 values, where the SMA runs four quarters together) with a gap in the
   * first quarter, in the block just before a quarter starts (its anchor), inside a later quarter,
   * near the end, or an overflow to infinity of finite values: the same numbers as the streaming
   * twin, bar for bar.
   */
  @Test
  void longSmaWithGapsInAnyQuarterEqualsItsStreamingTwin() {
    int len = (1 << 21) + 5003;
    int n = 7;
    int quarter = (len - n) / n / 4 * n; // bars per quarter
    int q1 = n + quarter;
    int q3 = n + 3 * quarter;
    int[][] holes = {{}, {100}, {q1 - 3}, {q1 - n}, {q1 + 5}, {q3 + 2}, {len - 2}, {40, q3 + 9},
        {q1 + 1, q1 + 2}};
    double[] x = new double[len];
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int i = 0; i < len; i++) {
      x[i] = 100 + r.nextDouble();
    }
    for (int[] at : holes) {
      double[] y = x.clone();
      for (int i : at) {
        y[i] = NaN;
      }
      assertArrayEquals(streamedSma(y, n), Indicators.sma(y, n),
          () -> "SMA with gaps at " + java.util.Arrays.toString(at));
    }
    double v = Double.MAX_VALUE / 4;
    double[] huge = new double[len];
    java.util.Arrays.fill(huge, v);
    double[] expected = streamedSma(huge, n);
    assertArrayEquals(expected, Indicators.sma(huge, n)); // overflowing sums, bit for bit
    // The sums overflow; the means are recomputed from scaled values: the mean of seven equal
    // values, two roundings (the sum, the division) away from v.
    for (int i = n - 1; i < len; i++) {
      assertEquals(v, expected[i], 2 * Math.ulp(v));
    }
  }

  private static double[] streamedSma(double[] x, int n) {
    StreamingSma twin = StreamingSma.of(n);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = twin.update(x[i]);
    }
    return out;
  }
}
