package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import java.util.Arrays;

/**
 * The three series of a MACD, as returned by {@link Indicators#macd(double[], int, int, int)}:
 * full length, NaN during the warm-up and at missing inputs.
 *
 * <p><b>Arrays are shared, not copied</b> (they can hold millions of values): the record holds the
 * arrays the computation wrote, and its accessors return them. Treat them as read-only, or copy
 * before changing them. {@link #equals} and {@link #hashCode} compare contents.
 *
 * @param line MACD line: fast EMA minus slow EMA
 * @param signal signal line: EMA of the MACD line
 * @param histogram {@code line - signal}
 * @since 0.1.0
 */
public record Macd(double[] line, double[] signal, double[] histogram) {

  /**
   * Checks that the three arrays are non-null and of equal length.
   *
   * @param line MACD line: fast EMA minus slow EMA
   * @param signal signal line: EMA of the MACD line
   * @param histogram {@code line - signal}
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public Macd {
    Args.sameLength("Macd", line, "line", signal, "signal", histogram, "histogram");
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int size() {
    return line.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Macd m && Arrays.equals(line, m.line) && Arrays.equals(signal, m.signal)
        && Arrays.equals(histogram, m.histogram);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(line) + Arrays.hashCode(signal))
        + Arrays.hashCode(histogram);
  }

  /** A one-line summary: length and the last values. */
  @Override
  public String toString() {
    int n = line.length;
    return n == 0 ? "Macd[0 bars]"
        : String.format("Macd[%d bars, last: line=%.6g, signal=%.6g, histogram=%.6g]", n,
            line[n - 1], signal[n - 1], histogram[n - 1]);
  }
}
