package io.github.quantfolio.store.internal;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.Rebalance;
import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.TradeStatistics;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.ValueFrame;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.PerformanceReport;
import io.github.quantfolio.store.RunKind;
import io.github.quantfolio.store.RunTag;
import io.github.quantfolio.trading.DecisionRecord;
import io.github.quantfolio.trading.DecisionRecords;
import io.github.quantfolio.trading.LedgerSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The INSERTs of each save, on a connection whose transaction the caller owns. Children are
 * written with JDBC batches.
 */
public final class Writers {

  /** Rows per JDBC batch. */
  private static final int BATCH = 1000;

  private Writers() {
  }

  /**
   * Writes a backtest or portfolio run.
   *
   * @param c the connection (in a transaction)
   * @param tag the tag
   * @param kind backtest or portfolio
   * @param r the backtest
   * @param rebalances the rebalance log (empty for a backtest)
   * @param savedAt the time of the save
   * @throws SQLException from the driver
   */
  public static void backtest(Connection c, RunTag tag, RunKind kind, BacktestResult r,
      List<Rebalance> rebalances, Instant savedAt) throws SQLException {
    String id = tag.runId();
    PerformanceReport report = r.wipeOutBar() >= 0 ? null : r.report();
    List<Trade> trades = r.trades();
    int profitable = 0;
    for (Trade t : trades) {
      if (t.pnl() > 0) {
        profitable++;
      }
    }
    double winRate = TradeStatistics.of(trades, TradeStatistics.OpenTrades.EXCLUDE).all()
        .winRate();
    TimeIndex index = r.index();
    double nan = Double.NaN;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_runs (run_id, kind, "
        + "strategy, parameters_json, assets_json, start_time, end_time, bars, index_kind, "
        + "frequency_json, config_json, initial_capital, final_equity, total_return, "
        + "annual_return, volatility, sharpe, sortino, max_drawdown, win_rate, trades, "
        + "profitable_trades, report_json, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, kind.name());
      ps.setString(3, tag.strategy());
      ps.setString(4, Json.write(tag.parameters()));
      ps.setString(5, Json.write(r.assets()));
      ps.setString(6, index.first());
      ps.setString(7, index.last());
      ps.setInt(8, index.size());
      ps.setString(9, index.kind().name());
      ps.setString(10, Json.write(r.frequency()));
      ps.setString(11, Json.write(r.config()));
      Jdbc.setDouble(ps, 12, r.initialCapital());
      Jdbc.setDouble(ps, 13, r.finalEquity());
      Jdbc.setDouble(ps, 14, r.finalEquity() / r.initialCapital() - 1);
      Jdbc.setDouble(ps, 15, report == null ? nan : report.cagr());
      Jdbc.setDouble(ps, 16, report == null ? nan : report.annualVolatility());
      Jdbc.setDouble(ps, 17, report == null ? nan : report.sharpeRatio());
      Jdbc.setDouble(ps, 18, report == null ? nan : report.sortinoRatio());
      Jdbc.setDouble(ps, 19, report == null ? nan : report.maxDrawdown());
      Jdbc.setDouble(ps, 20, winRate);
      ps.setInt(21, trades.size());
      ps.setInt(22, profitable);
      if (report == null) {
        ps.setNull(23, Types.VARCHAR);
      } else {
        ps.setString(23, Json.write(report));
      }
      ps.setObject(24, utc(savedAt));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO backtest_run_assets (run_id, asset) VALUES (?, ?)")) {
      for (String a : r.assets()) {
        ps.setString(1, id);
        ps.setString(2, a);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO backtest_trades (run_id, seq, "
        + "asset, side, entry_bar, exit_bar, entry_time, exit_time, quantity, entry_price, "
        + "exit_price, fees, pnl, return_fraction, exit_reason, financing) VALUES (?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Trade t : trades) {
        ps.setString(1, id);
        ps.setInt(2, n);
        ps.setString(3, t.asset());
        ps.setInt(4, t.side());
        ps.setInt(5, t.entryBar());
        ps.setInt(6, t.exitBar());
        ps.setString(7, t.entryTime());
        ps.setString(8, t.exitTime());
        Jdbc.setDouble(ps, 9, t.quantity());
        Jdbc.setDouble(ps, 10, t.entryPrice());
        Jdbc.setDouble(ps, 11, t.exitPrice());
        Jdbc.setDouble(ps, 12, t.fees());
        Jdbc.setDouble(ps, 13, t.pnl());
        Jdbc.setDouble(ps, 14, t.returnFraction());
        ps.setString(15, t.exitReason().name());
        Jdbc.setDouble(ps, 16, t.financing());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    }
    ValueFrame f = r.equityFrame();
    double[][] cols = {f.column("equity"), f.column("cash"), f.column("return"),
        f.column("fees"), f.column("slippage"), f.column("turnover")};
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO equity_points (run_id, bar, "
        + "time_value, time_label, equity, cash, period_return, fees, slippage, turnover) VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = index.size();
      for (int t = 0; t < n; t++) {
        ps.setString(1, id);
        ps.setInt(2, t);
        ps.setLong(3, index.value(t));
        ps.setString(4, index.label(t));
        for (int k = 0; k < cols.length; k++) {
          Jdbc.setDouble(ps, 5 + k, cols[k][t]);
        }
        ps.addBatch();
        if ((t + 1) % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (n % BATCH != 0) {
        ps.executeBatch();
      }
    }
    if (!rebalances.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO rebalances (run_id, seq, bar, "
          + "time_label, kind, target_json, failure, fallback) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        for (Rebalance b : rebalances) {
          ps.setString(1, id);
          ps.setInt(2, n++);
          ps.setInt(3, b.bar());
          ps.setString(4, b.time());
          ps.setString(5, b.kind().name());
          if (b.target() == null) {
            ps.setNull(6, Types.VARCHAR);
          } else {
            ps.setString(6, Json.write(b.target()));
          }
          if (b.failure() == null) {
            ps.setNull(7, Types.VARCHAR);
          } else {
            ps.setString(7, b.failure());
          }
          ps.setBoolean(8, b.fallback());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /**
   * Writes a sweep.
   *
   * @param c the connection (in a transaction)
   * @param tag the tag
   * @param rows the rows
   * @param deflatedSharpe the deflated Sharpe ratio or NaN
   * @param savedAt the time of the save
   * @param <P> the parameter type
   * @throws SQLException from the driver
   */
  public static <P> void sweep(Connection c, RunTag tag, List<SweepRow<P>> rows,
      double deflatedSharpe, Instant savedAt) throws SQLException {
    String id = tag.runId();
    Set<String> grid = new LinkedHashSet<>();
    Set<String> assets = new LinkedHashSet<>();
    List<String> params = new ArrayList<>(rows.size());
    for (SweepRow<P> r : rows) {
      String p = Json.write(r.parameters());
      params.add(p);
      grid.add(p);
      assets.add(r.asset());
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweeps (sweep_id, strategy, "
        + "grid_json, assets_json, row_count, deflated_sharpe, saved_at) VALUES (?, ?, ?, ?, ?, "
        + "?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, tag.strategy());
      ps.setString(3, "[" + String.join(",", grid) + "]");
      ps.setString(4, Json.write(List.copyOf(assets)));
      ps.setInt(5, rows.size());
      Jdbc.setDouble(ps, 6, deflatedSharpe);
      ps.setObject(7, utc(savedAt));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sweep_rows (sweep_id, seq, asset,"
        + " parameters_json, total_return, cagr, volatility, sharpe, sortino, max_drawdown, "
        + "calmar, trades, win_rate, exposure, periods, risk_free_rate, wiped_out, equity_json) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows.size(); i++) {
        SweepRow<P> r = rows.get(i);
        SweepMetrics m = r.metrics();
        ps.setString(1, id);
        ps.setInt(2, i);
        ps.setString(3, r.asset());
        ps.setString(4, params.get(i));
        Jdbc.setDouble(ps, 5, m.totalReturn());
        Jdbc.setDouble(ps, 6, m.cagr());
        Jdbc.setDouble(ps, 7, m.annualVolatility());
        Jdbc.setDouble(ps, 8, m.sharpeRatio());
        Jdbc.setDouble(ps, 9, m.sortinoRatio());
        Jdbc.setDouble(ps, 10, m.maxDrawdown());
        Jdbc.setDouble(ps, 11, m.calmarRatio());
        ps.setInt(12, m.trades());
        Jdbc.setDouble(ps, 13, m.winRate());
        Jdbc.setDouble(ps, 14, m.exposure());
        ps.setInt(15, m.periods());
        Jdbc.setDouble(ps, 16, m.riskFreeRate());
        ps.setBoolean(17, m.wipedOut());
        if (r.equity() == null) {
          ps.setNull(18, Types.VARCHAR);
        } else {
          ps.setString(18, Json.write(r.equity()));
        }
        ps.addBatch();
        if ((i + 1) % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (rows.size() % BATCH != 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * Writes a walk-forward optimisation.
   *
   * @param c the connection (in a transaction)
   * @param tag the tag
   * @param r the result
   * @param savedAt the time of the save
   * @param <P> the parameter type
   * @throws SQLException from the driver
   */
  public static <P> void walkForward(Connection c, RunTag tag, WalkForwardResult<P> r,
      Instant savedAt) throws SQLException {
    String id = tag.runId();
    TimeIndex index = r.index();
    PerformanceReport report = r.report();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO walk_forward_runs (run_id, "
        + "strategy, start_time, end_time, bars, index_kind, fold_count, total_return, "
        + "annual_return, volatility, sharpe, max_drawdown, frequency_json, saved_at) VALUES (?, "
        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, tag.strategy());
      ps.setString(3, index.first());
      ps.setString(4, index.last());
      ps.setInt(5, index.size());
      ps.setString(6, index.kind().name());
      ps.setInt(7, r.folds().size());
      Jdbc.setDouble(ps, 8, report.totalReturn());
      Jdbc.setDouble(ps, 9, report.cagr());
      Jdbc.setDouble(ps, 10, report.annualVolatility());
      Jdbc.setDouble(ps, 11, report.sharpeRatio());
      Jdbc.setDouble(ps, 12, report.maxDrawdown());
      ps.setString(13, Json.write(report.frequency()));
      ps.setObject(14, utc(savedAt));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO walk_forward_folds (run_id, seq, "
        + "train_start, test_start, test_end, chosen_json, in_sample_sharpe, "
        + "out_of_sample_sharpe, in_sample_json, out_of_sample_json) VALUES (?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?)")) {
      int n = 0;
      for (WalkForwardResult.Fold<P> f : r.folds()) {
        ps.setString(1, id);
        ps.setInt(2, n++);
        ps.setInt(3, f.trainStart());
        ps.setInt(4, f.testStart());
        ps.setInt(5, f.testEnd());
        ps.setString(6, Json.write(f.chosen()));
        Jdbc.setDouble(ps, 7, f.inSample().sharpeRatio());
        Jdbc.setDouble(ps, 8, f.outOfSample().sharpeRatio());
        ps.setString(9, Json.write(f.inSample()));
        ps.setString(10, Json.write(f.outOfSample()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    double[] equity = r.equity();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO walk_forward_equity (run_id, bar,"
        + " time_value, time_label, equity) VALUES (?, ?, ?, ?, ?)")) {
      for (int t = 0; t < equity.length; t++) {
        ps.setString(1, id);
        ps.setInt(2, t);
        ps.setLong(3, index.value(t));
        ps.setString(4, index.label(t));
        Jdbc.setDouble(ps, 5, equity[t]);
        ps.addBatch();
        if ((t + 1) % BATCH == 0) {
          ps.executeBatch();
        }
      }
      if (equity.length % BATCH != 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * Writes an optimisation.
   *
   * @param c the connection (in a transaction)
   * @param tag the tag
   * @param p the portfolio
   * @param constraints the constraints, may be null
   * @param elapsed the time taken
   * @param fingerprint the inputs' fingerprint
   * @param savedAt the time of the save
   * @throws SQLException from the driver
   */
  public static void optimization(Connection c, RunTag tag, OptimalPortfolio p,
      Object constraints, Duration elapsed, String fingerprint, Instant savedAt)
      throws SQLException {
    double sharpe = Double.NaN;
    if (p.hasExpectedReturn()) {
      try {
        sharpe = p.sharpeRatio(p.riskFreeRate());
      } catch (IllegalStateException e) { // 0 / 0: undefined
        sharpe = Double.NaN;
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO optimizations (run_id, method, "
        + "constraints_json, assets_json, weights_json, expected_return, volatility, sharpe, "
        + "risk_free_rate, elapsed_nanos, inputs_fingerprint, saved_at) VALUES (?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, tag.runId());
      ps.setString(2, p.method());
      ps.setString(3, Json.write(constraints));
      ps.setString(4, Json.write(p.weights().assets()));
      ps.setString(5, Json.write(p.weights()));
      Jdbc.setDouble(ps, 6, p.hasExpectedReturn() ? p.expectedReturn() : Double.NaN);
      Jdbc.setDouble(ps, 7, p.volatility());
      Jdbc.setDouble(ps, 8, sharpe);
      ps.setDouble(9, p.riskFreeRate());
      ps.setLong(10, elapsed.toNanos());
      ps.setString(11, fingerprint);
      ps.setObject(12, utc(savedAt));
      ps.executeUpdate();
    }
  }

  /**
   * Writes a batch of decision records.
   *
   * @param c the connection (in a transaction)
   * @param batchId the batch id
   * @param records the records
   * @param savedAt the time of the save
   * @throws SQLException from the driver
   */
  public static void decisions(Connection c, String batchId, List<DecisionRecord> records,
      Instant savedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_batches (batch_id, "
        + "records, saved_at) VALUES (?, ?, ?)")) {
      ps.setString(1, batchId);
      ps.setInt(2, records.size());
      ps.setObject(3, utc(savedAt));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_records (batch_id, seq, "
        + "pipeline_run, as_of, symbol, outcome, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (DecisionRecord r : records) {
        ps.setString(1, batchId);
        ps.setInt(2, n++);
        ps.setString(3, r.runId());
        ps.setString(4, r.asOf().toString());
        ps.setString(5, r.symbol());
        ps.setString(6, r.outcome().name());
        ps.setString(7, DecisionRecords.toJson(r));
        ps.addBatch();
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * Writes a batch of ledger snapshots.
   *
   * @param c the connection (in a transaction)
   * @param batchId the batch id
   * @param snapshots the snapshots
   * @param savedAt the time of the save
   * @throws SQLException from the driver
   */
  public static void snapshots(Connection c, String batchId, List<LedgerSnapshot> snapshots,
      Instant savedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_batches (batch_id, "
        + "snapshots, saved_at) VALUES (?, ?, ?)")) {
      ps.setString(1, batchId);
      ps.setInt(2, snapshots.size());
      ps.setObject(3, utc(savedAt));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_snapshots (batch_id, seq, "
        + "snapshot_time, nav, cash, total_return, snapshot_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (LedgerSnapshot s : snapshots) {
        ps.setString(1, batchId);
        ps.setInt(2, n++);
        ps.setString(3, s.time().toString());
        Jdbc.setDouble(ps, 4, s.nav());
        Jdbc.setDouble(ps, 5, s.cash());
        Jdbc.setDouble(ps, 6, s.totalReturn());
        ps.setString(7, Json.write(s));
        ps.addBatch();
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * An instant as a UTC date-time for a {@code TIMESTAMP} column.
   *
   * @param t the instant
   * @return the UTC date-time
   */
  public static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
