package io.github.quantfolio.risk.internal;

/**
 * Order statistics without a full sort: introspective quickselect (median-of-three pivots,
 * falling back to a heap-free insertion sort on short ranges), O(n) expected.
 */
public final class Select {

  private Select() {
  }

  /**
   * Rearranges {@code a[from, to)} so that {@code a[k]} holds the value a full sort would put
   * there, with everything before it {@code <=} and everything after it {@code >=}.
   */
  public static void nth(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      // median of three to the middle
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return; // a[k] equals the pivot
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * The {@code q}-quantile (0..1) of {@code a[0, n)} with linear interpolation between order
   * statistics at position {@code q (n - 1)} (numpy's default, Hyndman &amp; Fan type 7).
   * Reorders the array.
   */
  public static double quantile(double[] a, int n, double q) {
    double pos = q * (n - 1);
    int k = (int) Math.floor(pos);
    double frac = pos - k;
    nth(a, 0, n, k);
    double lo = a[k];
    if (frac == 0 || k + 1 >= n) {
      return lo;
    }
    // the next order statistic is the minimum of the part after k
    double hi = Double.POSITIVE_INFINITY;
    for (int i = k + 1; i < n; i++) {
      hi = Math.min(hi, a[i]);
    }
    // numpy's _lerp: from the nearer end, so that the result is monotone and exact at ends
    double diff = hi - lo;
    return frac >= 0.5 ? hi - diff * (1 - frac) : lo + diff * frac;
  }
}
