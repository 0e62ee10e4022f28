package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.store.Metric;
import io.github.quantfolio.store.ResultStore;
import io.github.quantfolio.store.RunSummary;
import io.github.quantfolio.store.RunTag;
import io.github.quantfolio.store.StoredBacktest;
import io.github.quantfolio.store.StoredSweepRow;
import io.github.quantfolio.store.SweepQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves a parameter sweep and a walk-forward portfolio in an embedded H2 file, then finds the best
 * configurations again, loads the portfolio back and exports a query to CSV.
 *
 * <p>Usage: {@code SaveAndQuery [directory]}; without a directory the file goes to a new
 * temporary directory, whose path is printed.
 */
public final class SaveAndQuery {

  private SaveAndQuery() {
  }

  /**
   * Runs the example.
   *
   * @param args optionally the directory for the store's file
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("quantfolio-store");
    PriceFrame prices = MarketSimulator.defaultMarket().prices().select("A01", "A02", "A03");

    // README-BEGIN
    try (ResultStore store = ResultStore.h2(dir.resolve("results"))) { // results.mv.db
      // A sweep: 24 SMA crossovers on three assets, saved in one transaction.
      List<SmaCrossover> grid = new ArrayList<>();
      for (int fast = 5; fast <= 30; fast += 5) {
        for (int slow = fast + 20; slow <= fast + 80; slow += 20) {
          grid.add(new SmaCrossover(fast, slow));
        }
      }
      SweepResult<SmaCrossover> sweep = ParameterSweep.of(Backtest.of(prices), grid, p -> p).run();
      store.save(RunTag.of("sma-sweep", "SMA crossover", null), sweep);

      // A walk-forward risk-parity portfolio with its monthly rebalance log.
      PortfolioResult portfolio = WalkForwardPortfolio.of(prices).withLookback(252)
          .withSchedule(RebalanceSchedule.MONTHLY).withAllocator(Allocator.riskParity()).run();
      store.save(RunTag.of("risk-parity", "risk parity", Map.of("lookback", 252)), portfolio);

      // Saving again under the same id writes nothing.
      store.save(RunTag.of("sma-sweep", "SMA crossover", null), sweep);

      System.out.println("Best configurations by Sharpe ratio:");
      for (StoredSweepRow row : store.bestConfigurations(SweepMetric.SHARPE, 5)) {
        SmaCrossover p = row.parameters(SmaCrossover.class);
        System.out.printf(Locale.ROOT, "  %s SMA(%d, %d): Sharpe %.3f, CAGR %.2f%%, max DD %.2f%%%n",
            row.asset(), p.fast(), p.slow(), row.metrics().sharpeRatio(),
            100 * row.metrics().cagr(), 100 * row.metrics().maxDrawdown());
      }

      StoredBacktest back = store.loadBacktest("risk-parity").orElseThrow();
      System.out.printf(Locale.ROOT, "Portfolio back from the file: %d bars, %d rebalances, "
          + "%d trades, equity identical: %s%n", back.equity().rows(), back.rebalances().size(),
          back.trades().size(), back.equity().equals(portfolio.backtest().equityFrame()));
      for (RunSummary run : store.best(Metric.SHARPE, 1)) {
        System.out.printf(Locale.ROOT, "Best stored run: %s (%s .. %s), Sharpe %.3f%n",
            run.strategy(), run.start(), run.end(), run.sharpe());
      }

      Path csv = dir.resolve("best-configurations.csv");
      int rows = store.exportCsv(SweepQuery.all().orderBy(SweepMetric.SHARPE).limit(10), csv);
      System.out.println(rows + " rows exported to " + csv);
    }
    // README-END
    System.out.println("Store file: " + dir.resolve("results.mv.db"));
  }
}
