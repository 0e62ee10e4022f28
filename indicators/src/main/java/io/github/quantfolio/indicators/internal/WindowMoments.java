package io.github.quantfolio.indicators.internal;

/**
 * Mean and population variance of the last {@code n} values of a stream, by anchored block sums.
 * The stream is cut into blocks of {@code n} values as in {@link WindowSum}; a window is a suffix
 * of the previous block plus a prefix of the current one, and both parts are summed as deviations
 * {@code d = x - c} from an anchor {@code c}, the first value of the current block:
 * {@code S1 = sum d}, {@code S2 = sum d^2}, {@code mean = c + S1 / n},
 * {@code M2 = S2 - S1^2 / n}.
 *
 * <p>Every window contains its anchor, so {@code |mean - c|} is at most the window's range and
 * {@code S2 - S1^2 / n} loses at most {@code log10(range^2 / variance)} digits (about one in
 * practice), where TA-Lib's {@code E[x^2] - E[x]^2} loses {@code log10(mean^2 / variance)} (five
 * to ten digits for prices) and carries rounding residue from values that left the window. A
 * constant window has {@code d = 0} throughout: its deviation is exactly 0. (The anchored sums are
 * the "shifted data" algorithm of Chan, Golub and LeVeque, "Algorithms for computing the sample
 * variance: analysis and recommendations", The American Statistician 37(3), 1983, with a shift
 * that is always a window member.)
 *
 * <p>{@link Dispersion} performs exactly these operations in the same order.
 */
public final class WindowMoments {

  private final int n;
  private final double invN;
  private final double[] block;
  private final double[] s1;
  private final double[] s2;
  private double c;
  private double p1;
  private double p2;
  private int pos;
  private boolean full;
  private double mean = Double.NaN;
  private double m2 = Double.NaN;

  /** A window of {@code n >= 1} values. */
  public WindowMoments(int n) {
    this.n = n;
    this.invN = 1.0 / n;
    this.block = new double[n];
    this.s1 = new double[n + 1];
    this.s2 = new double[n + 1];
  }

  /**
   * Adds a finite value; returns true once the window holds {@code n} values (then
   * {@link #mean()} and {@link #m2()} describe it; before, they are NaN).
   */
  public boolean add(double v) {
    if (pos == 0) {
      c = v;
      if (full) {
        Dispersion.suffixSums(block, 0, n, c, s1, s2);
      }
      p1 = 0;
      p2 = 0;
    }
    double d = v - c;
    p1 += d;
    p2 += d * d;
    block[pos] = v;
    pos++;
    if (full) {
      double a1 = s1[pos] + p1;
      double a2 = s2[pos] + p2;
      mean = c + a1 * invN;
      m2 = Dispersion.m2(a1, a2, invN);
    } else if (pos == n) {
      mean = c + p1 * invN;
      m2 = Dispersion.m2(p1, p2, invN);
    }
    if (pos == n) {
      pos = 0;
      full = true;
    }
    return mean == mean;
  }

  /**
   * The array holding the window's values once it is full: oldest first from
   * {@link #windowStart()}, wrapping at its end (for {@link Dispersion#exact}).
   */
  public double[] window() {
    return block;
  }

  /** Where the window's oldest value is in {@link #window()}. */
  public int windowStart() {
    return pos;
  }

  /** The anchor c of the current block, a member of the window (for {@link Dispersion#underflows}). */
  public double anchor() {
    return c;
  }

  /** The window's mean (NaN until full). */
  public double mean() {
    return mean;
  }

  /** The window's sum of squared deviations from its mean, M2 (NaN until full). */
  public double m2() {
    return m2;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    pos = 0;
    full = false;
    mean = Double.NaN;
    m2 = Double.NaN;
  }
}
