package io.github.quantfolio.bench;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.report.Tearsheet;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15's target: the full HTML tearsheet of a 10-year daily 20-asset walk-forward portfolio
 * (the default simulated market, monthly capped max Sharpe on 252 days) within 300 ms and at
 * most 1 MB. The portfolio, its equal-weight benchmark and the allocation's optimisations are
 * computed once in the setup; the benchmark measures the page: metrics, calendar tables,
 * drawdowns, trade statistics, every chart (rolling ratios included) and the HTML text. The
 * setup prints the page's size in bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
public class TearsheetBenchmark {

  private PortfolioResult portfolio;
  private PriceFrame prices;
  private double[] benchmark;
  private CovarianceMatrix cov;
  private AssetVector mu;
  private OptimalPortfolio maxSharpe;
  private OptimalPortfolio minVolatility;
  private List<OptimalPortfolio> frontier;

  @Setup(Level.Trial)
  public void run() {
    prices = MarketSimulator.defaultMarket().prices();
    portfolio = WalkForwardPortfolio.of(prices)
        .withAllocator(Allocator.meanVariance(CovarianceEstimator.ledoitWolf(),
            mv -> mv.withBounds(0, 0.20).maxSharpe(0.02)))
        .withLookback(252)
        .withSchedule(RebalanceSchedule.MONTHLY)
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2)
            .withRiskFreeRate(0.02))
        .run();
    benchmark = Tearsheet.equalWeightBenchmark(prices);
    PriceFrame common = prices.dropIncompleteRows();
    cov = CovarianceEstimator.ledoitWolf().estimate(common.returns());
    mu = ExpectedReturns.meanHistorical(common);
    MeanVariance mv = MeanVariance.of(mu, cov).withBounds(0, 0.20);
    maxSharpe = mv.maxSharpe(0.02);
    minVolatility = mv.minVolatility();
    frontier = mv.efficientFrontier(30);
    System.out.printf("%nHTML bytes: portfolio %d, with allocation %d%n",
        portfolio().getBytes(StandardCharsets.UTF_8).length,
        withAllocation().getBytes(StandardCharsets.UTF_8).length);
  }

  /** The walk-forward portfolio's page against its equal-weight benchmark, assets behind. */
  @Benchmark
  public String portfolio() {
    return Tearsheet.of(portfolio).withBenchmark("Equal weight", benchmark).withAssets(prices)
        .toHtml();
  }

  /** The same plus the allocation report: two portfolios, frontier, correlation, dendrogram. */
  @Benchmark
  public String withAllocation() {
    return Tearsheet.of(portfolio).withBenchmark("Equal weight", benchmark).withAssets(prices)
        .withAllocation("Max Sharpe", maxSharpe, cov)
        .withAllocation("Min volatility", minVolatility, cov)
        .withFrontier(frontier, mu)
        .toHtml();
  }
}
