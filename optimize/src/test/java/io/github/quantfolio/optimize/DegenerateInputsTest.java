package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs across the optimize module that used to give a plausible-looking answer (an overflow
 * turned into a number, a risk that only the sample implies, an undefined ratio as NaN) and now
 * get a message naming the argument and value.
 */
class DegenerateInputsTest {

  static final List<String> AB = List.of("A", "B");
  static final CovarianceMatrix DIAG = CovarianceMatrix.of(AB,
      new double[][] {{0.04, 0}, {0, 0.09}});

  @Test
  void scenarioOptimizersNeedMoreRowsThanAssets() {
    // 50 noise assets, 20 rows: long/short min CDaR found a path that never draws down
    // (CDaR 3.6e-16) - an artefact of having fewer rows than assets.
    ReturnFrame r = SingularCovarianceTest.noise(50, 20, 1);
    IllegalArgumentException cvar = assertThrows(IllegalArgumentException.class,
        () -> MeanCvar.of(r, 0.9));
    assertEquals("mean-CVaR needs more return rows than assets, but found 20 rows for 50 assets: "
        + "with so few rows a portfolio can have almost the same return in every row, and the "
        + "optimum's risk would be an artefact of the sample; use a longer history or fewer "
        + "assets", cvar.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MeanCdar.of(r, 0.9))
        .getMessage().startsWith("mean-CDaR needs more return rows than assets, but found 20 rows "
            + "for 50 assets"));
    // the smallest case: one row of one asset (a sample volatility needs two)
    ReturnFrame oneRow = SingularCovarianceTest.noise(1, 1, 3);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MeanCvar.of(oneRow, 0.95))
        .getMessage().startsWith("mean-CVaR needs more return rows than assets, but found 1 rows "
            + "for 1 assets"));
    // one more row than assets is accepted and solved
    ReturnFrame enough = SingularCovarianceTest.noise(5, 6, 2);
    Tolerance.assertNear(1, MeanCvar.of(enough, 0.5).minCvar().weights().sum(),
        Tolerance.FEASIBILITY, "sum");
  }

  @Test
  void diversificationRatioOfNoRiskOrOfShortsIsRefused() {
    // sigma'w / sqrt(w'Sw) = 0 / 0 was returned as NaN
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> MaxDiversification.diversificationRatio(Weights.of(AB, new double[] {0, 0}), DIAG));
    assertTrue(zero.getMessage().startsWith("The weights have volatility 0"), zero.getMessage());
    IllegalArgumentException shortB = assertThrows(IllegalArgumentException.class,
        () -> MaxDiversification.diversificationRatio(Weights.of(AB, new double[] {1.2, -0.2}),
            DIAG));
    assertTrue(shortB.getMessage().startsWith("Weight of 'B' is -0.2; this ratio is for "
        + "long-only weights"), shortB.getMessage());
    // (0.2 x 0.5 + 0.3 x 0.5) / sqrt(0.25 x 0.04 + 0.25 x 0.09) = 0.25 / 0.18028 = 1.38675
    Tolerance.assertClose(0.25 / Math.sqrt(0.0325), MaxDiversification.diversificationRatio(
        Weights.of(AB, new double[] {0.5, 0.5}), DIAG), Tolerance.CLOSED_FORM, "ratio");
  }

  @Test
  void rebalancerRefusesContradictoryTargetsAndOverflow() {
    // a 60% target with a 50% cap used to be bought to 60% and trimmed back at the next plan
    IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
        () -> Rebalancer.of(Weights.of(AB, new double[] {0.6, 0.4})).withMaxWeight(0.5));
    assertTrue(cap.getMessage().startsWith("Target weight of 'A' is 0.6, above the maximum weight "
        + "0.5"), cap.getMessage());
    Rebalancer half = Rebalancer.of(Weights.of(AB, new double[] {0.5, 0.5}));
    // Long.MAX_VALUE shares at 1e300: the value was Infinity and the plan silently empty
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> half.plan(Map.of("A", Long.MAX_VALUE), 0, AssetVector.of(AB,
            new double[] {1e300, 10})));
    assertTrue(value.getMessage().startsWith("Portfolio value overflows at 'A'"),
        value.getMessage());
    // 1e300 of cash at 1e-10 a share: the share count saturated at Long.MAX_VALUE
    IllegalArgumentException shares = assertThrows(IllegalArgumentException.class,
        () -> half.plan(Map.of(), 1e300, AssetVector.of(AB, new double[] {1e-10, 10})));
    assertTrue(shares.getMessage().contains("shares at 1.0E-10, more than the 2^53 whole shares"),
        shares.getMessage());
  }

  @Test
  void expectedReturnsThatOverflowSayWhy() {
    // prices x1e8 each day: the annualised geometric mean is (1e8)^252 - 1 = Infinity; it used to
    // surface as "Value of 'Z' is Infinity; an AssetVector holds finite values"
    PriceFrame p = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 4),
        List.of("Z"), new double[][] {{100, 1e10, 1e18, 1e26}});
    IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.meanHistorical(p));
    // mean log growth ln(1e8) = 18.4207 per period
    assertEquals("Geometric mean return of 'Z' overflows: mean log growth 18.4207 per period, "
        + "annualised over 252 periods a year, is beyond the double range (are these prices in "
        + "one currency unit, without splits?)", g.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ExpectedReturns.ema(p, 10))
        .getMessage().startsWith("EMA return of 'Z' overflows"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ExpectedReturns.capm(p, null, 0.02)).getMessage()
        .startsWith("The market's return overflows"));
  }

  @Test
  void sharpeRatioOfZeroOverZeroIsAnError() {
    // one riskless asset paying exactly the risk-free rate: (0.02 - 0.02) / 0 was NaN
    List<String> cash = List.of("CASH");
    OptimalPortfolio p = MeanVariance.of(AssetVector.of(cash, new double[] {0.02}),
        CovarianceMatrix.of(cash, new double[][] {{0}})).maxReturn();
    assertEquals(0, p.volatility());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.sharpeRatio(0.02));
    assertEquals("The Sharpe ratio is undefined: the portfolio has volatility 0 and an expected "
        + "return equal to the risk-free rate 0.02", e.getMessage());
    assertEquals(Double.POSITIVE_INFINITY, p.sharpeRatio(0.01));
    assertTrue(p.toString().contains("Sharpe ratio +infinite (volatility 0) at risk-free rate "
        + "0.00%"), p.toString());
  }

  @Test
  void absurdRegularisationIsNamedAndHugeIntegerAllocationsAreSolved() {
    // gamma 1e308: 2 (S + gamma I) overflowed and the user read the solver's Cholesky pivot
    IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
        () -> MeanVariance.of(DIAG).withL2Regularization(1e308));
    assertEquals("gamma 1.0E308 overflows the risk model S + gamma I (largest variance 0.09)",
        gamma.getMessage());
    // 1e15 of capital at price 1: the general-purpose branch and bound used to give up; the
    // exact search works on shortfalls of the order of the prices, so 5e14 shares each (hand:
    // 0.5 x 1e15 / 1, no remainder) come out as from greedy()
    DiscreteAllocation a = DiscreteAllocation.of(Weights.of(AB, new double[] {0.5, 0.5}),
        AssetVector.of(AB, new double[] {1, 1}), 1e15);
    assertEquals(Map.of("A", 500_000_000_000_000L, "B", 500_000_000_000_000L),
        a.integerProgramming().shares());
    assertEquals(Map.of("A", 500_000_000_000_000L, "B", 500_000_000_000_000L), a.greedy().shares());
  }

  @Test
  void scenarioOptimizersWithInfiniteBounds() {
    double inf = Double.POSITIVE_INFINITY;
    ReturnFrame r = SingularCovarianceTest.noise(3, 100, 4);
    AssetVector mu = AssetVector.of(r.assets(), new double[] {0.1, 0.05, 0.02});
    // any target return is attainable when the maximum return is unbounded; efficientReturn
    // used to refuse it with "Maximum return is unbounded"
    for (OptimalPortfolio p : List.of(
        MeanCvar.of(mu, r, 0.9).withBounds(-inf, inf).efficientReturn(0.5),
        MeanCdar.of(mu, r, 0.9).withBounds(-inf, inf).efficientReturn(0.5))) {
      Tolerance.assertNear(1, p.weights().sum(), Tolerance.FEASIBILITY, p.method());
      assertTrue(p.expectedReturn() >= 0.5 - 1e-9, p.method() + " " + p.expectedReturn());
    }
    // B returns A's return + 0.1% in every row: long B short A gains in every scenario, so the
    // minimum CVaR is unbounded below (the solver's "state UNBOUNDED" used to be all it said)
    double[][] x = new double[2][10];
    for (int t = 0; t < 10; t++) {
      x[0][t] = 0.01 * Math.sin(t);
      x[1][t] = x[0][t] + 0.001;
    }
    ReturnFrame arbitrage = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 10),
        AB, x);
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanCvar.of(arbitrage, 0.9).withBounds(-inf, inf).minCvar());
    assertEquals("min CVaR is unbounded under bounds [-Infinity, Infinity]: some zero-cost "
        + "combination of the assets gains in every scenario that counts, so the objective "
        + "improves without limit as it grows; use finite bounds", e.getMessage());
  }

  @Test
  void messagesNameTheDateAndTheIndexes() {
    double[][] x = {{0.01, Double.NaN, 0.02, 0.0}, {0.0, 0.01, -0.01, 0.02}};
    ReturnFrame r = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 4), AB, x);
    assertEquals("Return of 'A' on 2024-01-02 (row 1) is missing; mean-CVaR needs complete rows "
        + "(dropIncompleteRows())", assertThrows(IllegalArgumentException.class,
            () -> MeanCvar.of(r, 0.5)).getMessage());
    PriceFrame prices = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 3), AB,
        new double[][] {{10, 11, 12}, {20, 21, 19}});
    PriceFrame market = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 2), 3),
        List.of("M"), new double[][] {{100, 101, 102}});
    assertEquals("Market and asset prices must share timestamps, but the market has "
        + "TimeIndex[3 dates, 2024-01-02 .. 2024-01-04] and the assets TimeIndex[3 dates, "
        + "2024-01-01 .. 2024-01-03]; align them first (e.g. join with Alignment.INTERSECTION)",
        assertThrows(IllegalArgumentException.class,
            () -> ExpectedReturns.capm(prices, market, 0.02)).getMessage());
  }

  @Test
  void maxSharpeWithARisklessPortfolioIsRefused() {
    // a zero covariance built by hand: every portfolio is riskless, the ratio is infinite, and
    // the homogenised QP's ridge used to pick A 1/3, B 2/3 with "Sharpe Infinity"
    CovarianceMatrix zero = CovarianceMatrix.of(AB, new double[][] {{0, 0}, {0, 0}});
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(AssetVector.of(AB, new double[] {0.1, 0.2}), zero).maxSharpe(0));
    assertEquals("Max Sharpe is unbounded under bounds [0, 1]: the portfolio 'A' 33.33%, 'B' "
        + "66.67% has no risk under this covariance matrix but expects 16.67%, above the "
        + "risk-free rate 0.00%, so its Sharpe ratio is infinite (the matrix gives this "
        + "combination of assets zero variance); give every combination some risk, e.g. "
        + "cov.withDiagonalShift(...), or use maxReturn()", e.getMessage());
    // a riskless asset beating rf next to a risky one: infinite too
    CovarianceMatrix cash = CovarianceMatrix.of(AB, new double[][] {{0, 0}, {0, 0.04}});
    assertTrue(assertThrows(OptimizationException.class, () -> MeanVariance.of(
        AssetVector.of(AB, new double[] {0.03, 0.08}), cash).maxSharpe(0.02)).getMessage()
        .startsWith("Max Sharpe is unbounded under bounds [0, 1]: the portfolio 'A' 100.00% has "
            + "no risk"));
    // ... but a riskless asset below rf leaves a finite optimum: all in B, (0.08 - 0.02) / 0.2
    Tolerance.assertClose(0.3, MeanVariance.of(AssetVector.of(AB, new double[] {0.01, 0.08}),
        cash).maxSharpe(0.02).sharpeRatio(0.02), Tolerance.CLOSED_FORM, "Sharpe");
    // and a nearly riskless asset (volatility 0.01%) is an answer, not a refusal:
    // all in A, (0.03 - 0.02) / 1e-4 = 100
    CovarianceMatrix bill = CovarianceMatrix.of(AB, new double[][] {{1e-8, 0}, {0, 0.04}});
    Tolerance.assertClose(100, MeanVariance.of(AssetVector.of(AB, new double[] {0.03, 0.021}),
        bill).maxSharpe(0.02).sharpeRatio(0.02), 1e-6, "Sharpe of the bill");
    // the search path for large capped problems refuses the same way
    List<String> many = Fixtures.names(60);
    double[] m = new double[60];
    for (int i = 0; i < 60; i++) {
      m[i] = 0.01 * (i + 1);
    }
    assertTrue(assertThrows(OptimizationException.class, () -> MeanVariance.of(
        AssetVector.of(many, m), CovarianceMatrix.of(many, new double[60][60]))
        .withBounds(0, 0.1).maxSharpe(0)).getMessage().startsWith("Max Sharpe is unbounded "
            + "under bounds [0, 0.1]: the portfolio "));
  }

  @Test
  void maxSharpeOfHugeExpectedReturnsIsTheScaledProblem() {
    // (mu - rf)'w / sigma with rf = 0 is maximised by the same w for mu and 1e302 mu; mu = 1e300
    // x (1, 2, 3) used to fail with "unbounded ... the homogenised solution has kappa = 0"
    // (y'Sy underflowed)
    CovarianceMatrix c = CovarianceMatrix.of(List.of("A", "B", "C"),
        new double[][] {{0.04, 0.01, 0}, {0.01, 0.09, 0.02}, {0, 0.02, 0.16}});
    double[] small = MeanVariance.of(AssetVector.of(c.assets(), new double[] {0.01, 0.02, 0.03}),
        c).maxSharpe(0).weights().toArray();
    OptimalPortfolio huge = MeanVariance.of(AssetVector.of(c.assets(),
        new double[] {1e300, 2e300, 3e300}), c).maxSharpe(0);
    double[] w = huge.weights().toArray();
    for (int i = 0; i < 3; i++) {
      Tolerance.assertNear(small[i], w[i], Tolerance.INVARIANCE, "weight " + i);
    }
    // printed in scientific notation, not as a 300-digit number
    assertTrue(huge.toString().lines().allMatch(l -> l.length() < 160), huge.toString());
  }

  @Test
  void frontierPointsAreCapped() {
    MeanVariance mv = MeanVariance.of(AssetVector.of(AB, new double[] {0.05, 0.08}), DIAG);
    // 2e9 points ran out of memory
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mv.efficientFrontier(2_000_000_000));
    assertEquals("Expected 2 <= points <= 10000, but found 2000000000 (each point is a portfolio "
        + "of its own, solved and kept in memory; a plot needs tens)", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> mv.efficientFrontier(MeanVariance.MAX_FRONTIER_POINTS + 1));
    assertEquals(2, mv.efficientFrontier(2).size());
  }

  @Test
  void noExcessReturnUnderACapExplainsTheMix() {
    // The Quickstart's walk-forward failures said "the maximum attainable under bounds [0, 0.2]
    // is -0.0362447 (highest asset expected return 0.149959)". With a 20% cap a long-only
    // portfolio holds at least 5 assets; here the best 5 expect 0.15, -0.02, -0.05, -0.06 and
    // -0.08, so the best attainable is 0.2 x (-0.06) = -1.2% (hand calculation).
    List<String> six = List.of("A", "B", "C", "D", "E", "F");
    double[][] diag = new double[6][6];
    for (int i = 0; i < 6; i++) {
      diag[i][i] = 0.04;
    }
    MeanVariance mv = MeanVariance.of(AssetVector.of(six,
        new double[] {0.15, -0.02, -0.05, -0.06, -0.08, -0.30}), CovarianceMatrix.of(six, diag));
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> mv.withBounds(0, 0.2).maxSharpe(0.02));
    assertEquals("Max Sharpe needs an expected return above the risk-free rate 2.00%, but the "
        + "best attainable under bounds [0, 0.2] is -1.20%: with at most 20% in any one asset a "
        + "portfolio holds at least 5 assets, and no such mix does better, although the best "
        + "single asset ('A') expects 15.00%", e.getMessage());
    // other binding constraints: the best single asset is named. A at most 10%, the other 90%
    // in B: 0.1 x 0.15 + 0.9 x (-0.02) = -0.3%
    OptimizationException capA = assertThrows(OptimizationException.class,
        () -> mv.withAssetBounds("A", 0, 0.1).maxSharpe(0.02));
    assertEquals("Max Sharpe needs an expected return above the risk-free rate 2.00%, but the "
        + "best attainable under " + mv.withAssetBounds("A", 0, 0.1).constraintText() + " is "
        + "-0.30% (the best single asset, 'A', expects 15.00%)", capA.getMessage());
  }

  @Test
  void riskParityOfAPerfectHedgeNamesIt() {
    // A and B hedge each other exactly: the long-only 50/50 portfolio has variance 0, so risk
    // budgeting has no solution; the message was "did not converge ... is NaN"
    List<String> abc = List.of("A", "B", "C");
    CovarianceMatrix hedged = CovarianceMatrix.of(abc,
        new double[][] {{0.04, -0.04, 0}, {-0.04, 0.04, 0}, {0, 0, 0.09}});
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> RiskParity.of(hedged).solve());
    assertEquals("Risk budgeting has no solution for this covariance matrix: the long-only "
        + "portfolio 'A' 50.00%, 'B' 50.00% has zero variance (its assets hedge each other "
        + "exactly), so near it every risk contribution is 0 / 0 and no weights give each asset "
        + "its budget; give that combination some risk (e.g. cov.withDiagonalShift(...)) or "
        + "leave one of its assets out", e.getMessage());
  }

  @Test
  void maxDiversificationOfAPerfectHedgeNamesIt() {
    // the pair of the test above makes the diversification ratio sigma'w / sqrt(w'Sw) infinite
    CovarianceMatrix hedged = CovarianceMatrix.of(List.of("A", "B", "C"),
        new double[][] {{0.04, -0.04, 0}, {-0.04, 0.04, 0}, {0, 0, 0.09}});
    assertEquals("Max diversification is unbounded under bounds [0, 1]: the portfolio 'A' "
        + "50.00%, 'B' 50.00% has zero variance under this covariance matrix (its assets hedge "
        + "each other exactly), so its diversification ratio is infinite; give that combination "
        + "some risk (e.g. cov.withDiagonalShift(...)) or leave one of its assets out",
        assertThrows(OptimizationException.class, () -> MaxDiversification.of(hedged).solve())
            .getMessage());
  }

  @Test
  void scenarioRiskOfWeightsOutsideTheScenariosIsRefused() {
    // cvar() of a portfolio entirely in an asset the scenarios lack read its weight as 0 and
    // returned 0.0, as if riskless
    ReturnFrame r = SingularCovarianceTest.noise(2, 30, 5);
    Weights z = Weights.of(List.of("Z"), new double[] {1});
    assertEquals("Asset 'Z' has a weight but is not in the scenarios " + r.assets(),
        assertThrows(IllegalArgumentException.class, () -> MeanCvar.of(r, 0.9).cvar(z))
            .getMessage());
    assertEquals("Asset 'Z' has a weight but is not in the scenarios " + r.assets(),
        assertThrows(IllegalArgumentException.class, () -> MeanCdar.of(r, 0.9).cdar(z))
            .getMessage());
    // a weight vector that omits a scenario asset is fine: the omitted one weighs 0
    Weights first = Weights.of(List.of(r.assets().get(0)), new double[] {1});
    Weights both = Weights.of(r.assets(), new double[] {1, 0});
    Tolerance.assertClose(MeanCvar.of(r, 0.9).cvar(both), MeanCvar.of(r, 0.9).cvar(first),
        Tolerance.CLOSED_FORM, "CVaR");
  }

  @Test
  void scenarioOptimizersRefuseLogReturns() {
    // a portfolio's log return is not w'r of the assets' log returns, so the LP's CVaR and
    // drawdowns were those of a different portfolio; ExpectedReturns already refused them
    ReturnFrame log = SingularCovarianceTest.noise(2, 30, 6).as(ReturnFrame.Type.LOG);
    String expected = "Expected simple returns, but found LOG returns; convert with "
        + "as(ReturnFrame.Type.SIMPLE) (mean-CVaR takes a portfolio's return in each row to be "
        + "w'r, which holds for simple returns only)";
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> MeanCvar.of(log, 0.9)).getMessage());
    assertEquals(expected.replace("mean-CVaR", "mean-CDaR"), assertThrows(
        IllegalArgumentException.class, () -> MeanCdar.of(log, 0.9)).getMessage());
  }
}
