package io.github.quantfolio.optimize;

import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.TextTable;
import java.util.Locale;

/**
 * What the optimizers tell the user: the number format of every message, the messages that say
 * what cannot be attained and what can (shared by {@link MeanVariance} and the scenario
 * optimizers, so that one cause has one wording), and the checks on a solver's answer before it
 * becomes an {@link OptimalPortfolio} (finite, on its bounds, not the empty portfolio).
 */
final class Diagnostics {

  private Diagnostics() {
  }

  /** Numbers in messages: up to 6 significant digits, no trailing zeros. */
  static String fmt(double v) {
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  /** A target return above the maximum attainable one under {@code constraints}. */
  static OptimizationException targetReturnTooHigh(double target, double max, String constraints) {
    return new OptimizationException("Target return " + fmt(target) + " is above the maximum "
        + "attainable " + fmt(max) + " under " + constraints);
  }

  /** A target volatility below the minimum attainable one under {@code constraints}. */
  static OptimizationException targetVolatilityTooLow(double target, double min,
      String constraints) {
    return new OptimizationException("Target volatility " + fmt(target) + " is below the "
        + "minimum attainable " + fmt(min) + " under " + constraints);
  }

  /**
   * A number for printed results with {@code decimals} decimals, in scientific notation when
   * fixed notation would print a non-zero value as zero or need more than 15 digits (a price of
   * 1e-12 printed as {@code 0.0000}, a Sharpe ratio of 1e301 as a 300-digit number).
   */
  static String num(double v, int decimals) {
    double a = Math.abs(v);
    if (Double.isFinite(v) && v != 0 && (a >= 1e15 || a < 0.5 * Math.pow(10, -decimals))) {
      return String.format(Locale.ROOT, "%.4e", v);
    }
    return TextTable.num(v, decimals);
  }

  /** A fraction as a percentage with two decimals ({@code -0.0362447} as {@code -3.62%}). */
  static String pct(double v) {
    if (!Double.isFinite(v)) {
      return fmt(v);
    }
    String s = String.format(Locale.ROOT, "%.2f%%", 100 * v);
    // never print a non-zero value as 0.00% (or -0.00%)
    return s.matches("-?0\\.00%") && v != 0 ? fmt(100 * v) + "%" : s.replace("-0.00%", "0.00%");
  }

  /**
   * No attainable portfolio returns more than the risk-free rate. The message says why the best
   * attainable return is below the best asset's when the constraints are the reason: a uniform cap
   * {@code u < 1} on long-only weights forces holding at least {@code ceil(1 / u)} assets, so the
   * best attainable is the best capped mix, not the best asset.
   *
   * @param netOfCosts whether the return is net of transaction costs
   * @param constraints the constraints in words
   * @param max the maximum attainable (net) return
   */
  static OptimizationException noExcessReturn(boolean netOfCosts, double rf, MeanVarianceSpec s,
      String constraints, double max) {
    double[] mu = s.mu();
    int best = 0;
    for (int i = 1; i < mu.length; i++) {
      if (mu[i] > mu[best]) {
        best = i;
      }
    }
    String bestAsset = "'" + s.assets().get(best) + "'";
    StringBuilder sb = new StringBuilder("Max Sharpe needs an expected return")
        .append(netOfCosts ? " net of transaction costs" : "").append(" above the risk-free rate ")
        .append(pct(rf)).append(", but the best attainable under ").append(constraints)
        .append(" is ").append(pct(max));
    double cap = uniformCap(s);
    boolean binding = max < mu[best] - 1e-12 * Math.max(1, Math.abs(mu[best]));
    if (!binding) {
      sb.append(", the expected return of the best asset (").append(bestAsset).append(")");
    } else if (cap < 1 && !netOfCosts) {
      int k = (int) Math.ceil(1 / cap - 1e-9);
      sb.append(": with at most ").append(pct(cap).replace(".00%", "%"))
          .append(" in any one asset a portfolio holds at least ").append(k)
          .append(" assets, and no such mix does better, although the best single asset (")
          .append(bestAsset).append(") expects ").append(pct(mu[best]));
    } else {
      sb.append(" (the best single asset, ").append(bestAsset).append(", expects ")
          .append(pct(mu[best])).append(netOfCosts ? " before costs" : "").append(")");
    }
    return new OptimizationException(sb.toString());
  }

  /**
   * The common upper bound {@code u} when every lower bound is 0, every upper bound is {@code u}
   * and there are no sector limits, else {@code +Infinity}.
   */
  private static double uniformCap(MeanVarianceSpec s) {
    if (!s.sectors().isEmpty() || s.marketNeutral()) {
      return Double.POSITIVE_INFINITY;
    }
    double u = s.upper()[0];
    for (int i = 0; i < s.n(); i++) {
      if (s.lower()[i] != 0 || s.upper()[i] != u) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return u;
  }

  /**
   * A variance at or below this share of {@code max_i S_ii x ||w||^2} counts as no risk: the ridge
   * that makes a singular risk model solvable ({@code 1e-12 x} its largest variance, see
   * {@link FeasibleSet}) is then all the optimum's risk.
   */
  static final double RISKLESS = 1e-10;

  /**
   * Refuses a max-Sharpe answer that has no risk under {@code S + gamma I} but a positive excess
   * return: its ratio is infinite, so every such portfolio is "optimal" and the one returned is
   * arbitrary (a covariance of zeros built with {@code CovarianceMatrix.of} gave weights 1/3, 2/3
   * with "Sharpe Infinity").
   */
  static void requireRisk(MeanVarianceSpec s, double[] w, double rf) {
    double[][] cov = s.cov();
    double maxDiag = 0;
    double norm2 = 0;
    for (int i = 0; i < w.length; i++) {
      maxDiag = Math.max(maxDiag, cov[i][i] + s.gamma());
      norm2 += w[i] * w[i];
    }
    double risk = s.risk(w);
    double excess = MeanVarianceSpec.dot(s.mu(), w) - rf;
    if (risk * risk <= RISKLESS * maxDiag * norm2 && excess > 0) {
      throw riskless(s, w, rf);
    }
  }

  /** The message of {@link #requireRisk}: the riskless portfolio, its return and the remedy. */
  static OptimizationException riskless(MeanVarianceSpec s, double[] w, double rf) {
    StringBuilder held = new StringBuilder();
    int shown = 0;
    int count = 0;
    for (int i = 0; i < w.length; i++) {
      if (Math.abs(w[i]) > 1e-9) {
        count++;
        if (shown < 5) {
          held.append(shown++ == 0 ? "" : ", ").append('\'').append(s.assets().get(i))
              .append("' ").append(pct(w[i]));
        }
      }
    }
    if (count > shown) {
      held.append(", ... (").append(count).append(" assets)");
    }
    return new OptimizationException("Max Sharpe is unbounded under " + s.describeTrading()
        + ": the portfolio " + held + " has no risk under this covariance matrix but expects "
        + pct(MeanVarianceSpec.dot(s.mu(), w)) + ", above the risk-free rate " + pct(rf)
        + ", so its Sharpe ratio is infinite (the matrix gives this combination of assets zero "
        + "variance); give every combination some risk, e.g. cov.withDiagonalShift(...), or use "
        + "maxReturn()");
  }

  /**
   * The maximum return is unbounded (infinite bounds).
   *
   * @param trading whether turnover or tracking-error limits would be a remedy
   */
  static OptimizationException unboundedReturn(String constraints, boolean trading) {
    return new OptimizationException("Maximum return is unbounded under " + constraints
        + ": weights can grow without limit along a direction that raises the expected return; "
        + (trading ? "use finite bounds, a turnover limit or a tracking-error limit"
            : "use finite bounds"));
  }

  /**
   * The result of a mean-variance solve: weights moved exactly onto the bounds they sit on up to
   * rounding, {@code -0.0} as 0, with {@code mu'w} (NaN without mu) and {@code sqrt(w'Sw)}.
   *
   * @throws OptimizationException if a weight is not finite or every weight is 0 (the empty
   *     portfolio is never an answer)
   */
  static OptimalPortfolio result(MeanVarianceSpec s, String method, double[] w) {
    double[] lower = s.lower();
    double[] upper = s.upper();
    double[] x = w.clone();
    boolean empty = true;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new OptimizationException(method + ": solver produced a non-finite weight for '"
            + s.assets().get(i) + "'");
      }
      // rounding leaves active bounds off by ~1e-17; put them exactly on the bound
      x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
      if (x[i] == -0.0) {
        x[i] = 0.0;
      }
      empty &= Math.abs(x[i]) <= 1e-14;
    }
    if (empty) {
      throw new OptimizationException(method + ": the optimum under " + s.describe()
          + " is the empty portfolio (all weights 0)");
    }
    double ret = s.mu() == null ? Double.NaN : MeanVarianceSpec.dot(s.mu(), x);
    // w'Sw over the non-zero weights only (most sit on a zero bound)
    int[] nz = new int[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        nz[m++] = i;
      }
    }
    double var = 0;
    double[][] cov = s.cov();
    for (int a = 0; a < m; a++) {
      double[] si = cov[nz[a]];
      double sum = 0;
      for (int b = 0; b < m; b++) {
        sum += si[nz[b]] * x[nz[b]];
      }
      var += x[nz[a]] * sum;
    }
    return new OptimalPortfolio(method, Weights.of(s.assets(), x), ret,
        Math.sqrt(Math.max(var, 0)));
  }
}
