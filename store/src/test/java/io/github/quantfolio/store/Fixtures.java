package io.github.quantfolio.store;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.WalkForwardOptimization;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.trading.DecisionRecord;
import io.github.quantfolio.trading.Ledger;
import io.github.quantfolio.trading.LedgerSnapshot;
import io.github.quantfolio.trading.Sizing;
import io.github.quantfolio.trading.TradingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Real results computed once per JVM on a small simulated market (3 assets, 400 business days
 * from 2020-01-01, seed 11): what the store saves in the tests.
 */
final class Fixtures {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(11).assets(3).sectors(1)
      .start(LocalDate.of(2020, 1, 1)).days(400).build().simulate();
  static final PriceFrame PRICES = MARKET.prices();
  static final String ASSET = MARKET.assets().get(0);
  static final BacktestConfig CONFIG = BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2)
      .withRiskFreeRate(0.02);

  private static BacktestResult backtest;
  private static BacktestResult tiny;
  private static PortfolioResult portfolio;
  private static SweepResult<SmaCrossover> sweep;
  private static WalkForwardResult<SmaCrossover> walkForward;

  private Fixtures() {
  }

  /** An SMA(5, 20) crossover on the first asset's bars: trades, some open at the end. */
  static synchronized BacktestResult backtest() {
    if (backtest == null) {
      backtest = Backtest.of(MARKET.bars(ASSET)).withConfig(CONFIG)
          .run(new SmaCrossover(5, 20));
    }
    return backtest;
  }

  /** A 12-bar SMA(2, 3) crossover with a trade: cheap to save thousands of times. */
  static synchronized BacktestResult tiny() {
    if (tiny == null) {
      tiny = Backtest.of(PRICES.select(ASSET).head(12)).withConfig(CONFIG)
          .run(new SmaCrossover(2, 3));
    }
    return tiny;
  }

  /** Risk parity over the three assets, monthly, 60-bar look-back: a rebalance log. */
  static synchronized PortfolioResult portfolio() {
    if (portfolio == null) {
      portfolio = WalkForwardPortfolio.of(PRICES).withLookback(60)
          .withSchedule(RebalanceSchedule.MONTHLY).withAllocator(Allocator.riskParity())
          .withConfig(CONFIG).run();
    }
    return portfolio;
  }

  static List<SmaCrossover> grid() {
    List<SmaCrossover> g = new ArrayList<>();
    for (int fast = 3; fast <= 15; fast += 4) {
      for (int slow = fast + 10; slow <= fast + 40; slow += 15) {
        g.add(new SmaCrossover(fast, slow));
      }
    }
    return g;
  }

  /** 12 SMA pairs x 3 assets. */
  static synchronized SweepResult<SmaCrossover> sweep() {
    if (sweep == null) {
      sweep = ParameterSweep.of(Backtest.of(PRICES).withConfig(CONFIG), grid(), p -> p)
          .withThreads(1).run();
    }
    return sweep;
  }

  /** Walk-forward over the first asset: 120 bars in sample, 60 out. */
  static synchronized WalkForwardResult<SmaCrossover> walkForward() {
    if (walkForward == null) {
      walkForward = WalkForwardOptimization.of(Backtest.of(PRICES.select(ASSET))
          .withConfig(CONFIG), grid(), p -> p).withWindows(120, 60).withThreads(1).run();
    }
    return walkForward;
  }

  /** Max Sharpe over the three assets. */
  static OptimalPortfolio optimal() {
    return MeanVariance.of(ExpectedReturns.meanHistorical(PRICES),
        CovarianceEstimator.sample().estimate(PRICES.returns())).withBounds(0, 0.6)
        .maxSharpe(0.02);
  }

  /** Min volatility without expected returns: no expected return (stored as NULL). */
  static OptimalPortfolio minVolatility() {
    return MeanVariance.of(CovarianceEstimator.sample().estimate(PRICES.returns()))
        .minVolatility();
  }

  static final Instant T = Instant.parse("2024-03-07T21:00:00Z");

  /** Two decision records with awkward values (NaN feature, quotes, a null stage). */
  static List<DecisionRecord> decisions() {
    Features f = new Features("AAA", T, List.of("ret20", "rsi"), new double[] {0.1 + 0.2,
        Double.NaN});
    ReviewDecision review = ReviewDecision.resize(12.5, "quote \" and, comma", 0.3);
    Sizing sizing = new Sizing("AAA", "kelly", 0.4, 0.25, 50, 5000,
        List.of(new Sizing.Step("max position size", 0.4, 0.25, "at most 25.00% of equity")));
    DecisionRecord full = new DecisionRecord("run-1", T, "AAA", TradingState.REDUCING, f,
        new Signal(-0.75, 0.5), -3, new DecisionRecord.Proposal(Side.SELL, 50, 100.125, -47,
        "why"), review, List.of(new DecisionRecord.Cut("lot size", 12.5, 12, "whole lots")),
        sizing, List.of(new DecisionRecord.OrderOutcome("qABC", Side.SELL, 12,
        OrderStatus.FILLED, 12, 99.99, "")), DecisionRecord.Outcome.SUBMITTED, "");
    DecisionRecord empty = new DecisionRecord("run-1", T.plusSeconds(60), "BBB",
        TradingState.ACTIVE, null, null, 0, null, null, List.of(), null, List.of(),
        DecisionRecord.Outcome.FAILED, "the model failed");
    return List.of(full, empty);
  }

  /** Snapshots of a ledger with a round trip and an open position. */
  static List<LedgerSnapshot> snapshots() {
    Ledger l = Ledger.open(T, 10_000);
    l.record(Fill.of("AAA", Side.BUY, 10, 100, 1, T.plusSeconds(10)));
    l.mark("AAA", 104.5, T.plusSeconds(20));
    LedgerSnapshot first = l.snapshot();
    l.record(Fill.of("AAA", Side.SELL, 4, 103, 1, T.plusSeconds(30)));
    l.record(Fill.of("BBB", Side.BUY, 3, 50.25, 0.5, T.plusSeconds(40)));
    LedgerSnapshot second = l.endOfDay(T.plusSeconds(3600));
    return List.of(first, second);
  }
}
