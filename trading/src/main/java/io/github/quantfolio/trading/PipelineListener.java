package io.github.quantfolio.trading;

/**
 * Observes a {@link TradingPipeline} (alerts, dashboards): called synchronously for every limit
 * hit, state change and rejected order. A listener cannot veto or change a decision; an
 * exception it throws is caught, noted in the {@link CycleResult}, and the cycle goes on.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PipelineListener {

  /**
   * Called once per event, in the order the events happen.
   *
   * @param event what happened
   */
  void onEvent(PipelineEvent event);
}
