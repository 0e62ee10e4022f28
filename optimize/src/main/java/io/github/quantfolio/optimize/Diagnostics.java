package io.github.quantfolio.optimize;

import io.github.quantfolio.core.Weights;
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
   * No attainable portfolio returns more than the risk-free rate.
   *
   * @param netOfCosts whether the return is net of transaction costs
   * @param max the maximum attainable (net) return
   * @param mu the expected returns, for the highest one
   */
  static OptimizationException noExcessReturn(boolean netOfCosts, double rf, String constraints,
      double max, double[] mu) {
    double best = Double.NEGATIVE_INFINITY;
    for (double m : mu) {
      best = Math.max(best, m);
    }
    return new OptimizationException("Max Sharpe needs an expected return"
        + (netOfCosts ? " net of transaction costs" : "") + " above the risk-free rate " + fmt(rf)
        + ", but the maximum attainable under " + constraints + " is " + fmt(max)
        + " (highest asset expected return " + fmt(best) + ")");
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
