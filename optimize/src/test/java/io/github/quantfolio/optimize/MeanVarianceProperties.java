package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the mean-variance family on random factor-model problems. */
class MeanVarianceProperties {

  /** A random problem: two-factor covariance plus idiosyncratic variance, mu in [-5%, 20%]. */
  record Problem(List<String> names, double[] mu, double[][] cov, double cap) {
    MeanVariance spec() {
      return MeanVariance.of(AssetVector.of(names, mu), CovarianceMatrix.of(names, cov))
          .withBounds(0, cap);
    }
  }

  static Problem problem(long seed, int n) {
    Random r = new Random(seed);
    double[][] b = new double[n][2];
    double[] d = new double[n];
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      b[i][0] = 0.1 + 0.15 * r.nextDouble();
      b[i][1] = 0.1 * r.nextGaussian();
      d[i] = Math.pow(0.05 + 0.3 * r.nextDouble(), 2);
      mu[i] = -0.05 + 0.25 * r.nextDouble();
    }
    mu[0] = 0.15; // something above the risk-free rate 0.02
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cov[i][j] = b[i][0] * b[j][0] + b[i][1] * b[j][1] + (i == j ? d[i] : 0);
      }
    }
    double cap = Math.min(1, (1.5 + 3 * r.nextDouble()) / n);
    return new Problem(Fixtures.names(n), mu, cov, cap);
  }

  static void assertFeasible(OptimalPortfolio p, double cap) {
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum of weights");
    for (double w : p.weights().toArray()) {
      assertTrue(w >= 0 && w <= cap, "weight " + w + " outside [0, " + cap + "]");
    }
  }

  @Property(tries = 60)
  void weightsSumToOneAndRespectBounds(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n) {
    Problem pr = problem(seed, n);
    MeanVariance mv = pr.spec();
    assertFeasible(mv.minVolatility(), pr.cap());
    assertFeasible(mv.maxSharpe(0.02), pr.cap());
    assertFeasible(mv.maxQuadraticUtility(2), pr.cap());
    assertFeasible(mv.maxReturn(), pr.cap());
    double[] w = mv.minVolatility().weights().toArray();
    MeanVarianceTest.assertBoxKkt(Fixtures.times(pr.cov(), w), w, 0, pr.cap());
  }

  @Property(tries = 40)
  void permutingAssetsPermutesWeights(@ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int n) {
    Problem pr = problem(seed, n);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(seed ^ 0x5DEECE66DL));
    List<String> names = new ArrayList<>();
    double[] mu = new double[n];
    double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      names.add(pr.names().get(perm.get(i)));
      mu[i] = pr.mu()[perm.get(i)];
      for (int j = 0; j < n; j++) {
        cov[i][j] = pr.cov()[perm.get(i)][perm.get(j)];
      }
    }
    MeanVariance a = pr.spec();
    MeanVariance b = new Problem(names, mu, cov, pr.cap()).spec();
    OptimalPortfolio[] pa = {a.minVolatility(), a.maxSharpe(0.02)};
    OptimalPortfolio[] pb = {b.minVolatility(), b.maxSharpe(0.02)};
    for (int k = 0; k < pa.length; k++) {
      for (String asset : pr.names()) {
        Tolerance.assertNear(pa[k].weights().get(asset), pb[k].weights().get(asset),
            Tolerance.INVARIANCE, pa[k].method() + " " + asset);
      }
    }
  }

  @Property(tries = 40)
  void scalingTheCovarianceLeavesMinimumVolatilityWeights(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n, @ForAll @DoubleRange(min = 0.01, max = 100) double c) {
    Problem pr = problem(seed, n);
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = c * pr.cov()[i][j];
      }
    }
    double[] w = pr.spec().minVolatility().weights().toArray();
    double[] v = new Problem(pr.names(), pr.mu(), scaled, pr.cap()).spec().minVolatility()
        .weights().toArray();
    for (int i = 0; i < n; i++) {
      Tolerance.assertNear(w[i], v[i], Tolerance.INVARIANCE, "weight " + i);
    }
  }

  @Property(tries = 25)
  void frontierVolatilityIsNonDecreasingInReturn(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n) {
    List<OptimalPortfolio> f = problem(seed, n).spec().efficientFrontier(12);
    for (int k = 1; k < f.size(); k++) {
      assertTrue(f.get(k).expectedReturn() >= f.get(k - 1).expectedReturn() - 1e-12);
      assertTrue(f.get(k).volatility() >= f.get(k - 1).volatility() * (1 - 1e-12),
          "point " + k + ": " + f.get(k).volatility() + " < " + f.get(k - 1).volatility());
    }
  }

  @Property(tries = 25)
  void maxSharpeDominatesTheFrontier(@ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int n) {
    MeanVariance mv = problem(seed, n).spec();
    double best = mv.maxSharpe(0.02).sharpeRatio(0.02);
    for (OptimalPortfolio f : mv.efficientFrontier(15)) {
      assertTrue(f.sharpeRatio(0.02) <= best + 1e-12 * Math.abs(best),
          f.sharpeRatio(0.02) + " > " + best);
    }
  }

  /**
   * Random per-asset bounds (some short) and sector limits built around a feasible point w0: every
   * method must solve, and its weights must meet every constraint.
   */
  @Property(tries = 30)
  void randomConstraintSetsAreSolvedAndRespected(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 12) int n) {
    Problem pr = problem(seed, n);
    Random r = new Random(seed * 31 + 7);
    double[] w0 = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w0[i] = r.nextDouble() - 0.2;
      sum += w0[i];
    }
    for (int i = 0; i < n; i++) {
      w0[i] += (1 - sum) / n;
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = w0[i] - 0.5 * r.nextDouble();
      hi[i] = w0[i] + 0.5 * r.nextDouble();
    }
    String[] sectorOf = new String[n];
    java.util.Map<String, Double> sum0 = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      sectorOf[i] = "S" + (i % 3);
      sum0.merge(sectorOf[i], w0[i], Double::sum);
    }
    java.util.Map<String, Double> lower = new java.util.HashMap<>();
    java.util.Map<String, Double> upper = new java.util.HashMap<>();
    for (java.util.Map.Entry<String, Double> e : sum0.entrySet()) {
      if (r.nextBoolean()) {
        lower.put(e.getKey(), e.getValue() - 0.1 * r.nextDouble());
      }
      if (r.nextBoolean()) {
        upper.put(e.getKey(), e.getValue() + 0.1 * r.nextDouble());
      }
    }
    List<String> names = pr.names();
    MeanVariance mv = pr.spec().withBounds(lo, hi).withSectorConstraints(
        a -> sectorOf[names.indexOf(a)], lower, upper);
    List<OptimalPortfolio> results = new ArrayList<>();
    results.add(mv.minVolatility());
    results.add(mv.maxQuadraticUtility(3));
    OptimalPortfolio top = mv.maxReturn();
    results.add(top);
    double r0 = results.get(0).expectedReturn();
    results.add(mv.efficientReturn(r0 + 0.5 * (top.expectedReturn() - r0)));
    double s0 = results.get(0).volatility();
    double s1 = mv.efficientReturn(top.expectedReturn()).volatility();
    if (s1 > s0 * (1 + 1e-9)) {
      results.add(mv.efficientRisk(0.5 * (s0 + s1)));
    }
    if (top.expectedReturn() > 0.02 + 1e-6) {
      results.add(mv.maxSharpe(0.02));
    }
    for (OptimalPortfolio p : results) {
      double[] w = p.weights().toArray();
      Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, p.method() + " sum");
      java.util.Map<String, Double> sec = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        assertTrue(w[i] >= lo[i] && w[i] <= hi[i], p.method() + " bound " + i);
        sec.merge(sectorOf[i], w[i], Double::sum);
      }
      for (java.util.Map.Entry<String, Double> e : sec.entrySet()) {
        double v = e.getValue();
        assertTrue(v >= lower.getOrDefault(e.getKey(), -1e9) - Tolerance.FEASIBILITY
            && v <= upper.getOrDefault(e.getKey(), 1e9) + Tolerance.FEASIBILITY,
            p.method() + " sector " + e.getKey() + " = " + v);
      }
    }
  }

  /** Market neutral with bounds [-c, c]: every supported method solves with weights summing to 0. */
  @Property(tries = 20)
  void marketNeutralMethodsSolve(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = 0.05, max = 1) double cap) {
    MeanVariance mv = problem(seed, n).spec().withBounds(-cap, cap).withMarketNeutral();
    OptimalPortfolio top = mv.maxReturn();
    List<OptimalPortfolio> results = new ArrayList<>();
    results.add(top);
    results.add(mv.maxQuadraticUtility(2));
    results.add(mv.efficientReturn(0.5 * top.expectedReturn()));
    double s1 = mv.efficientReturn(top.expectedReturn()).volatility();
    results.add(mv.efficientRisk(0.5 * s1));
    for (OptimalPortfolio p : results) {
      Tolerance.assertNear(0, p.weights().sum(), Tolerance.FEASIBILITY, p.method());
      for (double w : p.weights().toArray()) {
        assertTrue(w >= -cap && w <= cap, p.method() + ": " + w);
      }
    }
    Tolerance.assertClose(0.5 * s1, results.get(3).volatility(), 1e-10, "efficient risk");
  }
}
