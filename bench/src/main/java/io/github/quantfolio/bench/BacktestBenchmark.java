package io.github.quantfolio.bench;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The backtest issue's speed targets: a 500-asset x 2520-day monthly-rebalanced target-weight
 * backtest (at most 30 ms) and an SMA-crossover sweep of 10,000 (fast, slow) pairs on 2520 bars
 * (at most 0.3 s on 2 cores), both on the simulated market with 5 bps fees and 2 bps slippage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BacktestBenchmark {

  private Backtest portfolio;
  private double[][] monthlyWeights;
  private Backtest single;
  private List<SmaCrossover> grid;

  @Setup(Level.Trial)
  public void setUp() {
    BacktestConfig cfg = BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2);
    PriceFrame prices = MarketSimulator.builder().assets(500).sectors(10).days(2520)
        .lateListingShare(0).build().simulate().prices();
    portfolio = Backtest.of(prices).withConfig(cfg);
    int rows = prices.rows();
    monthlyWeights = new double[500][rows];
    for (double[] w : monthlyWeights) {
      Arrays.fill(w, Double.NaN);
    }
    for (int t = 0; t + 1 < rows; t++) {
      boolean monthEnd = t == 0
          || prices.index().date(t).getMonth() != prices.index().date(t + 1).getMonth();
      if (monthEnd) {
        double sum = 0;
        for (int i = 0; i < 500; i++) {
          sum += 1 + (i + t) % 7;
        }
        for (int i = 0; i < 500; i++) {
          monthlyWeights[i][t] = (1 + (i + t) % 7) / sum; // fully invested, varying weights
        }
      }
    }
    Bars bars = MarketSimulator.defaultMarket().bars("A01");
    single = Backtest.of(bars).withConfig(cfg);
    grid = new ArrayList<>();
    for (int f = 1; f <= 100; f++) {
      for (int s = f + 1; s <= f + 100; s++) {
        grid.add(new SmaCrossover(f, s));
      }
    }
  }

  @Benchmark
  public BacktestResult monthlyTargetWeights500x2520() {
    return portfolio.targetWeights(monthlyWeights);
  }

  @Benchmark
  public SweepResult<SmaCrossover> smaCrossoverSweep10000() {
    return ParameterSweep.of(single, grid, p -> p).run();
  }
}
