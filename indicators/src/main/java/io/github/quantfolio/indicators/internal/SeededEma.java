package io.github.quantfolio.indicators.internal;

/**
 * TA-Lib's exponential moving average as a stream: NaN for the first {@code n - 1} values, then
 * the mean of the first {@code n} values (the seed), then {@code e = a e + k x} with
 * {@code k = 2 / (n + 1)}, {@code a = 1 - k}. The recursion is taken two values per step, as the
 * batch kernel {@link MovingAverages#ema} does ({@code e_(t+2) = a^2 e_t + (a k x_(t+1) +
 * k x_(t+2))}, which halves its dependency chain): the first value of a pair reports
 * {@code a e_t + k x_(t+1)}, the second the two-step value. Same operations, same order, so the
 * streaming EMA equals the batch EMA bit for bit. If the seed's sum overflows, the seed is the
 * scaled mean ({@link Scaled#mean}, from a scaled sum kept alongside), as in the batch kernel; a
 * recursion that overflows (values within rounding of the largest double) gives an infinity,
 * which callers report.
 */
public final class SeededEma {

  private final int n;
  private final double k;
  private final double a;
  private final double a2;
  private final double ak;
  private double sum;
  private double scaledSum;
  private int count;
  private double e = Double.NaN; // the value reported for the last input
  private double base; // the recursion's state at the start of the current pair
  private double x1; // the first input of the current pair
  private boolean odd; // the last input was the first of a pair

  /** An EMA of period {@code n >= 1}. */
  public SeededEma(int n) {
    this.n = n;
    this.k = 2.0 / (n + 1);
    this.a = 1.0 - k;
    this.a2 = a * a;
    this.ak = a * k;
  }

  /**
   * Adds a finite value and returns the EMA, NaN during the warm-up, or an infinity if it
   * overflows.
   */
  public double add(double v) {
    if (count < n) {
      sum += v;
      scaledSum += v * Scaled.DOWN;
      count++;
      if (count == n) {
        e = sum / n;
        if (Args.bad(e)) {
          e = scaledSum / n * Scaled.UP; // as Scaled.mean
        }
        base = e;
        odd = false;
      }
      return e;
    }
    if (!odd) {
      x1 = v;
      e = a * base + k * v;
    } else {
      base = a2 * base + (ak * x1 + k * v);
      e = base;
    }
    odd = !odd;
    return e;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    sum = 0;
    scaledSum = 0;
    count = 0;
    e = Double.NaN;
  }
}
