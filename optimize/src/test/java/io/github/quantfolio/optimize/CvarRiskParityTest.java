package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * CVaR risk budgeting. Hand-calculated two-asset cases (a smooth tail and a kink where two
 * scenarios tie at the VaR), and on random scenario sets an optimality certificate computed here:
 * the tail probabilities are feasible and attain the CVaR of the weights (checked against
 * {@link MeanCvarTest#tailMean}, a sort-based CVaR of the tests), and with the subgradient they
 * define every asset's contribution equals its budget. For the convex problem
 * {@code min CVaR(y) - sum b ln y} these conditions are necessary and sufficient, so they prove
 * the weights optimal without a second solver.
 */
class CvarRiskParityTest {

  private static final double BUDGET = CvarRiskParity.CONTRIBUTION_TOLERANCE;

  private static ReturnFrame frame(List<String> assets, double[][] rowsByTime) {
    int t = rowsByTime.length;
    double[][] cols = new double[assets.size()][t];
    for (int r = 0; r < t; r++) {
      for (int i = 0; i < assets.size(); i++) {
        cols[i][r] = rowsByTime[r][i];
      }
    }
    return ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), t), assets, cols);
  }

  /** Two bad days, one for each asset, and two good ones. */
  private static final double[][] FOUR = {
      {-0.04, -0.02}, {-0.02, -0.04}, {0.01, 0.01}, {0.02, 0.03}};

  @Test
  void aTailOfTwoWholeScenariosByHand() {
    // beta 0.5: the tail is the two bad days for any long-only mix, so g = mean tail loss =
    // (0.03, 0.03) whatever w is, and w_i g_i / CVaR = b_i gives w = b: (0.75, 0.25).
    // At w: losses 0.035, 0.025, -0.01, -0.0225; CVaR = 0.03.
    CvarRiskParity p = CvarRiskParity.of(frame(List.of("A", "B"), FOUR), 0.5)
        .withBudgets(AssetVector.of(List.of("A", "B"), new double[] {3, 1}));
    CvarRiskParity.Solution s = p.solve();
    assertEquals(0.75, s.portfolio().weights().get("A"), 1e-12);
    assertEquals(0.25, s.portfolio().weights().get("B"), 1e-12);
    assertEquals(0.03, s.cvar(), 1e-14);
    assertEquals(0.75, s.contributions().get("A"), BUDGET);
    assertEquals("CVaR risk budgeting (beta 0.5)", s.portfolio().method());
  }

  @Test
  void aKinkWhereTwoScenariosTieAtTheVar() {
    // beta 0.625: a tail of 1.5 scenarios. With w = (a, 1 - a) the losses of the bad days are
    // 0.02 + 0.02a and 0.04 - 0.02a. For a > 1/2 the first is the worst and g = (0.05, 0.04) /
    // 1.5, whose equal contributions need a = 4/9 < 1/2; for a < 1/2 symmetrically a = 5/9 >
    // 1/2: neither holds, so the solution is the kink a = 1/2 where both losses are 0.03, the
    // tail weight 1.5 shared 0.75 / 0.75 (q = 0.5, 0.5, 0, 0), and CVaR = 0.03.
    CvarRiskParity.Solution s = CvarRiskParity.of(frame(List.of("A", "B"), FOUR), 0.625)
        .solve();
    assertEquals(0.5, s.portfolio().weights().get("A"), 1e-12);
    double[] q = s.tailProbabilities();
    assertEquals(0.5, q[0], 1e-12);
    assertEquals(0.5, q[1], 1e-12);
    assertEquals(0, q[2]);
    assertEquals(0, q[3]);
    assertEquals(0.03, s.cvar(), 1e-14);
    assertEquals(0.5, s.contributions().get("B"), BUDGET);
    assertEquals("equal CVaR contribution (beta 0.625)", s.portfolio().method());
  }

  @Property(tries = 300)
  void randomScenarioSetsMeetTheOptimalityCertificate(@ForAll @LongRange long seed) {
    certifyRandom(seed, true);
  }

  /**
   * A tail a hair over a whole number of scenarios (52.0002) leaves the VaR scenario a weight too
   * small for the barrier's dual estimates to tell from zero; the solver used to give up on it.
   * Found by the property above in CI (about one set in a thousand before whole tails were drawn
   * on purpose).
   */
  @Test
  void aTailAHairOverWholeScenarios() {
    double mass = certifyRandom(-7942006968463929956L, false);
    assertEquals(2e-4, mass - 52, 1e-5, "the case is still the one described");
  }

  /**
   * Certifies a random scenario set; with {@code wholeTails}, one set in three gets a tail of a
   * whole number of scenarios, exactly or up to 1e-3 of a scenario off (the structures hardest to
   * tell apart). Returns the tail's size in scenarios.
   */
  private static double certifyRandom(long seed, boolean wholeTails) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 2 + rnd.nextInt(7);
    int t = 40 + rnd.nextInt(360);
    double beta = 0.8 + 0.19 * rnd.nextDouble();
    double[][] x = randomReturns(rnd, t, n);
    List<String> assets = new ArrayList<>();
    double[] budgets = new double[n];
    for (int i = 0; i < n; i++) {
      assets.add("S" + i);
      budgets[i] = rnd.nextBoolean() ? 1 : 0.2 + rnd.nextDouble();
    }
    if (wholeTails && rnd.nextInt(3) == 0) {
      double whole = Math.max(1, Math.rint((1 - beta) * t));
      double off = rnd.nextBoolean() ? 0 : 1e-3 * (2 * rnd.nextDouble() - 1);
      beta = 1 - (whole + off) / t;
    }
    CvarRiskParity p = CvarRiskParity.of(frame(assets, x), beta)
        .withBudgets(AssetVector.of(assets, budgets));
    certify(p, x, beta);
    return (1 - beta) * t;
  }

  @Test
  void twentyAssetsOfTheSimulatedMarket() {
    ReturnFrame r = Fixtures.PRICES.returns();
    CvarRiskParity p = CvarRiskParity.of(r, 0.95);
    CvarRiskParity.Solution s = certify(p, MeanCvarTest.rows(r), 0.95);
    // equal CVaR contributions are not equal weights, nor the volatility parity weights
    double spread = 0;
    for (double w : s.portfolio().weights().toArray()) {
      spread = Math.max(spread, Math.abs(w - 1.0 / r.assets().size()));
    }
    assertTrue(spread > 1e-3, "weights differ from 1/N");
  }

  /** Checks the certificate of the class comment; returns the solution. */
  private static CvarRiskParity.Solution certify(CvarRiskParity p, double[][] x, double beta) {
    CvarRiskParity.Solution s = p.solve();
    double[] w = s.portfolio().weights().toArray();
    int n = w.length;
    int t = x.length;
    double sum = 0;
    for (double v : w) {
      assertTrue(v > 0, "long only, every asset held");
      sum += v;
    }
    assertEquals(1, sum, 1e-12, "fully invested");
    double[] q = s.tailProbabilities();
    double cap = 1 / ((1 - beta) * t);
    double mass = 0;
    double attained = 0;
    double[] g = new double[n];
    for (int r = 0; r < t; r++) {
      assertTrue(q[r] >= 0 && q[r] <= cap * (1 + 1e-12), "q in [0, c] at row " + r);
      mass += q[r];
      attained -= q[r] * Fixtures.dot(x[r], w);
      for (int i = 0; i < n; i++) {
        g[i] -= q[r] * x[r][i];
      }
    }
    assertEquals(1, mass, 1e-12, "tail probabilities sum to 1");
    double cvar = MeanCvarTest.tailMean(x, w, beta);
    assertEquals(cvar, attained, 1e-12 * Math.abs(cvar), "q attains the CVaR");
    assertEquals(cvar, s.cvar(), 1e-12 * Math.abs(cvar), "reported CVaR");
    double[] b = p.budgets().toArray();
    for (int i = 0; i < n; i++) {
      assertEquals(b[i], w[i] * g[i] / cvar, BUDGET, "contribution of asset " + i);
      assertEquals(b[i], s.contributions().toArray()[i], BUDGET, "reported contribution " + i);
    }
    return s;
  }

  /** Correlated fat-ish-tailed returns: a market factor with occasional jumps. */
  private static double[][] randomReturns(SplittableRandom rnd, int t, int n) {
    double[] vol = new double[n];
    double[] load = new double[n];
    for (int i = 0; i < n; i++) {
      vol[i] = 0.005 + 0.02 * rnd.nextDouble();
      load[i] = rnd.nextDouble();
    }
    double[][] x = new double[t][n];
    for (int r = 0; r < t; r++) {
      double m = gaussian(rnd) * (rnd.nextInt(20) == 0 ? 3 : 1);
      for (int i = 0; i < n; i++) {
        x[r][i] = 0.0003 + vol[i] * (load[i] * m + Math.sqrt(1 - load[i] * load[i])
            * gaussian(rnd));
      }
    }
    return x;
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  @Test
  void anAssetThatGainsInEveryScenarioLeavesNoSolution() {
    double[][] x = {{0.01, -0.02}, {0.02, 0.01}, {0.005, -0.03}, {0.01, 0.02}, {0.03, -0.01}};
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> CvarRiskParity.of(frame(List.of("UP", "B"), x), 0.6).solve());
    assertTrue(e.getMessage().contains("no solution") && e.getMessage().contains("UP"),
        e.getMessage());
  }

  @Test
  void badBudgetsAndBetaAreNamed() {
    CvarRiskParity p = CvarRiskParity.of(frame(List.of("A", "B"), FOUR), 0.5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.withBudgets(AssetVector.of(List.of("A", "B"), new double[] {1, 0})));
    assertTrue(e.getMessage().contains("'B' > 0, but found 0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> p.withBudgets(AssetVector.of(List.of("A", "C"), new double[] {1, 1})));
    assertTrue(e.getMessage().contains("'B'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CvarRiskParity.of(frame(List.of("A", "B"), FOUR), 1.0));
    assertEquals(0.5, p.budgets().get("A"), 0);
  }
}
