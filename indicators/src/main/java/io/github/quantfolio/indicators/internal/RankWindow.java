package io.github.quantfolio.indicators.internal;

import java.util.Arrays;

/**
 * The percentile rank of each new value among the last {@code n} values of a stream: the window
 * is kept sorted (binary search, then one {@link System#arraycopy} to insert the new value and one
 * to remove the oldest), so an update costs O(log n) comparisons and a block move of at most n
 * doubles; no per-update allocation.
 */
public final class RankWindow {

  private final int n;
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int pos;

  /** A window of {@code n >= 1} values. */
  public RankWindow(int n) {
    this.n = n;
    this.ring = new double[n];
    this.sorted = new double[n];
  }

  /**
   * Adds a finite value and returns its percentile rank among the last {@code n} values (itself
   * included), with ties at mid-rank: {@code (#below + #equal / 2) / n}, in {@code (0, 1)} (so a
   * window of equal values ranks 0.5, not 1); NaN while fewer than {@code n} values have been
   * added since construction or {@link #clear()}.
   */
  public double add(double v) {
    if (size == n) {
      double old = ring[pos];
      int i = lowerBound(old);
      System.arraycopy(sorted, i + 1, sorted, i, size - i - 1);
      size--;
    }
    ring[pos] = v;
    pos = pos + 1 == n ? 0 : pos + 1;
    int i = upperBound(v);
    System.arraycopy(sorted, i, sorted, i + 1, size - i);
    sorted[i] = v;
    size++;
    return size == n ? 0.5 * (lowerBound(v) + upperBound(v)) / n : Double.NaN;
  }

  /** Forgets every value. */
  public void clear() {
    size = 0;
    pos = 0;
    Arrays.fill(sorted, 0);
  }

  private int lowerBound(double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int upperBound(double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
