package io.github.quantfolio.core.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Argument checks whose messages name the argument and the offending value, in the style
 * {@code "Expected 0 < confidence < 1, but found 1.5"}.
 */
public final class Checks {

  private Checks() {
  }

  /** Throws {@link NullPointerException} naming {@code name} if {@code value} is null. */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, () -> "Argument '" + name + "' must not be null");
  }

  /** Requires {@code 0 <= index < size}. */
  public static int index(int index, int size, String name) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "Expected 0 <= " + name + " < " + size + ", but found " + index);
    }
    return index;
  }

  /** Requires {@code value > 0}. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException("Expected " + name + " > 0, but found " + value);
    }
    return value;
  }

  /** Requires {@code value >= 0}. */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("Expected " + name + " >= 0, but found " + value);
    }
    return value;
  }

  /** Requires a finite {@code value > 0}. */
  public static double positive(double value, String name) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected finite " + name + " > 0, but found " + value);
    }
    return value;
  }

  /** Requires a finite value (not NaN, not infinite). */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Expected finite " + name + ", but found " + value);
    }
    return value;
  }

  /**
   * Requires a finite {@code value >= 0}: {@code "Expected finite maxWeight >= 0, but found NaN"}.
   */
  public static double nonNegative(double value, String name) {
    return atLeast(value, 0, name);
  }

  /**
   * Requires a finite {@code value >= min}: {@code "Expected finite k >= 0.5, but found -2.0"}.
   * (The bound is printed without a trailing {@code .0} when it is a whole number.)
   */
  public static double atLeast(double value, double min, String name) {
    if (!(value >= min && value <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "Expected finite " + name + " >= " + bound(min) + ", but found " + value);
    }
    return value;
  }

  /** Requires a finite {@code value > min}: {@code "Expected finite k > 0, but found -2.0"}. */
  public static double greaterThan(double value, double min, String name) {
    if (!(value > min && value <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "Expected finite " + name + " > " + bound(min) + ", but found " + value);
    }
    return value;
  }

  /**
   * Requires {@code lo <= value <= hi}. An upper bound of {@link Double#MAX_VALUE} means "finite":
   * the check is then {@link #atLeast} and says so, rather than printing 1.7976931348623157E308.
   */
  public static double inRange(double value, double lo, double hi, String name) {
    if (hi == Double.MAX_VALUE && lo > -Double.MAX_VALUE) {
      return atLeast(value, lo, name);
    }
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          "Expected " + lo + " <= " + name + " <= " + hi + ", but found " + value);
    }
    return value;
  }

  /**
   * Requires {@code lo < value < hi}. An upper bound of {@link Double#MAX_VALUE} means "finite":
   * the check is then {@link #greaterThan} and says so.
   */
  public static double inOpenRange(double value, double lo, double hi, String name) {
    if (hi == Double.MAX_VALUE && lo > -Double.MAX_VALUE) {
      return greaterThan(value, lo, name);
    }
    if (!(value > lo && value < hi)) {
      throw new IllegalArgumentException(
          "Expected " + lo + " < " + name + " < " + hi + ", but found " + value);
    }
    return value;
  }

  /**
   * Checks a list of asset names: not empty, no null, blank or duplicate name. Returns an
   * unmodifiable copy.
   */
  public static List<String> assetNames(Collection<String> assets, String name) {
    notNull(assets, name);
    if (assets.isEmpty()) {
      throw new IllegalArgumentException("Argument '" + name + "' must name at least one asset");
    }
    Set<String> seen = new HashSet<>(assets.size() * 2);
    int i = 0;
    for (String a : assets) {
      if (a == null) {
        throw new NullPointerException("Asset name at position " + i + " of '" + name + "' is null");
      }
      if (a.isBlank()) {
        throw new IllegalArgumentException(
            "Asset name at position " + i + " of '" + name + "' is blank: '" + a + "'");
      }
      // Such names could not be written to and read back from a CSV header unchanged.
      if (!a.strip().equals(a) || a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("Asset name at position " + i + " of '" + name
            + "' has surrounding white space or a line break: '" + a + "'");
      }
      if (!seen.add(a)) {
        throw new IllegalArgumentException("Duplicate asset name '" + a + "' in '" + name + "'");
      }
      i++;
    }
    return List.copyOf(assets);
  }

  /** A bound for a message: whole numbers without ".0" (0, 1, 100), others in full. */
  static String bound(double b) {
    return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
  }

  /** Formats a double for messages: full precision, NaN and infinities spelled out. */
  public static String show(double value) {
    return Double.toString(value);
  }
}
