package io.github.quantfolio.core;

/**
 * How two frames with different timestamps are put on one index.
 *
 * @since 0.1.0
 */
public enum Alignment {
  /** Keep only timestamps present in both frames (no value is invented). */
  INTERSECTION,
  /**
   * Keep timestamps present in either frame; a frame gets {@code NaN} on the timestamps it lacks
   * (never a forward-filled value).
   */
  UNION
}
