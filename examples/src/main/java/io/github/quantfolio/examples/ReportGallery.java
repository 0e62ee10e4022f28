package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.WalkForwardOptimization;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.report.Chart;
import io.github.quantfolio.report.Charts;
import io.github.quantfolio.report.Tearsheet;
import io.github.quantfolio.risk.CalendarReturns;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PortfolioRisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every chart kind of the report module on the default simulated market (20 assets, 10 years of
 * business days), written as SVG files: the pictures of {@code docs/reports.md}. A test
 * regenerates them in memory and fails when the committed files are stale.
 *
 * <p>Run it from the repository root with {@code java -cp
 * examples/target/quantfolio-examples-all.jar io.github.quantfolio.examples.ReportGallery
 * docs/images/reports} after {@code mvn -B -DskipTests install}.
 */
public final class ReportGallery {

  private ReportGallery() {
  }

  /**
   * The gallery: file name (without ".svg") to chart, in the order of docs/reports.md.
   *
   * @return the charts
   */
  public static Map<String, Chart> charts() {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    PriceFrame prices = market.prices();
    PortfolioResult portfolio = WalkForwardPortfolio.of(prices)
        .withAllocator(Allocator.meanVariance(CovarianceEstimator.ledoitWolf(),
            mv -> mv.withBounds(0, 0.20).maxSharpe(0.02)))
        .withLookback(252)
        .withSchedule(RebalanceSchedule.MONTHLY)
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2)
            .withRiskFreeRate(0.02))
        .run();
    BacktestResult bt = portfolio.backtest();
    double[] r = bt.returns();
    double[] bench = Tearsheet.equalWeightBenchmark(prices);
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("Max Sharpe (walk-forward)", r);
    series.put("Equal weight", bench);
    Map<String, double[]> assets = new LinkedHashMap<>();
    for (String a : prices.assets()) {
      double[] ar = new double[prices.rows()];
      ar[0] = Double.NaN;
      System.arraycopy(prices.returns().column(a), 0, ar, 1, prices.rows() - 1);
      assets.put(a, ar);
    }
    CalendarReturns cal = CalendarReturns.of(bt.index(), r);

    PriceFrame common = prices.dropIncompleteRows();
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf().estimate(common.returns());
    AssetVector mu = ExpectedReturns.meanHistorical(common);
    MeanVariance mv = MeanVariance.of(mu, cov).withBounds(0, 0.20);
    OptimalPortfolio maxSharpe = mv.maxSharpe(0.02);
    Map<String, OptimalPortfolio> chosen = new LinkedHashMap<>();
    chosen.put("Max Sharpe", maxSharpe);
    chosen.put("Min volatility", mv.minVolatility());
    chosen.put("HRP", HierarchicalRiskParity.of(cov).solve());

    Backtest single = Backtest.of(market.bars("A07"));
    List<SmaCrossover> grid = new ArrayList<>();
    for (int fast = 10; fast <= 50; fast += 10) {
      for (int slow = 60; slow <= 200; slow += 35) {
        grid.add(new SmaCrossover(fast, slow));
      }
    }
    SweepResult<SmaCrossover> sweep = ParameterSweep.of(single, grid, p -> p).withThreads(1)
        .run();
    WalkForwardResult<SmaCrossover> wf = WalkForwardOptimization.of(single, grid, p -> p)
        .withWindows(504, 252).withThreads(1).run();

    Map<String, Chart> m = new LinkedHashMap<>();
    m.put("equity", Charts.equity(bt.index(), series, assets, false));
    m.put("equity-log", Charts.equity(bt.index(), series, true));
    m.put("drawdown", Charts.drawdown(bt.index(), r));
    m.put("monthly-returns", Charts.monthlyReturns(cal));
    m.put("yearly-returns", Charts.yearlyReturns(cal, CalendarReturns.of(bt.index(), bench),
        "Equal weight"));
    m.put("histogram", Charts.histogram(r, 60));
    m.put("rolling-sharpe", Charts.rollingSharpe(bt.index(), r, bench, 126, bt.frequency(),
        0.02));
    m.put("rolling-volatility", Charts.rollingVolatility(bt.index(), r, bench, 63,
        bt.frequency()));
    m.put("rolling-beta", Charts.rollingBeta(bt.index(), r, bench, 126));
    m.put("weights", Charts.weights(bt, 8));
    m.put("efficient-frontier", Charts.efficientFrontier(mv.efficientFrontier(40), mu, cov,
        chosen));
    m.put("correlation", Charts.correlationClustered(cov));
    m.put("dendrogram", Charts.dendrogram(cov, HierarchicalRiskParity.Linkage.SINGLE));
    m.put("risk-contributions", Charts.riskContributions(PortfolioRisk.of(maxSharpe.weights(),
        cov)));
    m.put("sweep-heatmap", Charts.sweepHeatmap(sweep, "fast SMA (bars)", SmaCrossover::fast,
        "slow SMA (bars)", SmaCrossover::slow, SweepMetric.SHARPE));
    m.put("walk-forward", Charts.walkForward(wf, SweepMetric.SHARPE));
    return m;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/images/reports");
    Files.createDirectories(dir);
    for (Map.Entry<String, Chart> e : charts().entrySet()) {
      Path file = e.getValue().writeSvg(dir.resolve(e.getKey() + ".svg"));
      System.out.println("wrote " + file);
    }
  }
}
