package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.TextTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Printed results say what their numbers mean: units, and the risk-free rate of a Sharpe ratio. */
class PrintedOutputTest {

  @Test
  void aMaxSharpePortfolioPrintsItsSharpeRatioAtTheRateItWasSolvedFor() {
    // It used to print "Sharpe (rf = 0)" under "max Sharpe (rf = 0.02)": a different number.
    OptimalPortfolio p = MeanVarianceTest.three().maxSharpe(0.02);
    String s = p.toString();
    assertTrue(s.contains("Sharpe ratio " + TextTable.num(p.sharpeRatio(0.02), 3)
        + " at risk-free rate 2.00%"), s);
    assertTrue(s.contains("expected return " + TextTable.num(100 * p.expectedReturn(), 2)
        + "% a year, volatility " + TextTable.num(100 * p.volatility(), 2) + "% a year"), s);
  }

  @Test
  void otherPortfoliosStateThatTheirSharpeRatioIsAtZero() {
    OptimalPortfolio p = MeanVarianceTest.three().minVolatility();
    assertTrue(p.toString().contains("Sharpe ratio " + TextTable.num(p.sharpeRatio(0), 3)
        + " at risk-free rate 0.00%"), p.toString());
    OptimalPortfolio erc = RiskParity.of(BlackLittermanTest.S).solve();
    assertTrue(erc.toString().contains("% a year (no expected returns: no Sharpe ratio)"),
        erc.toString());
  }

  @Test
  void allocationsAndPlansNameTheirUnits() {
    DiscreteAllocation.Result r = DiscreteAllocation.of(
        Weights.of(List.of("A", "B"), new double[] {0.5, 0.5}),
        AssetVector.of(List.of("A", "B"), new double[] {30, 20}), 110).greedy();
    assertTrue(r.toString().contains("leftover cash 10.00 (prices' currency), allocation RMSE "
        + "0.100000 (weight, realised vs target)"), r.toString());
    Rebalancer.Plan plan = Rebalancer.of(Weights.of(List.of("A"), new double[] {1}))
        .plan(Map.of(), 1000, AssetVector.of(List.of("A"), new double[] {10}));
    // 100 shares at 10 = 1000 traded of a 1000 portfolio: turnover 100%
    assertTrue(plan.toString().contains("cash after trades 0.00, costs 0.00 (prices' currency), "
        + "turnover 100.00% of portfolio value"), plan.toString());
  }

  @Test
  void tinyAndHugeNumbersAreNotPrintedAsZeroOrAsHundredsOfDigits() {
    // a valid price of 1e-5 was printed as 0.0000, which looks like the invalid price 0
    Rebalancer.Plan plan = Rebalancer.of(Weights.of(List.of("A"), new double[] {1}))
        .plan(Map.of(), 1, AssetVector.of(List.of("A"), new double[] {1e-5}));
    assertTrue(plan.toString().contains(" 1.0000e-05 "), plan.toString());
    assertFalse(plan.toString().contains("0.0000 "), plan.toString());
  }

  @Test
  void scenarioRiskSaysItIsALossPerPeriod() {
    // daily rows next to annualised return and volatility: the unit names the period
    OptimalPortfolio p = MeanCvar.of(MeanCvarTest.R, 0.9).minCvar();
    assertTrue(p.method().endsWith(" at beta 0.9 (loss per day, fraction of capital; not "
        + "annualised)"), p.method());
    assertTrue(p.toString().contains("a year"), p.toString());
    OptimalPortfolio d = MeanCdar.of(MeanCvarTest.R, 0.9).minCdar();
    assertTrue(d.method().endsWith(" at beta 0.9 (drawdown over " + MeanCvarTest.R.rows()
        + " days of returns, fraction of capital; not annualised)"), d.method());
  }

  @Test
  void problemsDescribeThemselves() {
    List<String> abc = BlackLittermanTest.A;
    assertEquals("RiskParity: 3 assets, risk budgets (fractions of portfolio risk) A 0.25, B 0.25, "
        + "C 0.5", RiskParity.of(BlackLittermanTest.S)
            .withBudgets(AssetVector.of(abc, new double[] {1, 1, 2})).toString());
    assertEquals("RiskParity: 3 assets, equal risk budgets (equal risk contribution)",
        RiskParity.of(BlackLittermanTest.S).toString());
    assertEquals("HierarchicalRiskParity: 3 assets, ward linkage",
        HierarchicalRiskParity.of(BlackLittermanTest.S)
            .withLinkage(HierarchicalRiskParity.Linkage.WARD).toString());
    assertEquals("MaxDiversification: 3 assets, bounds [0, 0.5], budget 1",
        MaxDiversification.of(BlackLittermanTest.S).withBounds(0, 0.5).toString());
    assertEquals("MeanCvar: 3 assets, " + MeanCvarTest.R.rows() + " return rows, beta 0.95, no "
        + "expected returns (min CVaR only), bounds [0, 1]",
        MeanCvar.of(MeanCvarTest.R, 0.95).toString());
    assertEquals("DiscreteAllocation: 2 assets, capital 110.00 (prices' currency), short ratio "
        + "default (the short weights' total)", DiscreteAllocation.of(
            Weights.of(List.of("A", "B"), new double[] {0.5, 0.5}),
            AssetVector.of(List.of("A", "B"), new double[] {30, 20}), 110).toString());
    assertEquals("Rebalancer: target on 2 assets (sum 0.9, rest cash), drift threshold 0.02 "
        + "(weight), minimum trade 500.00 (prices' currency), cost rate 0.001, max weight 0.5, lot "
        + "sizes {A=100}", Rebalancer.of(Weights.of(List.of("A", "B"), new double[] {0.5, 0.4}))
            .withDriftThreshold(0.02).withMinimumTradeValue(500).withTransactionCost(0.001)
            .withMaxWeight(0.5).withLotSize("A", 100).toString());
  }
}
