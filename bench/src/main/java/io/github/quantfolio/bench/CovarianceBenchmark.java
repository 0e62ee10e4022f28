package io.github.quantfolio.bench;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.ShrinkageTarget;
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
 * Covariance estimation on 2,520 days x 500 assets (the size), complete data. The Gram
 * matrix {@code X^T X} is {@code N^2 T = 630} million multiply-adds (1.26 GFLOP counted as
 * multiply + add), of which the kernel computes the upper triangle only: GFLOP/s in
 * {@code docs/performance.md} are {@code 1.26 / seconds}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CovarianceBenchmark {

  @Param({"2520x500"})
  public String shape;

  private ReturnFrame returns;

  @Setup(Level.Trial)
  public void makeReturns() {
    String[] parts = shape.split("x");
    int t = Integer.parseInt(parts[0]);
    int n = Integer.parseInt(parts[1]);
    SplittableRandom rnd = new SplittableRandom(7);
    double[] market = new double[t];
    for (int k = 0; k < t; k++) {
      market[k] = 0.01 * (rnd.nextDouble() - 0.5);
    }
    List<String> names = new ArrayList<>();
    double[][] cols = new double[n][t];
    for (int a = 0; a < n; a++) {
      names.add(String.format("A%03d", a));
      double beta = 0.5 + rnd.nextDouble();
      for (int k = 0; k < t; k++) {
        cols[a][k] = beta * market[k] + 0.02 * (rnd.nextDouble() - 0.5);
      }
    }
    returns = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2010, 1, 4), t), names, cols);
  }

  @Benchmark
  public CovarianceMatrix sample() {
    return CovarianceEstimator.sample().estimate(returns);
  }

  @Benchmark
  public CovarianceMatrix ledoitWolfConstantVariance() {
    return CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_VARIANCE).estimate(returns);
  }

  @Benchmark
  public CovarianceMatrix ledoitWolfSingleFactor() {
    return CovarianceEstimator.ledoitWolf(ShrinkageTarget.SINGLE_FACTOR).estimate(returns);
  }

  @Benchmark
  public CovarianceMatrix ledoitWolfConstantCorrelation() {
    return CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION).estimate(returns);
  }

  @Benchmark
  public CovarianceMatrix oracleApproximating() {
    return CovarianceEstimator.oracleApproximating().estimate(returns);
  }

  @Benchmark
  public CovarianceMatrix exponential() {
    return CovarianceEstimator.exponential(180).estimate(returns);
  }
}
