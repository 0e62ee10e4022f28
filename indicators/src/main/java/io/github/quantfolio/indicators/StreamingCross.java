package io.github.quantfolio.indicators;

/**
 * Streaming twin of {@link Indicators#crossAbove(double[], double[])} ({@link #above()}) and
 * {@link Indicators#crossBelow(double[], double[])} ({@link #below()}): fed two series bar by bar,
 * reports whether the first crossed the second at this bar. False on the first bar and whenever
 * a value of this or the previous bar is NaN. O(1) per update; not thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamingCross {

  private final boolean above;
  private double prevA = Double.NaN;
  private double prevB = Double.NaN;
  private boolean value;

  private StreamingCross(boolean above) {
    this.above = above;
  }

  /**
   * Detects {@code a} crossing above {@code b}: {@code a > b} now and {@code a <= b} on the
   * previous bar.
   *
   * @return a new detector
   */
  public static StreamingCross above() {
    return new StreamingCross(true);
  }

  /**
   * Detects {@code a} crossing below {@code b}: {@code a < b} now and {@code a >= b} on the
   * previous bar.
   *
   * @return a new detector
   */
  public static StreamingCross below() {
    return new StreamingCross(false);
  }

  /**
   * Adds the next bar's values and returns whether {@code a} crossed {@code b} at this bar.
   *
   * @param a the crossing series' value (NaN for missing)
   * @param b the crossed series' value, e.g. a moving average or a constant level
   * @return whether a cross happened at this bar
   */
  public boolean update(double a, double b) {
    value = above ? a > b && prevA <= prevB : a < b && prevA >= prevB;
    prevA = a;
    prevB = b;
    return value;
  }

  /**
   * Whether the last update was a cross.
   *
   * @return whether the last update was a cross
   */
  public boolean value() {
    return value;
  }

  /** {@code CrossAbove = true}, for example. */
  @Override
  public String toString() {
    return (above ? "CrossAbove = " : "CrossBelow = ") + value;
  }
}
