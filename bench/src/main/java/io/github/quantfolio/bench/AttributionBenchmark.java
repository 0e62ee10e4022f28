package io.github.quantfolio.bench;

import io.github.quantfolio.risk.AttributionLinking;
import io.github.quantfolio.risk.BrinsonMethod;
import io.github.quantfolio.risk.LinkedAttribution;
import io.github.quantfolio.risk.LinkingMethod;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Issue 13's attribution target: Brinson attribution of 10 years of daily data (2,520 periods)
 * x 500 assets x 11 sectors, linked, within 20 ms. The asset-level run includes grouping the
 * asset panels into sector panels and validating every period; the sector-level run links
 * ready-made sector panels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class AttributionBenchmark {

  static final int PERIODS = 2520;
  static final int ASSETS = 500;
  static final int SECTORS = 11;

  @Param({"CARINO", "MENCHERO"})
  public LinkingMethod linking;

  private List<String> sectors;
  private int[] sectorOf;
  private double[][] portfolioWeights;
  private double[][] benchmarkWeights;
  private double[][] assetReturns;
  private double[][] sectorWp;
  private double[][] sectorRp;
  private double[][] sectorWb;
  private double[][] sectorRb;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(13);
    sectors = new ArrayList<>();
    for (int s = 0; s < SECTORS; s++) {
      sectors.add("Sector" + s);
    }
    sectorOf = new int[ASSETS];
    for (int a = 0; a < ASSETS; a++) {
      sectorOf[a] = a % SECTORS;
    }
    portfolioWeights = new double[PERIODS][];
    benchmarkWeights = new double[PERIODS][];
    assetReturns = new double[PERIODS][ASSETS];
    for (int t = 0; t < PERIODS; t++) {
      portfolioWeights[t] = randomWeights(rnd, ASSETS);
      // equal-weight benchmark
      benchmarkWeights[t] = new double[ASSETS];
      Arrays.fill(benchmarkWeights[t], 1.0 / ASSETS);
      for (int a = 0; a < ASSETS; a++) {
        assetReturns[t][a] = (rnd.nextDouble() - 0.5) * 0.04;
      }
    }
    sectorWp = new double[PERIODS][];
    sectorWb = new double[PERIODS][];
    sectorRp = new double[PERIODS][SECTORS];
    sectorRb = new double[PERIODS][SECTORS];
    for (int t = 0; t < PERIODS; t++) {
      sectorWp[t] = randomWeights(rnd, SECTORS);
      sectorWb[t] = randomWeights(rnd, SECTORS);
      for (int s = 0; s < SECTORS; s++) {
        sectorRp[t][s] = (rnd.nextDouble() - 0.5) * 0.04;
        sectorRb[t][s] = (rnd.nextDouble() - 0.5) * 0.04;
      }
    }
  }

  private static double[] randomWeights(SplittableRandom rnd, int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextDouble();
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** 2,520 days x 500 assets grouped into 11 sectors, Brinson-Fachler, linked. */
  @Benchmark
  public LinkedAttribution linkByAsset() {
    return AttributionLinking.linkByAsset(linking, BrinsonMethod.BRINSON_FACHLER, sectors,
        sectorOf, portfolioWeights, benchmarkWeights, assetReturns);
  }

  /** 2,520 days x 11 sectors, Brinson-Fachler, linked. */
  @Benchmark
  public LinkedAttribution linkSectors() {
    return AttributionLinking.link(linking, BrinsonMethod.BRINSON_FACHLER, sectors, sectorWp,
        sectorRp, sectorWb, sectorRb);
  }
}
