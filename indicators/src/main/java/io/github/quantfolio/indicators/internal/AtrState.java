package io.github.quantfolio.indicators.internal;

/**
 * TA-Lib's average true range as a stream: the first bar has no true range; the first ATR (at
 * the n-th true range, bar index n) is the mean of n true ranges; then Wilder's smoothing
 * {@code atr = a atr + u}, {@code a = (n - 1) / n}, {@code u = tr / n}, taken two bars per step
 * of the recursion as the batch kernel does ({@code atr_(t+2) = a^2 atr_t + (a u_(t+1) +
 * u_(t+2))}, which halves its dependency chain): the first bar of a pair reports
 * {@code a atr_t + u_(t+1)}, the second the two-step value. {@link Ranges#atr} performs the same
 * operations.
 */
public final class AtrState {

  private final int n;
  private final double a;
  private final double a2;
  private final double invN;
  private double prevClose = Double.NaN;
  private double sum;
  private int count;
  private double atr = Double.NaN; // the value reported for the last bar
  private double base; // the recursion's state at the start of the current pair
  private double u1; // the first bar's term of the current pair
  private boolean odd; // the last bar was the first of a pair

  /** An ATR of period {@code n >= 1}. */
  public AtrState(int n) {
    this.n = n;
    this.a = (n - 1.0) / n;
    this.a2 = a * a;
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
        base = atr;
        odd = false;
      }
      return atr;
    }
    double u = tr * invN;
    if (!odd) {
      u1 = u;
      atr = base * a + u;
    } else {
      base = base * a2 + (u1 * a + u);
      atr = base;
    }
    odd = !odd;
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
