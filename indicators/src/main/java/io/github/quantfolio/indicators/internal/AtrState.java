package io.github.quantfolio.indicators.internal;

/**
 * TA-Lib's average true range as a stream: the first bar has no true range; the first ATR (at
 * the n-th true range, bar index n) is the mean of n true ranges; then Wilder's smoothing
 * {@code y_t = a y_(t-1) + u_t}, {@code a = (n - 1) / n}, {@code u = tr / n} (with tr as
 * {@link Ranges#twiceTrueRange} / 2, accurate to 2 ulps). The three bars
 * after the seed take that step (one FMA); from the fourth on, four steps at once,
 * {@code y_t = a^4 y_(t-4) + v_t} with {@code v_t = ((a u_(t-3) + u_(t-2)) a + u_(t-1)) a + u_t}
 * (FMAs), which splits the dependency chain into four interleaved ones; results differ from the
 * one-step form by rounding only (the recursion is a contraction). {@link Ranges#atr} performs
 * the same operations.
 */
public final class AtrState {

  private final int n;
  private final double a;
  private final double a4;
  private final double half;
  private double prevClose = Double.NaN;
  private double sum;
  private int count;
  private long steps; // bars since the seed
  private double atr = Double.NaN; // the value reported for the last bar
  private final double[] ys = new double[4]; // y_t at index t mod 4 (t counted from the seed)
  private double u1; // u_(t-1)
  private double u2; // u_(t-2)
  private double u3; // u_(t-3)

  /** An ATR of period {@code n >= 1}. */
  public AtrState(int n) {
    this.n = n;
    this.a = (n - 1.0) / n;
    this.a4 = (a * a) * (a * a);
    this.half = 0.5 / n;
  }

  /** Adds a bar of finite values and returns the ATR, or NaN during the warm-up. */
  public double add(double high, double low, double close) {
    double pc = prevClose;
    prevClose = close;
    if (pc != pc) {
      return atr;
    }
    if (count < n) {
      sum += Ranges.trueRange(high, low, pc);
      count++;
      if (count == n) {
        atr = sum / n;
        ys[0] = atr;
        steps = 0;
      }
      return atr;
    }
    double u = Ranges.twiceTrueRange(high, low, pc) * half;
    steps++;
    int slot = (int) (steps & 3);
    if (steps <= 3) {
      atr = Math.fma(a, atr, u);
    } else {
      double v = Math.fma(Math.fma(Math.fma(u3, a, u2), a, u1), a, u);
      atr = Math.fma(a4, ys[slot], v);
    }
    ys[slot] = atr;
    u3 = u2;
    u2 = u1;
    u1 = u;
    return atr;
  }

  /** Forgets every bar (a new warm-up starts). */
  public void clear() {
    prevClose = Double.NaN;
    sum = 0;
    count = 0;
    steps = 0;
    atr = Double.NaN;
  }
}
