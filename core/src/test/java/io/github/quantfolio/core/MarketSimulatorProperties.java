package io.github.quantfolio.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MarketSimulatorProperties {

  @Property(tries = 20)
  void dailyBarsAreConsistentWithEachOtherAndWithPrices(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int assets,
      @ForAll @IntRange(min = 1, max = 3) int sectors,
      @ForAll @IntRange(min = 1, max = 120) int days,
      @ForAll @DoubleRange(min = 0, max = 1) double lateListingShare,
      @ForAll @DoubleRange(min = 0, max = 1.5) double maxVolatility) {
    SimulatedMarket m = MarketSimulator.builder().seed(seed).assets(assets)
        .sectors(Math.min(sectors, assets)).days(days).lateListingShare(lateListingShare)
        .volatilityRange(0, maxVolatility).build().simulate();
    checkBars(m);
  }

  @Property(tries = 10)
  void intradayBarsAreConsistentWithEachOtherAndWithPrices(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int assets, @ForAll @IntRange(min = 1, max = 4) int days,
      @ForAll @LongRange(min = 0, max = 3) long barSizeChoice) {
    Duration bar = Duration.ofMinutes(new long[] {1, 5, 15, 30}[(int) barSizeChoice]);
    SimulatedMarket m = MarketSimulator.builder().seed(seed).assets(assets).sectors(1)
        .lateListingShare(0.5).build().simulateIntraday(bar, days);
    assertEquals(days * 390 / bar.toMinutes(), m.prices().rows());
    checkBars(m);
  }

  /** OHLC bounds, close == price, whole positive volume, missing bars exactly before listing. */
  private static void checkBars(SimulatedMarket m) {
    for (String a : m.assets()) {
      Bars b = m.bars(a);
      double[] o = b.open();
      double[] h = b.high();
      double[] l = b.low();
      double[] c = b.close();
      double[] v = b.volume();
      assertArrayEquals(m.prices().column(a), c, 0.0);
      int listing = m.listingRow(a);
      for (int t = 0; t < c.length; t++) {
        if (t < listing) {
          assertTrue(Double.isNaN(o[t]) && Double.isNaN(h[t]) && Double.isNaN(l[t])
              && Double.isNaN(c[t]) && Double.isNaN(v[t]), a + " row " + t + " before listing");
          continue;
        }
        String at = a + " row " + t + ": " + o[t] + " " + h[t] + " " + l[t] + " " + c[t];
        assertTrue(l[t] > 0 && h[t] < Double.POSITIVE_INFINITY, at);
        assertTrue(l[t] <= Math.min(o[t], c[t]) && Math.max(o[t], c[t]) <= h[t], at);
        assertTrue(v[t] >= 1 && v[t] == Math.rint(v[t]), at + " volume " + v[t]);
      }
    }
  }
}
