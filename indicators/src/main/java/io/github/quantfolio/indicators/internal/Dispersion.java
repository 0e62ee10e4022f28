package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;

/**
 * Batch kernel of the rolling population standard deviation and what is built on it (Bollinger
 * Bands, z-score), by the anchored block sums described in {@link WindowMoments} (same operations,
 * same order).
 */
public final class Dispersion {

  /** Output mode: upper, middle, lower band. */
  public static final int BANDS = 0;
  /** Output mode: standard deviation. */
  public static final int STD = 1;
  /** Output mode: z-score. */
  public static final int ZSCORE = 2;

  private Dispersion() {
  }

  /**
   * Sums of {@code d = v - c} and {@code d^2} over {@code v[off + j, off + n)} for every j,
   * accumulated backwards; entry n is 0.
   */
  static void suffixSums(double[] v, int off, int n, double c, double[] s1, double[] s2) {
    double a1 = 0;
    double a2 = 0;
    for (int j = n - 1; j >= 0; j--) {
      double d = v[off + j] - c;
      a1 += d;
      a2 += d * d;
      s1[j] = a1;
      s2[j] = a2;
    }
    s1[n] = 0;
    s2[n] = 0;
  }

  /**
   * The sum of squared deviations from the mean, {@code M2 = S2 - S1^2 / n}, of a window whose
   * deviations from the anchor sum to S1 and whose squared deviations sum to S2.
   */
  public static double m2(double s1, double s2, double invN) {
    return s2 - s1 * s1 * invN;
  }

  /**
   * Anchors below this magnitude (or 0) can leave a nonzero deviation {@code d = x - c} whose
   * square is below the normal range: at or above it, a nonzero {@code d} is at least
   * {@code 2^-504} (both values are multiples of that, or {@code |d| > |c| / 2}), so {@code d^2} is
   * normal.
   */
  static final double TINY_ANCHOR = 0x1p-450;

  /**
   * Below this, M2 from a {@link #TINY_ANCHOR tiny anchor} may be made of squares rounded in the
   * subnormal range or flushed to 0 (absolute error up to {@code 2^-1075} each, at most
   * {@code 2^-1043} in all for any window): {@link #underflows} sends it to {@link #exact}. At or
   * above it, that error is below {@code 2^-83} of M2.
   */
  static final double M2_FLOOR = 0x1p-960;

  /**
   * Whether a window's anchored sums may have lost digits to underflow: its anchor is tiny and its
   * M2 small (or 0: a window of values near 1e-170 has squared deviations that all underflow to 0,
   * which read as a constant window). Such a window gets its mean and deviation from
   * {@link #exact}, as an overflowing one does; the batch kernel and the streaming twins test the
   * same condition.
   *
   * @param c the window's anchor
   * @param m2 the window's M2 from the anchored sums
   */
  public static boolean underflows(double c, double m2) {
    return Math.abs(c) < TINY_ANCHOR && !(m2 >= M2_FLOOR);
  }

  /** The population standard deviation from M2: {@code sqrt(M2 / n)}, 0 if M2 is not positive. */
  public static double sd(double m2, double invN) {
    return m2 > 0 ? Math.sqrt(m2 * invN) : 0.0;
  }

  /**
   * Runs the kernel. {@link #BANDS}: {@code o1} upper, {@code o2} middle, {@code o3} lower with
   * {@code k} standard deviations; {@link #STD}: {@code o1} standard deviation;
   * {@link #ZSCORE}: {@code o1} z-score (0 where the deviation is 0). A window whose sums
   * overflow, or {@link #underflows underflow}, gets its mean and deviation from {@link #exact};
   * bands beyond the double range are an {@link ArithmeticException}.
   */
  public static void run(String what, double[] x, int n, double k, int mode, double[] o1,
      double[] o2, double[] o3) {
    double[] s1 = new double[n + 1];
    double[] s2 = new double[n + 1];
    for (int s = 0; s < x.length; ) {
      int stop = segment(what, x, s, n, k, mode, o1, o2, o3, s1, s2);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", null, null, o1, o2, o3);
      s = stop + 1;
    }
  }

  private static int segment(String what, double[] x, int s, int n, double k, int mode,
      double[] o1, double[] o2, double[] o3, double[] s1, double[] s2) {
    int len = x.length;
    double invN = 1.0 / n;
    int firstOut = s + n - 1;
    double c = x[s];
    if (bad(c)) {
      return s;
    }
    double p1 = 0;
    double p2 = 0;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        MovingAverages.nan3(o1, o2, o3, s, i);
        return i;
      }
      double d = v - c;
      p1 += d;
      p2 += d * d;
    }
    if (i <= firstOut) {
      MovingAverages.nan3(o1, o2, o3, s, len);
      return len;
    }
    MovingAverages.nan3(o1, o2, o3, s, firstOut);
    double mean0 = c + p1 * invN;
    double m20 = m2(p1, p2, invN);
    emit(mode, firstOut, x[firstOut], mean0, m20, invN, k, o1, o2, o3);
    if (!fine(mode, firstOut, c, mean0, m20, o1, o3)) {
      slow(what, mode, firstOut, x[firstOut], c, mean0, m20, x, s, n, k, o1, o2, o3);
    }
    for (int b = s + n; b < len; b += n) {
      c = x[b];
      if (bad(c)) {
        return b;
      }
      suffixSums(x, b - n, n, c, s1, s2);
      p1 = 0;
      p2 = 0;
      int end = Math.min(b + n, len);
      int q = b;
      for (; q < end; q++) {
        double v = x[q];
        if (bad(v)) {
          break;
        }
        double d = v - c;
        p1 += d;
        p2 += d * d;
        int p = q - b + 1;
        double a1 = s1[p] + p1;
        double a2 = s2[p] + p2;
        emit(mode, q, v, c + a1 * invN, m2(a1, a2, invN), invN, k, o1, o2, o3);
      }
      // No test per bar: every window of the block has a sum of squared deviations from c of at
      // most A = s2[0] + p2, so if A <= MAX / (4n) no sum overflowed (a1^2 <= n a2 by
      // Cauchy-Schwarz), and every mean and band is at most |c| + (1 + |k|) sqrt(A / n) in
      // magnitude: if that is <= MAX / 2, no band did either. An anchor of at least TINY_ANCHOR
      // rules out underflow. Otherwise look at each bar.
      double big = s2[0] + p2;
      if (!(big <= Double.MAX_VALUE / 4 * invN
          && Math.abs(c) + (1 + Math.abs(k)) * Math.sqrt(big * invN) <= Double.MAX_VALUE / 2
          && Math.abs(c) >= TINY_ANCHOR)) {
        recheck(what, mode, x, b, q, c, n, k, s1, s2, o1, o2, o3);
      }
      if (q < end) {
        return q;
      }
    }
    return len;
  }

  /** Writes bar i (value v, window mean and M2 from the sums). The streaming twins do the same. */
  private static void emit(int mode, int i, double v, double mean, double m2, double invN,
      double k, double[] o1, double[] o2, double[] o3) {
    double sd = sd(m2, invN);
    if (mode == BANDS) {
      double w = k * sd;
      o1[i] = mean + w;
      o2[i] = mean;
      o3[i] = mean - w;
    } else {
      o1[i] = mode == STD ? sd : zscore(v, mean, sd);
    }
  }

  /**
   * Whether bar i's sums and outputs are all finite and free of underflow (as the streaming twins
   * test each bar): otherwise {@link #slow} writes it.
   */
  private static boolean fine(int mode, int i, double c, double mean, double m2, double[] o1,
      double[] o3) {
    boolean ok = mode == BANDS ? !(bad(m2 + mean) | bad(o1[i]) | bad(o3[i])) : !bad(m2 + mean);
    return ok && !underflows(c, m2);
  }

  /**
   * Bars {@code [b, q)} of the block anchored at {@code c}, whose sums may have overflowed or
   * underflowed: replays
   * their sums (the same operations) and sends each bar that is not {@link #fine} to
   * {@link #slow}.
   */
  private static void recheck(String what, int mode, double[] x, int b, int q, double c, int n,
      double k, double[] s1, double[] s2, double[] o1, double[] o2, double[] o3) {
    double invN = 1.0 / n;
    double p1 = 0;
    double p2 = 0;
    for (int i = b; i < q; i++) {
      double v = x[i];
      double d = v - c;
      p1 += d;
      p2 += d * d;
      int p = i - b + 1;
      double a1 = s1[p] + p1;
      double a2 = s2[p] + p2;
      double mean = c + a1 * invN;
      double m2 = m2(a1, a2, invN);
      if (!fine(mode, i, c, mean, m2, o1, o3)) {
        slow(what, mode, i, v, c, mean, m2, x, i - n + 1, n, k, o1, o2, o3);
      }
    }
  }

  /**
   * Bar i that is not {@link #fine}: the window {@code x[from, i]}'s sums (anchored at c)
   * overflowed or underflowed ({@link #exact} gives its mean and deviation), or a band is beyond
   * the double range (an {@link ArithmeticException}), or neither.
   */
  private static void slow(String what, int mode, int i, double v, double c, double mean,
      double m2, double[] x, int from, int n, double k, double[] o1, double[] o2, double[] o3) {
    double sd;
    if (bad(m2 + mean) || underflows(c, m2)) {
      double[] e = new double[3];
      exact(x, from, n, v, e);
      if (mode != BANDS) {
        o1[i] = mode == STD ? e[1] : e[2];
        return;
      }
      mean = e[0];
      sd = e[1];
    } else {
      sd = sd(m2, 1.0 / n);
    }
    double w = k * sd;
    double up = mean + w;
    double lo = mean - w;
    if (bad(up) | bad(lo)) {
      throw Args.overflow(what, "a band", "index", i, "mean = " + mean + ", deviation = " + sd);
    }
    o1[i] = up;
    o2[i] = mean;
    o3[i] = lo;
  }

  /**
   * The mean, population standard deviation and z-score of the last value of the window
   * {@code a[start], ...} of {@code n} values (wrapping at the end of {@code a}, oldest first, as
   * {@link Scaled#mean}), written to {@code out[0..2]}: the exact two-pass computation on the
   * values scaled by a power of two that brings the largest magnitude to [1, 2), so that no sum of
   * squares can overflow or underflow; used where the window's anchored sums overflowed (values
   * beyond about 1e154) or {@link #underflows underflowed} (values below about 1e-136), by the
   * batch kernel and the streaming twins alike. Scaling by a power of two is exact except for
   * values below {@code 2^-1022} times the largest, which cannot change the result.
   *
   * @param v the window's newest value (for the z-score)
   */
  public static void exact(double[] a, int start, int n, double v, double[] out) {
    int len = a.length;
    double max = 0;
    for (int j = 0, i = start; j < n; j++) {
      max = Math.max(max, Math.abs(a[i]));
      if (++i == len) {
        i = 0;
      }
    }
    double scale = Math.scalb(1.0, -Math.getExponent(max));
    double sum = 0;
    for (int j = 0, i = start; j < n; j++) {
      sum += a[i] * scale;
      if (++i == len) {
        i = 0;
      }
    }
    double mean = sum / n;
    double ss = 0;
    for (int j = 0, i = start; j < n; j++) {
      double d = a[i] * scale - mean;
      ss += d * d;
      if (++i == len) {
        i = 0;
      }
    }
    double sd = Math.sqrt(ss / n);
    out[0] = mean / scale;
    out[1] = sd / scale;
    out[2] = zscore(v * scale, mean, sd);
  }

  /** {@code (v - mean) / sd}, or 0 when {@code sd == 0} (then every value equals the mean). */
  public static double zscore(double v, double mean, double sd) {
    return sd > 0 ? (v - mean) / sd : 0.0;
  }
}
