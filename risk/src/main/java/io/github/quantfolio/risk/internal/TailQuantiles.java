package io.github.quantfolio.risk.internal;

import java.util.Arrays;

/**
 * The lower and upper tail statistics of a large sample in two linear passes, without sorting
 * or copying it: a histogram over [min, max] finds the buckets that hold the wanted order
 * statistics, a second pass collects just those buckets (sorted afterwards) and sums everything
 * below the lower one. Bucket assignment {@code floor((v - min) x scale)} is monotone in
 * {@code v}, so every value in a lower bucket is {@code <=} every value in a higher one and the
 * order statistics found are exact. NaN values are skipped.
 */
public final class TailQuantiles {

  private static final int BUCKETS = 4096;

  /** Results: quantiles interpolated as numpy's default, and the mean of the lowest values. */
  public record Result(double lower, double upper, double lowerTailMean) {
  }

  private TailQuantiles() {
  }

  /**
   * The fewest valid values from which a quantile at tail probability {@code alpha} (0.05 for a
   * 95 % VaR) is estimated: {@code n alpha >= 1}, at least one value expected in the tail. With
   * fewer, the sample quantile is only a value near the sample's minimum (a single return would
   * be its own "95 % VaR"), not an estimate of the tail.
   */
  public static int minimumCount(double alpha) {
    return (int) Math.ceil(1 / alpha - 1e-9); // 1 - 0.95 is 0.050000000000000044
  }

  /**
   * The {@code q}- and {@code (1 - q)}-quantiles (type 7, numpy's default) of the valid values,
   * and the mean of the {@code floor((n - 1) q) + 1} smallest (empyrical's CVaR).
   *
   * @param n the number of valid values (at least 1)
   */
  public static Result of(double[] a, int n, double q) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
    return of(a, n, q, min, max);
  }

  /** As {@link #of(double[], int, double)} with the valid values' minimum and maximum known. */
  public static Result of(double[] a, int n, double q, double min, double max) {
    double posLo = q * (n - 1);
    double posHi = (1 - q) * (n - 1);
    int kLo = (int) Math.floor(posLo);
    int kHi = (int) Math.floor(posHi);
    if (min == max) {
      return new Result(min, max, min);
    }
    double scale = BUCKETS / (max - min);
    if (!Double.isFinite(scale) || scale == 0) {
      return sorted(a, n, q); // range too wide or too narrow to bucket; rare
    }
    int[] counts = new int[BUCKETS + 1];
    for (double v : a) {
      if (v == v) {
        counts[bucket(v, min, scale)]++;
      }
    }
    // Buckets holding order statistics kLo, kLo + 1, kHi, kHi + 1.
    int[] wanted = {kLo, Math.min(kLo + 1, n - 1), kHi, Math.min(kHi + 1, n - 1)};
    int[] bucketOf = new int[4];
    int[] before = new int[4];
    for (int w = 0; w < 4; w++) {
      int cum = 0;
      int b = 0;
      while (cum + counts[b] <= wanted[w]) {
        cum += counts[b];
        b++;
      }
      bucketOf[w] = b;
      before[w] = cum;
    }
    int lowB = bucketOf[0];
    double sumBelow = 0;
    double[][] members = new double[BUCKETS + 1][];
    int[] fill = new int[BUCKETS + 1];
    for (int b : bucketOf) {
      if (members[b] == null) {
        members[b] = new double[counts[b]];
      }
    }
    for (double v : a) {
      if (v == v) {
        int b = bucket(v, min, scale);
        if (b < lowB) {
          sumBelow += v;
        }
        double[] m = members[b];
        if (m != null) {
          m[fill[b]++] = v;
        }
      }
    }
    for (double[] m : members) {
      if (m != null) {
        Arrays.sort(m);
      }
    }
    double[] stat = new double[4];
    for (int w = 0; w < 4; w++) {
      stat[w] = members[bucketOf[w]][wanted[w] - before[w]];
    }
    double[] low = members[lowB];
    for (int i = 0; i <= kLo - before[0]; i++) {
      sumBelow += low[i];
    }
    return new Result(lerp(stat[0], stat[1], posLo - kLo), lerp(stat[2], stat[3], posHi - kHi),
        sumBelow / (kLo + 1));
  }

  private static int bucket(double v, double min, double scale) {
    int b = (int) ((v - min) * scale);
    return Math.min(b, BUCKETS);
  }

  /** numpy's {@code _lerp}: interpolate from the nearer end. */
  static double lerp(double a, double b, double t) {
    if (t == 0) {
      return a;
    }
    double d = b - a;
    return t >= 0.5 ? b - d * (1 - t) : a + d * t;
  }

  private static Result sorted(double[] a, int n, double q) {
    double[] v = new double[n];
    int k = 0;
    for (double x : a) {
      if (x == x) {
        v[k++] = x;
      }
    }
    Arrays.sort(v);
    double posLo = q * (n - 1);
    double posHi = (1 - q) * (n - 1);
    int kLo = (int) Math.floor(posLo);
    int kHi = (int) Math.floor(posHi);
    double s = 0;
    for (int i = 0; i <= kLo; i++) {
      s += v[i];
    }
    return new Result(lerp(v[kLo], v[Math.min(kLo + 1, n - 1)], posLo - kLo),
        lerp(v[kHi], v[Math.min(kHi + 1, n - 1)], posHi - kHi), s / (kLo + 1));
  }
}
