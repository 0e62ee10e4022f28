package io.github.quantfolio.risk;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.risk.internal.Eigen;
import java.util.List;

/**
 * Validation of what calling code's risk models return, with messages that name the model, the
 * window, the asset and the value: a wrong matrix must fail here, not deep inside an optimizer.
 */
final class ModelChecks {

  /**
   * Relative slack on {@code |C_ij| <= sqrt(C_ii C_jj)}: rounding in a model's arithmetic may
   * push a perfect correlation a few ulps past 1 (as {@link CovarianceMatrix#PSD_TOLERANCE}).
   */
  static final double CORRELATION_TOLERANCE = 1e-12;

  private ModelChecks() {
  }

  /** How {@code o} prints: its own toString, or a hint for an unnamed lambda. */
  static String describe(Object o, String kind) {
    return o.getClass().isHidden() || o.getClass().isSynthetic()
        ? "an unnamed " + kind + " (lambda; " + kind + ".of(name, function) names it)"
        : o.toString();
  }

  /** The window in words, for messages: its last date and length. */
  static String window(ReturnFrame returns) {
    return returns.rows() == 0 ? "an empty window"
        : "the window ending " + returns.index().last() + " (" + returns.rows() + " periods)";
  }

  /** An exception a model threw, re-thrown with the model and window prepended. */
  static IllegalArgumentException failed(String model, ReturnFrame returns,
      IllegalArgumentException e) {
    return new IllegalArgumentException(model + " failed on " + window(returns) + ": "
        + e.getMessage(), e);
  }

  /**
   * Requires {@code found} (what the model returned a value for) to equal the window's assets in
   * order, naming the first difference.
   */
  static void sameAssets(String model, ReturnFrame returns, List<String> found, String what) {
    List<String> expected = returns.assets();
    if (found.equals(expected)) {
      return;
    }
    String first;
    int k = 0;
    while (k < found.size() && k < expected.size() && found.get(k).equals(expected.get(k))) {
      k++;
    }
    if (k == found.size()) {
      first = "'" + expected.get(k) + "' is missing at position " + k;
    } else if (k == expected.size()) {
      first = "'" + found.get(k) + "' at position " + k + " is not in the window";
    } else {
      first = "position " + k + " holds '" + found.get(k) + "' where the window has '"
          + expected.get(k) + "'";
    }
    throw new IllegalArgumentException(model + " returned " + what + " for assets " + found
        + " on " + window(returns) + ", whose assets are " + expected + " (same names in the same "
        + "order required): " + first);
  }

  /**
   * Validates a model's matrix for the window: not null, the window's assets in order, every
   * implied correlation within [-1, 1], positive semidefinite. (Finite entries, symmetry and
   * non-negative variances hold for every {@link CovarianceMatrix} by construction.)
   */
  static CovarianceMatrix matrix(String model, ReturnFrame returns, CovarianceMatrix m) {
    if (m == null) {
      throw new IllegalArgumentException(model + " returned null on " + window(returns));
    }
    sameAssets(model, returns, m.assets(), "a matrix");
    List<String> assets = m.assets();
    int n = m.size();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double c = m.get(i, j);
        double bound = Math.sqrt(m.get(i, i)) * Math.sqrt(m.get(j, j));
        if (Math.abs(c) > bound * (1 + CORRELATION_TOLERANCE)) {
          throw new IllegalArgumentException(model + " returned a covariance of " + c + " between '"
              + assets.get(i) + "' and '" + assets.get(j) + "' on " + window(returns)
              + (bound == 0
                  ? ", but " + (m.get(i, i) == 0 ? "'" + assets.get(i) + "'" : "'" + assets.get(j)
                      + "'") + " has variance 0"
                  : ", implying a correlation of " + c / bound + " (variances " + m.get(i, i)
                      + " and " + m.get(j, j) + "); a correlation lies in [-1, 1]"));
        }
      }
    }
    if (!m.isPositiveSemidefinite()) {
      Eigen.Result e = Eigen.symmetric(m.toArray());
      double[] v = e.vectors()[0];
      int lead = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(v[i]) > Math.abs(v[lead])) {
          lead = i;
        }
      }
      throw new IllegalArgumentException(model + " returned a matrix that is not positive "
          + "semidefinite on " + window(returns) + ": smallest eigenvalue " + e.values()[0]
          + " (largest " + e.values()[n - 1] + "), a negative variance for a portfolio led by '"
          + assets.get(lead) + "' (eigenvector loading " + v[lead] + "); an optimizer would "
          + "treat that portfolio as better than riskless");
    }
    return m;
  }
}
