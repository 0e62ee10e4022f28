package io.github.quantfolio.indicators.internal;

/**
 * TA-Lib's average true range as a stream: the first bar has no true range; the first ATR (at
 * the n-th true range, bar index n) is the mean of n true ranges; then Wilder's smoothing
 * {@code atr = atr (n - 1) / n + tr / n}. {@link Ranges#atr} performs the same operations.
 */
public final class AtrState {

  private final int n;
  private final double a;
  private final double invN;
  private double prevClose = Double.NaN;
  private double sum;
  private int count;
  private double atr = Double.NaN;

  /** An ATR of period {@code n >= 1}. */
  public AtrState(int n) {
    this.n = n;
    this.a = (n - 1.0) / n;
    this.invN = 1.0 / n;
  }

  /** Adds a bar of finite values and returns the ATR, or NaN during the warm-up. */
  public double add(double high, double low, double close) {
    double pc = prevClose;
    prevClose = close;
    if (pc != pc) {
      return atr;
    }
    double tr = Ranges.trueRange(high, low, pc);
    if (count < n) {
      sum += tr;
      count++;
      if (count == n) {
        atr = sum / n;
      }
      return atr;
    }
    atr = atr * a + tr * invN;
    return atr;
  }

  /** Forgets every bar (a new warm-up starts). */
  public void clear() {
    prevClose = Double.NaN;
    sum = 0;
    count = 0;
    atr = Double.NaN;
  }
}
