package io.github.quantfolio.store.internal;

import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.store.Metric;
import io.github.quantfolio.store.RunQuery;
import io.github.quantfolio.store.SweepQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the store's queries: a SELECT with {@code ?} parameters (values never spliced into
 * the text; column names come from enums).
 *
 * @param sql the statement
 * @param parameters the parameter values in order (String, Double or Integer)
 */
public record QuerySql(String sql, List<Object> parameters) {

  /** The columns of a run summary, in {@code RunSummary} order. */
  public static final String RUN_COLUMNS = "r.run_id, r.kind, r.strategy, r.parameters_json, "
      + "r.assets_json, r.start_time, r.end_time, r.bars, r.initial_capital, r.final_equity, "
      + "r.total_return, r.annual_return, r.volatility, r.sharpe, r.sortino, r.max_drawdown, "
      + "r.win_rate, r.trades, r.profitable_trades, r.saved_at";

  /** The columns of a sweep row, in {@code StoredSweepRow} order, metrics last. */
  public static final String SWEEP_COLUMNS = "w.sweep_id, s.strategy, w.seq, w.asset, "
      + "w.parameters_json, w.total_return, w.cagr, w.volatility, w.sharpe, w.sortino, "
      + "w.max_drawdown, w.calmar, w.trades, w.win_rate, w.exposure, w.periods, "
      + "w.risk_free_rate, w.wiped_out";

  /**
   * The SQL of a run query.
   *
   * @param q the query
   * @return the statement and its parameters
   */
  public static QuerySql of(RunQuery q) {
    StringBuilder sb = new StringBuilder("SELECT ").append(RUN_COLUMNS)
        .append(" FROM backtest_runs r WHERE 1 = 1");
    List<Object> p = new ArrayList<>();
    if (q.kind() != null) {
      sb.append(" AND r.kind = ?");
      p.add(q.kind().name());
    }
    if (q.strategy() != null) {
      sb.append(" AND r.strategy = ?");
      p.add(q.strategy());
    }
    if (q.asset() != null) {
      sb.append(" AND EXISTS (SELECT 1 FROM backtest_run_assets a WHERE a.run_id = r.run_id"
          + " AND a.asset = ?)");
      p.add(q.asset());
    }
    if (q.from() != null) { // ISO labels compare as text: '2020-01-02T..' >= '2020-01-02'
      sb.append(" AND r.start_time >= ?");
      p.add(q.from().toString());
    }
    if (q.to() != null) { // before the next day: keeps intraday labels of that date
      sb.append(" AND r.end_time < ?");
      p.add(q.to().plusDays(1).toString());
    }
    for (RunQuery.Range<Metric> r : q.ranges()) {
      range(sb, p, "r." + r.metric().column(), r.min(), r.max());
    }
    if (q.orderBy() != null) {
      sb.append(" ORDER BY r.").append(q.orderBy().column())
          .append(q.orderBy().higherIsBetter() ? " DESC" : " ASC")
          .append(" NULLS LAST, r.run_id");
    } else {
      sb.append(" ORDER BY r.saved_at, r.run_id");
    }
    limit(sb, q.limit());
    return new QuerySql(sb.toString(), List.copyOf(p));
  }

  /**
   * The SQL of a sweep query.
   *
   * @param q the query
   * @return the statement and its parameters
   */
  public static QuerySql of(SweepQuery q) {
    StringBuilder sb = new StringBuilder("SELECT ").append(SWEEP_COLUMNS)
        .append(" FROM sweep_rows w JOIN sweeps s ON s.sweep_id = w.sweep_id WHERE 1 = 1");
    List<Object> p = new ArrayList<>();
    if (q.sweepId() != null) {
      sb.append(" AND w.sweep_id = ?");
      p.add(q.sweepId());
    }
    if (q.strategy() != null) {
      sb.append(" AND s.strategy = ?");
      p.add(q.strategy());
    }
    if (q.asset() != null) {
      sb.append(" AND w.asset = ?");
      p.add(q.asset());
    }
    for (RunQuery.Range<SweepMetric> r : q.ranges()) {
      range(sb, p, "w." + column(r.metric()), r.min(), r.max());
    }
    if (q.orderBy() != null) {
      sb.append(" ORDER BY w.").append(column(q.orderBy()))
          .append(q.orderBy().higherIsBetter() ? " DESC" : " ASC")
          .append(" NULLS LAST, w.sweep_id, w.seq");
    } else {
      sb.append(" ORDER BY s.saved_at, w.sweep_id, w.seq");
    }
    limit(sb, q.limit());
    return new QuerySql(sb.toString(), List.copyOf(p));
  }

  /**
   * The column of table {@code sweep_rows} holding {@code m}.
   *
   * @param m the metric
   * @return the column name
   */
  public static String column(SweepMetric m) {
    return switch (m) {
      case TOTAL_RETURN -> "total_return";
      case CAGR -> "cagr";
      case VOLATILITY -> "volatility";
      case SHARPE -> "sharpe";
      case SORTINO -> "sortino";
      case MAX_DRAWDOWN -> "max_drawdown";
      case CALMAR -> "calmar";
      case TRADES -> "trades";
      case WIN_RATE -> "win_rate";
      case EXPOSURE -> "exposure";
    };
  }

  private static void range(StringBuilder sb, List<Object> p, String column, double min,
      double max) {
    sb.append(" AND ").append(column).append(" IS NOT NULL");
    if (min > Double.NEGATIVE_INFINITY) {
      sb.append(" AND ").append(column).append(" >= ?");
      p.add(min);
    }
    if (max < Double.POSITIVE_INFINITY) {
      sb.append(" AND ").append(column).append(" <= ?");
      p.add(max);
    }
  }

  private static void limit(StringBuilder sb, int limit) {
    if (limit > 0) {
      sb.append(" LIMIT ").append(limit);
    }
  }
}
