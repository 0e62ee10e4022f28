package io.github.quantfolio.spark.examples;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.JobExecutor;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.Strategy;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.spark.SparkJobExecutor;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A moving-average crossover sweep on Spark: {@code pairs} (fast, slow) windows on each of
 * {@code assets} simulated assets of {@code bars} daily bars, one single-asset backtest per pair
 * and asset, run on a Spark master (by default {@code local[*]}, every core of this machine), and
 * its throughput in backtests per second.
 *
 * <pre>
 * java -cp "quantfolio-spark.jar:$SPARK_HOME/jars/*" io.github.quantfolio.spark.examples.SparkSweep \
 *     [master=local[*]] [pairs=100] [assets=100] [bars=2520] [partitions=4 x cores]
 * java -cp ... io.github.quantfolio.spark.examples.SparkSweep threads=2 1000 1000 2520
 *     (the local runner on 2 threads, for comparison: no Spark context)
 * spark-submit --class io.github.quantfolio.spark.examples.SparkSweep quantfolio-spark-job.jar \
 *     local 1000 1000 2520     (the master argument is ignored when spark-submit sets one)
 * </pre>
 *
 * <p>The grid holds a small serializable record ({@link Pair}) and the strategy builder is a
 * serializable lambda: both travel to the executors (see {@code docs/distributed.md}).
 *
 * @since 0.1.0
 */
public final class SparkSweep {

  /**
   * One grid point: the windows of an SMA crossover (serializable, to travel to executors).
   *
   * @param fast fast SMA window in bars
   * @param slow slow SMA window in bars (&gt; fast)
   * @serial exclude
   */
  public record Pair(int fast, int slow) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code fast/slow}. */
    @Override
    public String toString() {
      return fast + "/" + slow;
    }
  }

  /** A serializable strategy builder: what a lambda must be to reach the executors. */
  interface Builder extends Function<Pair, Strategy>, Serializable {
  }

  /** The strategy of a grid point: a long-only SMA crossover. */
  static final Builder STRATEGY = p -> new SmaCrossover(p.fast(), p.slow());

  private SparkSweep() {
  }

  /**
   * Runs the example (arguments as in the class comment) and prints the best rows and the
   * throughput.
   *
   * @param args master, pairs, assets, bars, partitions; all optional
   */
  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[*]";
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int assets = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int bars = args.length > 3 ? Integer.parseInt(args[3]) : 2520;
    int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    if (master.startsWith("threads=")) { // the local runner, for comparison: no Spark at all
      int threads = Integer.parseInt(master.substring("threads=".length()));
      run(JobExecutor.local(threads), threads, pairs, assets, bars, System.out);
      return;
    }
    SparkConf conf = new SparkConf().setAppName("quantfolio SparkSweep")
        .setIfMissing("spark.ui.enabled", "false");
    if (!conf.contains("spark.master")) { // spark-submit's --master wins
      conf.setMaster(master);
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      run(sc, pairs, assets, bars, partitions, System.out);
    }
  }

  /**
   * The sweep of {@code pairs} grid points on {@code assets} simulated assets, run on {@code sc},
   * with a report on {@code out}: the setup, the best five rows by Sharpe ratio, and the
   * throughput (backtests per second, and per core of the context's default parallelism).
   *
   * @param sc a running Spark context, not null
   * @param pairs the grid size, in [1, 1000]
   * @param assets the number of simulated assets (seed 11, up to 4 sectors, no late listings),
   *     &gt;= 1
   * @param bars the number of daily bars per asset, &gt;= 400 (the slowest window is 325)
   * @param partitions Spark partitions per batch, or 0 for the executor's default
   * @param out where the report goes, not null
   * @return the sweep's result, rows in grid-major then asset order
   */
  public static SweepResult<Pair> run(JavaSparkContext sc, int pairs, int assets, int bars,
      int partitions, PrintStream out) {
    SparkJobExecutor executor = SparkJobExecutor.of(sc);
    if (partitions > 0) {
      executor = executor.withPartitions(partitions);
    }
    int jobs = Math.multiplyExact(pairs, assets);
    out.printf(Locale.ROOT, "%d pairs x %d assets of %d bars = %d backtests on %s (%d cores, %d "
        + "partitions)%n", pairs, assets, bars, jobs, sc.master(), sc.defaultParallelism(),
        executor.partitionsFor(jobs));
    return run(executor, sc.defaultParallelism(), pairs, assets, bars, out);
  }

  /**
   * The sweep on any executor (e.g. {@code JobExecutor.local(2)}, to compare), with the best five
   * rows and the throughput on {@code out}.
   *
   * @param executor where the backtests run, not null
   * @param cores the cores the executor uses (for the per-core throughput), &gt;= 1
   * @param pairs the grid size, in [1, 1000]
   * @param assets the number of simulated assets (seed 11, up to 4 sectors, no late listings),
   *     &gt;= 1
   * @param bars the number of daily bars per asset, &gt;= 400 (the slowest window is 325)
   * @param out where the report goes, not null
   * @return the sweep's result, rows in grid-major then asset order
   */
  public static SweepResult<Pair> run(JobExecutor executor, int cores, int pairs, int assets,
      int bars, PrintStream out) {
    if (bars < 400) {
      throw new IllegalArgumentException("Expected bars >= 400, but found " + bars);
    }
    long s0 = System.nanoTime();
    Backtest backtest = Backtest.of(MarketSimulator.builder().seed(11).assets(assets)
        .sectors(Math.min(4, assets)).days(bars).lateListingShare(0).build().simulate().prices())
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2));
    double setup = (System.nanoTime() - s0) / 1e9;
    ParameterSweep<Pair> sweep = ParameterSweep.of(backtest, grid(pairs), STRATEGY)
        .withExecutor(executor);
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    SweepResult<Pair> r = sweep.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    out.print(r.sortedBy(SweepMetric.SHARPE).table(5));
    out.printf(Locale.ROOT, "market simulated in %.2f s; sweep %.2f s on %s: %.0f backtests/s, "
        + "%.0f backtests/s per core%n", setup, seconds, executor, r.size() / seconds,
        r.size() / seconds / cores);
    if (cpu0 >= 0) { // on a shared machine, wall time depends on the neighbours; CPU time less so
      out.printf(Locale.ROOT, "process CPU time during the sweep %.2f s: %.0f backtests per "
          + "CPU-second%n", cpuSeconds, r.size() / cpuSeconds);
    }
    return r;
  }

  /** This JVM's CPU time in nanoseconds (all threads), or -1 where the JDK does not say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /**
   * The first {@code n} grid points: fast windows 5, 10, .., 200 and, for each, slow windows
   * fast + 5, fast + 10, .., fast + 125, fast-major.
   *
   * @param n the number of points, in [1, 1000]
   * @return the grid
   */
  public static List<Pair> grid(int n) {
    if (n < 1 || n > 1000) {
      throw new IllegalArgumentException("Expected 1 <= pairs <= 1000, but found " + n);
    }
    List<Pair> g = new ArrayList<>(n);
    for (int f = 5; g.size() < n; f += 5) {
      for (int k = 1; k <= 25 && g.size() < n; k++) {
        g.add(new Pair(f, f + 5 * k));
      }
    }
    return g;
  }
}
