package io.github.quantfolio.bench;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.risk.PerformanceReport;
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

/** The full {@link PerformanceReport} (no benchmark series) on long daily return series. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PerformanceReportBenchmark {

  @Param({"10000000"})
  public int periods;

  private double[] returns;

  @Setup(Level.Trial)
  public void makeReturns() {
    SplittableRandom rnd = new SplittableRandom(3);
    returns = new double[periods];
    for (int i = 0; i < periods; i++) {
      returns[i] = 0.0003 + 0.02 * (rnd.nextDouble() - 0.5);
    }
  }

  @Benchmark
  public PerformanceReport report() {
    return PerformanceReport.of(returns, Frequency.DAILY, 0.02);
  }
}
