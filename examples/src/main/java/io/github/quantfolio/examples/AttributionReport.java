package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Allocator;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.RebalanceSchedule;
import io.github.quantfolio.backtest.WalkForwardPortfolio;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.risk.AttributionLinking;
import io.github.quantfolio.risk.BrinsonMethod;
import io.github.quantfolio.risk.CalendarReturns;
import io.github.quantfolio.risk.LinkedAttribution;
import io.github.quantfolio.risk.LinkingMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which sector decisions made the money: a walk-forward max-Sharpe portfolio on the simulated
 * market (20 assets in 4 sectors) against an equal-weight benchmark of the listed assets, with
 * Brinson-Fachler effects per sector linked over every day by Carino's method (they sum to the
 * cumulative active return), and the portfolio's monthly returns.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.AttributionReport} after {@code mvn -B -DskipTests install}.
 */
public final class AttributionReport {

  private AttributionReport() {
  }

  public static void main(String[] args) {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    PriceFrame prices = market.prices();
    PortfolioResult portfolio = WalkForwardPortfolio.of(prices)
        .withAllocator(Allocator.maxSharpe(0.02)).withLookback(252)
        .withSchedule(RebalanceSchedule.QUARTERLY).withMaxWeight(0.2).run();
    BacktestResult bt = portfolio.backtest();
    System.out.println("== Portfolio ==");
    System.out.println("Walk-forward max Sharpe (rf 2 %, Ledoit-Wolf, 252-day look-back, quarterly,"
        + " at most 20 % per asset) vs equal weight of the listed assets, "
        + prices.index().first() + " .. " + prices.index().last());

    // Panels [day][asset + cash]: weights held over day t are those after the close of t - 1.
    List<String> assets = prices.assets();
    List<String> sectors = new ArrayList<>(market.sectors());
    sectors.add("cash");
    int a = assets.size();
    int[] sectorOf = new int[a + 1];
    for (int i = 0; i < a; i++) {
      sectorOf[i] = sectors.indexOf(market.sectorOf(assets.get(i)));
    }
    sectorOf[a] = sectors.size() - 1;
    double[][] px = prices.toArray();
    double[][] held = new double[a][];
    for (int i = 0; i < a; i++) {
      held[i] = bt.weights(assets.get(i));
    }
    int first = portfolio.rebalances().get(0).bar() + 1; // the first day with a position
    int days = prices.rows() - first;
    double[][] wp = new double[days][a + 1];
    double[][] wb = new double[days][a + 1];
    double[][] r = new double[days][a + 1];
    for (int d = 0; d < days; d++) {
      int t = first + d;
      int listed = 0;
      for (int i = 0; i < a; i++) {
        listed += Double.isNaN(px[i][t - 1]) ? 0 : 1;
      }
      double invested = 0;
      for (int i = 0; i < a; i++) {
        boolean live = !Double.isNaN(px[i][t - 1]);
        r[d][i] = live ? px[i][t] / px[i][t - 1] - 1 : 0;
        wp[d][i] = held[i][t - 1];
        wb[d][i] = live ? 1.0 / listed : 0;
        invested += wp[d][i];
      }
      wp[d][a] = 1 - invested; // cash earns 0
    }
    LinkedAttribution la = AttributionLinking.linkByAsset(LinkingMethod.CARINO,
        BrinsonMethod.BRINSON_FACHLER, sectors, sectorOf, wp, wb, r);

    System.out.println();
    System.out.println("== Sector attribution (Brinson-Fachler, Carino-linked over " + days
        + " days) ==");
    System.out.printf(Locale.ROOT, "Portfolio %+.2f %%, benchmark %+.2f %%, active %+.2f %%%n",
        100 * la.portfolioReturn(), 100 * la.benchmarkReturn(), 100 * la.activeReturn());
    System.out.printf(Locale.ROOT, "%-10s %11s %11s %12s %9s%n", "sector", "allocation",
        "selection", "interaction", "total");
    double[] al = la.allocation();
    double[] se = la.selection();
    double[] in = la.interaction();
    for (int s = 0; s < sectors.size(); s++) {
      System.out.printf(Locale.ROOT, "%-10s %+10.2f%% %+10.2f%% %+11.2f%% %+8.2f%%%n",
          sectors.get(s), 100 * al[s], 100 * se[s], 100 * in[s], 100 * (al[s] + se[s] + in[s]));
    }
    System.out.printf(Locale.ROOT, "%-10s %+10.2f%% %+10.2f%% %+11.2f%% %+8.2f%%%n", "total",
        100 * la.totalAllocation(), 100 * la.totalSelection(), 100 * la.totalInteraction(),
        100 * la.totalEffect());
    System.out.printf(Locale.ROOT, "The effects sum to the active return: %.2e apart%n",
        Math.abs(la.totalEffect() - la.activeReturn()));

    System.out.println();
    System.out.println("== Monthly returns of the portfolio (%) ==");
    double[] eq = bt.equity();
    double[] ret = new double[eq.length];
    ret[0] = Double.NaN;
    for (int t = 1; t < eq.length; t++) {
      ret[t] = t < first ? Double.NaN : eq[t] / eq[t - 1] - 1;
    }
    System.out.print(CalendarReturns.of(prices.index(), ret));
  }
}
