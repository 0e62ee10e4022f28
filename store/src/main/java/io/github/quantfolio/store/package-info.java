/**
 * The results store: {@link io.github.quantfolio.store.ResultStore} saves optimisations,
 * backtests (with trades and equity curves), walk-forward portfolios (with their rebalance
 * log), parameter sweeps (with the deflated Sharpe ratio), walk-forward folds, decision records
 * and ledger snapshots in a database on plain JDBC — an embedded H2 file by default
 * ({@code ResultStore.h2(Path)}), PostgreSQL through {@code ResultStore.of(DataSource)} — and
 * finds them again by strategy, asset, dates and metric ({@link io.github.quantfolio.store.RunQuery},
 * {@link io.github.quantfolio.store.SweepQuery}), with CSV export of any query.
 *
 * <p>Each save is one transaction and idempotent on its id; NaN metrics are SQL NULL; the schema
 * is versioned with Flyway. See {@code docs/store.md}.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.store;
