package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.CircuitBreaker;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.report.Tearsheet;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PerformanceReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Twenty simulated assets with shared capital, re-allocated monthly on the last year of prices:
 * max-Sharpe (capped at 20% per asset) against risk parity and equal weight, all behind a 25%
 * drawdown circuit breaker, with costs. Prints a side-by-side table, then the max-Sharpe
 * portfolio's full report with its diversification report, and writes its HTML tearsheet
 * against the equal-weight portfolio ({@code target/portfolio-tearsheet.html}).
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.PortfolioBacktest} after {@code mvn -B -DskipTests install}.
 */
public final class PortfolioBacktest {

  private PortfolioBacktest() {
  }

  public static void main(String[] args) {
    PriceFrame prices = MarketSimulator.defaultMarket().prices(); // 3 assets list late
    Map<String, Allocator> allocators = new LinkedHashMap<>();
    allocators.put("max Sharpe", Allocator.meanVariance(CovarianceEstimator.ledoitWolf(),
        mv -> mv.withBounds(0, 0.20).maxSharpe(0.02)));
    allocators.put("risk parity", Allocator.riskParity());
    allocators.put("equal weight", Allocator.equalWeight());

    WalkForwardPortfolio base = WalkForwardPortfolio.of(prices)
        .withLookback(252)
        .withSchedule(RebalanceSchedule.MONTHLY)
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2)
            .withRiskFreeRate(0.02))
        .withCircuitBreaker(CircuitBreaker.maxDrawdown(0.25));

    System.out.println("allocator        CAGR    vol  Sharpe  max DD  turnover/yr  trips");
    PortfolioResult first = null;
    PortfolioResult equalWeight = null;
    for (Map.Entry<String, Allocator> e : allocators.entrySet()) {
      PortfolioResult r = base.withAllocator(e.getValue()).run();
      PerformanceReport p = r.backtest().report();
      System.out.printf(Locale.ROOT, "%-14s %6.2f%% %5.1f%% %7.2f %6.1f%% %12.2f %6d%n",
          e.getKey(), 100 * p.cagr(), 100 * p.annualVolatility(), p.sharpeRatio(),
          100 * p.maxDrawdown(), r.backtest().annualTurnover(), r.circuitBreakerTrips());
      if (first == null) {
        first = r;
      }
      equalWeight = r; // the last one
    }
    System.out.println();
    System.out.println("Max Sharpe, walk-forward:");
    System.out.println(first);

    // The tearsheet: the walk-forward max-Sharpe portfolio against the equal-weight one, with
    // an allocation report of today's capped max-Sharpe and min-volatility portfolios (weights,
    // risk contributions, frontier, clustered correlation, HRP dendrogram) on the common window.
    PriceFrame common = prices.dropIncompleteRows();
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf().estimate(common.returns());
    AssetVector mu = ExpectedReturns.meanHistorical(common);
    MeanVariance capped = MeanVariance.of(mu, cov).withBounds(0, 0.20);
    Path sheet = Tearsheet.of(first)
        .withTitle("Walk-forward max Sharpe vs equal weight")
        .withBenchmark("Equal weight", equalWeight.backtest().returns())
        .withAllocation("Max Sharpe today (capped at 20%)", capped.maxSharpe(0.02), cov)
        .withAllocation("Min volatility today (capped at 20%)", capped.minVolatility(), cov)
        .withFrontier(capped.efficientFrontier(30), mu)
        .write(Path.of("target", "portfolio-tearsheet.html"));
    System.out.println("Tearsheet written to " + sheet.toAbsolutePath());
  }
}
