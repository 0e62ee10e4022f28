package io.github.quantfolio.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ojalgo.data.domain.finance.portfolio.MarkowitzModel;
import org.ojalgo.matrix.MatrixR064;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.structure.Access2D;
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
 * The ojAlgo peers for {@link OptimizeBenchmark}, on the same seeded problems (same generator and
 * seed, so run both classes in one JMH invocation and compare): ojAlgo's {@code MarkowitzModel}
 * for long-only minimum variance (zero expected returns, so its utility is minus the variance)
 * with and without the cap, and a plain ojAlgo QP ({@code ExpressionsBasedModel}) of the same
 * homogenised max-Sharpe problem Quantfolio solves. ojAlgo comes to this module through
 * {@code quantfolio-optimize}, which uses its LP solver internally. Not run in the build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OptimizePeersBenchmark {

  @Param({"20", "100", "500"})
  public int assets;

  private double[][] cov;
  private double[] mu;
  private double cap;

  @Setup(Level.Trial)
  public void makeProblem() {
    int n = assets;
    SplittableRandom r = new SplittableRandom(n);
    double[][] b = new double[n][3];
    mu = new double[n];
    double[] idio = new double[n];
    for (int i = 0; i < n; i++) {
      b[i][0] = 0.15 * (0.5 + r.nextDouble());
      b[i][1] = 0.08 * (r.nextDouble() - 0.5) * 2;
      b[i][2] = 0.08 * (r.nextDouble() - 0.5) * 2;
      idio[i] = Math.pow(0.1 + 0.2 * r.nextDouble(), 2);
      mu[i] = 0.02 + 0.15 * r.nextDouble();
    }
    cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cov[i][j] = b[i][0] * b[j][0] + b[i][1] * b[j][1] + b[i][2] * b[j][2]
            + (i == j ? idio[i] : 0);
      }
    }
    cap = Math.max(0.1, 2.0 / n);
  }

  private List<BigDecimal> markowitzMinVariance(boolean capped) {
    MatrixR064 s = MatrixR064.FACTORY.copy(Access2D.wrap(cov));
    MatrixR064 zero = MatrixR064.FACTORY.make(assets, 1);
    MarkowitzModel model = new MarkowitzModel(s, zero);
    model.setShortingAllowed(false);
    if (capped) {
      for (int i = 0; i < assets; i++) {
        model.setUpperLimit(i, BigDecimal.valueOf(cap));
      }
    }
    return model.getWeights();
  }

  @Benchmark
  public List<BigDecimal> markowitzMinVolatility() {
    return markowitzMinVariance(false);
  }

  @Benchmark
  public List<BigDecimal> markowitzMinVolatilityCapped() {
    return markowitzMinVariance(true);
  }

  private Optimisation.Result qpMaxSharpe(boolean capped) {
    int n = assets;
    double rf = 0.02;
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] y = new Variable[n];
    for (int i = 0; i < n; i++) {
      y[i] = model.addVariable("y" + i).lower(0);
    }
    Expression risk = model.addExpression("risk").weight(1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        risk.set(y[i], y[j], cov[i][j]);
      }
    }
    Expression excess = model.addExpression("excess").level(1);
    for (int i = 0; i < n; i++) {
      excess.set(y[i], mu[i] - rf);
    }
    if (capped) {
      for (int i = 0; i < n; i++) {
        Expression c = model.addExpression("cap" + i).upper(0);
        for (int j = 0; j < n; j++) {
          c.set(y[j], (i == j ? 1 : 0) - cap);
        }
      }
    }
    return model.minimise();
  }

  @Benchmark
  public Optimisation.Result ojAlgoQpMaxSharpe() {
    return qpMaxSharpe(false);
  }

  @Benchmark
  public Optimisation.Result ojAlgoQpMaxSharpeCapped() {
    return qpMaxSharpe(true);
  }
}
