package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.List;

/** Input handling shared by the scenario-based optimisers ({@link MeanCvar}, {@link MeanCdar}). */
final class ScenarioInputs {

  private ScenarioInputs() {
  }

  /**
   * The returns as a row-major {@code [period][asset]} matrix.
   *
   * @param problem the optimiser's name for messages, e.g. "mean-CVaR"
   * @throws IllegalArgumentException if there is no row, or a return is missing (asset and row
   *     named)
   */
  static double[][] rows(ReturnFrame returns, String problem) {
    List<String> assets = returns.assets();
    int t = returns.rows();
    if (t == 0) {
      throw new IllegalArgumentException("Expected at least one return row, but found none");
    }
    double[][] s = new double[t][assets.size()];
    for (int i = 0; i < assets.size(); i++) {
      double[] col = returns.column(i);
      for (int r = 0; r < t; r++) {
        if (Double.isNaN(col[r])) {
          throw new IllegalArgumentException("Return of '" + assets.get(i) + "' in row " + r
              + " is missing; " + problem + " needs complete rows (dropIncompleteRows())");
        }
        s[r][i] = col[r];
      }
    }
    return s;
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
}
