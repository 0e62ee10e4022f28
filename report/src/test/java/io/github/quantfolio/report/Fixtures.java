package io.github.quantfolio.report;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
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
import io.github.quantfolio.risk.CovarianceEstimator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small seeded results shared by the tests (computed once). */
final class Fixtures {

  private Fixtures() {
  }

  static final SimulatedMarket MARKET = MarketSimulator.defaults().toBuilder().seed(7).assets(6)
      .sectors(2).start(LocalDate.of(2019, 1, 1)).days(3 * 252).build().simulate();
  static final PriceFrame PRICES = MARKET.prices();

  static final PortfolioResult PORTFOLIO = WalkForwardPortfolio.of(PRICES)
      .withAllocator(Allocator.meanVariance(CovarianceEstimator.ledoitWolf(),
          mv -> mv.withBounds(0, 0.4).maxSharpe(0.02)))
      .withLookback(126)
      .withSchedule(RebalanceSchedule.MONTHLY)
      .withConfig(BacktestConfig.defaults().withFeeBps(5).withRiskFreeRate(0.02))
      .run();

  static List<SmaCrossover> grid() {
    List<SmaCrossover> g = new ArrayList<>();
    for (int fast = 5; fast <= 20; fast += 5) {
      for (int slow = 30; slow <= 60; slow += 10) {
        g.add(new SmaCrossover(fast, slow));
      }
    }
    return g;
  }

  static final Backtest SINGLE = Backtest.of(MARKET.bars("A01"));

  static final SweepResult<SmaCrossover> SWEEP = ParameterSweep.of(SINGLE, grid(), p -> p)
      .withThreads(1).run();

  static final WalkForwardResult<SmaCrossover> WALK_FORWARD = WalkForwardOptimization
      .of(SINGLE, grid(), p -> p).withWindows(252, 63).withThreads(1).run();

  /** An equal-weight benchmark of the market's assets (NaN before every asset listed). */
  static double[] benchmark() {
    return Tearsheet.equalWeightBenchmark(PRICES);
  }
}
