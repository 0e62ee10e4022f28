package io.github.quantfolio.indicators.internal;

/**
 * Sum of the last {@code n} values of a stream, by blocks: the stream is cut into consecutive
 * blocks of {@code n} values; the window ending at a value is a suffix of the previous block plus a
 * prefix of the current one, so its sum is {@code suffix[j] + prefix}. The suffix sums are
 * recomputed once per block ({@code n} additions every {@code n} values: O(1) amortised), so a
 * sum never carries rounding error from values that left the window (a running
 * {@code sum += new - old} does: after a large value leaves, a window of zeros sums to a tiny
 * non-zero residue instead of 0).
 *
 * <p>The batch kernels perform exactly these operations in the same order, so a streaming
 * indicator built on this class reproduces its batch twin bit for bit.
 */
public final class WindowSum {

  private final int n;
  private final double[] block;
  private final double[] suffix; // suffix[j]: sum of the previous block from position j; suffix[n] = 0
  private double prefix;
  private int pos;
  private boolean full;

  /** A window of {@code n >= 1} values. */
  public WindowSum(int n) {
    this.n = n;
    this.block = new double[n];
    this.suffix = new double[n + 1];
  }

  /**
   * Adds a finite value and returns the sum of the last {@code n} values, or NaN while fewer than
   * {@code n} values have been added since construction or {@link #clear()}.
   */
  public double add(double v) {
    block[pos] = v;
    prefix += v;
    pos++;
    double sum = full ? suffix[pos] + prefix : (pos == n ? prefix : Double.NaN);
    if (pos == n) {
      suffixSums(block, 0, n, suffix);
      prefix = 0;
      pos = 0;
      full = true;
    }
    return sum;
  }

  /** Forgets every value (a new warm-up starts). */
  public void clear() {
    prefix = 0;
    pos = 0;
    full = false;
  }

  /**
   * {@code suffix[j] = v[off + j] + ... + v[off + n - 1]} for {@code j = 0..n-1}, accumulated
   * backwards, and {@code suffix[n] = 0}: the order the batch kernels use too.
   */
  static void suffixSums(double[] v, int off, int n, double[] suffix) {
    double acc = 0;
    for (int j = n - 1; j >= 0; j--) {
      acc += v[off + j];
      suffix[j] = acc;
    }
    suffix[n] = 0;
  }
}
