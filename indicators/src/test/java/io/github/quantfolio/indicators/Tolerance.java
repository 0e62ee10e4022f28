package io.github.quantfolio.indicators;

/**
 * Named tolerances for the indicators tests, in one place. All are relative: two values agree when
 * {@code |expected - actual| <= tol * max(|expected|, |actual|, scale)}, where {@code scale} is the
 * magnitude of the operands the value was computed from (the price level for a difference of
 * prices such as MACD or momentum, 100 for an oscillator bounded by 100), so that a result near
 * zero is not held to a tighter absolute standard than its inputs allow.
 */
final class Tolerance {

  /** Agreement with TA-Lib's Java port (the bar: 1e-9 relative). */
  static final double REFERENCE = 1e-9;

  /**
   * Rolling deviation vs a direct two-pass computation per window. Both are accurate to the
   * conditioning of {@code x - mean} (a few ulps of the price relative to the deviation): observed
   * < 2e-11 for two-value windows, ~1e-14 for twenty.
   */
  static final double TWO_PASS = 1e-10;

  /** Hand-computed expectations: a few operations on small numbers. */
  static final double HAND = 1e-12;

  private Tolerance() {
  }
}
