package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.BlackLitterman;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walk-forward portfolio backtests: timing, eligibility, caps, drift and circuit breakers. */
class WalkForwardPortfolioTest {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(11).assets(6).sectors(2)
      .days(756).lateListingShare(0.34).build().simulate();

  @Test
  void equalWeightWalkForwardIsTheSameAsHandBuiltMonthlyTargetWeights() {
    PriceFrame p = MARKET.prices();
    BacktestConfig cfg = BacktestConfig.defaults().withFeeBps(10).withSlippageBps(5);
    PortfolioResult r = WalkForwardPortfolio.of(p).withLookback(63).withConfig(cfg).run();
    // Hand-built: at bar 62 and at every month's last bar after it, 1/k to the k assets with
    // prices on all of the last 63 bars, 0 to the others.
    int rows = p.rows();
    int n = p.assetCount();
    double[][] w = new double[n][rows];
    for (double[] row : w) {
      Arrays.fill(row, Double.NaN);
    }
    int rebalances = 0;
    int listedButTooYoung = 0; // rebalances x assets with a price but under 63 bars of history
    for (int t = 62; t < rows - 1; t++) {
      LocalDate d = p.index().date(t);
      LocalDate next = p.index().date(t + 1);
      if (t != 62 && d.getMonth() == next.getMonth()) {
        continue;
      }
      rebalances++;
      List<Integer> eligible = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean complete = true;
        for (int k = t - 62; k <= t; k++) {
          complete &= !Double.isNaN(p.get(k, i));
        }
        if (complete) {
          eligible.add(i);
        }
      }
      for (int i = 0; i < n; i++) {
        boolean held = !Double.isNaN(p.get(t, i));
        w[i][t] = eligible.contains(i) ? 1.0 / eligible.size() : held ? 0 : Double.NaN;
        if (held && !eligible.contains(i)) {
          listedButTooYoung++;
        }
      }
    }
    BacktestResult expected = Backtest.of(p).withConfig(cfg).targetWeights(w);
    assertArrayEquals(expected.equity(), r.backtest().equity(), 1e-9);
    assertEquals(rebalances, r.rebalances().size());
    // the eligibility rule was exercised: some asset listed late and was held out for a while
    assertTrue(listedButTooYoung > 0, "no late listing inside the backtest");
    Accounting.assertConserved(r.backtest(), Backtest.of(p));
  }

  @Test
  void theAllocatorOnlySeesTheWindowUpToTheDecisionBar() {
    PriceFrame p = MARKET.prices();
    List<String> lastRows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Allocator spy = window -> {
      lastRows.add(window.index().last());
      sizes.add(window.rows());
      return Weights.equal(window.assets());
    };
    PortfolioResult r = WalkForwardPortfolio.of(p).withAllocator(spy).withLookback(100)
        .withSchedule(RebalanceSchedule.QUARTERLY).run();
    assertEquals(r.rebalances().size(), lastRows.size());
    for (int k = 0; k < lastRows.size(); k++) {
      Rebalance e = r.rebalances().get(k);
      assertEquals(e.time(), lastRows.get(k), "window ends at the decision bar");
      assertEquals(100, sizes.get(k));
      // the fill is on a later bar: the decision bar's shares are unchanged by it
      if (e.bar() + 1 < p.rows()) {
        assertFalse(Arrays.equals(r.backtest().weightsAt(e.bar() + 1).toArray(),
            new double[p.assetCount()]));
      }
    }
    assertEquals(0, r.backtest().weightsAt(99 - 1).grossExposure(), "nothing before bar 99");
    assertEquals(0, r.backtest().weightsAt(99).grossExposure(), "decided at 99, filled at 100");
  }

  @Test
  void lateListedAssetsEnterAfterAFullWindow() {
    PriceFrame p = MARKET.prices();
    String late = null;
    for (String a : MARKET.assets()) {
      if (MARKET.listingRow(a) > 0) {
        late = a;
      }
    }
    assertTrue(late != null, "the simulated market has a late listing");
    PortfolioResult r = WalkForwardPortfolio.of(p).withLookback(63).run();
    double[] shares = r.backtest().shares(late);
    int listed = MARKET.listingRow(late);
    for (int t = 0; t < listed + 63 && t < shares.length; t++) {
      assertEquals(0, shares[t], "no position in " + late + " before a full window, bar " + t);
    }
  }

  @Test
  void capRedistributesExcessProRata() {
    WalkForwardPortfolio b = WalkForwardPortfolio.of(MARKET.prices()).withMaxWeight(0.4);
    // 0.5 -> 0.4; the 0.1 excess goes 3:2 to 0.3 and 0.2 -> 0.36, 0.24 (hand calculation)
    assertArrayEquals(new double[] {0.4, 0.36, 0.24}, b.capped(new double[] {0.5, 0.3, 0.2}),
        1e-15);
    // second round: 0.7 -> 0.4, excess 0.3 to 0.2 and 0.1 -> 0.4 (capped again) and 0.2; the
    // 0.1 excess of the second goes to the third -> 0.3
    assertArrayEquals(new double[] {0.4, 0.4, 0.2}, b.capped(new double[] {0.7, 0.2, 0.1}),
        1e-15);
    assertArrayEquals(new double[] {0.4, 0.4}, b.capped(new double[] {0.6, 0.4}), 1e-15,
        "nothing can take the excess: it stays in cash");
  }

  static PriceFrame crash() {
    return crash(0);
  }

  /**
   * As {@link #crash()}, each daily growth factor moved by {@code +-wobble}: A alternates every
   * bar, B every third bar, so windows have a non-singular covariance (constant growth has a zero
   * covariance, which the optimizers refuse).
   */
  static PriceFrame crash(double wobble) {
    // Two assets rising 0.1% and 0.2% a day for 80 bars, both falling 2% a day for 8 bars, then
    // rising 0.3% a day.
    int rows = 160;
    double[][] c = new double[2][rows];
    for (int i = 0; i < 2; i++) {
      double p = 100 + 10 * i;
      for (int t = 0; t < rows; t++) {
        p *= (t < 80 ? 1.001 + 0.001 * i : t < 88 ? 0.98 : 1.003)
            + wobble * ((i == 0 ? t : t / 3) % 2 == 0 ? 1 : -1);
        c[i][t] = p;
      }
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), rows),
        List.of("A", "B"), c).withFrequency(Frequency.DAILY);
  }

  @Test
  void circuitBreakerMovesToCashAndResumesAtTheNextScheduledDate() {
    PriceFrame p = crash();
    PortfolioResult r = WalkForwardPortfolio.of(p).withLookback(20)
        .withCircuitBreaker(CircuitBreaker.maxDrawdown(0.10)).run();
    assertEquals(1, r.circuitBreakerTrips());
    Rebalance trip = r.rebalances().stream()
        .filter(e -> e.kind() == Rebalance.Kind.CIRCUIT_BREAKER).findFirst().orElseThrow();
    // Equity falls 2% a bar from bar 80: below 90% of the peak after 6 bars (0.98^6 = 0.886).
    assertEquals(85, trip.bar());
    assertEquals(0, r.backtest().weightsAt(trip.bar() + 1).grossExposure(), 1e-12);
    assertTrue(r.backtest().trades().stream()
        .anyMatch(t -> t.exitReason() == ExitReason.CIRCUIT_BREAKER));
    Rebalance resume = r.rebalances().get(r.rebalances().indexOf(trip) + 1);
    assertEquals(Rebalance.Kind.SCHEDULED, resume.kind());
    assertEquals("2024-04-30", resume.time(), "next month end after the trip");
    for (int t = trip.bar() + 1; t <= resume.bar(); t++) {
      assertEquals(0, r.backtest().weightsAt(t).grossExposure(), 1e-12, "in cash at bar " + t);
    }
    PortfolioResult daily = WalkForwardPortfolio.of(p).withLookback(20)
        .withCircuitBreaker(CircuitBreaker.dailyLossLimit(0.015)).run();
    assertEquals(80, daily.rebalances().stream()
        .filter(e -> e.kind() == Rebalance.Kind.CIRCUIT_BREAKER).findFirst().orElseThrow().bar(),
        "the first -2% bar trips a 1.5% daily limit");
  }

  @Test
  void driftThresholdTradesBackToTheLastTarget() {
    PriceFrame p = crash();
    PortfolioResult r = WalkForwardPortfolio.of(p).withLookback(20)
        .withSchedule(RebalanceSchedule.NEVER).withDriftThreshold(0.001).run();
    long drifts = r.rebalances().stream().filter(e -> e.kind() == Rebalance.Kind.DRIFT).count();
    assertTrue(drifts > 0);
    Rebalance d = r.rebalances().stream().filter(e -> e.kind() == Rebalance.Kind.DRIFT)
        .findFirst().orElseThrow();
    assertEquals(r.rebalances().get(0).target(), d.target());
  }

  @Test
  void aPortfolioWhoseEveryAllocationFailsIsAnErrorNotCash() {
    // No asset can beat a 500 % risk-free rate: every max-Sharpe allocation fails. The first
    // decision is at bar 19 (lookback 20): 2024-01-26, the 20th business day of 2024.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WalkForwardPortfolio.of(crash(1e-4)).withLookback(20)
            .withAllocator(Allocator.maxSharpe(5.0)).run());
    assertTrue(e.getMessage().startsWith("No allocation of the walk-forward portfolio succeeded: "
        + "all 8 scheduled allocations failed, so it would have stayed in cash. The first, on "
        + "2024-01-26: Max Sharpe needs"), e.getMessage());
    assertTrue(e.getCause() instanceof io.github.quantfolio.optimize.OptimizationException,
        String.valueOf(e.getCause()));
  }

  /** Equal weight, except that it throws for windows ending in February 2024. */
  static final Allocator NOT_IN_FEBRUARY = window -> {
    if (window.index().last().startsWith("2024-02")) {
      throw new IllegalArgumentException("no data vendor in February");
    }
    return Weights.equal(window.assets());
  };

  @Test
  void allocatorFailuresAreRecordedPositionsKeptAndShownFirst() {
    PortfolioResult r = WalkForwardPortfolio.of(crash()).withLookback(20)
        .withAllocator(NOT_IN_FEBRUARY).run();
    // monthly decisions: 01-26 (first window), 01-31, 02-29, 03-28, ...; only 02-29 fails
    assertEquals(1, r.failedAllocations().size());
    Rebalance f = r.failedAllocations().get(0);
    assertEquals("2024-02-29", f.time());
    assertNull(f.target());
    assertTrue(f.keptPositions() && !f.fallback());
    // nothing was traded on the bar after the failed decision, while every successful
    // rebalance of this equal-weight portfolio traded something while its assets drifted apart
    // (bars < 80: +0.1% and +0.2% a day). From bar 80 on both move alike, the weights stay
    // equal, and the rebalances after the 04-30 one are met already: no order at all (they
    // used to trade ~3e-16 of equity, the rounding of weight x equity / price)
    double[] turnover = r.backtest().turnover();
    assertEquals(0, turnover[f.bar() + 1]);
    for (Rebalance ok : r.rebalances()) {
      if (!ok.failed() && ok.bar() > 19 && ok.bar() < 88) {
        assertTrue(turnover[ok.bar() + 1] > 0, ok.toString());
      } else if (!ok.failed() && ok.bar() >= 88) {
        assertEquals(0, turnover[ok.bar() + 1], ok.toString());
      }
    }
    String s = r.toString();
    // what was run comes first (the allocator here is an unnamed lambda), then the failures
    assertTrue(s.startsWith("Walk-forward portfolio: allocator a custom allocator (unnamed lambda;"
        + " Allocator.named(name, allocator) names it), fallback none, look-back 20 bars, "
        + "rebalanced MONTHLY, drift threshold none, max weight none, no circuit breaker\n"
        + "BacktestConfig: capital 100000.00, fee 0 bps + 0.00 per order, slippage 0 bps, long "
        + "only, max leverage 1, fractional shares, fills NEXT_BAR, risk-free rate 0.00% a year\n"
        + r.rebalances().size() + " rebalances ("
        + r.rebalances().size() + " scheduled, 0 on drift, 0 circuit-breaker trips)\n"
        + "ALLOCATION FAILURES: 1 of " + r.rebalances().size() + " scheduled allocations failed "
        + "(1 positions kept, 0 decided by the fallback allocator):\n"
        + "  2024-02-29: no data vendor in February\n"), s);
    assertEquals("2024-02-29 SCHEDULED FAILED, positions kept: no data vendor in February",
        f.toString());
  }

  @Test
  void aFallbackAllocatorTradesWhenThePrimaryFails() {
    WalkForwardPortfolio base = WalkForwardPortfolio.of(crash(1e-4)).withLookback(20);
    PortfolioResult fallback = base.withAllocator(Allocator.maxSharpe(5.0))
        .withFallback(Allocator.equalWeight()).run();
    PortfolioResult equal = base.run();
    // every primary allocation fails, so every decision is the fallback's: the equal-weight run
    assertArrayEquals(equal.backtest().equity(), fallback.backtest().equity(), 0);
    assertEquals(8, fallback.failedAllocations().size());
    for (Rebalance r : fallback.rebalances()) {
      assertTrue(r.failed() && r.fallback() && !r.keptPositions(), r.toString());
      assertTrue(r.failure().contains("risk-free"), r.failure());
    }
    assertTrue(fallback.toString().contains("8 of 8 scheduled allocations failed (0 positions "
        + "kept, 8 decided by the fallback allocator)"), fallback.toString());
    assertTrue(fallback.rebalances().get(0).toString().startsWith(
        "2024-01-26 SCHEDULED by the fallback allocator (2 assets, gross 100.00%) after: Max Sharpe"),
        fallback.rebalances().get(0).toString());
    // a fallback that fails too keeps the positions and says so
    PortfolioResult both = base.withAllocator(NOT_IN_FEBRUARY).withFallback(window -> {
      throw new IllegalArgumentException("fallback down too");
    }).run();
    Rebalance f = both.failedAllocations().get(0);
    assertTrue(f.keptPositions());
    assertEquals("no data vendor in February; the fallback failed too: fallback down too",
        f.failure());
    assertThrows(NullPointerException.class, () -> base.withFallback(null));
  }

  @Test
  void theDiversificationReportStatesItsRiskFreeRate() {
    PortfolioResult r = WalkForwardPortfolio.of(crash()).withLookback(20)
        .withConfig(BacktestConfig.defaults().withRiskFreeRate(0.02)).run();
    assertEquals(0.02, r.diversification().riskFreeRate());
    assertTrue(r.diversification().toString().startsWith("Diversification: portfolio vol "),
        r.diversification().toString());
    assertTrue(r.diversification().toString().contains("(annualised, rf 2.00% a year)"),
        r.diversification().toString());
    // and a walk-forward needs a bar after its first window to trade at all
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WalkForwardPortfolio.of(crash()).withLookback(160).run());
    assertTrue(e.getMessage().contains("Expected more than lookback = 160 bars"), e.getMessage());
  }

  @Test
  void aSingleFullyInvestedAssetHasDiversificationRatioOne() {
    PriceFrame p = crash().select("A");
    PortfolioResult r = WalkForwardPortfolio.of(p).withLookback(20).run();
    DiversificationReport d = r.diversification();
    // zero costs: weight exactly 1 after the first fill, portfolio returns = asset returns
    assertEquals(1, d.diversificationRatio(), 1e-9);
    assertEquals(d.averageAssetVolatility(), d.portfolioVolatility(), 1e-12);
    assertEquals(1, d.pnlContribution().get("A"), 1e-12);
  }

  @Test
  void builtInAllocatorsRunOnTheSimulatedMarket() {
    PriceFrame p = MarketSimulator.defaultMarket().prices().select("A01", "A02", "A03", "A04",
        "A05", "A06", "A07", "A08");
    for (Allocator a : List.of(Allocator.equalWeight(), Allocator.inverseVolatility(),
        Allocator.riskParity(), Allocator.hierarchicalRiskParity(), Allocator.minVolatility(),
        Allocator.maxSharpe(0.0))) {
      PortfolioResult r = WalkForwardPortfolio.of(p).withAllocator(a).withMaxWeight(0.3)
          .withConfig(BacktestConfig.defaults().withFeeBps(5)).run();
      for (Rebalance e : r.rebalances()) {
        if (e.target() != null) {
          for (double w : e.target().toArray()) {
            assertTrue(w <= 0.3 + 1e-12, "cap respected");
          }
        }
      }
      Accounting.assertConserved(r.backtest(), Backtest.of(p));
    }
  }

  @Test
  void blackLittermanOnEachWindowIsALambda() {
    PriceFrame p = MarketSimulator.defaultMarket().prices().select("A01", "A02", "A03", "A04");
    // prior implied by equal market weights (risk aversion 2.5); with one view, A01 returns 5% a
    // year more than its prior, its posterior return rises, and so does its max-Sharpe weight
    java.util.function.Function<Boolean, Allocator> bl = withView -> window -> {
      CovarianceMatrix cov = CovarianceEstimator.ledoitWolf().estimate(window.returns());
      AssetVector prior = BlackLitterman.marketImpliedPrior(Weights.equal(window.assets()), cov,
          2.5, 0.0);
      BlackLitterman model = BlackLitterman.of(cov, prior);
      if (withView) {
        model = model.withAbsoluteView("A01", prior.get("A01") + 0.05);
      }
      return MeanVariance.of(model.posteriorReturns(), model.posteriorCovariance())
          .withBounds(0, 0.6).maxSharpe(0.0).weights();
    };
    WalkForwardPortfolio base = WalkForwardPortfolio.of(p).withSchedule(RebalanceSchedule.QUARTERLY);
    PortfolioResult with = base.withAllocator(bl.apply(true)).run();
    PortfolioResult without = base.withAllocator(bl.apply(false)).run();
    assertTrue(with.failedAllocations().isEmpty());
    assertEquals(without.rebalances().size(), with.rebalances().size());
    int higher = 0;
    for (int k = 0; k < with.rebalances().size(); k++) {
      double a = with.rebalances().get(k).target().get("A01");
      double b = without.rebalances().get(k).target().get("A01");
      assertTrue(a >= b - 1e-9, "the bullish view never lowers A01's weight, rebalance " + k);
      higher += a > b + 1e-6 ? 1 : 0;
    }
    assertTrue(higher > 0);
  }

  @Test
  void schedulesCloseTheirPeriods() {
    TimeIndex days = TimeIndex.businessDays(LocalDate.of(2023, 12, 25), 80);
    // 2023-12-29 (Fri) closes a week, a month, a quarter and a year
    int dec29 = days.indexOf(LocalDate.of(2023, 12, 29));
    for (RebalanceSchedule s : List.of(RebalanceSchedule.WEEKLY, RebalanceSchedule.MONTHLY,
        RebalanceSchedule.QUARTERLY, RebalanceSchedule.ANNUALLY, RebalanceSchedule.DAILY)) {
      assertTrue(s.isRebalanceBar(days, dec29), s.toString());
    }
    int jan5 = days.indexOf(LocalDate.of(2024, 1, 5));
    assertTrue(RebalanceSchedule.WEEKLY.isRebalanceBar(days, jan5));
    assertFalse(RebalanceSchedule.MONTHLY.isRebalanceBar(days, jan5));
    int jan31 = days.indexOf(LocalDate.of(2024, 1, 31));
    assertTrue(RebalanceSchedule.MONTHLY.isRebalanceBar(days, jan31));
    assertFalse(RebalanceSchedule.QUARTERLY.isRebalanceBar(days, jan31));
    assertFalse(RebalanceSchedule.NEVER.isRebalanceBar(days, dec29));
    assertFalse(RebalanceSchedule.DAILY.isRebalanceBar(days, 79), "nothing fills after the last bar");
  }

  @Test
  void resultsConvertToTablesaw() {
    PortfolioResult r = WalkForwardPortfolio.of(crash()).withLookback(20).run();
    tech.tablesaw.api.Table equity = io.github.quantfolio.core.TablesawInterop.toTable(
        r.backtest().equityFrame());
    assertEquals(160, equity.rowCount());
    assertEquals(List.of("date", "equity", "cash", "return", "fees", "slippage", "turnover"),
        equity.columnNames());
    assertEquals(r.backtest().finalEquity(), equity.doubleColumn("equity").get(159), 0);
    assertEquals(3, io.github.quantfolio.core.TablesawInterop.toTable(r.backtest().weightsFrame())
        .columnCount());
  }

  @Test
  void badSettingsAreRejected() {
    WalkForwardPortfolio b = WalkForwardPortfolio.of(crash());
    assertThrows(IllegalArgumentException.class, () -> b.withLookback(1));
    assertThrows(IllegalArgumentException.class, () -> b.withMaxWeight(0));
    assertThrows(IllegalArgumentException.class, () -> b.withDriftThreshold(1.5));
    assertThrows(IllegalArgumentException.class, () -> CircuitBreaker.maxDrawdown(1.2));
    assertThrows(IllegalArgumentException.class, () -> b.withLookback(500).run());
    Allocator bad = w -> Weights.of(List.of("A"), new double[] {-0.5});
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> b.withLookback(10).withAllocator(bad).run()).getMessage()
        .contains("shorting is disabled"));
  }
}
