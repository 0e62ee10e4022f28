package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Weights;

/**
 * One decision of a {@link WalkForwardPortfolio}, taken at the close of {@code bar} and filled
 * later.
 *
 * @param bar the decision bar
 * @param time its label
 * @param kind why the decision was taken
 * @param target the target weights ordered (all zero for the circuit breaker), or null when no
 *     allocation succeeded and the positions were kept
 * @param failure the (primary) allocator's error message when it failed, else null
 * @param fallback true when {@code target} came from the fallback allocator after the primary
 *     one failed ({@link WalkForwardPortfolio#withFallback})
 * @since 0.1.0
 */
public record Rebalance(int bar, String time, Kind kind, Weights target, String failure,
    boolean fallback) {

  /** Why a rebalance happened. */
  public enum Kind {
    /** A scheduled re-estimation (including the first allocation). */
    SCHEDULED,
    /** Weights drifted beyond the threshold; back to the last target without re-estimation. */
    DRIFT,
    /** The circuit breaker moved to cash. */
    CIRCUIT_BREAKER
  }

  /**
   * True if the (primary) allocator failed, whether or not the fallback stepped in.
   *
   * @return whether the (primary) allocator failed
   */
  public boolean failed() {
    return failure != null;
  }

  /**
   * True if this decision ordered nothing because every allocator failed: the positions were
   * kept.
   *
   * @return whether every allocator failed and the positions were kept
   * @since 0.1.0
   */
  public boolean keptPositions() {
    return target == null;
  }

  /** One line: date, kind, and the outcome (the failure, the fallback, the number of assets). */
  @Override
  public String toString() {
    String head = time + " " + kind;
    if (target == null) {
      return head + " FAILED, positions kept: " + failure;
    }
    int held = 0;
    double gross = 0;
    for (double v : target.toArray()) {
      held += v != 0 ? 1 : 0;
      gross += Math.abs(v);
    }
    String what = held + " assets, gross " + io.github.quantfolio.core.internal.TextTable.num(
        100 * gross, 2) + "%";
    return fallback ? head + " by the fallback allocator (" + what + ") after: " + failure
        : head + ": " + what;
  }
}
