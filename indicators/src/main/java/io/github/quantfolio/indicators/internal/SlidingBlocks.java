package io.github.quantfolio.indicators.internal;

/**
 * Window kernels over block buffers, shaped so that JDK 17's C2 vectorizes them: every loop reads
 * and writes its arrays at the same index {@code j} (SuperWord vectorizes nothing else, not even
 * {@code a[j] + a[j + 1]}, and {@code Math.max(double, double)} is slow in scalar code); a shifted
 * operand is first copied to {@code tmp} by {@link System#arraycopy}. Measured here, such a pass
 * (copy plus vector operation) costs about 0.2 ns per value, a scalar branch-free maximum 0.7 to
 * 1.2 ns.
 */
final class SlidingBlocks {

  private SlidingBlocks() {
  }

  /**
   * {@code dst[j] = max (or min) of src[j .. j + n - 1]} for {@code j < count - n + 1}, by
   * doubling (a sparse table: windows of 1, 2, 4, ... values, then two overlapping windows of the
   * largest power of two {@code <= n}): {@code floor(log2 n) + 1} passes. Exact. With
   * {@code poison}, a window holding a non-finite value (even one that is not its extreme, such as
   * a -Infinity in a maximum) gives NaN: the first pass adds {@code x - x} (0 for finite x, NaN
   * otherwise) of both values it combines. {@code dst} may be {@code src}; {@code tmp} is scratch
   * of length {@code >= count}.
   */
  static void extreme(double[] src, int count, int n, boolean max, boolean poison, double[] dst,
      double[] tmp) {
    if (n == 1) {
      if (poison) {
        for (int j = 0; j < count; j++) {
          double x = src[j];
          dst[j] = x + (x - x);
        }
      } else if (src != dst) {
        System.arraycopy(src, 0, dst, 0, count);
      }
      return;
    }
    int c = count - 1; // after each pass, dst[j], j < c, is the extreme of src[j .. j + w - 1]
    System.arraycopy(src, 1, tmp, 0, c);
    if (poison) {
      firstPoisoned(src, tmp, c, max, dst);
    } else {
      combine(src, tmp, c, max, dst);
    }
    int w = 2;
    while (2 * w <= n) {
      c -= w;
      System.arraycopy(dst, w, tmp, 0, c);
      combine(dst, tmp, c, max, dst);
      w *= 2;
    }
    int d = n - w;
    if (d > 0) { // windows [j, j + w) and [j + d, j + n) cover [j, j + n)
      System.arraycopy(dst, d, tmp, 0, c - d);
      combine(dst, tmp, c - d, max, dst);
    }
  }

  /** {@code dst[j] = max (or min) of a[j] and b[j]} for {@code j < count}. */
  private static void combine(double[] a, double[] b, int count, boolean max, double[] dst) {
    if (max) {
      for (int j = 0; j < count; j++) {
        dst[j] = Math.max(a[j], b[j]);
      }
    } else {
      for (int j = 0; j < count; j++) {
        dst[j] = Math.min(a[j], b[j]);
      }
    }
  }

  /** {@link #combine}, NaN where {@code a[j]} or {@code b[j]} is not finite. */
  private static void firstPoisoned(double[] a, double[] b, int count, boolean max,
      double[] dst) {
    if (max) {
      for (int j = 0; j < count; j++) {
        double x = a[j];
        double y = b[j];
        dst[j] = Math.max(x, y) + ((x - x) + (y - y));
      }
    } else {
      for (int j = 0; j < count; j++) {
        double x = a[j];
        double y = b[j];
        dst[j] = Math.min(x, y) + ((x - x) + (y - y));
      }
    }
  }

  /**
   * {@code dst[j] = (((src[j] + src[j + 1]) + ...) + src[j + m - 1]) * scale} for
   * {@code j < count - m + 1}: each window summed directly, oldest value first (the order
   * {@link HighLow.Smoother} uses). {@code dst} must not be {@code src}; {@code tmp} is scratch of
   * length {@code >= count}.
   */
  static void sum(double[] src, int count, int m, double scale, double[] dst, double[] tmp) {
    int c = count - m + 1;
    if (m == 1) {
      for (int j = 0; j < c; j++) {
        dst[j] = src[j] * scale;
      }
      return;
    }
    System.arraycopy(src, 1, tmp, 0, c);
    if (m == 2) {
      for (int j = 0; j < c; j++) {
        dst[j] = (src[j] + tmp[j]) * scale;
      }
      return;
    }
    for (int j = 0; j < c; j++) {
      dst[j] = src[j] + tmp[j];
    }
    for (int i = 2; i < m - 1; i++) {
      System.arraycopy(src, i, tmp, 0, c);
      for (int j = 0; j < c; j++) {
        dst[j] += tmp[j];
      }
    }
    System.arraycopy(src, m - 1, tmp, 0, c);
    for (int j = 0; j < c; j++) {
      dst[j] = (dst[j] + tmp[j]) * scale;
    }
  }
}
