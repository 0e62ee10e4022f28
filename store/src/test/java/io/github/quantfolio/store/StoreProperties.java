package io.github.quantfolio.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.backtest.SweepRow;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Invariants of the store over generated values (in-memory H2). */
class StoreProperties {

  private static ResultStore store;
  private static final AtomicLong IDS = new AtomicLong();

  @BeforeContainer
  static void open() {
    store = ResultStore.inMemory();
  }

  @AfterContainer
  static void close() {
    store.close();
  }

  /** -0.0 as H2 stores it. */
  private static double z(double v) {
    return v == 0 ? 0.0 : v;
  }

  /** Any double: NaN, infinities, zeros of both signs, subnormals, extremes and ordinary ones. */
  @Provide
  Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        0.1 + 0.2), Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.longs().map(Double::longBitsToDouble));
  }

  /**
   * Saving then loading is the identity on sweep metrics, bit for bit (NaN through SQL NULL)
   * except that H2 has a single zero (it stores -0.0 as 0.0; documented), and a NaN metric is
   * exactly a NULL cell. Values in JSON (here the equity curve) keep even the sign of zero.
   */
  @Property(tries = 150)
  void sweepMetricsRoundTripExactly(@ForAll("anyDouble") double a, @ForAll("anyDouble") double b,
      @ForAll("anyDouble") double c, @ForAll("anyDouble") double d,
      @ForAll("anyDouble") double e) {
    SweepMetrics m = new SweepMetrics(a, b, c, d, e, a, b, 7, c, d, 100, e, false);
    String id = "p" + IDS.incrementAndGet();
    store.saveSweep(RunTag.of(id, "property", null), List.of(new SweepRow<>(List.of(a, b), "X",
        m, new double[] {c, d, e})), d);
    SweepRow<?> back = store.loadSweep(id, List.class).orElseThrow().rows().get(0);
    SweepMetrics h2 = new SweepMetrics(z(a), z(b), z(c), z(d), z(e), z(a), z(b), 7, z(c), z(d),
        100, z(e), false);
    assertEquals(h2, back.metrics()); // record equality: Double.compare per component
    double[] eq = back.equity();
    assertEquals(List.of(c, d, e), List.of(eq[0], eq[1], eq[2]));
    long nulls = store.findSweepRows(SweepQuery.all().sweep(id).where(
        io.github.quantfolio.backtest.SweepMetric.SHARPE, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY)).size();
    assertEquals(Double.isNaN(d) ? 0 : 1, nulls);
  }
}
