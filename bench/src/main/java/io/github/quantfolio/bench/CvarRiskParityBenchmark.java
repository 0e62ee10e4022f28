package io.github.quantfolio.bench;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.optimize.CvarRiskParity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Equal CVaR contributions (beta 0.95) on five years of daily scenarios: one market factor with
 * occasional jumps (so the tail is shared unevenly), per-asset volatility 0.5-2.5 % a day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CvarRiskParityBenchmark {

  /** Assets. */
  @Param({"20", "100"})
  public int assets;

  private CvarRiskParity problem;

  @Setup(Level.Trial)
  public void setUp() {
    int rows = 1_261;
    SplittableRandom rnd = new SplittableRandom(17);
    List<String> names = new ArrayList<>();
    double[][] prices = new double[assets][rows];
    double[] vol = new double[assets];
    double[] load = new double[assets];
    for (int i = 0; i < assets; i++) {
      names.add("A" + i);
      vol[i] = rnd.nextDouble(0.005, 0.025);
      load[i] = rnd.nextDouble(0.2, 0.9);
      prices[i][0] = 100;
    }
    for (int t = 1; t < rows; t++) {
      double m = rnd.nextGaussian() * (rnd.nextInt(20) == 0 ? 3 : 1);
      for (int i = 0; i < assets; i++) {
        double r = 0.0003 + vol[i] * (load[i] * m
            + Math.sqrt(1 - load[i] * load[i]) * rnd.nextGaussian());
        prices[i][t] = prices[i][t - 1] * (1 + r);
      }
    }
    problem = CvarRiskParity.of(PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2020, 1, 6),
        rows), names, prices, Frequency.DAILY).returns(), 0.95);
  }

  @Benchmark
  public CvarRiskParity.Solution equalCvarContributions() {
    return problem.solve();
  }
}
