package io.github.quantfolio.risk;

import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Factor attribution (seed 002): the portfolio's returns regressed on factor returns the caller
 * supplies (Fama-French, a market index, ...) by ordinary least squares with an intercept,
 * {@code r_t = alpha + sum_k beta_k f_k,t + e_t}. Over the T periods the portfolio's summed
 * return splits exactly into factor contributions {@code beta_k sum_t f_k,t}, the alpha
 * contribution {@code alpha T} and the specific return {@code sum_t e_t} (zero up to rounding
 * with an intercept; kept so that the split is visibly complete).
 *
 * @param factors the factor names, in the caller's order
 * @param exposures {@code beta_k} of each factor
 * @param alpha the intercept, per period
 * @param contributions {@code beta_k sum_t f_k,t} of each factor
 * @param alphaContribution {@code alpha T}
 * @param specificReturn {@code sum_t e_t}
 * @param totalReturn {@code sum_t r_t}, the arithmetic total the parts add up to
 * @param rSquared the share of the return variance the factors explain
 * @param periods T
 * @since 0.1.0
 */
public record FactorAttribution(List<String> factors, Map<String, Double> exposures,
    double alpha, Map<String, Double> contributions, double alphaContribution,
    double specificReturn, double totalReturn, double rSquared, int periods) {

  /**
   * Copies the lists and maps.
   *
   * @param factors the factor names
   * @param exposures the betas
   * @param alpha the intercept
   * @param contributions the factor contributions
   * @param alphaContribution alpha x T
   * @param specificReturn the summed residuals
   * @param totalReturn the summed returns
   * @param rSquared the R squared
   * @param periods the number of periods
   */
  public FactorAttribution {
    factors = List.copyOf(factors);
    exposures = Collections.unmodifiableMap(new LinkedHashMap<>(exposures));
    contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
  }

  /**
   * Regresses {@code returns} on the factors.
   *
   * @param returns the portfolio's per-period returns, finite
   * @param factorReturns each factor's returns, same length, finite, in the order to report
   * @return the attribution
   * @throws IllegalArgumentException if a series has another length or a non-finite value
   *     (factor and period named), there are no factors, fewer periods than factors + 2, or the
   *     factors are collinear (or one is constant)
   */
  public static FactorAttribution of(double[] returns, Map<String, double[]> factorReturns) {
    Checks.notNull(returns, "returns");
    Checks.notNull(factorReturns, "factorReturns");
    int t = returns.length;
    int k = factorReturns.size();
    if (k == 0) {
      throw new IllegalArgumentException("Factor attribution: no factor");
    }
    if (t < k + 2) {
      throw new IllegalArgumentException("Factor attribution: " + t + " periods for " + k
          + " factors and an intercept; need at least " + (k + 2));
    }
    finite(returns, "the portfolio");
    List<String> names = new ArrayList<>(factorReturns.keySet());
    double[][] x = new double[k + 1][];
    x[0] = new double[t];
    java.util.Arrays.fill(x[0], 1);
    for (int j = 0; j < k; j++) {
      double[] f = Checks.notNull(factorReturns.get(names.get(j)), "factor " + names.get(j));
      if (f.length != t) {
        throw new IllegalArgumentException("Factor attribution: factor '" + names.get(j)
            + "' has " + f.length + " returns, the portfolio " + t);
      }
      finite(f, "factor '" + names.get(j) + "'");
      x[j + 1] = f;
    }
    // Normal equations X'X b = X'r, solved by Gaussian elimination with partial pivoting.
    int m = k + 1;
    double[][] a = new double[m][m + 1];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a[i][j] = dot(x[i], x[j]);
      }
      a[i][m] = dot(x[i], returns);
    }
    double[] b = solve(a, names);
    double total = 0;
    double specific = 0;
    double mean = 0;
    for (double r : returns) {
      mean += r;
    }
    mean /= t;
    double ssTot = 0;
    double ssRes = 0;
    for (int s = 0; s < t; s++) {
      double fit = b[0];
      for (int j = 0; j < k; j++) {
        fit += b[j + 1] * x[j + 1][s];
      }
      double e = returns[s] - fit;
      total += returns[s];
      specific += e;
      ssRes += e * e;
      ssTot += (returns[s] - mean) * (returns[s] - mean);
    }
    Map<String, Double> exposures = new LinkedHashMap<>();
    Map<String, Double> contributions = new LinkedHashMap<>();
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (double v : x[j + 1]) {
        sum += v;
      }
      exposures.put(names.get(j), b[j + 1]);
      contributions.put(names.get(j), b[j + 1] * sum);
    }
    return new FactorAttribution(names, exposures, b[0], contributions, b[0] * t, specific,
        total, ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot, t);
  }

  private static void finite(double[] v, String what) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("Factor attribution: the return of " + what
            + " in period " + i + " is " + v[i]);
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] solve(double[][] a, List<String> names) {
    int m = a.length;
    double scale = 0;
    for (double[] row : a) {
      for (int j = 0; j < m; j++) {
        scale = Math.max(scale, Math.abs(row[j]));
      }
    }
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      if (Math.abs(a[p][c]) <= 1e-12 * scale) {
        throw new IllegalArgumentException("Factor attribution: the factors are collinear or "
            + "constant (" + (c == 0 ? "the intercept" : "factor '" + names.get(c - 1) + "'")
            + " is a combination of the others)");
      }
      double[] tmp = a[c];
      a[c] = a[p];
      a[p] = tmp;
      for (int r = c + 1; r < m; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j <= m; j++) {
          a[r][j] -= f * a[c][j];
        }
      }
    }
    double[] b = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = a[r][m];
      for (int j = r + 1; j < m; j++) {
        s -= a[r][j] * b[j];
      }
      b[r] = s / a[r][r];
    }
    return b;
  }

  /** Exposures and contributions per factor, alpha, specific return and R squared. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Factor attribution over %d periods: total %+.4f = factors %+.4f + alpha %+.4f + specific"
            + " %+.4f; R^2 %.3f%n", periods, totalReturn,
        contributions.values().stream().mapToDouble(Double::doubleValue).sum(),
        alphaContribution, specificReturn, rSquared));
    for (String f : factors) {
      s.append(String.format(Locale.ROOT, "  %-12s beta %+8.4f  contribution %+.4f%n", f,
          exposures.get(f), contributions.get(f)));
    }
    return s.toString();
  }
}
