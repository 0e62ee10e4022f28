package io.github.quantfolio.store;

import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.Rebalance;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.TradeStatistics;
import io.github.quantfolio.core.ValueFrame;
import io.github.quantfolio.risk.PerformanceReport;
import java.util.List;

/**
 * A backtest or portfolio run read back from the store, equal part by part to what was saved:
 * {@link #equity()} equals {@code BacktestResult.equityFrame()}, {@link #trades()} equals
 * {@code BacktestResult.trades()}, {@link #config()} and {@link #report()} equal the result's, and
 * {@link #rebalances()} equals {@code PortfolioResult.rebalances()} (empty for a plain backtest).
 *
 * @param summary the run's row (ids, strategy, dates, headline metrics)
 * @param config the configuration the backtest ran with
 * @param report the performance report, or null if the account was wiped out (there is none)
 * @param equity equity, cash, return, fees, slippage and turnover per bar
 * @param trades the round trips, in the result's order
 * @param rebalances the rebalance log of a portfolio run, empty for a backtest
 * @since 0.1.0
 */
public record StoredBacktest(RunSummary summary, BacktestConfig config, PerformanceReport report,
    ValueFrame equity, List<Trade> trades, List<Rebalance> rebalances) {

  /**
   * Copies the lists.
   *
   * @param summary the run's row
   * @param config the configuration
   * @param report the report, or null
   * @param equity the equity frame
   * @param trades the trades
   * @param rebalances the rebalance log
   */
  public StoredBacktest {
    trades = List.copyOf(trades);
    rebalances = List.copyOf(rebalances);
  }

  /**
   * The run id.
   *
   * @return the run id
   */
  public String runId() {
    return summary.runId();
  }

  /**
   * The trade statistics of the stored trades ({@code TradeStatistics.of(trades, openTrades,
   * index, frequency)}): equal to those of the original {@code BacktestResult} in every field but
   * the time in market, which needs the bar-by-bar positions (not stored) and is NaN here.
   *
   * @param openTrades whether trades still open at the last bar count, not null
   * @return the statistics
   */
  public TradeStatistics tradeStatistics(TradeStatistics.OpenTrades openTrades) {
    return TradeStatistics.of(trades, openTrades, equity.index(), equity.frequency());
  }

  /**
   * The equity column alone (a copy), in the account currency.
   *
   * @return the equity after each bar
   */
  public double[] equityCurve() {
    return equity.column("equity");
  }
}
