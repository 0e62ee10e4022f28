package io.github.quantfolio.examples;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.Exits;
import io.github.quantfolio.backtest.Momentum;
import io.github.quantfolio.backtest.ParameterSweep;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One asset, one strategy: the momentum seed strategy on simulated OHLC bars with costs, a stop
 * and a trailing stop, its trade table and report; then an SMA-crossover parameter sweep with the
 * deflated Sharpe ratio of its winner.
 *
 * <p>Run it with {@code java -cp examples/target/quantfolio-examples-all.jar
 * io.github.quantfolio.examples.BacktestMomentum} after {@code mvn -B -DskipTests install}.
 */
public final class BacktestMomentum {

  private BacktestMomentum() {
  }

  public static void main(String[] args) {
    // README-BEGIN
    Bars bars = MarketSimulator.defaultMarket().bars("A07");

    // Momentum: SMA20 > SMA50, close > SMA20, RSI14 < 70, MACD > signal, 5-bar ROC > 2%.
    // Decisions at the close, fills at the next open; 5 bps fees, 2 bps slippage, whole shares;
    // an 8% stop-loss and a 12% trailing stop checked on every bar's high and low.
    Backtest backtest = Backtest.of(bars)
        .withConfig(BacktestConfig.defaults().withFeeBps(5).withSlippageBps(2).withWholeShares())
        .withExits(Exits.stopLoss(0.08).withTrailingStop(0.12));
    BacktestResult result = backtest.run(new Momentum());

    System.out.println("entry       exit        shares   entry px   exit px       PnL  reason");
    for (Trade t : result.trades()) {
      System.out.printf(Locale.ROOT, "%s  %s %7.0f %10.2f %9.2f %9.2f  %s%n", t.entryTime(),
          t.exitTime(), t.quantity(), t.entryPrice(), t.exitPrice(), t.pnl(), t.exitReason());
    }
    System.out.println(result);

    // Which SMA crossover would have been best? 400 pairs in parallel, sorted by Sharpe ratio,
    // and the deflated Sharpe ratio says whether the winner beats what 400 tries give by luck.
    List<SmaCrossover> grid = new ArrayList<>();
    for (int fast = 5; fast <= 100; fast += 5) {
      for (int slow = fast + 10; slow <= fast + 200; slow += 10) {
        grid.add(new SmaCrossover(fast, slow));
      }
    }
    SweepResult<SmaCrossover> sweep = ParameterSweep.of(backtest, grid, p -> p).run();
    System.out.println(sweep.sortedBy(SweepMetric.SHARPE).table(5));
    System.out.printf(Locale.ROOT, "Deflated Sharpe ratio of the best of %d: %.3f%n",
        sweep.size(), sweep.deflatedSharpeRatio());
    // README-END
  }
}
