package io.github.quantfolio.examples;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.optimize.AdvisorBook;
import io.github.quantfolio.optimize.RebalanceAdvisor;
import io.github.quantfolio.optimize.RebalanceAnalysis;
import io.github.quantfolio.optimize.Rebalancer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 001's rebalancing service on a crypto-style book: eight coins, BTC at about 28.5 %, five
 * "layer 1" coins that together pass the 40 % category limit, 60 days of simulated prices. The
 * advisor reports concentration, correlation, volatility and momentum, the health score and the
 * recommendations, and turns them into a whole-unit rebalancing plan.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.RebalanceAdvisorExample} after {@code mvn -B -DskipTests install}.
 */
public final class RebalanceAdvisorExample {

  private RebalanceAdvisorExample() {
  }

  public static void main(String[] args) {
    List<String> coins = List.of("BTC", "ETH", "SOL", "ADA", "DOT", "LINK", "AVAX", "XRP");
    // 60 days of prices: a simulated market of 8 assets in 3 sectors, renamed to the coins.
    SimulatedMarket m = MarketSimulator.builder().seed(21).assets(8).sectors(3).days(60)
        .build().simulate();
    PriceFrame history = PriceFrame.of(m.prices().index(), coins, m.prices().toArray());
    double[] last = new double[coins.size()];
    for (int i = 0; i < last.length; i++) {
      double[] col = history.column(i);
      last[i] = col[col.length - 1];
    }
    AssetVector prices = AssetVector.of(coins, last);

    // The book: 100,000 in coins and 2,000 in cash; BTC 28.5 %, the rest about 10.2 % each.
    double invested = 100_000;
    Map<String, Long> units = new LinkedHashMap<>();
    Map<String, Double> quantities = new LinkedHashMap<>();
    for (int i = 0; i < coins.size(); i++) {
      double weight = i == 0 ? 0.285 : 0.715 / 7;
      long q = Math.round(weight * invested / last[i]);
      units.put(coins.get(i), q);
      quantities.put(coins.get(i), (double) q);
    }
    Map<String, String> category = new LinkedHashMap<>();
    category.put("BTC", "store of value");
    for (String c : List.of("ETH", "SOL", "ADA", "DOT", "AVAX")) {
      category.put(c, "layer 1");
    }
    category.put("LINK", "oracle");
    category.put("XRP", "payments");
    double cash = 2_000;
    AdvisorBook book = AdvisorBook.ofHoldings(quantities, prices, category, cash);

    System.out.println("== The book ==");
    for (String c : coins) {
      System.out.printf(Locale.ROOT, "  %-5s %6d units at %9.2f = %10.2f (%s)%n", c,
          units.get(c), prices.get(c), units.get(c) * prices.get(c), category.get(c));
    }
    System.out.printf(Locale.ROOT, "  cash %.2f%n", cash);

    System.out.println();
    System.out.println("== The analysis (seed 001's rules and thresholds) ==");
    RebalanceAnalysis analysis = RebalanceAdvisor.defaults().analyse(book, history);
    System.out.print(analysis);

    System.out.println();
    System.out.println("== The plan: whole units toward the recommended weights ==");
    Rebalancer.Plan plan = analysis.toPlan(units, cash, prices);
    System.out.print(plan);
  }
}
