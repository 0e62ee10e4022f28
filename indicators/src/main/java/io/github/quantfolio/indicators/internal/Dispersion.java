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

  /** The population standard deviation from M2: {@code sqrt(M2 / n)}, 0 if M2 is not positive. */
  public static double sd(double m2, double invN) {
    return m2 > 0 ? Math.sqrt(m2 * invN) : 0.0;
  }

  /**
   * Runs the kernel. {@link #BANDS}: {@code o1} upper, {@code o2} middle, {@code o3} lower with
   * {@code k} standard deviations; {@link #STD}: {@code o1} standard deviation;
   * {@link #ZSCORE}: {@code o1} z-score (0 where the deviation is 0).
   */
  public static void run(double[] x, int n, double k, int mode, double[] o1, double[] o2,
      double[] o3) {
    double[] s1 = new double[n + 1];
    double[] s2 = new double[n + 1];
    for (int s = 0; s < x.length; ) {
      int stop = segment(x, s, n, k, mode, o1, o2, o3, s1, s2);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(stop, x, "x", null, null, null, null, null, null, o1, o2, o3);
      s = stop + 1;
    }
  }

  private static int segment(double[] x, int s, int n, double k, int mode, double[] o1,
      double[] o2, double[] o3, double[] s1, double[] s2) {
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
    emit(mode, firstOut, x[firstOut], c + p1 * invN, sd(m2(p1, p2, invN), invN), k, o1, o2, o3);
    for (int b = s + n; b < len; b += n) {
      c = x[b];
      if (bad(c)) {
        return b;
      }
      suffixSums(x, b - n, n, c, s1, s2);
      p1 = 0;
      p2 = 0;
      int end = Math.min(b + n, len);
      for (int q = b; q < end; q++) {
        double v = x[q];
        if (bad(v)) {
          return q;
        }
        double d = v - c;
        p1 += d;
        p2 += d * d;
        int p = q - b + 1;
        double a1 = s1[p] + p1;
        double a2 = s2[p] + p2;
        emit(mode, q, v, c + a1 * invN, sd(m2(a1, a2, invN), invN), k, o1, o2, o3);
      }
    }
    return len;
  }

  private static void emit(int mode, int i, double v, double mean, double sd, double k,
      double[] o1, double[] o2, double[] o3) {
    if (mode == BANDS) {
      double w = k * sd;
      o1[i] = mean + w;
      o2[i] = mean;
      o3[i] = mean - w;
    } else if (mode == STD) {
      o1[i] = sd;
    } else {
      o1[i] = zscore(v, mean, sd);
    }
  }

  /** {@code (v - mean) / sd}, or 0 when {@code sd == 0} (then every value equals the mean). */
  public static double zscore(double v, double mean, double sd) {
    return sd > 0 ? (v - mean) / sd : 0.0;
  }
}
