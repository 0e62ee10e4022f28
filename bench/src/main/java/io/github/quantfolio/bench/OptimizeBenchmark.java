package io.github.quantfolio.bench;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.optimize.RiskParity;
import io.github.quantfolio.risk.CovarianceMatrix;
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
 * Mean-variance and risk-parity solves on a seeded three-factor covariance (market factor with
 * 15% volatility, two 8% factors, idiosyncratic volatilities 10-30%) and expected returns in
 * [2%, 17%], at the sizes: long-only and with a binding 10% cap, and capped max Sharpe
 * with 10 bp transaction costs from equal weights (the net-of-cost ratio, no peer). The ojAlgo
 * peers ({@code MarkowitzModel} and a plain ojAlgo QP) are in {@link OptimizePeersBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OptimizeBenchmark {

  @Param({"20", "100", "500"})
  public int assets;

  private MeanVariance longOnly;
  private MeanVariance capped;
  private MeanVariance cappedWithCosts;
  private RiskParity riskParity;
  private HierarchicalRiskParity hrp;

  @Setup(Level.Trial)
  public void makeProblem() {
    int n = assets;
    SplittableRandom r = new SplittableRandom(n);
    List<String> names = new ArrayList<>();
    double[][] b = new double[n][3];
    double[] mu = new double[n];
    double[] idio = new double[n];
    for (int i = 0; i < n; i++) {
      names.add(String.format("A%03d", i));
      b[i][0] = 0.15 * (0.5 + r.nextDouble());
      b[i][1] = 0.08 * (r.nextDouble() - 0.5) * 2;
      b[i][2] = 0.08 * (r.nextDouble() - 0.5) * 2;
      idio[i] = Math.pow(0.1 + 0.2 * r.nextDouble(), 2);
      mu[i] = 0.02 + 0.15 * r.nextDouble();
    }
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i][j] = b[i][0] * b[j][0] + b[i][1] * b[j][1] + b[i][2] * b[j][2]
            + (i == j ? idio[i] : 0);
      }
    }
    CovarianceMatrix cov = CovarianceMatrix.of(names, s);
    longOnly = MeanVariance.of(AssetVector.of(names, mu), cov);
    capped = longOnly.withBounds(0, Math.max(0.1, 2.0 / n));
    cappedWithCosts = capped.withTransactionCost(Weights.equal(names), 0.001);
    riskParity = RiskParity.of(cov);
    hrp = HierarchicalRiskParity.of(cov);
  }

  @Benchmark
  public OptimalPortfolio minVolatility() {
    return longOnly.minVolatility();
  }

  @Benchmark
  public OptimalPortfolio minVolatilityCapped() {
    return capped.minVolatility();
  }

  @Benchmark
  public OptimalPortfolio maxSharpe() {
    return longOnly.maxSharpe(0.02);
  }

  @Benchmark
  public OptimalPortfolio maxSharpeCapped() {
    return capped.maxSharpe(0.02);
  }

  @Benchmark
  public OptimalPortfolio maxSharpeCappedWithCosts() {
    return cappedWithCosts.maxSharpe(0.02);
  }

  @Benchmark
  public List<OptimalPortfolio> frontier50() {
    return longOnly.efficientFrontier(50);
  }

  @Benchmark
  public OptimalPortfolio equalRiskContribution() {
    return riskParity.solve();
  }

  @Benchmark
  public OptimalPortfolio hierarchicalRiskParity() {
    return hrp.solve();
  }
}
