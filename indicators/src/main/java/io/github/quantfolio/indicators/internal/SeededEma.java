package io.github.quantfolio.indicators.internal;

/**
 * TA-Lib's exponential moving average as a stream: NaN for the first {@code n - 1} values, then
 * the mean of the first {@code n} values (the seed), then {@code e = (1 - k) e + k x} with
 * {@code k = 2 / (n + 1)}.
 */
public final class SeededEma {

  private final int n;
  private final double k;
  private final double a;
  private double sum;
  private int count;
  private double e = Double.NaN;

  /** An EMA of period {@code n >= 1}. */
  public SeededEma(int n) {
    this.n = n;
    this.k = 2.0 / (n + 1);
    this.a = 1.0 - k;
  }

  /** Adds a finite value and returns the EMA, or NaN during the warm-up. */
  public double add(double v) {
    if (count < n) {
      sum += v;
      count++;
      if (count == n) {
        e = sum / n;
      }
      return e;
    }
    e = a * e + k * v;
    return e;
  }

  /** The latest value (NaN during the warm-up). */
  public double value() {
    return e;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    sum = 0;
    count = 0;
    e = Double.NaN;
  }
}
