package io.github.quantfolio.core;

/**
 * Which observation of each period a resampled frame keeps.
 *
 * @since 0.1.0
 */
public enum Sampling {
  /**
   * The first valid (non-NaN) value of each asset in the period; the row is labelled with the
   * first timestamp of the period present in the source index.
   */
  FIRST,
  /**
   * The last valid (non-NaN) value of each asset in the period; the row is labelled with the
   * last timestamp of the period present in the source index.
   */
  LAST
}
