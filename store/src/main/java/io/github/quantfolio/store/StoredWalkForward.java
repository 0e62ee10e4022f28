package io.github.quantfolio.store;

import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.ValueFrame;
import java.time.Instant;
import java.util.List;

/**
 * A walk-forward optimisation read back from the store: the folds equal to
 * {@code WalkForwardResult.folds()} (chosen parameters read back as the requested type) and the
 * stitched out-of-sample equity as a one-column frame ({@code "equity"}) on
 * {@code WalkForwardResult.index()}, with the report's frequency.
 *
 * @param runId the run id
 * @param strategy the strategy name
 * @param folds the folds in time order
 * @param equity the stitched out-of-sample equity, in the account currency
 * @param savedAt when it was saved
 * @param <P> the parameter type
 * @since 0.1.0
 */
public record StoredWalkForward<P>(String runId, String strategy,
    List<WalkForwardResult.Fold<P>> folds, ValueFrame equity, Instant savedAt) {

  /**
   * Copies the folds.
   *
   * @param runId the run id
   * @param strategy the strategy name
   * @param folds the folds
   * @param equity the equity frame
   * @param savedAt when saved
   */
  public StoredWalkForward {
    folds = List.copyOf(folds);
  }
}
