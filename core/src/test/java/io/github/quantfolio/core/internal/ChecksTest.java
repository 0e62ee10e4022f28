package io.github.quantfolio.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The shared argument checks say what they require, in the words a user would use. */
class ChecksTest {

  static void iae(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void lowerBoundsSayFiniteNotMaxValue() {
    iae("Expected finite maxWeight >= 0, but found NaN",
        () -> Checks.nonNegative(Double.NaN, "maxWeight"));
    iae("Expected finite maxWeight >= 0, but found -0.5",
        () -> Checks.nonNegative(-0.5, "maxWeight"));
    iae("Expected finite maxWeight >= 0, but found Infinity",
        () -> Checks.nonNegative(Double.POSITIVE_INFINITY, "maxWeight"));
    assertEquals(0.0, Checks.nonNegative(0.0, "maxWeight"));
    assertEquals(Double.MAX_VALUE, Checks.nonNegative(Double.MAX_VALUE, "maxWeight"));
    iae("Expected finite k >= 0.5, but found 0.25", () -> Checks.atLeast(0.25, 0.5, "k"));
    iae("Expected finite k > 0, but found -2.0", () -> Checks.greaterThan(-2, 0, "k"));
    iae("Expected finite k > 0, but found 0.0", () -> Checks.greaterThan(0, 0, "k"));
    iae("Expected finite k > -1, but found -Infinity",
        () -> Checks.greaterThan(Double.NEGATIVE_INFINITY, -1, "k"));
    assertEquals(1e-300, Checks.greaterThan(1e-300, 0, "k"));
  }

  @Test
  void rangesUpToMaxValueAreLowerBounds() {
    // The pattern inRange(v, 0, Double.MAX_VALUE, ...) used to print "Expected 0.0 <= maxWeight
    // <= 1.7976931348623157E308, but found NaN"
    iae("Expected finite maxWeight >= 0, but found NaN",
        () -> Checks.inRange(Double.NaN, 0, Double.MAX_VALUE, "maxWeight"));
    iae("Expected finite k > 0, but found -2.0",
        () -> Checks.inOpenRange(-2, 0, Double.MAX_VALUE, "k"));
    iae("Expected finite k > 0, but found Infinity",
        () -> Checks.inOpenRange(Double.POSITIVE_INFINITY, 0, Double.MAX_VALUE, "k"));
    // bounded ranges print as before
    iae("Expected 0.0 <= intensity <= 1.0, but found 1.5",
        () -> Checks.inRange(1.5, 0, 1, "intensity"));
    iae("Expected 0.0 < confidence < 1.0, but found 1.0",
        () -> Checks.inOpenRange(1, 0, 1, "confidence"));
    assertEquals(0.5, Checks.inOpenRange(0.5, 0, Double.MAX_VALUE, "k"));
  }
}
