package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import java.util.Arrays;

/**
 * Wilder's directional movement system, as returned by
 * {@link Indicators#adx(double[], double[], double[], int)}: full length, NaN during the warm-up
 * (+DI and -DI from index n, ADX from index 2n - 1) and at missing bars. Values are in [0, 100].
 *
 * <p><b>Arrays are shared, not copied</b>: the record holds the arrays the computation wrote and
 * its accessors return them. Treat them as read-only, or copy before changing them.
 * {@link #equals} and {@link #hashCode} compare contents.
 *
 * @param adx average directional index
 * @param plusDi positive directional indicator +DI
 * @param minusDi negative directional indicator -DI
 * @since 0.1.0
 */
public record Adx(double[] adx, double[] plusDi, double[] minusDi) {

  /**
   * Checks that the three arrays are non-null and of equal length.
   *
   * @param adx average directional index
   * @param plusDi positive directional indicator +DI
   * @param minusDi negative directional indicator -DI
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public Adx {
    Args.sameLength("Adx", adx, "adx", plusDi, "plusDi", minusDi, "minusDi");
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int size() {
    return adx.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Adx a && Arrays.equals(adx, a.adx) && Arrays.equals(plusDi, a.plusDi)
        && Arrays.equals(minusDi, a.minusDi);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(adx) + Arrays.hashCode(plusDi)) + Arrays.hashCode(minusDi);
  }

  /** A one-line summary: length and the last values. */
  @Override
  public String toString() {
    int n = adx.length;
    return n == 0 ? "Adx[0 bars]"
        : String.format("Adx[%d bars, last: adx=%.4f, +DI=%.4f, -DI=%.4f]", n, adx[n - 1],
            plusDi[n - 1], minusDi[n - 1]);
  }
}
