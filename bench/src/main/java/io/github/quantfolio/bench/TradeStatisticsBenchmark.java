package io.github.quantfolio.bench;

import io.github.quantfolio.backtest.ExitReason;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.TradeStatistics;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13's speed target for trade statistics: all / long / short statistics of 1 million
 * round trips within 20 ms, with and without a time index (holding days, trades per year), and
 * on one thread (the statistics read the list in parallel chunks; on a loaded machine the single
 * thread's time is the steadier number).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class TradeStatisticsBenchmark {

  /** The number of trades. */
  @Param({"1000000"})
  public int trades;

  private List<Trade> list;
  private double[] pnl;
  private TimeIndex index;
  private ForkJoinPool oneThread;

  @Setup(Level.Trial)
  public void setUp() {
    // 60 % long; P&L normal around +5 with sd 100 (ties rare, as in real books); held 1..20 bars
    SplittableRandom rnd = new SplittableRandom(13);
    int bars = trades + 21;
    index = TimeIndex.businessDays(LocalDate.of(2000, 1, 3), bars);
    oneThread = new ForkJoinPool(1); // a parallel stream inside its task stays on its one worker
    list = new ArrayList<>(trades);
    pnl = new double[trades];
    for (int i = 0; i < trades; i++) {
      int side = rnd.nextDouble() < 0.6 ? 1 : -1;
      int hold = 1 + rnd.nextInt(20);
      double p = 5 + 100 * gaussian(rnd);
      pnl[i] = p;
      list.add(new Trade("S" + (i % 100), side, i, i + hold, "", "", 10, 100, 100, 1, p,
          p / 1000, i == trades - 1 ? ExitReason.END_OF_DATA : ExitReason.SIGNAL));
    }
  }

  /** Shuts down the one-thread pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    oneThread.shutdown();
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI
        * rnd.nextDouble());
  }

  /**
   * A yardstick for machines of other speeds (and for a loaded one): sorting a copy of the
   * P&amp;L, which a median by sorting would cost on its own. Report the statistics as a ratio.
   */
  @Benchmark
  public double[] baselineSortPnl() {
    double[] c = pnl.clone();
    Arrays.sort(c);
    return c;
  }

  /**
   * The floor of any pass over the list: reading the fields the statistics need (side, bars,
   * P&amp;L, return, exit reason) from every trade, in the statistics' parallel chunks of 65,536,
   * and nothing else. The trades are objects of about 100 bytes, each followed by its asset
   * name, so this streams some 150 MB from memory.
   */
  @Benchmark
  public double floorReadFields() {
    int n = list.size();
    int chunk = 1 << 16;
    return IntStream.range(0, (n + chunk - 1) / chunk).parallel().mapToDouble(c -> {
      double s = 0;
      for (int i = c * chunk, end = Math.min(n, i + chunk); i < end; i++) {
        Trade t = list.get(i);
        s += t.pnl() + t.returnFraction() + t.side() + t.exitBar() - t.entryBar()
            + (t.isOpen() ? 1 : 0);
      }
      return s;
    }).sum();
  }

  /** Statistics of the list alone (no calendar). */
  @Benchmark
  public TradeStatistics tradeList() {
    return TradeStatistics.of(list, TradeStatistics.OpenTrades.EXCLUDE);
  }

  /** Statistics with a daily index: holding days and trades per year as well. */
  @Benchmark
  public TradeStatistics tradeListWithIndex() {
    return TradeStatistics.of(list, TradeStatistics.OpenTrades.EXCLUDE, index, Frequency.DAILY);
  }

  /**
   * Statistics of the list computed on one thread: the parallel chunks run one after the other in
   * a pool of one worker.
   */
  @Benchmark
  public TradeStatistics tradeListOneThread() throws InterruptedException, ExecutionException {
    return oneThread.submit(() -> TradeStatistics.of(list, TradeStatistics.OpenTrades.EXCLUDE))
        .get();
  }
}
