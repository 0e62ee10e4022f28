package io.github.quantfolio.store;

import io.github.quantfolio.backtest.SweepRow;
import java.time.Instant;
import java.util.List;

/**
 * A parameter sweep read back from the store: its rows as {@link SweepRow}s equal to the saved
 * ones component by component (parameters read back as the requested type, metrics equal, the
 * equity curve equal by content when the sweep kept it, else null), and the deflated Sharpe ratio
 * computed when it was saved.
 *
 * @param sweepId the sweep's id
 * @param strategy the strategy name
 * @param assets the assets of the sweep, in first-seen row order
 * @param rows the rows in the saved order
 * @param deflatedSharpe the deflated Sharpe ratio of the best row (Bailey &amp; López de Prado
 *     2014), NaN when it was undefined (fewer than two finite Sharpe ratios, a wiped-out best run)
 * @param savedAt when it was saved
 * @param <P> the parameter type
 * @since 0.1.0
 */
public record StoredSweep<P>(String sweepId, String strategy, List<String> assets,
    List<SweepRow<P>> rows, double deflatedSharpe, Instant savedAt) {

  /**
   * Copies the lists.
   *
   * @param sweepId the sweep's id
   * @param strategy the strategy name
   * @param assets the assets
   * @param rows the rows
   * @param deflatedSharpe the deflated Sharpe ratio, or NaN
   * @param savedAt when saved
   */
  public StoredSweep {
    assets = List.copyOf(assets);
    rows = List.copyOf(rows);
  }
}
