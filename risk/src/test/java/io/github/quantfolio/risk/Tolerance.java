package io.github.quantfolio.risk;

/** Named tolerances for risk tests, in one place. */
final class Tolerance {
  /**
   * Closed forms against an independent implementation (numpy, scikit-learn, pandas): both sides
   * sum in different orders, so agreement is to a few ulps of the largest term; relative.
   */
  static final double CLOSED_FORM = 1e-12;
  /** Against scipy's adaptive quadrature (requested relative error 1e-13): a numerical oracle. */
  static final double QUADRATURE = 1e-10;

  private Tolerance() {
  }

  static void assertClose(double expected, double actual, double rel, String what) {
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (!(Math.abs(expected - actual) <= rel * Math.max(scale, 1e-300))
        && !(Double.isNaN(expected) && Double.isNaN(actual))
        && expected != actual) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual
          + " (relative error " + Math.abs(expected - actual) / scale + ")");
    }
  }

  /**
   * Matrices agree entry by entry, relative to the largest entry of the expected matrix (an
   * off-diagonal entry near zero is as precise as its neighbours, not relatively).
   */
  static void assertMatrixClose(double[][] expected, double[][] actual, double rel, String what) {
    double scale = 0;
    for (double[] row : expected) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        if (!(Math.abs(expected[i][j] - actual[i][j]) <= rel * scale)) {
          throw new AssertionError(what + "[" + i + "][" + j + "]: expected " + expected[i][j]
              + " but was " + actual[i][j]);
        }
      }
    }
  }
}
