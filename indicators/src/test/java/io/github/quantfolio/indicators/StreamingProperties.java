package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Streaming twins equal their batch functions bit for bit on random bar series with missing
 * values (the twins
 * share some building blocks with the batch kernels, but not the loops, warm-up counters or
 * restart logic, which is what this compares; correctness of the numbers themselves is
 * TaLibReferenceTest's job).
 */
class StreamingProperties {

  @Property(tries = 60)
  void streamingEqualsBatch(@ForAll long seed, @ForAll @IntRange(max = 260) int length,
      @ForAll @IntRange(max = 6) int holes) {
    Catalog.Ohlcv bars = Catalog.random(seed, length, holes);
    for (Catalog.Entry e : Catalog.all()) {
      double[][] batch = e.batch().apply(bars);
      double[][] stream = e.stream().apply(bars);
      for (int k = 0; k < batch.length; k++) {
        assertClose(e.name() + " output " + k, batch[k], stream[k], 0, 0); // bit for bit
      }
    }
  }

  /**
   * The same on long series, so that the batch kernels' internal blocks (256 to 4096 bars, e.g.
   * ATR's recursion, the high-low windows, rolling extremes, CCI's order-statistics path) are
   * crossed, with and without holes.
   */
  @Property(tries = 8)
  void streamingEqualsBatchOnLongSeries(@ForAll long seed,
      @ForAll @IntRange(min = 1000, max = 9000) int length, @ForAll @IntRange(max = 4) int holes) {
    Catalog.Ohlcv bars = Catalog.random(seed, length, holes);
    for (Catalog.Entry e : Catalog.all()) {
      double[][] batch = e.batch().apply(bars);
      double[][] stream = e.stream().apply(bars);
      for (int k = 0; k < batch.length; k++) {
        assertClose(e.name() + " output " + k, batch[k], stream[k], 0, 0); // bit for bit
      }
    }
  }
}
