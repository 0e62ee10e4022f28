package io.github.quantfolio.indicators.internal;

import io.github.quantfolio.core.internal.Checks;

/**
 * Argument checks of the indicators module. Messages name the argument and the offending value,
 * e.g. {@code "Expected n >= 1, but found 0"} or {@code "close[17] is Infinity; ..."}.
 */
public final class Args {

  private Args() {
  }

  /** Requires a look-back period {@code value >= 1}. */
  public static int period(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("Expected " + name + " >= 1, but found " + value);
    }
    return value;
  }

  /** Requires a finite multiplier (a number of standard deviations or ATRs); any sign. */
  public static double finite(double value, String name) {
    return Checks.finite(value, name);
  }

  /** Throws {@link NullPointerException} naming {@code name} if {@code a} is null. */
  public static double[] notNull(double[] a, String name) {
    return Checks.notNull(a, name);
  }

  /** Throws {@link NullPointerException} naming {@code name} if {@code o} is null. */
  public static <T> T notNull(T o, String name) {
    return Checks.notNull(o, name);
  }

  /** Requires two non-null inputs of equal length. */
  public static void sameLength(double[] a, String aName, double[] b, String bName) {
    notNull(a, aName);
    notNull(b, bName);
    if (a.length != b.length) {
      throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName
          + " has " + b.length + "; the inputs must have the same length");
    }
  }

  /** Requires three non-null inputs of equal length. */
  public static void sameLength(double[] a, String aName, double[] b, String bName, double[] c,
      String cName) {
    sameLength(a, aName, b, bName);
    sameLength(a, aName, c, cName);
  }

  /** Requires four non-null inputs of equal length. */
  public static void sameLength(double[] a, String aName, double[] b, String bName, double[] c,
      String cName, double[] d, String dName) {
    sameLength(a, aName, b, bName, c, cName);
    sameLength(a, aName, d, dName);
  }

  /**
   * Returns {@code out}, or a new array of {@code length} if it is null. A given array must have
   * the input's length and must not be one of the inputs (the kernels read inputs after writing
   * earlier outputs).
   */
  public static double[] output(double[] out, String name, int length, double[]... inputs) {
    if (out == null) {
      return new double[length];
    }
    if (out.length != length) {
      throw new IllegalArgumentException(name + " has " + out.length + " values but the input has "
          + length + "; an output array must have the input's length");
    }
    for (double[] in : inputs) {
      if (in == out) {
        throw new IllegalArgumentException(
            name + " must not be an input array: outputs are written while inputs are read");
      }
    }
    return out;
  }

  /**
   * True unless {@code v} is finite: the kernels' single test per input value. NaN (a missing
   * value) ends a segment; infinity is an error (see {@link #requireMissing}).
   */
  public static boolean bad(double v) {
    return !(Math.abs(v) <= Double.MAX_VALUE);
  }

  /**
   * Called where a kernel stopped at {@code a[i]}: returns normally if it is NaN or finite (the
   * stop was caused by another input), throws if it is infinite.
   */
  public static void requireMissing(double[] a, String name, int i) {
    double v = a[i];
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + "[" + i + "] is " + v
          + "; indicator inputs must be finite, or NaN for a missing value");
    }
  }

  /** Streaming form of {@link #requireMissing}: throws if {@code v} is infinite. */
  public static void notInfinite(double v, String name) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " is " + v
          + "; indicator inputs must be finite, or NaN for a missing value");
    }
  }
}
