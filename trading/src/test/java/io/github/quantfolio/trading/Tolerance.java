package io.github.quantfolio.trading;

/** Named tolerances for trading tests, in one place. */
final class Tolerance {
  /** Hand-computed amounts of a few operations on numbers with short binary expansions. */
  static final double EXACT = 1e-9;
  /** Accounting identities over long random fill streams, relative to the capital. */
  static final double IDENTITY = 1e-9;

  private Tolerance() {
  }

  static void assertNear(double expected, double actual, double abs, String what) {
    if (!(Math.abs(expected - actual) <= abs)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual
          + " (difference " + Math.abs(expected - actual) + ")");
    }
  }
}
