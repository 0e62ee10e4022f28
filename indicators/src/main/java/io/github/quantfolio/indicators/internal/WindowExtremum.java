package io.github.quantfolio.indicators.internal;

/**
 * Maximum (or minimum) of the last {@code n} values of a stream by the van Herk / Gil-Werman
 * scheme: the maximum of a window is the larger of a suffix maximum of the previous block and the
 * prefix maximum of the current block, three {@link Math#max} per value (branch-free) and no data-dependent loop
 * (the suffix maxima are recomputed once per block: O(1) amortised). A monotone deque gives the
 * same values with unpredictable branches. References: M. van Herk, Pattern Recognition Letters
 * 13(7), 1992; J. Gil and M. Werman, IEEE PAMI 15(5), 1993.
 *
 * <p>A minimum is the negated maximum of the negated values (negation is exact). The batch kernels
 * use another scheme ({@link SlidingBlocks#extreme}); an extreme is one of the window's values
 * either way, so the results are the same.
 */
public final class WindowExtremum {

  private final int n;
  private final double sign;
  private final double[] block;
  private final double[] suffix;
  private double prefix = Double.NEGATIVE_INFINITY;
  private int pos;
  private boolean full;

  /** The maximum ({@code max = true}) or minimum of a window of {@code n >= 1} values. */
  public WindowExtremum(int n, boolean max) {
    this.n = n;
    this.sign = max ? 1.0 : -1.0;
    this.block = new double[n];
    this.suffix = new double[n + 1];
    suffix[n] = Double.NEGATIVE_INFINITY;
  }

  /**
   * Adds a finite value and returns the extremum of the last {@code n} values, or NaN while fewer
   * than {@code n} values have been added since construction or {@link #clear()}.
   */
  public double add(double v) {
    double u = sign * v;
    block[pos] = u;
    prefix = Math.max(u, prefix);
    pos++;
    double r;
    if (full) {
      r = Math.max(suffix[pos], prefix);
    } else {
      r = pos == n ? prefix : Double.NaN;
    }
    if (pos == n) {
      double acc = Double.NEGATIVE_INFINITY;
      for (int j = n - 1; j >= 0; j--) {
        acc = Math.max(block[j], acc);
        suffix[j] = acc;
      }
      prefix = Double.NEGATIVE_INFINITY;
      pos = 0;
      full = true;
    }
    return sign * r;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    prefix = Double.NEGATIVE_INFINITY;
    pos = 0;
    full = false;
  }
}
