package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.NaN;
import static io.github.quantfolio.indicators.Tolerance.HAND;

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
}
