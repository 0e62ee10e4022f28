package io.github.quantfolio.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.Exits;
import io.github.quantfolio.backtest.JobBatch;
import io.github.quantfolio.backtest.JobExecutor;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.RollingOptimization;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.Strategy;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.UniverseSweep;
import io.github.quantfolio.backtest.WalkForwardOptimization;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark executor against the local runner, on one shared context: {@code local[2,2]} is two
 * worker threads with up to 2 attempts per task, so a task that fails once is retried.
 */
class SparkJobExecutorTest {

  static JavaSparkContext sc;
  static final SimulatedMarket MARKET = MarketSimulator.defaultMarket();

  /** A grid point (serializable, to travel to executors). */
  record Pair(int fast, int slow) implements Serializable {
  }

  /** A serializable strategy builder. */
  interface Builder extends Function<Pair, Strategy>, Serializable {
  }

  static final Builder SMA = p -> new SmaCrossover(p.fast(), p.slow());

  /** Failures injected on a task's first attempt (tasks run in this JVM on local[2,2]). */
  static final AtomicInteger INJECTED = new AtomicInteger();

  /** Fails the first attempt of any task that runs 20/60; every retry runs normally. */
  static final Builder FLAKY = p -> {
    TaskContext task = TaskContext.get(); // null on the driver (where the grid is checked)
    if (task != null && task.attemptNumber() == 0 && p.fast() == 20 && p.slow() == 60) {
      INJECTED.incrementAndGet();
      throw new IllegalStateException("injected failure of the first attempt");
    }
    return new SmaCrossover(p.fast(), p.slow());
  };

  @BeforeAll
  static void start() {
    sc = LocalSpark.start("local[2,2]", "SparkJobExecutorTest");
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  static List<Pair> grid() {
    List<Pair> g = new ArrayList<>();
    for (int f = 5; f <= 20; f += 5) {
      g.add(new Pair(f, 3 * f));
      g.add(new Pair(f, 6 * f));
    }
    return g;
  }

  static Backtest market(String... assets) {
    List<Bars> bars = new ArrayList<>();
    for (String a : assets) {
      bars.add(MARKET.bars(a));
    }
    return Backtest.of(bars).withConfig(BacktestConfig.defaults().withFeeBps(5)
        .withSlippageBps(2).withRiskFreeRate(0.01)).withExits(Exits.stopLoss(0.08));
  }

  static <P> void assertSameRows(SweepResult<P> expected, SweepResult<P> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      SweepRow<P> e = expected.rows().get(i);
      SweepRow<P> a = actual.rows().get(i);
      assertEquals(e.parameters(), a.parameters());
      assertEquals(e.asset(), a.asset());
      // record equality compares doubles with Double.compare: bit for bit, NaN equal to NaN
      assertEquals(e.metrics(), a.metrics(), e.toString());
      assertArrayEquals(e.equity(), a.equity());
    }
  }

  @Test
  void aSweepGivesTheLocalRunnersRowsForAnyPartitionCount() {
    Backtest bt = market("A01", "A02", "A03");
    SweepResult<Pair> local = ParameterSweep.of(bt, grid(), SMA).withThreads(2).keepingEquity()
        .run();
    for (int partitions : new int[] {1, 2, 5, 24, 100}) { // 100 > 24 jobs: one job per task
      SweepResult<Pair> spark = ParameterSweep.of(bt, grid(), SMA).keepingEquity()
          .withExecutor(SparkJobExecutor.of(sc).withPartitions(partitions)).run();
      assertSameRows(local, spark);
    }
    // and without equity curves: only the metric rows come back
    SweepResult<Pair> compact = ParameterSweep.of(bt, grid(), SMA)
        .withExecutor(SparkJobExecutor.of(sc)).run();
    assertEquals(null, compact.rows().get(0).equity());
    assertEquals(local.rows().get(5).metrics(), compact.rows().get(5).metrics());
    // the deflated Sharpe ratio re-runs the best row on the driver: same number
    assertEquals(local.deflatedSharpeRatio(), compact.deflatedSharpeRatio(), 0);
  }

  @Test
  void walkForwardAndUniverseRunsGiveTheLocalResults() {
    Backtest bt = market("A04", "A05");
    WalkForwardResult<Pair> local = WalkForwardOptimization.of(bt, grid(), SMA)
        .withWindows(500, 250).withThreads(2).run();
    WalkForwardResult<Pair> spark = WalkForwardOptimization.of(bt, grid(), SMA)
        .withWindows(500, 250).withExecutor(SparkJobExecutor.of(sc).withPartitions(3)).run();
    assertArrayEquals(local.equity(), spark.equity());
    assertEquals(local.folds().size(), spark.folds().size());
    for (int k = 0; k < local.folds().size(); k++) {
      assertEquals(local.folds().get(k), spark.folds().get(k));
    }
    List<Pair> breakouts = List.of(new Pair(10, 0), new Pair(55, 0));
    Builder breakout = p -> new SmaCrossover(p.fast(), 2 * p.fast());
    Map<String, SweepResult<?>> u = UniverseSweep.of(bt).with("sma", grid(), SMA)
        .with("doubled", breakouts, breakout).withExecutor(SparkJobExecutor.of(sc)).run();
    assertSameRows(ParameterSweep.of(bt, grid(), SMA).run(), cast(u.get("sma")));
    assertSameRows(ParameterSweep.of(bt, breakouts, breakout).run(), cast(u.get("doubled")));
  }

  @Test
  void aFrontierPerDateGivesTheLocalFrontiers() {
    PriceFrame prices = MARKET.prices().select("A01", "A02", "A04", "A05");
    RollingOptimization<RollingOptimization.Frontier> run =
        RollingOptimization.frontiers(prices, 504, 126, 5);
    List<RollingOptimization.Dated<RollingOptimization.Frontier>> local = run
        .withExecutor(JobExecutor.local(2)).run();
    assertEquals(17, local.size()); // (2520 - 504) / 126 + 1 decision dates
    assertEquals(local, run.withExecutor(SparkJobExecutor.of(sc).withPartitions(3)).run());
  }

  @SuppressWarnings("unchecked")
  static SweepResult<Pair> cast(SweepResult<?> r) {
    return (SweepResult<Pair>) r;
  }

  @Test
  void aTaskThatFailsOnceIsRetriedWithoutChangingAResult() {
    Backtest bt = market("A01", "A02");
    SweepResult<Pair> local = ParameterSweep.of(bt, grid(), SMA).run();
    INJECTED.set(0);
    SweepResult<Pair> spark = ParameterSweep.of(bt, grid(), FLAKY)
        .withExecutor(SparkJobExecutor.of(sc).withPartitions(4)).run();
    assertTrue(INJECTED.get() >= 1, "no task failed: the test did not test retries");
    assertSameRows(local, spark);
  }

  @Test
  void anEmptyBatchRunsNoSparkJobAndAnEmptyGridIsRejected() {
    sc.setJobGroup("empty", "an empty batch", false);
    JobBatch<String> none = new JobBatch<>() {
      @Override
      public int size() {
        return 0;
      }

      @Override
      public String run(int job) {
        throw new AssertionError("no job to run");
      }
    };
    assertEquals(List.of(), SparkJobExecutor.of(sc).runAll(none));
    assertEquals(0, sc.statusTracker().getJobIdsForGroup("empty").length);
    sc.clearJobGroup();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01"), List.<Pair>of(), SMA));
    assertEquals("Expected a non-empty parameter grid", e.getMessage());
  }

  @Test
  void anInvalidParameterSetIsNamedBeforeAnySparkJob() {
    sc.setJobGroup("invalid", "a grid with an invalid parameter set", false);
    List<Pair> grid = List.of(new Pair(5, 20), new Pair(50, 20), new Pair(10, 30));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01", "A02"), grid, SMA)
            .withExecutor(SparkJobExecutor.of(sc)).run());
    assertEquals("Parameter set Pair[fast=50, slow=20] (grid entry 1) is invalid: SmaCrossover: "
        + "expected fast < slow, but found 50 and 20", e.getMessage());
    // a window too long for the data is the grid's error too, named by its strategy
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01"), List.of(new Pair(10, 5000)), SMA)
            .withExecutor(SparkJobExecutor.of(sc)).run());
    assertTrue(tooLong.getMessage().startsWith("SMA(10/5000) cannot trade 'A01'"),
        tooLong.getMessage());
    // parameter sets that cannot travel are named before any task runs
    IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01"), List.of(new SmaCrossover(5, 20)), p -> p)
            .withExecutor(SparkJobExecutor.of(sc)).run());
    assertTrue(local.getMessage().contains("is not java.io.Serializable"), local.getMessage());
    assertEquals(0, sc.statusTracker().getJobIdsForGroup("invalid").length);
    sc.clearJobGroup();
  }

  @Test
  void aJobThatAlwaysFailsReportsItsRunAfterTheRetries() {
    Builder broken = p -> p.fast() == 10 ? bars -> {
      throw new IllegalStateException("no signals today");
    } : new SmaCrossover(p.fast(), p.slow());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSweep.of(market("A01"), List.of(new Pair(5, 20), new Pair(10, 50)), broken)
            .withExecutor(SparkJobExecutor.of(sc).withPartitions(2)).run());
    assertEquals("Sweep run Pair[fast=10, slow=50] on 'A01' failed: no signals today",
        e.getMessage());
  }

  @Test
  void partitionsDefaultToFourPerCoreAndNeverExceedTheJobs() {
    SparkJobExecutor x = SparkJobExecutor.of(sc);
    assertEquals(4 * sc.defaultParallelism(), x.partitionsFor(1000));
    assertEquals(3, x.partitionsFor(3));
    assertEquals(0, x.partitionsFor(0));
    assertEquals(7, x.withPartitions(7).partitionsFor(1000));
    assertThrows(IllegalArgumentException.class, () -> x.withPartitions(0));
    assertTrue(x.withPartitions(7).toString().endsWith("(7 partitions per batch)"), x.toString());
    JobExecutor seam = x; // the seam's type: what sweeps accept
    assertTrue(seam.toString().startsWith("Spark executor on local[2,2]"), seam.toString());
  }
}
