package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's SMA crossover against ta4j 0.17's {@code BarSeriesManager} (an independent
 * implementation, see {@link Ta4jOracle} for its timing): one unit per trade, next-open fills, no
 * costs; identical closed trades on every asset of the default simulated market.
 */
class Ta4jCrossoverTest {

  static final SimulatedMarket MARKET = MarketSimulator.defaultMarket();

  @Test
  void closedTradesAreIdenticalToTa4js() {
    int compared = 0;
    for (int[] w : new int[][] {{20, 50}, {5, 20}, {10, 100}}) {
      for (String asset : MARKET.assets()) {
        Bars full = MARKET.bars(asset);
        Bars bars = full.slice(MARKET.listingRow(asset), full.size()); // ta4j has no NaN bars
        Ta4jOracle.Ta4jRun ta4j = Ta4jOracle.smaCrossover(bars, w[0], w[1]);
        BacktestResult ours = Backtest.of(bars).withSizing(PositionSizing.fixedShares(1))
            .run(new SmaCrossover(w[0], w[1]));
        List<Trade> closed = ours.trades().stream().filter(t -> !t.isOpen()).toList();
        assertEquals(ta4j.trades().size(), closed.size(), asset + " " + w[0] + "/" + w[1]);
        for (int k = 0; k < closed.size(); k++) {
          Ta4jOracle.Ta4jTrade expected = ta4j.trades().get(k);
          Trade actual = closed.get(k);
          assertEquals(expected.entryIndex(), actual.entryBar());
          assertEquals(expected.exitIndex(), actual.exitBar());
          assertEquals(expected.entryPrice(), actual.entryPrice(), 0);
          assertEquals(expected.exitPrice(), actual.exitPrice(), 0);
          assertEquals(expected.amount(), actual.quantity(), 0);
          assertEquals(expected.profit(), actual.pnl(), 1e-9);
        }
        assertEquals(ta4j.open().isPresent(), ours.trades().stream().anyMatch(Trade::isOpen));
        compared += closed.size();
      }
    }
    assertTrue(compared > 1000, "compared " + compared + " trades");
  }
}
