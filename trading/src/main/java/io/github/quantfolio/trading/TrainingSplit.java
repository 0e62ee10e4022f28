package io.github.quantfolio.trading;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link TrainingSet} split around an evaluation period {@code [evalFrom, evalTo]}: the
 * evaluation rows, and training rows none of whose label windows overlap the period (purged and
 * embargoed; see {@link TrainingSet}). The training set's {@link TrainingSet#purged()},
 * {@link TrainingSet#embargoed()} and {@link TrainingSet#excludedOutside()} count what was
 * dropped.
 *
 * @param train the training rows
 * @param test the evaluation rows ({@code evalFrom <= asOf <= evalTo})
 * @param evalFrom the first instant of the evaluation period
 * @param evalTo the last instant of the evaluation period
 * @param embargoBars the embargo applied after the period, in bars of each symbol
 * @since 0.1.0
 */
public record TrainingSplit(TrainingSet train, TrainingSet test, Instant evalFrom,
    Instant evalTo, int embargoBars) {

  /**
   * Checks the fields (see the record description).
   *
   * @param train the training rows
   * @param test the evaluation rows
   * @param evalFrom the first instant of the evaluation period
   * @param evalTo the last instant, not before {@code evalFrom}
   * @param embargoBars the embargo, {@code >= 0}
   */
  public TrainingSplit {
    Objects.requireNonNull(train, "TrainingSplit: train must not be null");
    Objects.requireNonNull(test, "TrainingSplit: test must not be null");
    Objects.requireNonNull(evalFrom, "TrainingSplit: evalFrom must not be null");
    Objects.requireNonNull(evalTo, "TrainingSplit: evalTo must not be null");
    if (evalTo.isBefore(evalFrom)) {
      throw new IllegalArgumentException("TrainingSplit: evalTo " + evalTo
          + " is before evalFrom " + evalFrom);
    }
    if (embargoBars < 0) {
      throw new IllegalArgumentException("TrainingSplit: expected embargoBars >= 0, but found "
          + embargoBars);
    }
  }
}
