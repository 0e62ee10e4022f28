package io.github.quantfolio.backtest;

/**
 * One run of a {@link ParameterSweep}: a parameter set on one asset.
 *
 * @param <P> the parameter type
 * @param parameters the parameters
 * @param asset the asset
 * @param metrics the run's summary
 * @param equity the equity curve, or null unless the sweep keeps curves (not copied)
 * @since 0.1.0
 */
public record SweepRow<P>(P parameters, String asset, SweepMetrics metrics, double[] equity) {

  /** Asset, parameters and the metrics with their units (see {@link SweepMetrics#toString()}). */
  @Override
  public String toString() {
    return asset + " " + ParameterSweep.describe(parameters) + ": " + metrics;
  }
}
