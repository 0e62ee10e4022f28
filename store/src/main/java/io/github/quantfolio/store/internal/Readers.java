package io.github.quantfolio.store.internal;

import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.ExitReason;
import io.github.quantfolio.backtest.Rebalance;
import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.ValueFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.PerformanceReport;
import io.github.quantfolio.store.RunKind;
import io.github.quantfolio.store.RunSummary;
import io.github.quantfolio.store.StoredBacktest;
import io.github.quantfolio.store.StoredOptimization;
import io.github.quantfolio.store.StoredSweep;
import io.github.quantfolio.store.StoredSweepRow;
import io.github.quantfolio.store.StoredWalkForward;
import io.github.quantfolio.trading.DecisionRecord;
import io.github.quantfolio.trading.DecisionRecords;
import io.github.quantfolio.trading.LedgerSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SELECTs of each load and query. */
public final class Readers {

  private Readers() {
  }

  /**
   * Runs a run query.
   *
   * @param c the connection
   * @param q the SQL
   * @return the summaries
   * @throws SQLException from the driver
   */
  public static List<RunSummary> runs(Connection c, QuerySql q) throws SQLException {
    List<RunSummary> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(summary(rs));
      }
    }
    return out;
  }

  /**
   * Runs a sweep query.
   *
   * @param c the connection
   * @param q the SQL
   * @return the rows
   * @throws SQLException from the driver
   */
  public static List<StoredSweepRow> sweepRows(Connection c, QuerySql q) throws SQLException {
    List<StoredSweepRow> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new StoredSweepRow(rs.getString(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(5), metrics(rs, 6)));
      }
    }
    return out;
  }

  /**
   * Loads a backtest run.
   *
   * @param c the connection
   * @param id the run id
   * @return the run or empty
   * @throws SQLException from the driver
   */
  public static Optional<StoredBacktest> backtest(Connection c, String id) throws SQLException {
    RunSummary summary;
    BacktestConfig config;
    PerformanceReport report;
    Frequency frequency;
    TimeIndex.Kind kind;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + QuerySql.RUN_COLUMNS
        + ", r.config_json, r.report_json, r.frequency_json, r.index_kind FROM backtest_runs r "
        + "WHERE r.run_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        summary = summary(rs);
        config = Json.read(rs.getString("config_json"), BacktestConfig.class);
        String rep = rs.getString("report_json");
        report = rep == null ? null : Json.read(rep, PerformanceReport.class);
        frequency = Json.read(rs.getString("frequency_json"), Frequency.class);
        kind = TimeIndex.Kind.valueOf(rs.getString("index_kind"));
      }
    }
    int n = summary.bars();
    long[] times = new long[n];
    double[][] cols = new double[6][n];
    int rows = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT bar, time_value, equity, cash, "
        + "period_return, fees, slippage, turnover FROM equity_points WHERE run_id = ? ORDER BY "
        + "bar")) {
      ps.setString(1, id);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int t = rs.getInt(1);
          if (t != rows || t >= n) {
            throw new IllegalStateException("Run '" + id + "': equity point " + t + " out of "
                + "order or beyond its " + n + " bars (corrupt store)");
          }
          times[t] = rs.getLong(2);
          for (int k = 0; k < 6; k++) {
            cols[k][t] = Jdbc.getDouble(rs, 3 + k);
          }
          rows++;
        }
      }
    }
    if (rows != n) {
      throw new IllegalStateException("Run '" + id + "' has " + rows + " equity points for " + n
          + " bars (corrupt store)");
    }
    TimeIndex index = kind == TimeIndex.Kind.DATE ? TimeIndex.ofEpochDays(times)
        : TimeIndex.ofEpochMillis(times);
    ValueFrame equity = ValueFrame.of(index, List.of("equity", "cash", "return", "fees",
        "slippage", "turnover"), cols, frequency);
    List<Trade> trades = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT asset, side, entry_bar, exit_bar, "
        + "entry_time, exit_time, quantity, entry_price, exit_price, fees, pnl, return_fraction,"
        + " exit_reason, financing FROM backtest_trades WHERE run_id = ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          trades.add(new Trade(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
              rs.getString(5), rs.getString(6), Jdbc.getDouble(rs, 7), Jdbc.getDouble(rs, 8),
              Jdbc.getDouble(rs, 9), Jdbc.getDouble(rs, 10), Jdbc.getDouble(rs, 11),
              Jdbc.getDouble(rs, 12), ExitReason.valueOf(rs.getString(13)),
              Jdbc.getDouble(rs, 14)));
        }
      }
    }
    List<Rebalance> rebalances = new ArrayList<>();
    if (summary.kind() == RunKind.PORTFOLIO) {
      try (PreparedStatement ps = c.prepareStatement("SELECT bar, time_label, kind, target_json, "
          + "failure, fallback FROM rebalances WHERE run_id = ? ORDER BY seq")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String target = rs.getString(4);
            rebalances.add(new Rebalance(rs.getInt(1), rs.getString(2),
                Rebalance.Kind.valueOf(rs.getString(3)),
                target == null ? null : Json.read(target, Weights.class), rs.getString(5),
                rs.getBoolean(6)));
          }
        }
      }
    }
    return Optional.of(new StoredBacktest(summary, config, report, equity, trades, rebalances));
  }

  /**
   * Loads a sweep.
   *
   * @param c the connection
   * @param id the sweep id
   * @param type the parameter class
   * @param <P> the parameter type
   * @return the sweep or empty
   * @throws SQLException from the driver
   */
  public static <P> Optional<StoredSweep<P>> sweep(Connection c, String id, Class<P> type)
      throws SQLException {
    String strategy;
    List<String> assets;
    double dsr;
    Instant savedAt;
    try (PreparedStatement ps = c.prepareStatement("SELECT strategy, assets_json, "
        + "deflated_sharpe, saved_at FROM sweeps WHERE sweep_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        strategy = rs.getString(1);
        assets = Json.readList(rs.getString(2), String.class);
        dsr = Jdbc.getDouble(rs, 3);
        savedAt = instant(rs, 4);
      }
    }
    List<SweepRow<P>> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT asset, parameters_json, total_return,"
        + " cagr, volatility, sharpe, sortino, max_drawdown, calmar, trades, win_rate, exposure, "
        + "periods, risk_free_rate, wiped_out, equity_json FROM sweep_rows WHERE sweep_id = ? "
        + "ORDER BY seq")) {
      ps.setString(1, id);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String eq = rs.getString(16);
          rows.add(new SweepRow<>(Json.read(rs.getString(2), type), rs.getString(1),
              metrics(rs, 3), eq == null ? null : Json.read(eq, double[].class)));
        }
      }
    }
    return Optional.of(new StoredSweep<>(id, strategy, assets, rows, dsr, savedAt));
  }

  /**
   * Loads a walk-forward run.
   *
   * @param c the connection
   * @param id the run id
   * @param type the parameter class
   * @param <P> the parameter type
   * @return the run or empty
   * @throws SQLException from the driver
   */
  public static <P> Optional<StoredWalkForward<P>> walkForward(Connection c, String id,
      Class<P> type) throws SQLException {
    String strategy;
    int bars;
    TimeIndex.Kind kind;
    Frequency frequency;
    Instant savedAt;
    try (PreparedStatement ps = c.prepareStatement("SELECT strategy, bars, index_kind, "
        + "frequency_json, saved_at FROM walk_forward_runs WHERE run_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        strategy = rs.getString(1);
        bars = rs.getInt(2);
        kind = TimeIndex.Kind.valueOf(rs.getString(3));
        frequency = Json.read(rs.getString(4), Frequency.class);
        savedAt = instant(rs, 5);
      }
    }
    List<WalkForwardResult.Fold<P>> folds = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT train_start, test_start, test_end, "
        + "chosen_json, in_sample_json, out_of_sample_json FROM walk_forward_folds WHERE run_id ="
        + " ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          folds.add(new WalkForwardResult.Fold<>(rs.getInt(1), rs.getInt(2), rs.getInt(3),
              Json.read(rs.getString(4), type), Json.read(rs.getString(5), SweepMetrics.class),
              Json.read(rs.getString(6), SweepMetrics.class)));
        }
      }
    }
    long[] times = new long[bars];
    double[] equity = new double[bars];
    int n = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT time_value, equity FROM "
        + "walk_forward_equity WHERE run_id = ? ORDER BY bar")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (n >= bars) {
            throw new IllegalStateException("Walk-forward run '" + id + "' has more equity "
                + "points than its " + bars + " bars (corrupt store)");
          }
          times[n] = rs.getLong(1);
          equity[n++] = Jdbc.getDouble(rs, 2);
        }
      }
    }
    if (n != bars) {
      throw new IllegalStateException("Walk-forward run '" + id + "' has " + n
          + " equity points for " + bars + " bars (corrupt store)");
    }
    TimeIndex index = kind == TimeIndex.Kind.DATE ? TimeIndex.ofEpochDays(times)
        : TimeIndex.ofEpochMillis(times);
    return Optional.of(new StoredWalkForward<>(id, strategy, folds,
        ValueFrame.of(index, List.of("equity"), new double[][] {equity}, frequency), savedAt));
  }

  /**
   * Loads an optimisation.
   *
   * @param c the connection
   * @param id the run id
   * @return the optimisation or empty
   * @throws SQLException from the driver
   */
  public static Optional<StoredOptimization> optimization(Connection c, String id)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT method, constraints_json, "
        + "weights_json, expected_return, volatility, risk_free_rate, elapsed_nanos, "
        + "inputs_fingerprint, saved_at FROM optimizations WHERE run_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OptimalPortfolio p = OptimalPortfolio.of(rs.getString(1),
            Json.read(rs.getString(3), Weights.class), Jdbc.getDouble(rs, 4),
            Jdbc.getDouble(rs, 5), rs.getDouble(6));
        return Optional.of(new StoredOptimization(id, p, rs.getString(2),
            Duration.ofNanos(rs.getLong(7)), rs.getString(8), instant(rs, 9)));
      }
    }
  }

  /**
   * Loads decision records.
   *
   * @param c the connection
   * @param id the batch id
   * @return the records or empty
   * @throws SQLException from the driver
   */
  public static Optional<List<DecisionRecord>> decisions(Connection c, String id)
      throws SQLException {
    if (!exists(c, "SELECT 1 FROM decision_batches WHERE batch_id = ?", id)) {
      return Optional.empty();
    }
    List<DecisionRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT record_json FROM decision_records "
        + "WHERE batch_id = ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(DecisionRecords.fromJson(rs.getString(1)));
        }
      }
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * Loads ledger snapshots.
   *
   * @param c the connection
   * @param id the batch id
   * @return the snapshots or empty
   * @throws SQLException from the driver
   */
  public static Optional<List<LedgerSnapshot>> snapshots(Connection c, String id)
      throws SQLException {
    if (!exists(c, "SELECT 1 FROM ledger_batches WHERE batch_id = ?", id)) {
      return Optional.empty();
    }
    List<LedgerSnapshot> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_json FROM ledger_snapshots "
        + "WHERE batch_id = ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Json.read(rs.getString(1), LedgerSnapshot.class));
        }
      }
    }
    return Optional.of(List.copyOf(out));
  }

  private static boolean exists(Connection c, String sql, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static PreparedStatement prepare(Connection c, QuerySql q) throws SQLException {
    PreparedStatement ps = c.prepareStatement(q.sql());
    try {
      int i = 1;
      for (Object p : q.parameters()) {
        if (p instanceof Double d) {
          ps.setDouble(i++, d);
        } else {
          ps.setString(i++, (String) p);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static RunSummary summary(ResultSet rs) throws SQLException {
    return new RunSummary(rs.getString(1), RunKind.valueOf(rs.getString(2)), rs.getString(3),
        rs.getString(4), Json.readList(rs.getString(5), String.class), rs.getString(6),
        rs.getString(7), rs.getInt(8), Jdbc.getDouble(rs, 9), Jdbc.getDouble(rs, 10),
        Jdbc.getDouble(rs, 11), Jdbc.getDouble(rs, 12), Jdbc.getDouble(rs, 13),
        Jdbc.getDouble(rs, 14), Jdbc.getDouble(rs, 15), Jdbc.getDouble(rs, 16),
        Jdbc.getDouble(rs, 17), rs.getInt(18), rs.getInt(19), instant(rs, 20));
  }

  /** Sweep metrics from 13 consecutive columns starting at {@code first}. */
  private static SweepMetrics metrics(ResultSet rs, int first) throws SQLException {
    int i = first;
    return new SweepMetrics(Jdbc.getDouble(rs, i), Jdbc.getDouble(rs, i + 1),
        Jdbc.getDouble(rs, i + 2), Jdbc.getDouble(rs, i + 3), Jdbc.getDouble(rs, i + 4),
        Jdbc.getDouble(rs, i + 5), Jdbc.getDouble(rs, i + 6), rs.getInt(i + 7),
        Jdbc.getDouble(rs, i + 8), Jdbc.getDouble(rs, i + 9), rs.getInt(i + 10),
        Jdbc.getDouble(rs, i + 11), rs.getBoolean(i + 12));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
