package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.CircuitBreaker;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.Rebalance;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.report.Tearsheet;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.Drawdowns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The README demo: a simulated market of 20 assets over 10 years, returns and their statistics,
 * month-end prices, the latest prices, weekly bars, a CSV round trip, an optimized portfolio, a
 * walk-forward backtest of it and its HTML tearsheet ({@code target/quickstart-tearsheet.html}).
 *
 * <p>Run it with {@code java -jar examples/target/quantfolio-examples-all.jar} after
 * {@code mvn -B -DskipTests install}.
 */
public final class Quickstart {

  private Quickstart() {
  }

  public static void main(String[] args) throws IOException {
    // README-BEGIN
    // 1. Data. A seeded synthetic market: 20 assets in 4 sectors, 10 years of business days,
    // fat tails, calm/stressed regimes, 3 late listings (leading NaN).
    System.out.println("== 1. A simulated market: prices, returns, resampling, bars ==");
    SimulatedMarket market = MarketSimulator.defaultMarket();
    PriceFrame prices = market.prices();
    System.out.println(prices);

    // Simple returns: NaN wherever either price is missing; statistics skip NaN.
    ReturnFrame returns = prices.returns();
    System.out.println(returns.describe());
    double dailyVol = returns.std("A01");
    System.out.printf("A01 annualised volatility: %.2f%%%n%n",
        100 * dailyVol * Math.sqrt(returns.frequency().periodsPerYear()));

    // Month-end prices of three assets over the last twelve months, and the latest prices.
    PriceFrame monthly = prices.select("A01", "A02", "A20")
        .between(LocalDate.of(2023, 9, 1), LocalDate.of(2024, 8, 31))
        .resample(Frequency.MONTHLY);
    System.out.println(monthly);
    System.out.println(prices.latest());

    // OHLCV bars of one asset, aggregated to weeks.
    Bars weekly = market.bars("A01").resample(Frequency.WEEKLY);
    System.out.println(weekly);

    // CSV round trip: what you write is what you read, bit for bit.
    Path file = Files.createTempFile("prices", ".csv");
    prices.writeCsv(file);
    PriceFrame back = PriceFrame.readCsv(file);
    System.out.println("CSV round trip identical: " + back.equals(prices));

    // 2. One optimized portfolio. Expected returns and covariance must come from the same
    // sample: with late listings, a covariance on complete rows only sees the days on which
    // every asset traded, while mean returns would use each asset's own history. So estimate
    // both on the common window.
    System.out.println("\n== 2. An optimized portfolio: capped max Sharpe on the common window ==");
    PriceFrame common = prices.dropIncompleteRows();
    AssetVector mu = ExpectedReturns.meanHistorical(common);
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf().estimate(common.returns());
    System.out.printf("Estimated on the %d days %s .. %s on which all %d assets trade%n",
        common.rows(), common.index().first(), common.index().last(), common.assets().size());
    OptimalPortfolio best = MeanVariance.of(mu, cov).withBounds(0, 0.20).maxSharpe(0.02);
    System.out.println(best);

    // 3. The same recipe through time. At every month end, re-estimate the capped max-Sharpe
    // weights on the last 252 days only, trade at the next close with 5 bps fees and 2 bps
    // slippage, and go to cash if the portfolio falls 25% below its peak.
    System.out.println("== 3. Walk-forward backtest of that recipe, monthly, 252-day window ==");
    PortfolioResult backtest = WalkForwardPortfolio.of(prices)
        .withAllocator(Allocator.meanVariance(CovarianceEstimator.ledoitWolf(),
            mv -> mv.withBounds(0, 0.20).maxSharpe(0.02)))
        .withLookback(252)
        .withSchedule(RebalanceSchedule.MONTHLY)
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2))
        .withCircuitBreaker(CircuitBreaker.maxDrawdown(0.25))
        .run();
    System.out.println(backtest);

    // 4. Reading the result.
    System.out.println("== 4. What the backtest says ==");
    int scheduled = backtest.rebalances().size() - backtest.circuitBreakerTrips();
    List<Rebalance> failed = backtest.failedAllocations();
    if (!failed.isEmpty()) {
      System.out.printf("%d of %d monthly allocations failed and kept the positions; the first,"
          + " on %s: %s%n", failed.size(), scheduled, failed.get(0).time(),
          failed.get(0).failure());
    }
    Drawdowns drawdowns = Drawdowns.of(backtest.backtest().returns(), prices.index());
    Drawdowns.Episode worst = drawdowns.top(1).get(0);
    System.out.printf("Deepest drawdown %.1f%% (peak %s, valley %s) although the breaker is set"
        + " at 25%%:%n", 100 * worst.depth(), worst.peakDate(), worst.valleyDate());
    for (Rebalance trip : backtest.rebalances()) {
      if (trip.kind() == Rebalance.Kind.CIRCUIT_BREAKER && trip.bar() >= worst.peak()
          && trip.bar() <= worst.valley()) {
        System.out.printf("  the breaker went to cash on %s and the portfolio re-entered at the"
            + " next month end;%n", trip.time());
      }
    }
    System.out.println("  after re-entry the breaker measures from the new peak, so a fall that"
        + " continues after a trip adds to the loss from the all-time peak.");

    // 5. The picture: one self-contained HTML page (metrics, cumulative returns against the
    // assets, drawdowns, monthly heatmap, rolling ratios, weights, rebalance log) that any
    // browser opens offline. From JShell, Tearsheet.of(backtest).open() shows it right away.
    Path sheet = Tearsheet.of(backtest)
        .withTitle("Quickstart: capped max Sharpe, monthly walk-forward")
        .withAssets(prices)
        .write(Path.of("target", "quickstart-tearsheet.html"));
    System.out.println("\nTearsheet written to " + sheet.toAbsolutePath());
    // README-END
    Files.delete(file);
  }
}
