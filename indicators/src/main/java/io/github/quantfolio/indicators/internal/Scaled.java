package io.github.quantfolio.indicators.internal;

/**
 * Means of windows whose plain sums overflow. A mean of finite values is finite, but their sum
 * need not be (the SMA of values near 1e308); when a kernel's sum is not finite, it recomputes
 * the window here with every value scaled by {@code 2^-64} (exact for all values that matter: a
 * scaled value is only rounded when it is below {@code 2^-958}, far below the window's largest,
 * which is at least {@code MAX / n}), so no partial sum can overflow for windows of up to
 * {@code 2^63} values, then scales the mean back. The values are read oldest first from
 * {@code a[start]}, wrapping at the array's end, so a batch kernel (a slice of its input) and a
 * streaming twin (its ring buffer) perform the same operations.
 */
public final class Scaled {

  /** The scale applied to each value, {@code 2^-64}. */
  public static final double DOWN = 0x1p-64;
  /** The scale applied to the result, {@code 2^64}. */
  public static final double UP = 0x1p64;

  private Scaled() {
  }

  /**
   * The mean of {@code n} values {@code a[start], a[start + 1], ...} (wrapping at the end of
   * {@code a}): {@code ((sum of a_i 2^-64) / n) 2^64}. Infinite only if the exact mean rounds to
   * beyond {@code Double.MAX_VALUE} (all values within rounding of it).
   */
  public static double mean(double[] a, int start, int n) {
    int len = a.length;
    int i = start;
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += a[i] * DOWN;
      if (++i == len) {
        i = 0;
      }
    }
    return s / n * UP;
  }

  /**
   * The linearly weighted mean (weights 1 to n, oldest first) of {@code n} values read as in
   * {@link #mean}: {@code ((sum (j + 1) a_j 2^-64) / (n (n + 1) / 2)) 2^64}.
   */
  public static double weightedMean(double[] a, int start, int n) {
    int len = a.length;
    int i = start;
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += (j + 1) * (a[i] * DOWN);
      if (++i == len) {
        i = 0;
      }
    }
    return s / ((double) n * (n + 1) / 2) * UP;
  }
}
