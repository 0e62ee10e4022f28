package io.github.quantfolio.bench;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.optimize.AdvisorBook;
import io.github.quantfolio.optimize.RebalanceAdvisor;
import io.github.quantfolio.optimize.RebalanceAnalysis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Issue 13's speed target for the rebalancing advisor: the analysis of a 500-position book (11
 * categories) with a 30-day history within 20 ms. The correlation step is O(n^2 x 30).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class RebalanceAdvisorBenchmark {

  /** Positions in the book. */
  @Param({"500"})
  public int positions;

  private AdvisorBook book;
  private PriceFrame history;
  private final RebalanceAdvisor advisor = RebalanceAdvisor.defaults();

  @Setup(Level.Trial)
  public void setUp() {
    // lognormal daily paths (vol 1-6 %), a common factor so that some pairs correlate; a few
    // dominant positions so that every rule has work to do
    SplittableRandom rnd = new SplittableRandom(13);
    List<String> syms = new ArrayList<>();
    Map<String, Double> qty = new LinkedHashMap<>();
    Map<String, String> cats = new LinkedHashMap<>();
    double[] market = new double[31];
    for (int t = 1; t <= 30; t++) {
      market[t] = 0.02 * rnd.nextGaussian();
    }
    double[][] cols = new double[positions][31];
    double[] px = new double[positions];
    for (int i = 0; i < positions; i++) {
      String s = "S" + i;
      syms.add(s);
      qty.put(s, i < 3 ? 2_000.0 : 1 + rnd.nextDouble(0, 50));
      cats.put(s, "C" + i % 11);
      double beta = rnd.nextDouble(0, 1.5);
      double vol = rnd.nextDouble(0.01, 0.06);
      cols[i][0] = rnd.nextDouble(5, 500);
      for (int t = 1; t <= 30; t++) {
        cols[i][t] = cols[i][t - 1] * Math.exp(beta * market[t] + vol * rnd.nextGaussian());
      }
      px[i] = cols[i][30];
    }
    book = AdvisorBook.ofHoldings(qty, AssetVector.of(syms, px), cats, 10_000);
    history = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2026, 1, 5), 31), syms, cols,
        Frequency.DAILY);
  }

  /** The whole analysis: concentration, 500 x 500 correlations, volatility, momentum, heat. */
  @Benchmark
  public RebalanceAnalysis analyse() {
    return advisor.analyse(book, history);
  }
}
