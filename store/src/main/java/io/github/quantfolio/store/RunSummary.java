package io.github.quantfolio.store;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.store.internal.Json;
import java.time.Instant;
import java.util.List;

/**
 * One stored backtest or portfolio run without its curves and trades: a row of
 * {@code backtest_runs}, as {@link ResultStore#findRuns(RunQuery)} and
 * {@link ResultStore#best(Metric, int)} return it. Money in the account currency, returns as
 * fractions, ratios annualised over the config's risk-free rate; NaN where the metric was undefined
 * (stored as SQL NULL).
 *
 * @param runId the run id
 * @param kind backtest or portfolio
 * @param strategy the strategy name
 * @param parametersJson the parameters as JSON text ({@code null} for none)
 * @param assets the assets, in column order
 * @param start the first bar's timestamp (ISO-8601 date or instant)
 * @param end the last bar's timestamp (ISO-8601 date or instant)
 * @param bars the number of bars
 * @param initialCapital the starting capital
 * @param finalEquity the equity after the last bar
 * @param totalReturn {@code finalEquity / initialCapital - 1}
 * @param annualReturn the CAGR (NaN for less than a year or a wiped-out account)
 * @param volatility the annualised volatility of the per-bar returns
 * @param sharpe the annualised Sharpe ratio
 * @param sortino the annualised Sortino ratio
 * @param maxDrawdown the maximum drawdown, a negative fraction
 * @param winRate the share of closed round trips that made money (NaN without closed trades)
 * @param trades the number of round trips (open ones included)
 * @param profitableTrades the round trips with a positive P&amp;L
 * @param savedAt when the run was saved (the database's clock is not used: the saver's, UTC)
 * @since 0.1.0
 */
public record RunSummary(String runId, RunKind kind, String strategy, String parametersJson,
    List<String> assets, String start, String end, int bars, double initialCapital,
    double finalEquity, double totalReturn, double annualReturn, double volatility, double sharpe,
    double sortino, double maxDrawdown, double winRate, int trades, int profitableTrades,
    Instant savedAt) {

  /**
   * Copies the asset list.
   *
   * @param runId the run id
   * @param kind backtest or portfolio
   * @param strategy the strategy name
   * @param parametersJson the parameters as JSON text
   * @param assets the assets
   * @param start the first timestamp
   * @param end the last timestamp
   * @param bars the number of bars
   * @param initialCapital the starting capital
   * @param finalEquity the final equity
   * @param totalReturn the total return
   * @param annualReturn the CAGR
   * @param volatility the annualised volatility
   * @param sharpe the Sharpe ratio
   * @param sortino the Sortino ratio
   * @param maxDrawdown the maximum drawdown
   * @param winRate the per-trade win rate
   * @param trades the round trips
   * @param profitableTrades the profitable round trips
   * @param savedAt when saved
   */
  public RunSummary {
    assets = List.copyOf(assets);
  }

  /**
   * The parameters read back as {@code type} (e.g. the record class that was saved).
   *
   * @param type the class to read the JSON as, not null
   * @param <T> the type
   * @return the parameters, null if none were saved
   * @throws IllegalStateException if the JSON does not fit {@code type}
   */
  public <T> T parameters(Class<T> type) {
    Checks.notNull(type, "type");
    return Json.read(parametersJson, type);
  }

  /**
   * The value of {@code metric}.
   *
   * @param metric the metric, not null
   * @return its value (NaN if undefined)
   */
  public double get(Metric metric) {
    Checks.notNull(metric, "metric");
    return switch (metric) {
      case FINAL_EQUITY -> finalEquity;
      case TOTAL_RETURN -> totalReturn;
      case ANNUAL_RETURN -> annualReturn;
      case VOLATILITY -> volatility;
      case SHARPE -> sharpe;
      case SORTINO -> sortino;
      case MAX_DRAWDOWN -> maxDrawdown;
      case WIN_RATE -> winRate;
      case TRADES -> trades;
    };
  }
}
