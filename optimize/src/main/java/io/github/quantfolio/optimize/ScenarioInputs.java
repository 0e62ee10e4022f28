package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.optimize.internal.LinearProgram;
import io.github.quantfolio.optimize.internal.QpException;
import java.util.Arrays;
import java.util.List;

/** Input handling shared by the scenario-based optimisers ({@link MeanCvar}, {@link MeanCdar}). */
final class ScenarioInputs {

  private ScenarioInputs() {
  }

  /**
   * The returns as a row-major {@code [period][asset]} matrix.
   *
   * @param problem the optimiser's name for messages, e.g. "mean-CVaR"
   * @throws IllegalArgumentException if the returns are not simple returns, if there are not
   *     more rows than assets (with T &lt;= N rows, as with a sample covariance of rank &lt; N, some portfolios have (nearly) the same
   *     return in every row, and the optimum reports a risk that only the sample implies), or a
   *     return is missing (asset and row named)
   */
  static double[][] rows(ReturnFrame returns, String problem) {
    if (returns.type() != ReturnFrame.Type.SIMPLE) {
      // as ExpectedReturns: a portfolio's return in a row is w'r only for simple returns
      throw new IllegalArgumentException("Expected simple returns, but found " + returns.type()
          + " returns; convert with as(ReturnFrame.Type.SIMPLE) (" + problem + " takes a "
          + "portfolio's return in each row to be w'r, which holds for simple returns only)");
    }
    List<String> assets = returns.assets();
    int t = returns.rows();
    if (t <= assets.size()) {
      throw new IllegalArgumentException(problem + " needs more return rows than assets, but "
          + "found " + t + " rows for " + assets.size() + " assets: with so few rows a portfolio "
          + "can have almost the same return in every row, and the optimum's risk would be an "
          + "artefact of the sample; use a longer history or fewer assets");
    }
    double[][] s = new double[t][assets.size()];
    for (int i = 0; i < assets.size(); i++) {
      double[] col = returns.column(i);
      for (int r = 0; r < t; r++) {
        if (Double.isNaN(col[r])) {
          throw new IllegalArgumentException("Return of '" + assets.get(i) + "' on "
              + returns.index().label(r) + " (row " + r + ") is missing; " + problem
              + " needs complete rows (dropIncompleteRows())");
        }
        s[r][i] = col[r];
      }
    }
    return s;
  }

  /**
   * The return target to impose: {@code min(target, max)} with the maximum attainable return
   * {@code max} (rounding at the end of the frontier), or {@code target} itself when the maximum
   * return is unbounded.
   *
   * @throws OptimizationException if the target is above the maximum attainable return
   */
  static double attainableTarget(MeanVariance constraints, double target) {
    double max = constraints.maxAttainableReturn();
    if (target > max + MeanVariance.TARGET_SLACK * Math.max(1, Math.abs(max))) {
      throw Diagnostics.targetReturnTooHigh(target, max, constraints.constraintText());
    }
    return Math.min(target, max);
  }

  /**
   * Weights on the problem's assets, in its order (assets the weights omit get 0).
   *
   * @throws IllegalArgumentException if the weights name an asset that is not in the scenarios
   *     (it was read as 0 before, so a portfolio entirely outside them had CVaR 0)
   */
  static double[] weightsOn(Weights weights, List<String> assets) {
    Checks.notNull(weights, "weights");
    for (String a : weights.assets()) {
      if (!assets.contains(a)) {
        throw new IllegalArgumentException("Asset '" + a + "' has a weight but is not in the "
            + "scenarios " + assets);
      }
    }
    double[] w = new double[assets.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.getOrZero(assets.get(i));
    }
    return w;
  }

  /**
   * The period of rows with {@code f} periods a year, for units: "day" (252 or 365 a year),
   * "week", "month", "quarter", "year", else "period".
   */
  static String period(double f) {
    if (f == 252 || f == 365) {
      return "day";
    }
    if (f == 52) {
      return "week";
    }
    if (f == 12) {
      return "month";
    }
    if (f == 4) {
      return "quarter";
    }
    return f == 1 ? "year" : "period";
  }

  /** The frame's periods per year, or a clear error when it cannot be inferred. */
  static double periodsPerYear(ReturnFrame returns) {
    try {
      return returns.frequency().periodsPerYear();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A {@link MeanVariance} used only for its feasible set (bounds, sectors, market neutrality)
   * and diagnostics: identity covariance, the given expected returns.
   */
  static MeanVariance feasibleSet(List<String> assets, double[] mu) {
    int n = assets.size();
    double[][] eye = new double[n][n];
    for (int i = 0; i < n; i++) {
      eye[i][i] = 1;
    }
    return MeanVariance.of(AssetVector.of(assets, mu), CovarianceMatrix.of(assets, eye));
  }

  /**
   * Solves the scenario LP and returns its first {@code lo.length} variables, the weights, moved
   * onto their bounds where the LP left them outside by rounding.
   *
   * @throws OptimizationException if the LP fails, or its optimum holds no asset
   */
  static double[] solveWeights(String method, double[] c, List<LinearProgram.Row> eq,
      List<LinearProgram.Row> le, double[] low, double[] high, double[] lo, double[] hi,
      String constraintText) {
    double[] x;
    try {
      x = LinearProgram.minimise(c, eq, le, low, high);
    } catch (QpException e) {
      String state = e.blocking();
      if (state != null && state.startsWith("UNBOUNDED")) {
        throw new OptimizationException(method + " is unbounded under " + constraintText
            + ": some zero-cost combination of the assets gains in every scenario that counts, "
            + "so the objective improves without limit as it grows; use finite bounds", e);
      }
      throw new OptimizationException(method + " failed: the LP solver stopped in state " + state
          + " under " + constraintText, e);
    }
    double[] w = Arrays.copyOf(x, lo.length);
    boolean empty = true;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.min(hi[i], Math.max(lo[i], w[i]));
      empty &= Math.abs(w[i]) <= 1e-12;
    }
    if (empty) {
      throw new OptimizationException(method + ": the optimum under " + constraintText
          + " is the empty portfolio (all weights 0)");
    }
    return w;
  }

  /**
   * Sample standard deviation (n - 1) of the portfolio's scenario returns, annualised ({@link
   * #rows} guarantees at least 2 rows).
   */
  static double volatility(double[][] scenarios, double[] w, double periodsPerYear) {
    int t = scenarios.length;
    double[] p = new double[t];
    double mean = 0;
    for (int r = 0; r < t; r++) {
      p[r] = dot(scenarios[r], w);
      mean += p[r] / t;
    }
    double ss = 0;
    for (double v : p) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (t - 1) * periodsPerYear);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
