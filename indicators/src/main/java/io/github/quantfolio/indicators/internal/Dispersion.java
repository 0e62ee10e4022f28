package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;
import static io.github.quantfolio.indicators.internal.Segments.nan;

/**
 * Batch kernel of the rolling population standard deviation and what is built on it (Bollinger
 * Bands, z-score), by the block Welford/Chan scheme described in {@link WindowMoments} (same
 * operations, same order).
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

  /** {@code 1 / c} for {@code c = 0..n} (entry 0 unused). */
  static double[] reciprocals(int n) {
    double[] r = new double[n + 1];
    for (int c = 1; c <= n; c++) {
      r[c] = 1.0 / c;
    }
    return r;
  }

  /** {@code p / n} for {@code p = 0..n}. */
  static double[] fractions(int n) {
    double[] r = new double[n + 1];
    for (int p = 0; p <= n; p++) {
      r[p] = (double) p / n;
    }
    return r;
  }

  /** {@code (n - p) p / n} for {@code p = 0..n}: Chan's weight of the squared mean difference. */
  static double[] crossWeights(int n) {
    double[] r = new double[n + 1];
    for (int p = 0; p <= n; p++) {
      r[p] = (double) (n - p) * p / n;
    }
    return r;
  }

  /** Welford moments of {@code v[off + j, off + n)} for every j, accumulated backwards. */
  static void suffixMoments(double[] v, int off, int n, double[] inv, double[] sufMean,
      double[] sufM2) {
    double mean = 0;
    double m2 = 0;
    for (int j = n - 1; j >= 0; j--) {
      double x = v[off + j];
      double d = x - mean;
      mean += d * inv[n - j];
      m2 += d * (x - mean);
      sufMean[j] = mean;
      sufM2[j] = m2;
    }
    sufMean[n] = 0;
    sufM2[n] = 0;
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
    double[] inv = reciprocals(n);
    double[] frac = fractions(n);
    double[] cross = crossWeights(n);
    double[] sufMean = new double[n + 1];
    double[] sufM2 = new double[n + 1];
    for (int s = 0; s < x.length; ) {
      int stop = segment(x, s, n, k, mode, o1, o2, o3, inv, frac, cross, sufMean, sufM2);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(stop, x, "x", null, null, null, null, null, null, o1, o2, o3);
      s = stop + 1;
    }
  }

  private static int segment(double[] x, int s, int n, double k, int mode, double[] o1,
      double[] o2, double[] o3, double[] inv, double[] frac, double[] cross, double[] sufMean,
      double[] sufM2) {
    int len = x.length;
    double invN = 1.0 / n;
    int firstOut = s + n - 1;
    double pm = 0;
    double pq = 0;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        MovingAverages.nan3(o1, o2, o3, s, i);
        return i;
      }
      double d = v - pm;
      pm += d * inv[i - s + 1];
      pq += d * (v - pm);
    }
    if (i <= firstOut) {
      MovingAverages.nan3(o1, o2, o3, s, len);
      return len;
    }
    MovingAverages.nan3(o1, o2, o3, s, firstOut);
    emit(mode, firstOut, x[firstOut], pm, sd(pq, invN), k, o1, o2, o3);
    for (int b = s + n; b < len; b += n) {
      suffixMoments(x, b - n, n, inv, sufMean, sufM2);
      pm = 0;
      pq = 0;
      int end = Math.min(b + n, len);
      for (int q = b; q < end; q++) {
        double v = x[q];
        if (bad(v)) {
          return q;
        }
        int p = q - b + 1;
        double d = v - pm;
        pm += d * inv[p];
        pq += d * (v - pm);
        double sm = sufMean[p];
        double delta = pm - sm;
        double mean = sm + delta * frac[p];
        double m2 = sufM2[p] + pq + delta * delta * cross[p];
        emit(mode, q, v, mean, sd(m2, invN), k, o1, o2, o3);
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
