package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.SignalModel;
import io.github.quantfolio.core.adapters.TradeReviewer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link TradingPipeline} was built with (see its {@link TradingPipeline.Builder}).
 *
 * @param runId the run id behind the client order ids
 * @param features the feature source
 * @param model the signal model
 * @param reviewer the reviewer
 * @param reviewTimeout how long to wait for the reviewer, or null for no limit
 * @param gate the risk gate
 * @param sizer the position sizer (sizing mode), or null
 * @param allocation the allocation model (allocation mode), or null
 * @param allocationLookback bars of closes the allocation model sees
 * @param shorts whether negative signals open shorts (sizing mode)
 * @param lotSize the order lot
 * @param minTradeValue the smallest trade proposed
 * @param recentReturns how many recent returns the reviewer sees
 * @param listeners the listeners
 * @param sizingInputs completes each sizing request from the features and the signal
 * @param parallelFeatures whether features are computed in parallel (the source must then be
 *     thread-safe)
 * @since 0.1.0
 */
public record PipelineConfig(String runId, FeatureSource features, SignalModel model,
    TradeReviewer reviewer, Duration reviewTimeout, RiskGate gate, PositionSizer sizer,
    AllocationModel allocation, int allocationLookback, boolean shorts, double lotSize,
    double minTradeValue, int recentReturns, List<PipelineListener> listeners,
    SizingInputs sizingInputs, boolean parallelFeatures) {

  /**
   * Completes the {@link SizingRequest} the pipeline builds (symbol, price, equity, confidence,
   * volatility, cash, correlation with the book, lot) with what a sizer needs beyond it, for
   * example the expected return and the maximum loss of a Kelly sizer or the stop distance of
   * a risk-per-trade sizer.
   */
  @FunctionalInterface
  public interface SizingInputs {

    /**
     * The request to size.
     *
     * @param base the pipeline's request
     * @param features the features the model saw
     * @param signal the model's signal
     * @return the completed request
     */
    SizingRequest complete(SizingRequest base, io.github.quantfolio.core.adapters.Features features,
        io.github.quantfolio.core.adapters.Signal signal);
  }

  /**
   * The review timeout, if any.
   *
   * @return the timeout
   */
  public Optional<Duration> reviewTimeoutIfSet() {
    return Optional.ofNullable(reviewTimeout);
  }

  /** For example {@code run momentum-1, sizer confidence weighted, gate RiskGate{...}}. */
  @Override
  public String toString() {
    return "run " + runId + ", " + (sizer != null ? "sizer " + sizer.name()
        : "allocation " + allocation) + ", model " + model + ", reviewer " + reviewer
        + (reviewTimeout == null ? "" : " (timeout " + reviewTimeout + ")") + ", " + gate
        + (shorts ? ", shorts" : "") + ", lot " + lotSize
        + (parallelFeatures ? ", parallel features" : "");
  }
}
