package io.github.quantfolio.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Nothing after the as-of bar, and nothing before the look-back window, reaches the features:
 * for random as-of bars, the features of the full bars equal those of the bars cut after the
 * as-of bar, of bars whose later bars are replaced by random (valid) garbage, and of bars that
 * start anywhere at or before the window's first bar.
 */
class FeatureLookAheadProperties {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(5).assets(4).sectors(2)
      .days(420).lateListingShare(0.25).build().simulate();
  static final FeatureBuilder DEFAULTS = FeatureBuilder.defaults();

  /** The bars with every bar after {@code t} replaced by random bars (some missing). */
  static Bars garbageAfter(Bars b, int t, long seed) {
    Random rnd = new Random(seed);
    double[] o = b.open();
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    double[] v = b.volume();
    for (int i = t + 1; i < b.size(); i++) {
      if (rnd.nextInt(10) == 0) {
        o[i] = h[i] = l[i] = c[i] = Double.NaN;
        v[i] = Double.NaN;
      } else {
        c[i] = 1 + 999 * rnd.nextDouble();
        o[i] = c[i] * (0.9 + 0.2 * rnd.nextDouble());
        h[i] = Math.max(o[i], c[i]) * (1 + rnd.nextDouble());
        // below min(open, close) whatever the draw (adding 1e-3 to min x u could exceed it)
        l[i] = Math.min(o[i], c[i]) * (0.5 + 0.5 * rnd.nextDouble());
        v[i] = rnd.nextInt(1_000_000);
      }
    }
    return Bars.of(b.symbol(), b.index(), o, h, l, c, v);
  }

  @Property(tries = 60)
  void nothingAfterTheAsOfBar(@ForAll @IntRange(min = 0, max = 3) int asset,
      @ForAll @IntRange(min = 0, max = 419) int t, @ForAll long seed) {
    String name = MARKET.assets().get(asset);
    Bars full = MARKET.bars(name);
    Features f = DEFAULTS.features(full, t);
    assertEquals(f, DEFAULTS.features(full.slice(0, t + 1), t), "cut after the as-of bar");
    Bars garbage = garbageAfter(full, t, seed);
    assertEquals(f, DEFAULTS.features(garbage, t), "garbage after the as-of bar");
    PriceFrame p = MARKET.prices();
    PriceFrame g = PriceFrame.of(p.index(), List.of(name), new double[][] {garbage.close()});
    assertEquals(DEFAULTS.features(p, name, t), DEFAULTS.features(g, name, t),
        "close-only with garbage after the as-of row");
  }

  @Property(tries = 60)
  void onlyTheLookBackWindow(@ForAll @IntRange(min = 0, max = 3) int asset,
      @ForAll @IntRange(min = 249, max = 419) int t, @ForAll @IntRange(min = 0, max = 1000)
      int cut) {
    Bars full = MARKET.bars(MARKET.assets().get(asset));
    int from = cut % (t - 248); // any start at or before the window's first bar t - 249
    Bars later = full.slice(from, full.size());
    assertEquals(DEFAULTS.features(full, t), DEFAULTS.features(later, t - from),
        "bars starting at " + from);
  }

  @Property(tries = 30)
  void garbageBeforeTheWindowIsIgnored(@ForAll @IntRange(min = 249, max = 419) int t,
      @ForAll long seed) {
    Bars full = MARKET.bars("A01");
    int first = t - 249;
    if (first == 0) {
      return; // nothing before the window
    }
    // random valid bars before the window's first bar
    Random rnd = new Random(seed);
    double[] o = full.open();
    double[] h = full.high();
    double[] l = full.low();
    double[] c = full.close();
    double[] v = full.volume();
    for (int i = 0; i < first; i++) {
      c[i] = 1 + 999 * rnd.nextDouble();
      o[i] = c[i];
      h[i] = c[i] * 1.5;
      l[i] = c[i] * 0.5;
      v[i] = rnd.nextInt(1000);
    }
    Bars g = Bars.of("A01", TimeIndex.ofEpochDays(full.index().values()), o, h, l, c, v);
    assertEquals(DEFAULTS.features(full, t), DEFAULTS.features(g, t));
  }
}
