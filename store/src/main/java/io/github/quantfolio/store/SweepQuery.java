package io.github.quantfolio.store;

import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A query of stored sweep configurations (table {@code sweep_rows} joined with {@code sweeps}):
 * every criterion set must hold. Immutable; start from {@link #all()}. A metric stored as NULL
 * (NaN) never matches a range and sorts last.
 *
 * @param sweepId the sweep's id, or null for every sweep
 * @param strategy the exact strategy name, or null for any
 * @param asset the asset, or null for any
 * @param ranges metric ranges that must all hold
 * @param orderBy the metric to sort by (best first by {@link SweepMetric#higherIsBetter()}), or
 *     null for the saving order
 * @param limit the number of rows at most, 0 for all
 * @since 0.1.0
 */
public record SweepQuery(String sweepId, String strategy, String asset,
    List<RunQuery.Range<SweepMetric>> ranges, SweepMetric orderBy, int limit)
    implements StoreQuery {

  /**
   * Validates and copies.
   *
   * @param sweepId the sweep id, or null
   * @param strategy the strategy, or null
   * @param asset the asset, or null
   * @param ranges the metric ranges, not null
   * @param orderBy the sort metric, or null
   * @param limit the row limit, &gt;= 0
   */
  public SweepQuery {
    ranges = List.copyOf(Checks.notNull(ranges, "ranges"));
    Checks.notNegative(limit, "limit");
  }

  /**
   * Every configuration of every sweep, in saving order.
   *
   * @return the query without criteria
   */
  public static SweepQuery all() {
    return new SweepQuery(null, null, null, List.of(), null, 0);
  }

  /**
   * Only the rows of one sweep.
   *
   * @param id the sweep id, not null
   * @return the narrowed query
   */
  public SweepQuery sweep(String id) {
    return new SweepQuery(Checks.notNull(id, "id"), strategy, asset, ranges, orderBy, limit);
  }

  /**
   * Only sweeps of this strategy (exact name).
   *
   * @param strategy the strategy name, not null
   * @return the narrowed query
   */
  public SweepQuery strategy(String strategy) {
    return new SweepQuery(sweepId, Checks.notNull(strategy, "strategy"), asset, ranges, orderBy,
        limit);
  }

  /**
   * Only rows on this asset.
   *
   * @param asset the asset, not null
   * @return the narrowed query
   */
  public SweepQuery asset(String asset) {
    return new SweepQuery(sweepId, strategy, Checks.notNull(asset, "asset"), ranges, orderBy,
        limit);
  }

  /**
   * Only rows whose {@code metric} lies in {@code [min, max]}.
   *
   * @param metric the metric, not null
   * @param min the lower bound (inclusive)
   * @param max the upper bound (inclusive)
   * @return the narrowed query
   */
  public SweepQuery where(SweepMetric metric, double min, double max) {
    List<RunQuery.Range<SweepMetric>> r = new ArrayList<>(ranges);
    r.add(new RunQuery.Range<>(metric, min, max));
    return new SweepQuery(sweepId, strategy, asset, r, orderBy, limit);
  }

  /**
   * Sorted best first by {@code metric}, NULL last, ties by sweep id and position.
   *
   * @param metric the metric, not null
   * @return the sorted query
   */
  public SweepQuery orderBy(SweepMetric metric) {
    return new SweepQuery(sweepId, strategy, asset, ranges, Checks.notNull(metric, "metric"),
        limit);
  }

  /**
   * At most {@code n} rows.
   *
   * @param n the limit, &gt;= 1
   * @return the limited query
   */
  public SweepQuery limit(int n) {
    Checks.positive(n, "n");
    return new SweepQuery(sweepId, strategy, asset, ranges, orderBy, n);
  }
}
