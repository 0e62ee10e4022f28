package io.github.quantfolio.store;

/**
 * A query of the store: {@link RunQuery} (backtest and portfolio runs) or {@link SweepQuery}
 * (sweep configurations). Any query can be exported with
 * {@link ResultStore#exportCsv(StoreQuery, java.nio.file.Path)}.
 *
 * @since 0.1.0
 */
public sealed interface StoreQuery permits RunQuery, SweepQuery {

  /**
   * The number of rows at most, or 0 for all.
   *
   * @return the row limit, 0 for none
   */
  int limit();
}
