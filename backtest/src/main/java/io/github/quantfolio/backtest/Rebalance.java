package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Weights;

/**
 * One decision of a {@link WalkForwardPortfolio}, taken at the close of {@code bar} and filled later.
 *
 * @param bar the decision bar
 * @param time its label
 * @param kind why the decision was taken
 * @param target the target weights ordered (all zero for the circuit breaker), or null when the
 *     allocator failed and the positions were kept
 * @param failure the allocator's error message when it failed, else null
 * @since 0.1.0
 */
public record Rebalance(int bar, String time, Kind kind, Weights target, String failure) {

  /** Why a rebalance happened. */
  public enum Kind {
    /** A scheduled re-estimation (including the first allocation). */
    SCHEDULED,
    /** Weights drifted beyond the threshold; back to the last target without re-estimation. */
    DRIFT,
    /** The circuit breaker moved to cash. */
    CIRCUIT_BREAKER
  }

  /** True if the allocator failed (positions kept). */
  public boolean failed() {
    return failure != null;
  }
}
