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
  void absurdRegularisationAndHugeIntegerAllocationsAreNamed() {
    // gamma 1e308: 2 (S + gamma I) overflowed and the user read the solver's Cholesky pivot
    IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
        () -> MeanVariance.of(DIAG).withL2Regularization(1e308));
    assertEquals("gamma 1.0E308 overflows the risk model S + gamma I (largest variance 0.09)",
        gamma.getMessage());
    // 1e15 of capital at price 1: the branch and bound gives up; buying nothing is always
    // feasible, so the message blames the solver and points to greedy()
    DiscreteAllocation a = DiscreteAllocation.of(Weights.of(AB, new double[] {0.5, 0.5}),
        AssetVector.of(AB, new double[] {1, 1}), 1e15);
    OptimizationException e = assertThrows(OptimizationException.class, a::integerProgramming);
    assertTrue(e.getMessage().startsWith("Integer allocation failed: the branch-and-bound solver "
        + "stopped in state "), e.getMessage());
    assertTrue(e.getMessage().endsWith("with up to 1e+15 shares of one asset to choose from; use "
        + "greedy(), which has no such limit"), e.getMessage());
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
}
