package io.github.quantfolio.risk.internal;

/**
 * Moments of the valid (non-NaN) values of an array: counts, means with one correction pass,
 * sample standard deviation and population skewness/kurtosis. NaN values are skipped.
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
    double m = s / n;
    double c = 0;
    for (double v : r) {
      if (v == v) {
        c += v - m;
      }
    }
    return m + c / n;
  }

  /** Sample standard deviation (divisor n - 1) of the valid values; NaN if fewer than 2. */
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
    return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
  }

  /**
   * Population skewness {@code m3 / m2^1.5} and excess kurtosis {@code m4 / m2^2 - 3} of the
   * valid values, as {@code {skew, kurt}}; both NaN when the values do not vary ({@code 0/0}).
   */
  public static double[] skewKurt(double[] r) {
    double m = mean(r);
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    int n = 0;
    for (double v : r) {
      if (v == v) {
        double d = v - m;
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
