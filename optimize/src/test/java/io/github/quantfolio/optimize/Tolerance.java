package io.github.quantfolio.optimize;

/** Named tolerances for optimize tests, in one place. */
public final class Tolerance {
  /** Closed forms evaluated in double precision by two different routes; relative. */
  public static final double CLOSED_FORM = 1e-10;
  /** KKT residuals of an exact active-set QP solution, relative to the problem's scale. */
  public static final double KKT = 1e-9;
  /** Constraint satisfaction of returned weights (sum to 1, bounds), absolute. */
  public static final double FEASIBILITY = 1e-10;
  /** Invariance properties (permutation, covariance scaling): the same QP solved twice. */
  public static final double INVARIANCE = 1e-8;

  private Tolerance() {
  }

  /** Relative closeness {@code |e - a| <= rel max(|e|, |a|, floor)}. */
  public static void assertClose(double expected, double actual, double rel, String what) {
    double scale = Math.max(Math.max(Math.abs(expected), Math.abs(actual)), 1e-300);
    if (!(Math.abs(expected - actual) <= rel * scale) && expected != actual) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual
          + " (relative error " + Math.abs(expected - actual) / scale + ")");
    }
  }

  /** Absolute closeness. */
  public static void assertNear(double expected, double actual, double abs, String what) {
    if (!(Math.abs(expected - actual) <= abs)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual
          + " (difference " + Math.abs(expected - actual) + ")");
    }
  }
}
