package io.github.quantfolio.indicators;

import io.github.quantfolio.indicators.internal.Args;
import java.util.Arrays;

/**
 * A price envelope: Bollinger Bands ({@link Indicators#bollinger(double[], int, double)}), a
 * Donchian channel ({@link Indicators#donchian(double[], double[], int)}) or Keltner Channels
 * ({@link Indicators#keltner(double[], double[], double[], int, int, double)}). Full length; NaN
 * during the warm-up and at missing inputs.
 *
 * <p><b>Arrays are shared, not copied</b>: the record holds the arrays the computation wrote and
 * its accessors return them. Treat them as read-only, or copy before changing them.
 * {@link #equals} and {@link #hashCode} compare contents.
 *
 * @param upper the upper band
 * @param middle the middle line (the moving average, or the channel's midpoint)
 * @param lower the lower band
 * @since 0.1.0
 */
public record Bands(double[] upper, double[] middle, double[] lower) {

  /**
   * Checks that the three arrays are non-null and of equal length.
   *
   * @param upper the upper band
   * @param middle the middle line
   * @param lower the lower band
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public Bands {
    Args.sameLength("Bands", upper, "upper", middle, "middle", lower, "lower");
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int size() {
    return upper.length;
  }

  /**
   * Bandwidth {@code (upper - lower) / middle}, a new array (J. Bollinger, <i>Bollinger on
   * Bollinger Bands</i>, 2001: BandWidth; multiply by 100 for percent). NaN where the bands are
   * NaN. Meant for positive series such as prices.
   *
   * @return a new array
   * @throws ArithmeticException where the bands are defined but the bandwidth is not finite (a
   *     middle line of 0, or an overflow), naming the index
   */
  public double[] width() {
    double[] w = new double[upper.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = width(upper[i], middle[i], lower[i], "index", i);
    }
    return w;
  }

  /** One bar's bandwidth (shared with {@link StreamingBollinger#width()}). */
  static double width(double upper, double middle, double lower, String unit, long at) {
    double w = (upper - lower) / middle;
    if (Args.bad(w) && upper == upper && middle == middle && lower == lower) {
      throw new ArithmeticException("Bands.width: the bandwidth (upper - lower) / middle at " + unit
          + " " + at + " is " + w + " (upper " + upper + ", middle " + middle + ", lower " + lower
          + "); it is meant for positive series such as prices");
    }
    return w;
  }

  /**
   * %B {@code (price - lower) / (upper - lower)}, a new array (Bollinger, 2001): 0 on the lower
   * band, 1 on the upper, 0.5 in the middle. Where the bands coincide (zero width: a flat window)
   * the value is 0.5, the midpoint, rather than a division by zero. NaN where the bands or the price
   * are NaN.
   *
   * @param price the series the bands were computed from (e.g. closes), same length
   * @return a new array
   * @throws NullPointerException if {@code price} is null
   * @throws IllegalArgumentException if its length differs or a price is infinite
   * @throws ArithmeticException where %B is beyond the range of double (a price astronomically
   *     far outside the bands)
   */
  public double[] percentB(double[] price) {
    Args.sameLength("Bands.percentB", price, "price", upper, "upper");
    double[] b = new double[upper.length];
    for (int i = 0; i < b.length; i++) {
      Args.requireMissing("Bands.percentB", price, "price", i);
      b[i] = percentB(price[i], upper[i], lower[i], "index", i);
    }
    return b;
  }

  /**
   * One bar's %B (shared with {@link StreamingBollinger#percentB()}): 0.5 for zero-width bands;
   * computed from halves where {@code upper - lower} overflows (it would give a plausible 0).
   */
  static double percentB(double x, double upper, double lower, String unit, long at) {
    double range = upper - lower;
    if (range == 0) {
      return x == x ? 0.5 : Double.NaN;
    }
    double b = Args.bad(range) && range == range
        ? (0.5 * x - 0.5 * lower) / (0.5 * upper - 0.5 * lower) : (x - lower) / range;
    if (Double.isInfinite(b)) {
      throw new ArithmeticException("Bands.percentB: %B at " + unit + " " + at + " is " + b
          + " (price " + x + ", upper " + upper + ", lower " + lower + ")");
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bands b && Arrays.equals(upper, b.upper) && Arrays.equals(middle, b.middle)
        && Arrays.equals(lower, b.lower);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(upper) + Arrays.hashCode(middle)) + Arrays.hashCode(lower);
  }

  /** A one-line summary: length and the last values. */
  @Override
  public String toString() {
    int n = upper.length;
    return n == 0 ? "Bands[0 bars]"
        : String.format("Bands[%d bars, last: upper=%.6g, middle=%.6g, lower=%.6g]", n,
            upper[n - 1], middle[n - 1], lower[n - 1]);
  }
}
