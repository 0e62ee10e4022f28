package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifications and builders say what they are configured with: they printed as
 * {@code io.github.quantfolio.backtest.Backtest@2a4fb17b} or as a lambda's class name.
 */
class DescriptionsTest {

  static PriceFrame prices() {
    double[] a = new double[30];
    double[] b = new double[30];
    for (int t = 0; t < 30; t++) {
      a[t] = 100 + t;
      b[t] = 50 + (t % 3);
    }
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 30), List.of("A", "B"),
        new double[][] {a, b}).withFrequency(Frequency.DAILY);
  }

  @Test
  void configurationExitsSizingAndBreakerPrintTheirSettings() {
    assertEquals("BacktestConfig: capital 100000.00, fee 5 bps + 1.00 per order, slippage 2.5 bps, "
        + "shorting allowed, max leverage 2, whole shares, fills NEXT_CLOSE, risk-free rate 2.00% "
        + "a year", BacktestConfig.defaults().withFeeBps(5).withFixedFee(1).withSlippageBps(2.5)
            .withShorting(true).withMaxLeverage(2).withWholeShares()
            .withFillTiming(FillTiming.NEXT_CLOSE).withRiskFreeRate(0.02).toString());
    assertEquals("Exits: none", Exits.none().toString());
    assertEquals("Exits: stop-loss 5%, take-profit 10%, trailing stop 8%, ATR stop 2 x ATR(14)",
        Exits.stopLoss(0.05).withTakeProfit(0.1).withTrailingStop(0.08).withAtrStop(2, 14)
            .toString());
    assertEquals("PositionSizing: 25% of equity per position",
        PositionSizing.fractionOfEquity(0.25).toString());
    assertEquals("PositionSizing: 10000.00 per position",
        PositionSizing.fixedValue(10_000).toString());
    assertEquals("PositionSizing: 100 shares per position",
        PositionSizing.fixedShares(100).toString());
    assertEquals("CircuitBreaker: to cash beyond a 25% drawdown from the peak or a 5% loss in one "
        + "bar", CircuitBreaker.maxDrawdown(0.25).withDailyLossLimit(0.05).toString());
    assertEquals("CircuitBreaker: to cash beyond a 5% loss in one bar",
        CircuitBreaker.dailyLossLimit(0.05).toString());
  }

  @Test
  void runnersPrintTheirDataAndSettings() {
    Backtest bt = Backtest.of(prices()).withExits(Exits.stopLoss(0.1));
    assertEquals("Backtest of 2 assets (A, B), 2024-01-01 .. 2024-02-09, 30 bars of DAILY (252/yr),"
        + " closes only\n  " + BacktestConfig.defaults() + "\n  Exits: stop-loss 10%\n  "
        + "PositionSizing: 1/N of equity per position (default)", bt.toString());
    String sweep = ParameterSweep.of(bt, List.of(new SmaCrossover(2, 5), new SmaCrossover(3, 9)),
        p -> p).withThreads(2).toString();
    assertTrue(sweep.startsWith("ParameterSweep: 2 parameter sets (SMA(2/5) .. SMA(3/9)) x 2 "
        + "assets = 4 single-asset runs, 2 threads, equity curves dropped\nBacktest of 2 assets"),
        sweep);
    String wfo = WalkForwardOptimization.of(bt, List.of(new SmaCrossover(2, 5)), p -> p)
        .withWindows(20, 5).withThreads(1).toString();
    assertTrue(wfo.startsWith("WalkForwardOptimization: 1 parameter set (SMA(2/5)), in-sample 20 "
        + "and out-of-sample 5 bars, selected by SHARPE, 1 threads\nBacktest of"), wfo);
  }

  @Test
  void walkForwardPortfoliosAndTheirResultsSayWhatWasRun() {
    WalkForwardPortfolio wf = WalkForwardPortfolio.of(prices()).withLookback(10)
        .withAllocator(Allocator.maxSharpe(0.02)).withFallback(Allocator.equalWeight())
        .withMaxWeight(0.6).withCircuitBreaker(CircuitBreaker.maxDrawdown(0.25));
    String settings = "allocator maxSharpe(rf = 0.02, long only, meanHistorical returns, "
        + "Ledoit-Wolf covariance), fallback equalWeight, look-back 10 bars, rebalanced MONTHLY, "
        + "drift threshold none, max weight 60%, CircuitBreaker: to cash beyond a 25% drawdown "
        + "from the peak";
    assertEquals("WalkForwardPortfolio: " + settings + "\n  2 assets (A, B), 2024-01-01 .. "
        + "2024-02-09, 30 bars of DAILY (252/yr), closes only\n  " + BacktestConfig.defaults()
        + "\n  Exits: none", wf.toString());
    PortfolioResult r = wf.run();
    assertTrue(r.toString().startsWith("Walk-forward portfolio: " + settings + "\n"
        + BacktestConfig.defaults() + "\n"), r.toString());
    assertEquals(wf, r.portfolio());
    // a lambda cannot print its intent; Allocator.named gives it one
    Allocator lambda = window -> Weights.equal(window.assets());
    assertTrue(WalkForwardPortfolio.of(prices()).withAllocator(lambda).toString()
        .contains("allocator a custom allocator (unnamed lambda; Allocator.named(name, allocator)"
            + " names it)"));
    assertTrue(WalkForwardPortfolio.of(prices())
        .withAllocator(Allocator.named("half in A", window -> Weights.of(List.of("A"),
            new double[] {0.5}))).toString().startsWith("WalkForwardPortfolio: allocator half in "
            + "A, fallback none"));
    assertEquals("riskParity (Ledoit-Wolf covariance)", Allocator.riskParity().toString());
  }
}
