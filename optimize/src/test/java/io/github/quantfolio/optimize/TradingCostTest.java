package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Weights;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Transaction costs and turnover limits: subgradient KKT conditions and hand-checked cases. */
class TradingCostTest {

  /**
   * KKT of min f(w) + k ||w - w0||_1 s.t. 1'w = 1, lo <= w <= hi with gradient g of f: there are
   * lambda and s_i in the subdifferential of k|w_i - w0_i| ({k sign} off the kink, [-k, k] on it)
   * with g_i + s_i - lambda = 0 inside the box, >= 0 at lo, <= 0 at hi. Each asset bounds lambda;
   * the intersection must not be empty.
   */
  static void assertL1Kkt(double[] g, double[] w, double[] w0, double k, double lo, double hi) {
    double below = Double.NEGATIVE_INFINITY;
    double above = Double.POSITIVE_INFINITY;
    double scale = k;
    for (double v : g) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < w.length; i++) {
      boolean kink = Math.abs(w[i] - w0[i]) <= 1e-12;
      double sLo = kink ? -k : w[i] > w0[i] ? k : -k;
      double sHi = kink ? k : sLo;
      boolean atLo = w[i] <= lo + 1e-12;
      boolean atHi = w[i] >= hi - 1e-12;
      if (!atLo) { // lambda >= g + s for some admissible s: lambda >= g + sLo
        below = Math.max(below, g[i] + sLo);
      }
      if (!atHi) { // lambda <= g + sHi
        above = Math.min(above, g[i] + sHi);
      }
    }
    assertTrue(below <= above + Tolerance.KKT * scale, "no multiplier: " + below + " > " + above);
  }

  static Weights equalWeights() {
    return Weights.equal(Fixtures.COV.assets());
  }

  static double turnover(double[] w, double[] w0) {
    double t = 0;
    for (int i = 0; i < w.length; i++) {
      t += Math.abs(w[i] - w0[i]);
    }
    return t;
  }

  @Test
  void minimumVolatilityWithCostsSatisfiesSubgradientKkt() {
    double k = 0.002;
    OptimalPortfolio p = MeanVariance.of(Fixtures.COV).withBounds(0, 0.15)
        .withTransactionCost(equalWeights(), k).minVolatility();
    double[] w = p.weights().toArray();
    double[] w0 = equalWeights().toArray();
    double[] g = Fixtures.times(Fixtures.COV.toArray(), w);
    for (int i = 0; i < g.length; i++) {
      g[i] *= 2; // gradient of w'Sw
    }
    assertL1Kkt(g, w, w0, k, 0, 0.15);
    int untouched = 0;
    for (int i = 0; i < w.length; i++) {
      untouched += Math.abs(w[i] - w0[i]) <= 1e-12 ? 1 : 0;
    }
    assertTrue(untouched > 0, "the cost should leave some positions untouched");
    assertTrue(turnover(w, w0) < turnover(
        MeanVariance.of(Fixtures.COV).withBounds(0, 0.15).minVolatility().weights().toArray(), w0));
  }

  @Test
  void prohibitiveCostsKeepTheCurrentPortfolio() {
    // k above every |2 (Sw0)_i - 2 (Sw0)_j| / 2: no trade can pay for itself, so w = w0 exactly.
    double[] w0 = equalWeights().toArray();
    OptimalPortfolio p = MeanVariance.of(Fixtures.COV).withTransactionCost(equalWeights(), 10)
        .minVolatility();
    double[] w = p.weights().toArray();
    for (int i = 0; i < w.length; i++) {
      assertEquals(w0[i], w[i], 1e-15);
    }
  }

  @Test
  void zeroCostIsTheFrictionlessOptimum() {
    double[] a = MeanVariance.of(Fixtures.MU, Fixtures.COV).withTransactionCost(equalWeights(), 0)
        .maxQuadraticUtility(3).weights().toArray();
    double[] b = MeanVariance.of(Fixtures.MU, Fixtures.COV).maxQuadraticUtility(3).weights()
        .toArray();
    for (int i = 0; i < a.length; i++) {
      Tolerance.assertNear(b[i], a[i], Tolerance.INVARIANCE, "weight " + i);
    }
  }

  @Test
  void bindingTurnoverLimitIsMetExactly() {
    double[] w0 = equalWeights().toArray();
    MeanVariance base = MeanVariance.of(Fixtures.COV).withBounds(0, 0.2);
    OptimalPortfolio free = base.minVolatility();
    double full = turnover(free.weights().toArray(), w0);
    OptimalPortfolio p = base.withTurnoverLimit(equalWeights(), 0.5 * full).minVolatility();
    Tolerance.assertClose(0.5 * full, turnover(p.weights().toArray(), w0), 1e-10, "turnover");
    assertTrue(p.volatility() >= free.volatility());
    // Half-way along the straight line to the frictionless optimum is feasible with the same
    // turnover; the optimum is at least as good.
    double[] half = new double[w0.length];
    for (int i = 0; i < half.length; i++) {
      half[i] = 0.5 * (w0[i] + free.weights().toArray()[i]);
    }
    double[] sh = Fixtures.times(Fixtures.COV.toArray(), half);
    assertTrue(p.volatility() <= Math.sqrt(Fixtures.dot(half, sh)) * (1 + 1e-12));
  }

  @Test
  void slackTurnoverLimitChangesNothing() {
    double[] a = MeanVariance.of(Fixtures.COV).withTurnoverLimit(equalWeights(), 2).minVolatility()
        .weights().toArray();
    double[] b = MeanVariance.of(Fixtures.COV).minVolatility().weights().toArray();
    for (int i = 0; i < a.length; i++) {
      Tolerance.assertNear(b[i], a[i], Tolerance.INVARIANCE, "weight " + i);
    }
  }

  @Test
  void unreachableTurnoverLimitNamesTheMinimumTurnover() {
    // All in A01 with a 10% cap: A01 must sell 0.9 and others buy 0.9, turnover 1.8 at least.
    String first = Fixtures.COV.assets().get(0);
    double[] w0 = new double[Fixtures.COV.size()];
    w0[0] = 1;
    Weights prev = Weights.of(Fixtures.COV.assets(), w0);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(Fixtures.COV).withBounds(0, 0.1).withTurnoverLimit(prev, 1)
            .minVolatility());
    assertEquals("Turnover limit 1 cannot be met: reaching the constraints (bounds [0, 0.1]) from "
        + "the previous weights needs a turnover of at least 1.8", e.getMessage());
    assertTrue(first.length() > 0);
  }

  @Test
  void costsAndTurnoverMustShareThePreviousWeights() {
    double[] other = new double[Fixtures.COV.size()];
    other[0] = 1;
    Weights prev2 = Weights.of(Fixtures.COV.assets(), other);
    MeanVariance mv = MeanVariance.of(Fixtures.COV).withTurnoverLimit(equalWeights(), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mv.withTransactionCost(prev2, 0.001));
    assertEquals("Transaction costs and the turnover limit must refer to the same previous weights",
        e.getMessage());
    // replacing the cost's previous weights alone is fine
    MeanVariance.of(Fixtures.COV).withTransactionCost(equalWeights(), 0.001)
        .withTransactionCost(prev2, 0.001);
  }

  @Test
  void zeroTurnoverAtTheMaximumReturnNamesTheMinimumTurnover() {
    // Found by jqwik (seed 7009, n 6): all in one asset above its cap, limit 0, target at the
    // maximum return. The minimum-turnover face is not a single point, and unbounded growth of
    // the proximal step lost all precision and reported a spurious infeasibility.
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(7009, 6);
    double[] w0 = new double[6];
    w0[1] = 1;
    MeanVariance mv = pr.spec();
    double r1 = mv.maxReturn().expectedReturn();
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> mv.withTurnoverLimit(Weights.of(pr.names(), w0), 0).efficientReturn(r1));
    assertTrue(e.getMessage().startsWith("Turnover limit 0 cannot be met"), e.getMessage());
  }

  @Property(tries = 40)
  void costsSatisfySubgradientKktOnRandomProblems(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n, @ForAll @DoubleRange(min = 0, max = 0.05) double k) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    double[] w0 = new double[n];
    java.util.Random r = new java.util.Random(seed + 1);
    double rest = 1;
    for (int i = 0; i < n - 1; i++) {
      w0[i] = Math.min(pr.cap(), rest * r.nextDouble());
      rest -= w0[i];
    }
    w0[n - 1] = rest; // may exceed the cap: the previous portfolio need not be feasible
    Weights prev = Weights.of(pr.names(), w0);
    double delta = 2;
    OptimalPortfolio p = pr.spec().withTransactionCost(prev, k).maxQuadraticUtility(delta);
    double[] w = p.weights().toArray();
    double[] g = Fixtures.times(pr.cov(), w);
    for (int i = 0; i < n; i++) {
      g[i] = delta * g[i] - pr.mu()[i];
    }
    assertL1Kkt(g, w, w0, k, 0, pr.cap());
  }

  /**
   * The least turnover that brings a portfolio all in asset {@code k} inside the capped simplex:
   * {@code 1 - cap} must leave asset k and arrive elsewhere, so {@code ||w - w0||_1 = 2 (1 - cap)}
   * (0 when the cap is 1).
   */
  static double leastTurnoverFromOneAsset(double cap) {
    return 2 * Math.max(0, 1 - cap);
  }

  /**
   * Draws the limit and target so that most tries are solvable (the limit above the least
   * turnover needed, the target below the most the limit allows) and the rest are rejected for a
   * stated reason: {@code slack < 0} puts the limit below the least turnover, {@code where > 1}
   * puts the target above the attainable maximum. A coverage check fails the property if fewer
   * than half the tries reach the assertions on a solution (it used to reject 78% of tries).
   */
  @Property(tries = 40)
  void turnoverLimitedEfficientReturnMeetsEveryConstraintOrSaysWhy(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n,
      @ForAll @DoubleRange(min = -0.15, max = 1) double slack,
      @ForAll @DoubleRange(min = 0, max = 1.15) double where) {
    Statistics.collect(checkTurnoverLimited(seed, n, slack, where));
    Statistics.coverage(c -> c.check("solved").percentage(pc -> pc >= 50));
  }

  /**
   * A target equal to the most the limit allows (the minimum-volatility return is above it), so
   * reaching it needs exactly the limit's turnover: once rejected by rounding ("limit 0.02
   * cannot be met: ... needs at least 0.02").
   */
  @Test
  void aTargetAtTheMostTheTurnoverLimitAllows() {
    assertEquals("solved", checkTurnoverLimited(-278038, 2, 0.01, 0.0));
  }

  /**
   * Rare failures of the property above, found by running it at 100 times its tries, one per
   * way it failed:
   * <ul>
   *   <li>nearly tied expected returns with the target at the most the limit allows: the
   *       minimum turnover, then found by proximal point with steps up to 2^16, came out 4e-9 to
   *       1e-7 above the limit, or its steps oscillated until the iteration limit ("did not
   *       converge"); now a linear program;
   *   <li>the same with the maximum return itself off by rounding: its target needed 1.5e-10
   *       more turnover than the limit; the proximal-point LP now ends with a step at its
   *       smallest step size, which meets the constraints to rounding;
   *   <li>a target a few ulps above what the limit allows (returns 8e-6 apart, so a ulp of
   *       return costs 2.5e5 ulps of turnover): now backed off like an infeasible QP target;
   *   <li>a limit equal to the least turnover (slack 0): one feasible point, which rounding put
   *       outside the QP's rows.
   * </ul>
   */
  @Test
  void rareTurnoverLimitCasesAreSolved() {
    assertEquals("solved", checkTurnoverLimited(472, 3, 0.01, 0.0));
    assertEquals("solved", checkTurnoverLimited(2471, 2, 0.02, 0.0));
    assertEquals("solved", checkTurnoverLimited(15731, 2, 0.04, 0.0));
    assertEquals("solved", checkTurnoverLimited(-15387, 2, 0.5834975138259233, 0.0));
    assertEquals("solved", checkTurnoverLimited(70414, 2, 0.02, 0.9561574655962567));
    assertEquals("solved", checkTurnoverLimited(42372, 10, 0.0, 0.0));
  }

  /** One case of the property; returns what happened ("solved" or why it was refused). */
  private static String checkTurnoverLimited(long seed, int n, double slack, double where) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    double[] w0 = new double[n];
    w0[(int) Math.floorMod(seed, (long) n)] = 1; // all in one asset: often outside the cap
    Weights prev = Weights.of(pr.names(), w0);
    double need = leastTurnoverFromOneAsset(pr.cap());
    double limit = slack < 0 ? need * (1 + slack) : need + slack * (2 - need);
    MeanVariance mv = pr.spec().withTurnoverLimit(prev, limit);
    if (slack < 0 && need > 0) {
      OptimizationException e = assertThrows(OptimizationException.class, mv::minVolatility);
      assertTrue(e.getMessage().startsWith("Turnover limit ")
          && e.getMessage().contains(" cannot be met: ")
          && e.getMessage().contains("needs a turnover of at least "),
          e.getMessage());
      return "limit below the least turnover";
    }
    double r0 = pr.spec().minVolatility().expectedReturn();
    double top = mv.maxReturn().expectedReturn(); // the most this limit allows
    double target = Math.min(r0, top) + where * (top - Math.min(r0, top));
    if (where > 1 && target > top * (1 + 1e-9) + 1e-9) {
      OptimizationException e = assertThrows(OptimizationException.class,
          () -> mv.efficientReturn(target));
      assertTrue(e.getMessage().startsWith("Target return ") && e.getMessage().contains(
          " is above the maximum attainable "), e.getMessage());
      return "target above the attainable maximum";
    }
    OptimalPortfolio p = mv.efficientReturn(target);
    double[] w = p.weights().toArray();
    assertTrue(turnover(w, w0) <= limit + 1e-10, "turnover " + turnover(w, w0) + " > " + limit);
    assertTrue(Fixtures.dot(pr.mu(), w) >= target - 1e-9 * Math.max(1, Math.abs(target)),
        "return " + Fixtures.dot(pr.mu(), w) + " < target " + target);
    MeanVarianceProperties.assertFeasible(p, pr.cap());
    return "solved";
  }

}
