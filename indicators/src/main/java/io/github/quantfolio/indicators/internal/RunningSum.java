package io.github.quantfolio.indicators.internal;

/**
 * Sum of the last {@code n} values of a stream as a running sum {@code s += x_t - x_(t-n)} that is
 * re-anchored every {@code n} values to the exact sum of the last {@code n} (accumulated alongside
 * from the start of each block of n). Rounding error therefore lives at most n values: TA-Lib's
 * running sum keeps forever the error made while a value far larger than the others was in the
 * window. {@link MovingAverages#sma} performs exactly these operations in the same order.
 */
public final class RunningSum {

  private final int n;
  private final double[] ring;
  private double sum;
  private double q;
  private int pos;
  private boolean full;

  /** A window of {@code n >= 1} values. */
  public RunningSum(int n) {
    this.n = n;
    this.ring = new double[n];
  }

  /**
   * Adds a finite value and returns the sum of the last {@code n} values, or NaN while fewer than
   * {@code n} values have been added since construction or {@link #clear()}.
   */
  public double add(double v) {
    double old = ring[pos];
    ring[pos] = v;
    pos++;
    double r;
    if (!full) {
      sum += v;
      r = pos == n ? sum : Double.NaN;
    } else {
      q += v;
      sum = pos == n ? q : sum + (v - old);
      r = sum;
    }
    if (pos == n) {
      pos = 0;
      q = 0;
      full = true;
    }
    return r;
  }

  /** Whether {@code n} values have been added since construction or {@link #clear()}. */
  public boolean isFull() {
    return full;
  }

  /**
   * The exact mean of the last {@code n} values where their sum overflows ({@link Scaled#mean},
   * oldest first, as the batch SMA); only when {@link #isFull()}.
   */
  public double mean() {
    return Scaled.mean(ring, pos, n);
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    sum = 0;
    q = 0;
    pos = 0;
    full = false;
  }
}
