package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import java.util.Arrays;

/**
 * A stochastic oscillator's %K and %D lines, as returned by
 * {@link Indicators#stochastic(double[], double[], double[], int, int, int)} (slow) and
 * {@link Indicators#stochasticFast(double[], double[], double[], int, int)} (fast): full length,
 * values in [0, 100], NaN during the warm-up (both lines start at the same index, as in TA-Lib)
 * and at missing bars.
 *
 * <p><b>Arrays are shared, not copied</b>: the record holds the arrays the computation wrote and
 * its accessors return them. Treat them as read-only, or copy before changing them.
 * {@link #equals} and {@link #hashCode} compare contents.
 *
 * @param k the %K line
 * @param d the %D line (a simple moving average of %K)
 * @since 0.1.0
 */
public record Stochastic(double[] k, double[] d) {

  /**
   * Checks that both arrays are non-null and of equal length.
   *
   * @param k the %K line
   * @param d the %D line
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public Stochastic {
    Args.sameLength("Stochastic", k, "k", d, "d");
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int size() {
    return k.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stochastic s && Arrays.equals(k, s.k) && Arrays.equals(d, s.d);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(k) + Arrays.hashCode(d);
  }

  /** A one-line summary: length and the last values. */
  @Override
  public String toString() {
    int n = k.length;
    return n == 0 ? "Stochastic[0 bars]"
        : String.format("Stochastic[%d bars, last: k=%.4f, d=%.4f]", n, k[n - 1], d[n - 1]);
  }
}
