package io.github.quantfolio.store;

import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.store.internal.Json;

/**
 * One configuration of a stored sweep, as {@link ResultStore#findSweepRows(SweepQuery)} and
 * {@link ResultStore#bestConfigurations(io.github.quantfolio.backtest.SweepMetric, int)} return
 * it: the parameters as JSON and the metrics (NaN where undefined, stored as SQL NULL).
 *
 * @param sweepId the sweep's id
 * @param strategy the sweep's strategy name
 * @param seq the row's position in the sweep (0-based, grid-major then asset order)
 * @param asset the asset the configuration ran on
 * @param parametersJson the configuration's parameters as JSON text
 * @param metrics the run's metrics
 * @since 0.1.0
 */
public record StoredSweepRow(String sweepId, String strategy, int seq, String asset,
    String parametersJson, SweepMetrics metrics) {

  /**
   * The parameters read back as {@code type}.
   *
   * @param type the class the sweep's parameters were, not null
   * @param <T> the type
   * @return the parameters
   * @throws IllegalStateException if the JSON does not fit {@code type}
   */
  public <T> T parameters(Class<T> type) {
    Checks.notNull(type, "type");
    return Json.read(parametersJson, type);
  }

  @Override
  public String toString() {
    return asset + " " + parametersJson + " (" + strategy + ", sweep " + sweepId + "): " + metrics;
  }
}
