package io.github.quantfolio.core;

/** Named tolerances for core tests, in one place. */
final class Tolerance {
  /** Closed-form arithmetic on a few operands: a few ulps of values near 1. */
  static final double EXACT = 1e-12;
  /** Round trips through compounding (prices -> returns -> prices), relative. */
  static final double ROUND_TRIP = 1e-12;

  private Tolerance() {
  }
}
