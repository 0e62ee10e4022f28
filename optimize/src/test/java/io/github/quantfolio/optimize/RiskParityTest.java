package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PortfolioRisk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Closed forms from Maillard, Roncalli and Teiletche (2010), "The properties of equally weighted
 * risk contribution portfolios", J. Portfolio Management 36(4), and contributions checked with
 * the risk module's independent {@code PortfolioRisk.percentContributions()}.
 */
class RiskParityTest {

  static CovarianceMatrix covariance(double[] vol, double[][] corr) {
    int n = vol.length;
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i][j] = corr[i][j] * vol[i] * vol[j];
      }
    }
    return CovarianceMatrix.of(Fixtures.names(n), s);
  }

  static void assertContributions(double[] expected, Weights w, CovarianceMatrix cov) {
    AssetVector rc = PortfolioRisk.of(w, cov).percentContributions();
    for (int i = 0; i < expected.length; i++) {
      Tolerance.assertNear(expected[i], rc.get(i), RiskParity.CONTRIBUTION_TOLERANCE,
          "contribution of " + rc.assets().get(i));
    }
  }

  @Test
  void twoAssetsWeightInverselyToVolatilityWhateverTheCorrelation() {
    // RC1 = RC2 <=> w1^2 s1^2 = w2^2 s2^2 (the rho terms are equal) <=> w1 = s2 / (s1 + s2).
    for (double rho : new double[] {-0.5, 0, 0.7}) {
      CovarianceMatrix cov = covariance(new double[] {0.1, 0.3},
          new double[][] {{1, rho}, {rho, 1}});
      Weights w = RiskParity.of(cov).solve().weights();
      Tolerance.assertClose(0.75, w.get("X0"), Tolerance.CLOSED_FORM, "w1 at rho " + rho);
      Tolerance.assertClose(0.25, w.get("X1"), Tolerance.CLOSED_FORM, "w2 at rho " + rho);
    }
  }

  @Test
  void equalCorrelationsGiveInverseVolatility() {
    // Maillard et al. (2010), section 2.2: with a common correlation rho, w_i ~ 1 / sigma_i.
    double[] vol = {0.1, 0.15, 0.2, 0.4};
    double[][] corr = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        corr[i][j] = i == j ? 1 : 0.35;
      }
    }
    CovarianceMatrix cov = covariance(vol, corr);
    double[] erc = RiskParity.of(cov).solve().weights().toArray();
    double[] iv = RiskParity.inverseVolatility(cov).toArray();
    // 1/sigma = 10, 6.667, 5, 2.5; sum 24.1667: w0 = 10 / 24.1667 = 0.41379...
    Tolerance.assertClose(10 / (10 + 20.0 / 3 + 5 + 2.5), iv[0], Tolerance.CLOSED_FORM, "iv0");
    for (int i = 0; i < 4; i++) {
      Tolerance.assertClose(iv[i], erc[i], Tolerance.CLOSED_FORM, "w" + i);
    }
  }

  @Test
  void uncorrelatedBudgetsGiveSquareRootRule() {
    // S diagonal: RC_i ~ w_i^2 sigma_i^2 = b_i  =>  w_i ~ sqrt(b_i) / sigma_i.
    double[] vol = {0.1, 0.2, 0.25};
    double[] b = {0.5, 0.3, 0.2};
    double[][] eye = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    CovarianceMatrix cov = covariance(vol, eye);
    Weights w = RiskParity.of(cov).withBudgets(AssetVector.of(Fixtures.names(3), b)).solve()
        .weights();
    double total = 0;
    for (int i = 0; i < 3; i++) {
      total += Math.sqrt(b[i]) / vol[i];
    }
    for (int i = 0; i < 3; i++) {
      Tolerance.assertClose(Math.sqrt(b[i]) / vol[i] / total, w.get(i == 0 ? "X0" : i == 1 ? "X1" : "X2"),
          Tolerance.CLOSED_FORM, "w" + i);
    }
    assertContributions(b, w, cov);
  }

  @Test
  void defaultMarketContributionsAreEqual() {
    OptimalPortfolio p = RiskParity.of(Fixtures.COV).solve();
    double[] expected = new double[Fixtures.COV.size()];
    java.util.Arrays.fill(expected, 1.0 / expected.length);
    assertContributions(expected, p.weights(), Fixtures.COV);
    Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, "sum");
    assertEquals("equal risk contribution", p.method());
    assertTrue(p.toString().startsWith("OptimalPortfolio: equal risk contribution\nvolatility"));
  }

  @Test
  void budgetsAreNormalisedAndMet() {
    int n = Fixtures.COV.size();
    double[] raw = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      raw[i] = 1 + i % 3;
      sum += raw[i];
    }
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      expected[i] = raw[i] / sum;
    }
    Weights w = RiskParity.of(Fixtures.COV)
        .withBudgets(AssetVector.of(Fixtures.COV.assets(), raw)).solve().weights();
    assertContributions(expected, w, Fixtures.COV);
  }

  @Test
  void rejectsWhatCannotBeSolved() {
    List<String> a = List.of("A", "B");
    OptimizationException zero = assertThrows(OptimizationException.class, () -> RiskParity.of(
        CovarianceMatrix.of(a, new double[][] {{0.04, 0}, {0, 0}})));
    assertEquals("Asset 'B' has zero variance: its risk contribution is 0 at any weight and cannot "
        + "reach a positive budget", zero.getMessage());
    CovarianceMatrix bad = CovarianceMatrix.of(List.of("A", "B", "C"), new double[][] {
        {0.04, 0.036, 0.036}, {0.036, 0.04, -0.036}, {0.036, -0.036, 0.04}});
    OptimizationException psd = assertThrows(OptimizationException.class,
        () -> RiskParity.of(bad));
    assertTrue(psd.getMessage().contains("nearestPositiveSemidefinite()"));
    IllegalArgumentException budget = assertThrows(IllegalArgumentException.class,
        () -> RiskParity.of(bad.nearestPositiveSemidefinite())
            .withBudgets(AssetVector.of(List.of("A", "B", "C"), new double[] {1, 0, 1})));
    assertEquals("Expected risk budget of 'B' > 0, but found 0.0", budget.getMessage());
  }

  @Test
  void naiveAllocations() {
    Weights eq = RiskParity.equalWeight(List.of("A", "B", "C", "D"));
    assertEquals(0.25, eq.get("C"));
  }

  // --- properties on random two-factor covariances -------------------------------------------

  @Property(tries = 40)
  void contributionsMatchRandomBudgets(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int n) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    CovarianceMatrix cov = CovarianceMatrix.of(pr.names(), pr.cov());
    Random r = new Random(seed);
    double[] b = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      b[i] = 0.05 + r.nextDouble();
      sum += b[i];
    }
    Weights w = RiskParity.of(cov).withBudgets(AssetVector.of(pr.names(), b)).solve().weights();
    for (int i = 0; i < n; i++) {
      b[i] /= sum;
      assertTrue(w.get(pr.names().get(i)) > 0);
    }
    assertContributions(b, w, cov);
  }

  @Property(tries = 10)
  void largeProblemsUseConjugateGradientsAndStillMatchBudgets(@ForAll long seed,
      @ForAll @IntRange(min = 64, max = 200) int n) {
    // n >= 64: the Newton steps go through conjugate gradients; contributions are checked by the
    // risk module, as for the small problems. Also a rank-deficient sample covariance (fewer
    // observations than assets), whose spectrum is not clustered.
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    CovarianceMatrix cov = CovarianceMatrix.of(pr.names(), pr.cov());
    Weights w = RiskParity.of(cov).solve().weights();
    double[] b = new double[n];
    java.util.Arrays.fill(b, 1.0 / n);
    assertContributions(b, w, cov);
    Random r = new Random(seed);
    int t = n / 2;
    double[][] x = new double[t][n];
    for (double[] row : x) {
      double market = r.nextGaussian();
      for (int i = 0; i < n; i++) {
        row[i] = 0.01 * (market * (0.5 + i % 3) + r.nextGaussian() * (1 + i % 7));
      }
    }
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (double[] row : x) {
          s[i][j] += row[i] * row[j] / t;
        }
      }
    }
    CovarianceMatrix sample = CovarianceMatrix.of(pr.names(), s);
    assertContributions(b, RiskParity.of(sample).solve().weights(), sample);
  }

  @Property(tries = 30)
  void scalingTheCovarianceLeavesRiskParityWeights(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 20) int n, @ForAll @DoubleRange(min = 0.01, max = 100) double c) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = c * pr.cov()[i][j];
      }
    }
    double[] w = RiskParity.of(CovarianceMatrix.of(pr.names(), pr.cov())).solve().weights().toArray();
    double[] v = RiskParity.of(CovarianceMatrix.of(pr.names(), scaled)).solve().weights().toArray();
    for (int i = 0; i < n; i++) {
      Tolerance.assertNear(w[i], v[i], Tolerance.INVARIANCE, "weight " + i);
    }
  }

  @Property(tries = 30)
  void permutingAssetsPermutesRiskParityWeights(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 20) int n) {
    MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      perm.add(i);
    }
    Collections.shuffle(perm, new Random(~seed));
    List<String> names = new ArrayList<>();
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      names.add(pr.names().get(perm.get(i)));
      for (int j = 0; j < n; j++) {
        s[i][j] = pr.cov()[perm.get(i)][perm.get(j)];
      }
    }
    Weights a = RiskParity.of(CovarianceMatrix.of(pr.names(), pr.cov())).solve().weights();
    Weights b = RiskParity.of(CovarianceMatrix.of(names, s)).solve().weights();
    for (String asset : pr.names()) {
      Tolerance.assertNear(a.get(asset), b.get(asset), Tolerance.INVARIANCE, asset);
    }
  }
}
