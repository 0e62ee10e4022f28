package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The NaN policy, for every indicator: an output is NaN at every bar where an input the indicator
 * reads is NaN, and between such bars the output equals the indicator computed on that run of
 * complete bars alone (it restarts after a gap; nothing crosses it). A NaN in an input the
 * indicator does not read changes nothing.
 */
class NanPolicyProperties {

  @Property(tries = 60)
  void eachRunOfCompleteBarsIsAnIndependentSeries(@ForAll long seed,
      @ForAll @IntRange(max = 200) int length, @ForAll @IntRange(min = 1, max = 8) int holes) {
    Catalog.Ohlcv bars = Catalog.random(seed, length, holes);
    for (Catalog.Entry e : Catalog.all()) {
      double[][] whole = e.batch().apply(bars);
      int from = 0;
      for (int i = 0; i <= bars.size(); i++) {
        if (i < bars.size() && !bars.missing(i, e.reads())) {
          continue;
        }
        double[][] part = e.batch().apply(bars.slice(from, i));
        for (int k = 0; k < whole.length; k++) {
          double[] expected = part[k];
          double[] actual = java.util.Arrays.copyOfRange(whole[k], from, i);
          assertClose(e.name() + " output " + k + " on bars [" + from + ", " + i + ")", expected,
              actual, 0, 0);
          if (i < bars.size()) {
            final int at = i;
            assertTrue(Double.isNaN(whole[k][at]), () -> e.name() + " not NaN at missing bar " + at);
          }
        }
        from = i + 1;
      }
    }
  }

  /**
   * An infinite input is an error, wherever it is: in long series (so that it falls inside the
   * kernels' blocks, where non-finite values are found once per block, or through poisoned window
   * extremes), in any input the indicator reads, of either sign, also where it is not the window's
   * extreme (a -Infinity high in a rolling maximum). The message names the input, bar and value.
   */
  @Property(tries = 40)
  void infiniteInputsAreErrorsWhereverTheyAre(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 9000) int length, @ForAll @IntRange(max = 3) int holes,
      @ForAll @IntRange(max = 8999) int position, @ForAll @IntRange(max = 3) int input,
      @ForAll boolean negative) {
    Catalog.Ohlcv bars = Catalog.random(seed, length, holes);
    int at = position % length;
    double inf = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    double[][] columns = {bars.h(), bars.l(), bars.c(), bars.v()};
    columns[input][at] = inf;
    int flag = new int[] {Catalog.HIGH, Catalog.LOW, Catalog.CLOSE, Catalog.VOLUME}[input];
    for (Catalog.Entry e : Catalog.all()) {
      if ((e.reads() & flag) == 0) {
        e.batch().apply(bars); // an input it does not read: no error
        continue;
      }
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
          () -> e.batch().apply(bars), () -> e.name() + ": no error for " + inf + " at " + at);
      String expected = "[" + at + "] is " + inf + ";";
      assertTrue(x.getMessage().contains(expected), () -> e.name() + ": " + x.getMessage());
    }
  }

  /**
   * A bar whose finite values break {@code low <= close <= high} is an error wherever it is, in
   * every indicator that reads the values in question (high and low for the high-below-low case,
   * and the close for the others), batch and streaming alike, naming the bar; indicators that do
   * not read them ignore it. Long series put the bar inside the vectorized kernels' blocks, where
   * the check rides on the once-per-block guards.
   */
  @Property(tries = 40)
  void barsOutOfOrderAreErrorsWhereverTheyAre(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 9000) int length, @ForAll @IntRange(max = 3) int holes,
      @ForAll @IntRange(max = 8999) int position, @ForAll @IntRange(max = 2) int kind) {
    Catalog.Ohlcv bars = Catalog.random(seed, length, holes);
    int at = position % length;
    bars.h()[at] = kind == 0 ? 98 : 101;
    bars.l()[at] = 99;
    bars.c()[at] = kind == 1 ? 102 : kind == 2 ? 98 : 100;
    int needs = kind == 0 ? Catalog.HIGH | Catalog.LOW : Catalog.HIGH | Catalog.LOW | Catalog.CLOSE;
    for (Catalog.Entry e : Catalog.all()) {
      if ((e.reads() & needs) != needs) {
        e.batch().apply(bars); // values it does not read: no error
        e.stream().apply(bars);
        continue;
      }
      String batch = assertThrows(IllegalArgumentException.class, () -> e.batch().apply(bars),
          () -> e.name() + ": no error for bar " + at).getMessage();
      assertTrue(batch.contains(" at index " + at + "; a bar needs low <= "),
          () -> e.name() + ": " + batch);
      String stream = assertThrows(IllegalArgumentException.class, () -> e.stream().apply(bars),
          () -> e.name() + " (streaming): no error for bar " + at).getMessage();
      assertTrue(stream.contains(" at bar " + at + "; a bar needs low <= "),
          () -> e.name() + " (streaming): " + stream);
    }
  }
}
