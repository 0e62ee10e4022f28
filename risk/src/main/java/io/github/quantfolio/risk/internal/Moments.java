package io.github.quantfolio.risk.internal;

/**
 * Moments of the valid (non-NaN) values of an array: counts, means with one correction pass,
 * sample standard deviation and population skewness/kurtosis. NaN values are skipped. Sums that
 * would overflow (values near {@code 1e154} and beyond, whose squares exceed the double range)
 * are taken over values divided by a power-of-two scale instead, so a finite true result is
 * never reported as Infinity or NaN.
 */
public final class Moments {

  private Moments() {
  }

  /** The number of non-NaN values. */
  public static int countValid(double[] r) {
    int n = 0;
    for (double v : r) {
      if (v == v) {
        n++;
      }
    }
    return n;
  }

  /**
   * Mean of the valid values with one correction pass (Chan, Golub &amp; LeVeque 1983), so that
   * a constant series has exactly its value as mean; NaN if there is none.
   */
  public static double mean(double[] r) {
    double s = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        s += v;
        n++;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    if (s == Double.POSITIVE_INFINITY || s == Double.NEGATIVE_INFINITY) {
      s = 0; // the sum overflowed: sum the values divided by n instead (each term <= MAX / n)
      for (double v : r) {
        if (v == v) {
          s += v / n;
        }
      }
      return correct(r, s, n);
    }
    return correct(r, s / n, n);
  }

  /** {@code m} plus the mean deviation of the {@code n} valid values from it. */
  private static double correct(double[] r, double m, int n) {
    double c = 0;
    for (double v : r) {
      if (v == v) {
        c += v - m;
      }
    }
    return Double.isFinite(c) ? m + c / n : m; // deviations near the double range: keep m
  }

  /**
   * Sample standard deviation (divisor n - 1) of the valid values; NaN if fewer than 2. When the
   * squared deviations overflow, they are summed relative to the largest deviation (so the result
   * is finite whenever the true one is).
   */
  public static double std(double[] r) {
    double m = mean(r);
    double ss = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        double d = v - m;
        ss += d * d;
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    if (ss == Double.POSITIVE_INFINITY) {
      double scale = scaleOf(r, m);
      double sss = 0;
      for (double v : r) {
        if (v == v) {
          double d = (v - m) / scale;
          sss += d * d;
        }
      }
      return scale * Math.sqrt(sss / (n - 1));
    }
    return Math.sqrt(ss / (n - 1));
  }

  /**
   * A power of two near the largest {@code |v - m|} of the valid values (exact division by it
   * keeps every digit): deviations divided by it lie in (-2, 2).
   */
  private static double scaleOf(double[] r, double m) {
    double max = 0;
    for (double v : r) {
      if (v == v) {
        max = Math.max(max, Math.abs(v - m));
      }
    }
    return max == 0 || max == Double.POSITIVE_INFINITY ? 1 : Math.scalb(1.0, Math.getExponent(max));
  }

  /**
   * Population skewness {@code m3 / m2^1.5} and excess kurtosis {@code m4 / m2^2 - 3} of the
   * valid values, as {@code {skew, kurt}}; both NaN when the values do not vary ({@code 0/0}).
   */
  public static double[] skewKurt(double[] r) {
    double m = mean(r);
    double scale = scaleOf(r, m); // both ratios are scale-free: no fourth power can overflow
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        double d = (v - m) / scale;
        double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
        n++;
      }
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
  }

  /**
   * Sample skewness of the valid values, bias-corrected ({@code G1 = g1 sqrt(n(n-1))/(n-2)}, as
   * pandas and Excel); NaN if fewer than 3 or all equal.
   */
  public static double skewness(double[] r) {
    int n = countValid(r);
    return n < 3 ? Double.NaN : skewKurt(r)[0] * Math.sqrt((double) n * (n - 1)) / (n - 2);
  }

  /**
   * Sample excess kurtosis of the valid values, bias-corrected
   * ({@code G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3))}, as pandas and Excel); NaN if fewer than 4
   * or all equal.
   */
  public static double kurtosis(double[] r) {
    int n = countValid(r);
    if (n < 4) {
      return Double.NaN;
    }
    return ((n + 1) * skewKurt(r)[1] + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
  }

  /** {@code r - c} elementwise (NaN stays NaN). */
  public static double[] minus(double[] r, double c) {
    double[] out = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i] - c;
    }
    return out;
  }

  /** {@code r - b} elementwise: NaN where either is NaN. */
  public static double[] minus(double[] r, double[] b) {
    double[] out = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i] - b[i];
    }
    return out;
  }
}
