package io.github.quantfolio.trading;

/**
 * When a {@link WalkForwardSignalModel} retrains, and on what.
 *
 * <p>The cut-offs are instants of the history's timeline (the union of every symbol's bar
 * instants): the first is the earliest instant at which at least {@code minTrainingRows} rows are
 * available ({@link TrainingSet#availableAt(java.time.Instant, int)} with this embargo), then one
 * every {@code retrainEveryBars} instants of the timeline, up to its end.
 *
 * @param horizon h, the label horizon in bars, {@code >= 1}
 * @param embargoBars e, bars between the end of the last label a model learns from and its
 *     cut-off, {@code >= 0}
 * @param retrainEveryBars instants of the timeline between two cut-offs, {@code >= 1}
 * @param minTrainingRows rows needed before the first model is trained, {@code >= 1}
 * @since 0.1.0
 */
public record WalkForwardSchedule(int horizon, int embargoBars, int retrainEveryBars,
    int minTrainingRows) {

  /** The default {@link #minTrainingRows()}: 250, a year of daily rows of one symbol. */
  public static final int DEFAULT_MIN_TRAINING_ROWS = 250;

  /**
   * Validates the fields (see the record description).
   *
   * @param horizon h, {@code >= 1}
   * @param embargoBars e, {@code >= 0}
   * @param retrainEveryBars {@code >= 1}
   * @param minTrainingRows {@code >= 1}
   */
  public WalkForwardSchedule {
    if (horizon < 1) {
      throw new IllegalArgumentException("WalkForwardSchedule: expected horizon >= 1, but found "
          + horizon);
    }
    if (embargoBars < 0) {
      throw new IllegalArgumentException("WalkForwardSchedule: expected embargoBars >= 0, but "
          + "found " + embargoBars);
    }
    if (retrainEveryBars < 1) {
      throw new IllegalArgumentException("WalkForwardSchedule: expected retrainEveryBars >= 1, "
          + "but found " + retrainEveryBars);
    }
    if (minTrainingRows < 1) {
      throw new IllegalArgumentException("WalkForwardSchedule: expected minTrainingRows >= 1, "
          + "but found " + minTrainingRows);
    }
  }

  /**
   * A schedule with {@link #DEFAULT_MIN_TRAINING_ROWS}.
   *
   * @param horizon h, {@code >= 1}
   * @param embargoBars e, {@code >= 0}
   * @param retrainEveryBars {@code >= 1}
   * @return the schedule
   */
  public static WalkForwardSchedule of(int horizon, int embargoBars, int retrainEveryBars) {
    return new WalkForwardSchedule(horizon, embargoBars, retrainEveryBars,
        DEFAULT_MIN_TRAINING_ROWS);
  }

  /**
   * A copy with another minimum number of training rows.
   *
   * @param rows {@code >= 1}
   * @return a new schedule
   */
  public WalkForwardSchedule withMinTrainingRows(int rows) {
    return new WalkForwardSchedule(horizon, embargoBars, retrainEveryBars, rows);
  }
}
