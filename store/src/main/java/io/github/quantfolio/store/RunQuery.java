package io.github.quantfolio.store;

import io.github.quantfolio.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A query of stored backtest and portfolio runs (table {@code backtest_runs}): every criterion set
 * must hold. Immutable; each {@code with}-style method returns a new query. Start from
 * {@link #all()}:
 *
 * <pre>{@code
 * store.findRuns(RunQuery.all().strategy("SMA crossover").asset("AAA")
 *     .from(LocalDate.of(2020, 1, 1)).to(LocalDate.of(2022, 12, 31))
 *     .where(Metric.SHARPE, 0.5, Double.POSITIVE_INFINITY).orderBy(Metric.SHARPE).limit(10));
 * }</pre>
 *
 * <p>Dates: {@code from} keeps runs whose first bar is on or after that date, {@code to} runs whose
 * last bar is on or before it (runs entirely inside the range); intraday runs compare by their
 * UTC date. A metric range is inclusive; a metric stored as NULL (NaN) never matches one.
 *
 * @param kind the run kind, or null for both
 * @param strategy the exact strategy name, or null for any
 * @param asset an asset the run must include, or null for any
 * @param from the earliest first bar (inclusive), or null
 * @param to the latest last bar (inclusive), or null
 * @param ranges metric ranges that must all hold
 * @param orderBy the metric to sort by (best first, NULL last), or null for the saving order
 * @param limit the number of rows at most, 0 for all
 * @since 0.1.0
 */
public record RunQuery(RunKind kind, String strategy, String asset, LocalDate from, LocalDate to,
    List<Range<Metric>> ranges, Metric orderBy, int limit) implements StoreQuery {

  /**
   * An inclusive range of a metric.
   *
   * @param metric the metric
   * @param min the lower bound (inclusive), may be -infinity
   * @param max the upper bound (inclusive), may be +infinity
   * @param <M> the metric type ({@link Metric} or {@code SweepMetric})
   */
  public record Range<M extends Enum<M>>(M metric, double min, double max) {

    /**
     * Validates the bounds.
     *
     * @param metric the metric, not null
     * @param min the lower bound, not NaN
     * @param max the upper bound, not NaN, &gt;= min
     * @throws IllegalArgumentException if a bound is NaN or {@code min > max}
     */
    public Range {
      Checks.notNull(metric, "metric");
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException("Expected min <= max, neither NaN, for " + metric
            + ", but found min " + min + " and max " + max);
      }
    }
  }

  /**
   * Validates and copies.
   *
   * @param kind the run kind, or null
   * @param strategy the strategy, or null
   * @param asset the asset, or null
   * @param from the earliest first bar, or null
   * @param to the latest last bar, or null
   * @param ranges the metric ranges, not null
   * @param orderBy the sort metric, or null
   * @param limit the row limit, &gt;= 0
   * @throws IllegalArgumentException if {@code from} is after {@code to} or the limit negative
   */
  public RunQuery {
    ranges = List.copyOf(Checks.notNull(ranges, "ranges"));
    Checks.notNegative(limit, "limit");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("Expected from <= to, but found from " + from + " and to "
          + to);
    }
  }

  /**
   * Every run, in saving order.
   *
   * @return the query without criteria
   */
  public static RunQuery all() {
    return new RunQuery(null, null, null, null, null, List.of(), null, 0);
  }

  /**
   * Only runs of this kind.
   *
   * @param kind the kind, not null
   * @return the narrowed query
   */
  public RunQuery kind(RunKind kind) {
    return new RunQuery(Checks.notNull(kind, "kind"), strategy, asset, from, to, ranges, orderBy,
        limit);
  }

  /**
   * Only runs of this strategy (exact name).
   *
   * @param strategy the strategy name, not null
   * @return the narrowed query
   */
  public RunQuery strategy(String strategy) {
    return new RunQuery(kind, Checks.notNull(strategy, "strategy"), asset, from, to, ranges,
        orderBy, limit);
  }

  /**
   * Only runs that include this asset.
   *
   * @param asset the asset name, not null
   * @return the narrowed query
   */
  public RunQuery asset(String asset) {
    return new RunQuery(kind, strategy, Checks.notNull(asset, "asset"), from, to, ranges, orderBy,
        limit);
  }

  /**
   * Only runs whose first bar is on or after {@code date}.
   *
   * @param date the date, not null
   * @return the narrowed query
   */
  public RunQuery from(LocalDate date) {
    return new RunQuery(kind, strategy, asset, Checks.notNull(date, "date"), to, ranges, orderBy,
        limit);
  }

  /**
   * Only runs whose last bar is on or before {@code date}.
   *
   * @param date the date, not null
   * @return the narrowed query
   */
  public RunQuery to(LocalDate date) {
    return new RunQuery(kind, strategy, asset, from, Checks.notNull(date, "date"), ranges, orderBy,
        limit);
  }

  /**
   * Only runs whose {@code metric} lies in {@code [min, max]} (NULL never does).
   *
   * @param metric the metric, not null
   * @param min the lower bound (inclusive)
   * @param max the upper bound (inclusive)
   * @return the narrowed query
   */
  public RunQuery where(Metric metric, double min, double max) {
    List<Range<Metric>> r = new ArrayList<>(ranges);
    r.add(new Range<>(metric, min, max));
    return new RunQuery(kind, strategy, asset, from, to, r, orderBy, limit);
  }

  /**
   * Sorted best first by {@code metric} ({@link Metric#higherIsBetter()}), NULL last, ties by run
   * id.
   *
   * @param metric the metric, not null
   * @return the sorted query
   */
  public RunQuery orderBy(Metric metric) {
    return new RunQuery(kind, strategy, asset, from, to, ranges, Checks.notNull(metric, "metric"),
        limit);
  }

  /**
   * At most {@code n} rows.
   *
   * @param n the limit, &gt;= 1
   * @return the limited query
   */
  public RunQuery limit(int n) {
    Checks.positive(n, "n");
    return new RunQuery(kind, strategy, asset, from, to, ranges, orderBy, n);
  }
}
