package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.PriceFrame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The executor seam: custom executors, the universe sweep, and batches that travel. */
class JobExecutorTest {

  /** A serializable strategy builder (what a distributed executor needs). */
  interface Builder<P> extends Function<P, Strategy>, Serializable {
  }

  /** An executor that runs jobs in reverse order on one thread and counts them. */
  static final class Reversed implements JobExecutor {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public <R> List<R> runAll(JobBatch<R> batch) {
      List<R> out = new ArrayList<>();
      for (int k = 0; k < batch.size(); k++) {
        out.add(null);
      }
      for (int k = batch.size() - 1; k >= 0; k--) {
        out.set(k, batch.run(k));
        runs.incrementAndGet();
      }
      return out;
    }
  }

  /** An executor that serializes the batch, as a cluster would, and runs the copy. */
  static final class Shipping implements JobExecutor {
    @Override
    public <R> List<R> runAll(JobBatch<R> batch) {
      @SuppressWarnings("unchecked")
      JobBatch<R> copy = (JobBatch<R>) roundTrip(batch);
      List<R> out = new ArrayList<>();
      for (int k = 0; k < copy.size(); k++) {
        @SuppressWarnings("unchecked")
        R r = (R) roundTrip((Serializable) copy.run(k));
        out.add(r);
      }
      return out;
    }
  }

  static Object roundTrip(Serializable o) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      try (ObjectInputStream in = new ObjectInputStream(
          new ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<int[]> pairs() {
    return List.of(new int[] {5, 20}, new int[] {10, 50}, new int[] {20, 100});
  }

  static final Builder<int[]> SMA = p -> new SmaCrossover(p[0], p[1]);

  @Test
  void anyExecutorGivesTheLocalRunnersRows() {
    Backtest bt = SweepTest.market("A01", "A02", "A03");
    SweepResult<int[]> local = ParameterSweep.of(bt, pairs(), SMA).withThreads(1).run();
    Reversed reversed = new Reversed();
    SweepResult<int[]> other = ParameterSweep.of(bt, pairs(), SMA).withExecutor(reversed).run();
    assertEquals(9, reversed.runs.get()); // 3 parameter sets x 3 assets, each run once
    assertEquals(local.rows().size(), other.rows().size());
    for (int i = 0; i < local.size(); i++) {
      assertEquals(local.rows().get(i).metrics(), other.rows().get(i).metrics());
      assertEquals(local.rows().get(i).asset(), other.rows().get(i).asset());
    }
  }

  @Test
  void aShippedBatchRunsBitIdenticallyOnOhlcAndCloseOnlyDataWithSettings() {
    // OHLC bars with stops and sizing, and close-only data: the serialized form must rebuild
    // both kinds exactly (close-only data fills on closes, OHLC data on opens)
    Backtest ohlc = SweepTest.market("A04", "A07").withExits(Exits.stopLoss(0.05))
        .withSizing(PositionSizing.fractionOfEquity(0.5));
    PriceFrame closes = SweepTest.MARKET.prices().select("A01", "A02");
    Backtest closeOnly = Backtest.of(closes).withConfig(BacktestConfig.defaults().withFeeBps(3));
    for (Backtest bt : List.of(ohlc, closeOnly)) {
      SweepResult<int[]> local = ParameterSweep.of(bt, pairs(), SMA).keepingEquity().run();
      SweepResult<int[]> shipped = ParameterSweep.of(bt, pairs(), SMA).keepingEquity()
          .withExecutor(new Shipping()).run();
      for (int i = 0; i < local.size(); i++) {
        assertEquals(local.rows().get(i).metrics(), shipped.rows().get(i).metrics());
        assertArrayEquals(local.rows().get(i).equity(), shipped.rows().get(i).equity());
      }
    }
    WalkForwardResult<int[]> wf = WalkForwardOptimization.of(ohlc, pairs(), SMA)
        .withWindows(400, 200).withThreads(2).run();
    WalkForwardResult<int[]> wfShipped = WalkForwardOptimization.of(ohlc, pairs(), SMA)
        .withWindows(400, 200).withExecutor(new Shipping()).run();
    assertArrayEquals(wf.equity(), wfShipped.equity());
  }

  @Test
  void aUniverseSweepGivesEachFamilyItsOwnSweepsResult() {
    Backtest bt = SweepTest.market("A01", "A02");
    List<Strategy> momentum = List.of(new Momentum(), new Breakout());
    Map<String, SweepResult<?>> u = UniverseSweep.of(bt).with("sma", pairs(), SMA)
        .with("momentum", momentum, p -> p).withExecutor(JobExecutor.local(2)).run();
    assertEquals(List.of("sma", "momentum"), List.copyOf(u.keySet()));
    SweepResult<int[]> sma = ParameterSweep.of(bt, pairs(), SMA).run();
    SweepResult<Strategy> mom = ParameterSweep.of(bt, momentum, p -> p).run();
    for (int i = 0; i < sma.size(); i++) {
      assertEquals(sma.rows().get(i).metrics(), u.get("sma").rows().get(i).metrics());
    }
    for (int i = 0; i < mom.size(); i++) {
      assertEquals(mom.rows().get(i).metrics(), u.get("momentum").rows().get(i).metrics());
      assertEquals(mom.rows().get(i).parameters(), u.get("momentum").rows().get(i).parameters());
    }
    assertThrows(IllegalArgumentException.class,
        () -> UniverseSweep.of(bt).with("sma", pairs(), SMA).with("sma", pairs(), SMA));
    assertThrows(IllegalStateException.class, () -> UniverseSweep.of(bt).run());
    assertTrue(UniverseSweep.of(bt).with("sma", pairs(), SMA).toString()
        .startsWith("UniverseSweep: sma (3 parameter sets ([5, 20] .. [20, 100])) x 2 assets = 6 "
            + "single-asset runs"));
  }

  @Test
  void anInvalidParameterSetIsNamedBeforeAnyJobRuns() {
    Reversed never = new Reversed();
    List<int[]> grid = List.of(new int[] {5, 20}, new int[] {50, 20});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(SweepTest.market("A01"), grid, SMA).withExecutor(never).run());
    assertEquals("Parameter set [50, 20] (grid entry 1) is invalid: SmaCrossover: expected fast "
        + "< slow, but found 50 and 20", e.getMessage());
    assertEquals(0, never.runs.get());
  }

  @Test
  void aFrontierPerDateUsesOnlyItsTrailingWindowAndTravels() {
    PriceFrame prices = SweepTest.MARKET.prices().select("A01", "A02", "A04", "A05", "A06");
    RollingOptimization<RollingOptimization.Frontier> run =
        RollingOptimization.frontiers(prices, 504, 252, 6);
    List<RollingOptimization.Dated<RollingOptimization.Frontier>> local = run
        .withExecutor(JobExecutor.local(2)).run();
    // decision rows 503, 755, ..., up to the last of 2520 rows: (2520 - 504) / 252 + 1 = 9
    assertEquals(9, local.size());
    assertEquals(503, local.get(0).row());
    assertEquals(503 + 8 * 252, local.get(8).row());
    assertEquals(prices.index().label(503), local.get(0).date());
    List<RollingOptimization.Dated<RollingOptimization.Frontier>> shipped = run
        .withExecutor(new Shipping()).run();
    assertEquals(local, shipped);
    // the first frontier starts at the minimum-volatility portfolio of rows 0 .. 503 alone
    // (an independent solve of the same window; the frontier's first point is that portfolio)
    PriceFrame window = prices.slice(0, 504);
    double minVol = io.github.quantfolio.optimize.MeanVariance.of(
        io.github.quantfolio.optimize.ExpectedReturns.meanHistorical(window),
        io.github.quantfolio.risk.CovarianceEstimator.ledoitWolf().estimate(window.returns()))
        .minVolatility().volatility();
    RollingOptimization.Frontier first = local.get(0).value();
    assertEquals(minVol, first.volatilities()[0], 1e-6);
    assertEquals(6, first.weights().length);
    for (double[] w : first.weights()) {
      assertEquals(1, java.util.Arrays.stream(w).sum(), 1e-8);
    }
    assertThrows(IllegalArgumentException.class,
        () -> RollingOptimization.frontiers(prices, 5000, 21, 6));
    assertThrows(IllegalArgumentException.class,
        () -> RollingOptimization.frontiers(prices, 504, 0, 6));
  }

  @Test
  void jobSeedsDependOnlyOnTheBaseAndTheJob() {
    // SplitMix64 of 0 + 1 * golden gamma: the first output of SplitMix64 seeded with 0, a
    // published reference value (0xE220A8397B1DCDAF, Vigna's splitmix64.c)
    assertEquals(0xE220A8397B1DCDAFL, JobBatch.seed(0, 0));
    Set<Long> seen = new HashSet<>();
    for (int k = 0; k < 1000; k++) {
      assertTrue(seen.add(JobBatch.seed(42, k)));
    }
    assertEquals(JobBatch.seed(42, 7), JobBatch.seed(42, 7));
    assertNotEquals(JobBatch.seed(42, 7), JobBatch.seed(43, 7));
    assertThrows(IllegalArgumentException.class, () -> JobBatch.seed(1, -1));
    assertThrows(IllegalArgumentException.class, () -> JobExecutor.local(0));
  }
}
