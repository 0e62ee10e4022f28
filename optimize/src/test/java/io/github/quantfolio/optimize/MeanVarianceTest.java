package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.ShrinkageTarget;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Closed forms (derivations in the comments), KKT checks written from the optimality conditions
 * of each problem (not from the solver), and the infeasibility messages.
 */
class MeanVarianceTest {

  static final double INF = Double.POSITIVE_INFINITY;

  /** Three assets with vols 20%, 25%, 30% and correlations 0.3, 0.1, 0.5. */
  static final double[][] S3 = {
      {0.04, 0.3 * 0.2 * 0.25, 0.1 * 0.2 * 0.3},
      {0.3 * 0.2 * 0.25, 0.0625, 0.5 * 0.25 * 0.3},
      {0.1 * 0.2 * 0.3, 0.5 * 0.25 * 0.3, 0.09}};
  static final double[] MU3 = {0.06, 0.09, 0.13};

  static MeanVariance three() {
    List<String> a = List.of("A", "B", "C");
    return MeanVariance.of(AssetVector.of(a, MU3), CovarianceMatrix.of(a, S3));
  }

  @Test
  void twoAssetMinimumVolatilityClosedForm() {
    // w1 = (s2^2 - s12) / (s1^2 + s2^2 - 2 s12) with s1 = 0.2, s2 = 0.3, rho = 0.25:
    // s12 = 0.015, w1 = (0.09 - 0.015) / (0.04 + 0.09 - 0.03) = 0.75 (hand calculation).
    List<String> a = List.of("A", "B");
    CovarianceMatrix cov = CovarianceMatrix.of(a, new double[][] {{0.04, 0.015}, {0.015, 0.09}});
    OptimalPortfolio p = MeanVariance.of(cov).minVolatility();
    Tolerance.assertClose(0.75, p.weights().get("A"), Tolerance.CLOSED_FORM, "w1");
    Tolerance.assertClose(0.25, p.weights().get("B"), Tolerance.CLOSED_FORM, "w2");
    // variance = 0.75^2 0.04 + 0.25^2 0.09 + 2 0.75 0.25 0.015 = 0.0225 + 0.005625 + 0.005625
    Tolerance.assertClose(Math.sqrt(0.03375), p.volatility(), Tolerance.CLOSED_FORM, "volatility");
    assertTrue(!p.hasExpectedReturn());
  }

  @Test
  void unconstrainedTangencyIsInverseCovarianceTimesExcessReturn() {
    // Tangency portfolio (Merton 1972): w = S^-1 (mu - rf) / 1'S^-1 (mu - rf), no bounds.
    double rf = 0.02;
    double[] ex = {MU3[0] - rf, MU3[1] - rf, MU3[2] - rf};
    double[] z = Fixtures.solve(S3, ex);
    double total = Fixtures.sum(z);
    OptimalPortfolio p = three().withBounds(-INF, INF).maxSharpe(rf);
    for (int i = 0; i < 3; i++) {
      Tolerance.assertClose(z[i] / total, p.weights().get(i == 0 ? "A" : i == 1 ? "B" : "C"),
          Tolerance.CLOSED_FORM, "w" + i);
    }
    // Sharpe of the tangency portfolio = sqrt(ex' S^-1 ex)
    Tolerance.assertClose(Math.sqrt(Fixtures.dot(ex, z)), p.sharpeRatio(rf), Tolerance.CLOSED_FORM,
        "Sharpe");
  }

  @Test
  void unconstrainedEfficientReturnFromTheLagrangian() {
    // min w'Sw s.t. 1'w = 1, mu'w = r: w = S^-1 (l1 1 + l2 mu) with A = 1'S^-1 1, B = 1'S^-1 mu,
    // C = mu'S^-1 mu, D = AC - B^2: w = ((C - B r) S^-1 1 + (A r - B) S^-1 mu) / D
    // (Merton 1972). r = 0.11 is above the minimum-variance return B / A, so mu'w >= r binds.
    double[] one = {1, 1, 1};
    double[] si1 = Fixtures.solve(S3, one);
    double[] sim = Fixtures.solve(S3, MU3);
    double a = Fixtures.sum(si1);
    double b = Fixtures.dot(one, sim);
    double c = Fixtures.dot(MU3, sim);
    double d = a * c - b * b;
    double r = 0.11;
    assertTrue(r > b / a);
    OptimalPortfolio p = three().withBounds(-INF, INF).efficientReturn(r);
    String[] names = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
      double w = ((c - b * r) * si1[i] + (a * r - b) * sim[i]) / d;
      Tolerance.assertClose(w, p.weights().get(names[i]), Tolerance.CLOSED_FORM, names[i]);
    }
    // frontier variance (A r^2 - 2 B r + C) / D
    Tolerance.assertClose(Math.sqrt((a * r * r - 2 * b * r + c) / d), p.volatility(),
        Tolerance.CLOSED_FORM, "volatility");
    Tolerance.assertClose(r, p.expectedReturn(), Tolerance.CLOSED_FORM, "return");
  }

  @Test
  void unconstrainedQuadraticUtility() {
    // max mu'w - d/2 w'Sw s.t. 1'w = 1: w = S^-1 (mu - l 1) / d, l = (B - d) / A.
    double delta = 3;
    double[] one = {1, 1, 1};
    double[] si1 = Fixtures.solve(S3, one);
    double[] sim = Fixtures.solve(S3, MU3);
    double l = (Fixtures.dot(one, sim) - delta) / Fixtures.sum(si1);
    OptimalPortfolio p = three().withBounds(-INF, INF).maxQuadraticUtility(delta);
    String[] names = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
      Tolerance.assertClose((sim[i] - l * si1[i]) / delta, p.weights().get(names[i]),
          Tolerance.CLOSED_FORM, names[i]);
    }
  }

  /**
   * KKT of min f(w) s.t. 1'w = 1, lo <= w <= hi with gradient g (e.g. g = Sw - theta mu): there is
   * a lambda with g_i = lambda where lo < w_i < hi, g_i >= lambda at lo, g_i <= lambda at hi.
   */
  static void assertBoxKkt(double[] g, double[] w, double lo, double hi) {
    // lambda must lie in [max g over free and upper-bound assets, min g over free and
    // lower-bound assets]; free assets pin it down exactly.
    double below = Double.NEGATIVE_INFINITY;
    double above = Double.POSITIVE_INFINITY;
    double scale = 0;
    for (int i = 0; i < w.length; i++) {
      scale = Math.max(scale, Math.abs(g[i]));
      boolean atLo = w[i] <= lo + 1e-9;
      boolean atHi = w[i] >= hi - 1e-9;
      if (!atLo) {
        below = Math.max(below, g[i]);
      }
      if (!atHi) {
        above = Math.min(above, g[i]);
      }
    }
    assertTrue(below <= above + Tolerance.KKT * scale,
        "no multiplier fits: max g off the lower bound " + below + " > min g off the upper bound "
            + above);
  }

  @Test
  void constrainedMinimumVolatilitySatisfiesKkt() {
    OptimalPortfolio p = MeanVariance.of(Fixtures.COV).withBounds(0, 0.1).minVolatility();
    double[] w = p.weights().toArray();
    assertBoxKkt(Fixtures.times(Fixtures.COV.toArray(), w), w, 0, 0.1);
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
    int atBound = 0;
    for (double v : w) {
      assertTrue(v >= 0 && v <= 0.1);
      atBound += v == 0 || v == 0.1 ? 1 : 0;
    }
    assertTrue(atBound > 0, "the test should exercise bounds");
  }

  @Test
  void weightsOnTheirBoundsAreExactlyThere() {
    // The OptimizePortfolio example (default market, Sep 2021 - Aug 2024, Ledoit-Wolf constant
    // correlation, caps 25%, rf 2%) left A05 at 2.05e-17 and A07 at 1.68e-17 (the dual solver's
    // final recomputation is off its active bounds by rounding), and greedy() bought one whole
    // share of each. Active bounds are now set exactly; the KKT conditions still hold.
    PriceFrame prices = Fixtures.MARKET.prices().between(LocalDate.of(2021, 9, 1),
        LocalDate.of(2024, 8, 31));
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION)
        .estimate(prices.returns());
    AssetVector mu = ExpectedReturns.meanHistorical(prices);
    double rf = 0.02;
    double cap = 0.25;
    OptimalPortfolio p = MeanVariance.of(mu, cov).withBounds(0, cap).maxSharpe(rf);
    double[] w = p.weights().toArray();
    int onBound = 0;
    for (int i = 0; i < w.length; i++) {
      boolean exact = w[i] == 0 || w[i] == cap;
      assertTrue(exact || (w[i] > 1e-9 && w[i] < cap - 1e-9), cov.assets().get(i) + " " + w[i]);
      onBound += exact ? 1 : 0;
    }
    assertTrue(onBound >= 10, "the test should exercise bounds: " + onBound);
    double[] m = mu.toArray();
    double[] sw = Fixtures.times(cov.toArray(), w);
    double sigma = Math.sqrt(Fixtures.dot(w, sw));
    double ex = Fixtures.dot(m, w) - rf;
    double[] negGrad = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      negGrad[i] = -((m[i] - rf) / sigma - ex * sw[i] / (sigma * sigma * sigma));
    }
    assertBoxKkt(negGrad, w, 0, cap);
    // whole shares only of the assets the optimizer holds
    assertEquals(p.weights().nonZero().assets(), List.copyOf(DiscreteAllocation.of(p.weights(),
        prices.latest(), 100_000).greedy().shares().keySet()));
  }

  @Test
  void maxSharpeSatisfiesKktOfTheRatio() {
    // d SR / d w_i = ex_i / sigma - (ex'w) (Sw)_i / sigma^3: equal on free assets, lower at 0,
    // higher at the cap (maximisation).
    double rf = 0.02;
    double cap = 0.15;
    OptimalPortfolio p = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, cap).maxSharpe(rf);
    double[] w = p.weights().toArray();
    double[] mu = Fixtures.MU.toArray();
    double[] sw = Fixtures.times(Fixtures.COV.toArray(), w);
    double sigma = Math.sqrt(Fixtures.dot(w, sw));
    double ex = Fixtures.dot(mu, w) - rf;
    double[] negGrad = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      negGrad[i] = -((mu[i] - rf) / sigma - ex * sw[i] / (sigma * sigma * sigma));
    }
    assertBoxKkt(negGrad, w, 0, cap);
    Tolerance.assertClose(ex / sigma, p.sharpeRatio(rf), Tolerance.CLOSED_FORM, "Sharpe");
  }

  @Test
  void longShortMaxSharpeSatisfiesKktOfTheRatio() {
    // Same conditions as above with bounds [-0.3, 0.6]: the homogenised rows -0.3 kappa <= y_i
    // and y_i <= 0.6 kappa are exercised (some weights end on each bound).
    double rf = 0.02;
    OptimalPortfolio p = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(-0.3, 0.6)
        .maxSharpe(rf);
    double[] w = p.weights().toArray();
    double[] mu = Fixtures.MU.toArray();
    double[] sw = Fixtures.times(Fixtures.COV.toArray(), w);
    double sigma = Math.sqrt(Fixtures.dot(w, sw));
    double ex = Fixtures.dot(mu, w) - rf;
    double[] negGrad = new double[w.length];
    boolean shortSeen = false;
    for (int i = 0; i < w.length; i++) {
      negGrad[i] = -((mu[i] - rf) / sigma - ex * sw[i] / (sigma * sigma * sigma));
      shortSeen |= w[i] < 0;
    }
    assertTrue(shortSeen, "the test should exercise short positions");
    assertBoxKkt(negGrad, w, -0.3, 0.6);
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void largeCappedMaxSharpeSatisfiesKktOfTheRatio() {
    // From MeanVariance.SEARCH_SHARPE_FROM assets the capped and long/short max Sharpe go through
    // the search along the utility path; the same ratio KKT conditions as above must hold.
    double rf = 0.02;
    for (long seed = 1; seed <= 3; seed++) {
      int n = MeanVariance.SEARCH_SHARPE_FROM + 30;
      MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
      for (double[] box : new double[][] {{0, pr.cap()}, {-0.05, 0.2}}) {
        OptimalPortfolio p = pr.spec().withBounds(box[0], box[1]).maxSharpe(rf);
        double[] w = p.weights().toArray();
        double[] sw = Fixtures.times(pr.cov(), w);
        double sigma = Math.sqrt(Fixtures.dot(w, sw));
        double ex = Fixtures.dot(pr.mu(), w) - rf;
        double[] negGrad = new double[n];
        for (int i = 0; i < n; i++) {
          negGrad[i] = -((pr.mu()[i] - rf) / sigma - ex * sw[i] / (sigma * sigma * sigma));
        }
        assertBoxKkt(negGrad, w, box[0], box[1]);
        Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
      }
    }
  }

  @Test
  void maxSharpeBeatsEveryFrontierPortfolio() {
    // The tangency portfolio's Sharpe ratio is at least that of any efficient portfolio under the
    // same constraints (here with a sector cap), a check that needs no multipliers.
    double rf = 0.02;
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, 0.3)
        .withSectorConstraints(Fixtures.MARKET::sectorOf, Map.of(), Map.of(
            Fixtures.MARKET.sectorOf("A01"), 0.15));
    double best = mv.maxSharpe(rf).sharpeRatio(rf);
    for (OptimalPortfolio f : mv.efficientFrontier(40)) {
      assertTrue(f.sharpeRatio(rf) <= best * (1 + 1e-12), f.sharpeRatio(rf) + " > " + best);
    }
  }

  @Test
  void efficientReturnSatisfiesKkt() {
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, 0.2);
    double r0 = mv.minVolatility().expectedReturn();
    double r1 = mv.maxReturn().expectedReturn();
    double target = r0 + 0.6 * (r1 - r0);
    OptimalPortfolio p = mv.efficientReturn(target);
    Tolerance.assertClose(target, p.expectedReturn(), Tolerance.CLOSED_FORM, "binding target");
    double[] w = p.weights().toArray();
    double[] mu = Fixtures.MU.toArray();
    double[] sw = Fixtures.times(Fixtures.COV.toArray(), w);
    // theta from two free assets i, j: sw_i - theta mu_i = sw_j - theta mu_j
    int i = -1;
    int j = -1;
    for (int k = 0; k < w.length; k++) {
      if (w[k] > 1e-9 && w[k] < 0.2 - 1e-9) {
        if (i < 0) {
          i = k;
        } else if (j < 0 && Math.abs(mu[k] - mu[i]) > 1e-3) {
          j = k;
        }
      }
    }
    assertTrue(j >= 0, "need two free assets");
    double theta = (sw[i] - sw[j]) / (mu[i] - mu[j]);
    assertTrue(theta >= 0, "return multiplier " + theta);
    double[] g = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      g[k] = sw[k] - theta * mu[k];
    }
    assertBoxKkt(g, w, 0, 0.2);
  }

  @Test
  void maxReturnIsTheGreedyFillForBoxAndBudget() {
    // Under [0, 0.3] the LP optimum fills assets by decreasing mu: 0.3, 0.3, 0.3, then 0.1.
    double[] mu = Fixtures.MU.toArray();
    Integer[] order = new Integer[mu.length];
    for (int i = 0; i < mu.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(mu[y], mu[x]));
    double expected = 0.3 * (mu[order[0]] + mu[order[1]] + mu[order[2]]) + 0.1 * mu[order[3]];
    OptimalPortfolio p = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, 0.3).maxReturn();
    Tolerance.assertClose(expected, p.expectedReturn(), Tolerance.CLOSED_FORM, "max return");
    assertEquals(0.3, p.weights().toArray()[order[0]], Tolerance.FEASIBILITY);
    assertEquals(0.1, p.weights().toArray()[order[3]], Tolerance.FEASIBILITY);
  }

  @Test
  void efficientRiskHitsTheTargetVolatility() {
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, 0.25);
    double s0 = mv.minVolatility().volatility();
    double s1 = mv.efficientReturn(mv.maxReturn().expectedReturn()).volatility();
    double target = 0.5 * (s0 + s1);
    OptimalPortfolio p = mv.efficientRisk(target);
    assertTrue(p.volatility() <= target * (1 + 1e-15));
    Tolerance.assertClose(target, p.volatility(), 1e-10, "volatility");
    // No frontier portfolio with volatility <= target has a higher return.
    for (OptimalPortfolio f : mv.efficientFrontier(30)) {
      if (f.volatility() <= target) {
        assertTrue(f.expectedReturn() <= p.expectedReturn() + 1e-12);
      }
    }
  }

  @Test
  void sectorLimitsAreRespected() {
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV)
        .withSectorConstraints(Fixtures.MARKET::sectorOf, Map.of(), Map.of(
            Fixtures.MARKET.sectorOf("A01"), 0.1));
    OptimalPortfolio p = mv.maxSharpe(0.02);
    double s = 0;
    for (String a : p.weights().assets()) {
      if (Fixtures.MARKET.sectorOf(a).equals(Fixtures.MARKET.sectorOf("A01"))) {
        s += p.weights().get(a);
      }
    }
    assertTrue(s <= 0.1 + Tolerance.FEASIBILITY, "sector weight " + s);
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void marketNeutralWeightsSumToZero() {
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(-0.2, 0.2)
        .withMarketNeutral();
    OptimalPortfolio p = mv.efficientRisk(0.1);
    Tolerance.assertNear(0, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
    Tolerance.assertClose(0.1, p.volatility(), 1e-10, "volatility");
    assertThrows(OptimizationException.class, mv::minVolatility);
    // the frontier starts one step above the empty portfolio and still has the requested size
    List<OptimalPortfolio> f = mv.efficientFrontier(4);
    assertEquals(4, f.size());
    double top = mv.maxReturn().expectedReturn();
    Tolerance.assertClose(top / 4, f.get(0).expectedReturn(), 1e-9, "first target");
  }

  @Test
  void l2RegularisationSpreadsWeights() {
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV);
    double hhi0 = herfindahl(mv.maxSharpe(0.02).weights().toArray());
    double hhi1 = herfindahl(mv.withL2Regularization(1).maxSharpe(0.02).weights().toArray());
    assertTrue(hhi1 < hhi0, hhi1 + " vs " + hhi0);
  }

  static double herfindahl(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v * v;
    }
    return s;
  }

  // --- infeasibility diagnosis -----------------------------------------------------------------

  @Test
  void boundsThatCannotSumToOne() {
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(Fixtures.COV).withBounds(0, 0.04).minVolatility());
    assertEquals("Bounds cannot sum to 1: the upper bounds under bounds [0, 0.04] sum to 0.8, "
        + "the most that can be invested", e.getMessage());
  }

  @Test
  void sectorLimitContradictingBounds() {
    String tech = Fixtures.MARKET.sectorOf("A01");
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(Fixtures.COV).withBounds(0, 0.05)
            .withSectorConstraints(Fixtures.MARKET::sectorOf, Map.of(tech, 0.9), Map.of())
            .minVolatility());
    assertTrue(e.getMessage().startsWith("Sector '" + tech + "' lower limit 0.9 cannot be met: "
        + "the upper bounds of its assets sum to"), e.getMessage());
  }

  @Test
  void targetReturnAboveTheMaximum() {
    MeanVariance mv = three();
    // max return long only = the best asset, 0.13
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> mv.efficientReturn(0.2));
    assertEquals("Target return 0.2 is above the maximum attainable 0.13 under bounds [0, 1]",
        e.getMessage());
  }

  @Test
  void targetVolatilityBelowTheMinimum() {
    MeanVariance mv = three();
    double min = mv.minVolatility().volatility();
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> mv.efficientRisk(0.1));
    assertEquals("Target volatility 0.1 is below the minimum attainable "
        + MeanVariance.fmt(min) + " under bounds [0, 1]", e.getMessage());
  }

  @Test
  void noAssetAboveTheRiskFreeRate() {
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> three().maxSharpe(0.15));
    // long only, no cap: the best attainable is all in C, whose expected return is 0.13
    assertEquals("Max Sharpe needs an expected return above the risk-free rate 15.00%, but the "
        + "best attainable under bounds [0, 1] is 13.00%, the expected return of the best asset "
        + "('C')", e.getMessage());
  }

  @Test
  void nonPsdCovarianceIsRejectedWithTheRepair() {
    List<String> a = List.of("A", "B", "C");
    // correlations 0.9, 0.9, -0.9 cannot coexist: the matrix has a negative eigenvalue
    CovarianceMatrix bad = CovarianceMatrix.of(a, new double[][] {
        {0.04, 0.036, 0.036}, {0.036, 0.04, -0.036}, {0.036, -0.036, 0.04}});
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(bad));
    assertTrue(e.getMessage().contains("nearestPositiveSemidefinite()"), e.getMessage());
    OptimalPortfolio p = MeanVariance.of(bad.nearestPositiveSemidefinite()).minVolatility();
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "repaired");
  }

  @Test
  void unboundedMaximumReturnIsReported() {
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> three().withBounds(-INF, INF).maxReturn());
    assertTrue(e.getMessage().startsWith("Maximum return is unbounded under bounds [-Infinity, "
        + "Infinity]"), e.getMessage());
  }

  @Test
  void withoutExpectedReturnsOnlyMinimumVolatility() {
    MeanVariance mv = MeanVariance.of(Fixtures.COV);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> mv.maxSharpe(0));
    assertTrue(e.getMessage().contains("MeanVariance.of(mu, cov)"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> mv.minVolatility().expectedReturn());
  }

  @Test
  void singularCovarianceIsSolvedWithTheDocumentedRidge() {
    // Two identical assets: S is singular and every split has volatility 0.2. The ridge makes the
    // minimum-norm split 1/2, 1/2 the unique optimum, computed at condition number ~1e12, so the
    // split is only accurate to ~1e-4 while the volatility (flat along the null direction) is exact.
    List<String> a = List.of("A", "B");
    CovarianceMatrix cov = CovarianceMatrix.of(a, new double[][] {{0.04, 0.04}, {0.04, 0.04}});
    OptimalPortfolio p = MeanVariance.of(cov).minVolatility();
    Tolerance.assertNear(0.5, p.weights().get("A"), 1e-4, "A");
    Tolerance.assertClose(0.2, p.volatility(), Tolerance.CLOSED_FORM, "volatility");
  }

  @Test
  void specificationPrintsItsConstraints() {
    assertEquals("MeanVariance: 3 assets, expected returns given, bounds [0, 0.5], budget 1, "
        + "L2 gamma 0.1", three().withBounds(0, 0.5).withL2Regularization(0.1).toString());
    assertEquals("1.5e-05", MeanVariance.fmt(1.5e-5));
    assertEquals("0.159", MeanVariance.fmt(0.159));
  }

  @Test
  void printsMethodFiguresAndWeights() {
    String s = three().maxSharpe(0.02).toString();
    assertTrue(s.startsWith("OptimalPortfolio: max Sharpe (rf = 0.02)\nexpected return "), s);
    assertTrue(s.contains("volatility") && s.contains("asset") && s.contains("sum"), s);
  }
}
