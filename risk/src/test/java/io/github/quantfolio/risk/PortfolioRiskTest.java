package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.CLOSED_FORM;
import static io.github.quantfolio.risk.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.Weights;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Hand calculation: volatilities 20% and 10%, correlation 0.5, so S = [[0.04, 0.01], [0.01,
 * 0.01]]; weights (0.6, 0.4): S w = (0.028, 0.010), w'S w = 0.0168 + 0.004 = 0.0208.
 */
class PortfolioRiskTest {

  static final CovarianceMatrix S = CovarianceMatrix.of(List.of("A", "B"),
      new double[][] {{0.04, 0.01}, {0.01, 0.01}});
  static final Weights W = Weights.of(List.of("A", "B"), new double[] {0.6, 0.4});

  @Test
  void volatilityAndEulerContributionsByHand() {
    PortfolioRisk r = PortfolioRisk.of(W, S);
    double sigma = Math.sqrt(0.0208);
    assertClose(0.0208, r.variance(), CLOSED_FORM, "variance");
    assertClose(0.028 / sigma, r.marginalContributions().get("A"), CLOSED_FORM, "mc A");
    assertClose(0.6 * 0.028 / sigma, r.componentContributions().get("A"), CLOSED_FORM, "cc A");
    assertClose(0.0168 / 0.0208, r.percentContributions().get("A"), CLOSED_FORM, "pc A");
    assertClose(0.004 / 0.0208, r.percentContributions().get("B"), CLOSED_FORM, "pc B");
    assertClose((0.6 * 0.2 + 0.4 * 0.1) / sigma, r.diversificationRatio(), CLOSED_FORM, "dr");
    assertClose(0.36 + 0.16, r.herfindahlIndex(), CLOSED_FORM, "hhi");
    assertClose(1 / 0.52, r.effectiveNumberOfAssets(), CLOSED_FORM, "effective n");
    // z_0.05 = -1.6448536269514722 (standard normal table), daily sigma = sigma / sqrt(252).
    assertClose(-1.6448536269514722 * sigma / Math.sqrt(252), r.valueAtRisk(0.95, Frequency.DAILY),
        1e-9, "daily VaR");
    // phi(z_0.05) = 0.10313564037537128; ES = -phi/0.05 sigma.
    assertClose(-0.10313564037537128 / 0.05 * sigma / Math.sqrt(252),
        r.conditionalValueAtRisk(0.95, Frequency.DAILY), 1e-9, "daily CVaR");
    assertClose(0.5, r.averagePairwiseCorrelation(), CLOSED_FORM, "avg corr");
    assertEquals(List.of(), r.correlatedPairs(0.5));
    List<PortfolioRisk.Concentration> c = r.concentration(0.5, 1_000_000);
    assertEquals(1, c.size());
    assertClose(100_000, c.get(0).excessValue(), CLOSED_FORM, "excess value");
  }

  @Test
  void limitsReportEveryViolationWithNumbers() {
    PortfolioRisk r = PortfolioRisk.of(W, S);
    List<RiskLimits.Violation> v = RiskLimits.defaults().check(r, Map.of("A", "Tech", "B", "Tech"));
    assertEquals(3, v.size(), v.toString());
    assertEquals("position weight of 'A' is 0.6000 > limit 0.2500", v.get(0).message());
    assertEquals("position weight", v.get(1).limit());
    assertEquals("sector 'Tech'", v.get(2).subject());
    assertClose(1.0, v.get(2).value(), CLOSED_FORM, "sector weight");
    RiskLimits tight = RiskLimits.defaults().withMaxVolatility(0.10).withMaxPositionWeight(1);
    List<RiskLimits.Violation> t = tight.check(r, null);
    assertEquals(1, t.size());
    assertEquals("annualised volatility", t.get(0).limit());
    assertThrows(IllegalArgumentException.class, () -> RiskLimits.defaults().check(r, Map.of("A", "Tech")));
    assertThrows(IllegalArgumentException.class, () -> new RiskLimits(0, 1, 1, 1, 1));
  }

  @Test
  void scoresFollowTheirFormulas() {
    PortfolioRisk r = PortfolioRisk.of(W, S);
    double sigma = Math.sqrt(0.0208);
    // 100 (0.5 x sigma/0.4 + 0.25 x (0.52 - 0.5)/0.5 + 0.25 x 0.5)
    double risk = 100 * (0.5 * sigma / 0.4 + 0.25 * 0.04 + 0.25 * 0.5);
    assertClose(risk, RiskScoring.defaults().riskScore(r), CLOSED_FORM, "risk score");
    List<RiskLimits.Violation> v = RiskLimits.defaults().check(r, Map.of("A", "Tech", "B", "Tech"));
    assertClose(100 - 15 * 3 - 0.5 * risk, RiskScoring.defaults().healthScore(r, v), CLOSED_FORM, "health");
    assertThrows(IllegalArgumentException.class, () -> new RiskScoring(0.5, 0.5, 0.5, 0.4, 15, 0.5));
  }

  @Test
  void badInputs() {
    assertThrows(IllegalArgumentException.class,
        () -> PortfolioRisk.of(Weights.of(List.of("Z"), new double[] {1}), S));
    CovarianceMatrix notPsd = CovarianceMatrix.of(List.of("X", "Y", "Z"), new double[][] {
      {1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}});
    // w = (-1, 1, 1) / sqrt(3) is the eigenvector of -0.8: negative variance.
    assertThrows(IllegalArgumentException.class, () -> PortfolioRisk.of(
        Weights.of(List.of("X", "Y", "Z"), new double[] {-1, 1, 1}), notPsd));
    // an empty portfolio used to print "volatility 0.00%" (and, before that, score 25): it has
    // no risk figures at all
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PortfolioRisk.of(Weights.of(List.of("A", "B"), new double[] {0, 0}), S));
    assertEquals("Every weight is zero: a portfolio without positions has no risk figures (its "
        + "volatility would read 0 % and its contributions 0 / 0)", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PortfolioRisk.of(W, S).concentration(0.5, -1_000));
  }

  @Property(tries = 50)
  void contributionsSumToTheTotal(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
    CovarianceMatrix c = CovarianceEstimator.ledoitWolf().estimate(
        CovarianceProperties.randomReturns(60, n, seed, false));
    java.util.Random rnd = new java.util.Random(seed);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextDouble() - 0.2;
    }
    PortfolioRisk r = PortfolioRisk.of(Weights.of(c.assets(), w), c);
    double sumCc = 0;
    double sumPc = 0;
    for (int i = 0; i < n; i++) {
      sumCc += r.componentContributions().get(i);
      sumPc += r.percentContributions().get(i);
    }
    assertClose(r.volatility(), sumCc, 1e-12, "component sum");
    assertClose(1.0, sumPc, 1e-12, "percent sum");
    assertTrue(r.toString().startsWith("PortfolioRisk: volatility "));
  }
}
