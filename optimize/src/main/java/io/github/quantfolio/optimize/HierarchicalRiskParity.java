package io.github.quantfolio.optimize;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hierarchical risk parity (Lopez de Prado 2016, "Building diversified portfolios that
 * outperform out of sample", J. Portfolio Management 42(4)), as implemented by PyPortfolioOpt's
 * {@code HRPOpt}:
 *
 * <ol>
 *   <li>correlation distance {@code d_ij = sqrt((1 - rho_ij) / 2)} (clipped to [0, 1]);</li>
 *   <li>agglomerative clustering of {@code d} with {@link Linkage} single (default), complete,
 *       average (UPGMA) or Ward, by the Lance-Williams updates (as scipy's {@code linkage} on
 *       {@code squareform(d)}; the paper's extra step of taking Euclidean distances between
 *       columns of {@code d} is not applied, as in PyPortfolioOpt);</li>
 *   <li>quasi-diagonalisation: the leaves in dendrogram pre-order, the cluster with the smaller
 *       label first (scipy's {@code to_tree().pre_order()}: original assets are labelled
 *       {@code 0..N-1} in input order, the k-th merge {@code N + k});</li>
 *   <li>recursive bisection of that order into halves: a half with inverse-variance-weighted
 *       cluster variance {@code V1} gets {@code alpha = 1 - V1 / (V1 + V2)} of the weight.</li>
 * </ol>
 *
 * Long only, fully invested, no optimisation and no inversion of the covariance, so any
 * symmetric matrix with positive variances works (a pairwise estimate that is not PSD too).
 * The weights do not depend on the scale of the covariance. With ties in the distances the merge
 * order follows the input order (the first minimal pair in row-major order).
 *
 * @since 0.1.0
 */
public final class HierarchicalRiskParity {

  /** Agglomerative linkage criteria (Lance-Williams updates on the correlation distance). */
  public enum Linkage {
    /** Nearest neighbour: {@code d(k, i+j) = min(d_ki, d_kj)}. */
    SINGLE,
    /** Farthest neighbour: {@code max(d_ki, d_kj)}. */
    COMPLETE,
    /** UPGMA: {@code (n_i d_ki + n_j d_kj) / (n_i + n_j)}. */
    AVERAGE,
    /**
     * Ward:
     * {@code sqrt(((n_i + n_k) d_ki^2 + (n_j + n_k) d_kj^2 - n_k d_ij^2) / (n_i + n_j + n_k))}.
     */
    WARD
  }

  private final CovarianceMatrix cov;
  private final Linkage linkage;

  private HierarchicalRiskParity(CovarianceMatrix cov, Linkage linkage) {
    this.cov = cov;
    this.linkage = linkage;
  }

  /**
   * HRP on a supplied annualised covariance matrix (e.g. a shrunk one), single linkage.
   *
   * @param cov the annualised covariance, every variance &gt; 0 (need not be positive semidefinite)
   * @return the problem, with single linkage
   * @throws IllegalArgumentException if an asset has zero variance (named)
   */
  public static HierarchicalRiskParity of(CovarianceMatrix cov) {
    Checks.notNull(cov, "cov");
    for (int i = 0; i < cov.size(); i++) {
      if (!(cov.get(i, i) > 0)) {
        throw new IllegalArgumentException("Asset '" + cov.assets().get(i) + "' has zero variance;"
            + " HRP needs positive variances (inverse-variance weights)");
      }
    }
    return new HierarchicalRiskParity(cov, Linkage.SINGLE);
  }

  /**
   * HRP on the sample covariance of returns ({@code CovarianceEstimator.sample()}: pairwise over
   * missing values, annualised with the frame's frequency), single linkage.
   *
   * @param returns per-period returns per asset (NaN = missing), at least 2 periods per pair, whose
   *     frequency is given or can be inferred
   * @return the problem, with single linkage
   * @throws IllegalArgumentException if the covariance cannot be estimated (see
   *     {@link CovarianceEstimator#estimate}) or an asset has zero variance
   */
  public static HierarchicalRiskParity of(ReturnFrame returns) {
    return of(CovarianceEstimator.sample().estimate(Checks.notNull(returns, "returns")));
  }

  /**
   * The same problem with another linkage criterion.
   *
   * @param linkage the linkage criterion, not null
   * @return a copy of this problem with {@code linkage}
   */
  public HierarchicalRiskParity withLinkage(Linkage linkage) {
    return new HierarchicalRiskParity(cov, Checks.notNull(linkage, "linkage"));
  }

  /**
   * The quasi-diagonal order of the assets (dendrogram leaves, see the class comment).
   *
   * @return the assets in quasi-diagonal order; unmodifiable
   */
  public List<String> order() {
    int[] order = quasiDiagonal();
    List<String> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(cov.assets().get(i));
    }
    return List.copyOf(out);
  }

  /**
   * The HRP weights (no expected return), in the covariance's asset order.
   *
   * @return the HRP portfolio: long only, weights summing to 1
   */
  public OptimalPortfolio solve() {
    int n = cov.size();
    double[][] s = cov.toArray();
    int[] order = quasiDiagonal();
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    bisect(s, order, 0, n, w);
    double var = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        var += w[i] * s[i][j] * w[j];
      }
    }
    return new OptimalPortfolio("hierarchical risk parity (" + linkage.name().toLowerCase(Locale.ROOT)
        + " linkage)", Weights.of(cov.assets(), w), Double.NaN, Math.sqrt(Math.max(0, var)));
  }

  /**
   * Splits {@code order[from, to)} into halves until single assets remain, level by level as
   * PyPortfolioOpt does (the result is the same as depth-first since each split only scales the
   * weights inside its own range).
   */
  private static void bisect(double[][] s, int[] order, int from, int to, double[] w) {
    if (to - from <= 1) {
      return;
    }
    int mid = from + (to - from) / 2;
    double v1 = clusterVariance(s, order, from, mid);
    double v2 = clusterVariance(s, order, mid, to);
    double alpha = 1 - v1 / (v1 + v2);
    for (int k = from; k < mid; k++) {
      w[order[k]] *= alpha;
    }
    for (int k = mid; k < to; k++) {
      w[order[k]] *= 1 - alpha;
    }
    bisect(s, order, from, mid, w);
    bisect(s, order, mid, to, w);
  }

  /** Variance of the inverse-variance portfolio of {@code order[from, to)}. */
  private static double clusterVariance(double[][] s, int[] order, int from, int to) {
    int m = to - from;
    double[] ivp = new double[m];
    double sum = 0;
    for (int k = 0; k < m; k++) {
      ivp[k] = 1 / s[order[from + k]][order[from + k]];
      sum += ivp[k];
    }
    double v = 0;
    for (int a = 0; a < m; a++) {
      double[] row = s[order[from + a]];
      double acc = 0;
      for (int b = 0; b < m; b++) {
        acc += row[order[from + b]] * ivp[b];
      }
      v += ivp[a] * acc;
    }
    return v / (sum * sum);
  }

  /** Agglomerative clustering, then the leaves in pre-order. */
  private int[] quasiDiagonal() {
    int n = cov.size();
    if (n == 1) {
      return new int[] {0};
    }
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rho = cov.get(i, j) / Math.sqrt(cov.get(i, i) * cov.get(j, j));
        d[i][j] = i == j ? 0 : Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2)));
      }
    }
    int[] label = new int[n]; // cluster label held in slot i
    int[] size = new int[n];
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
      size[i] = 1;
      alive[i] = true;
    }
    int[] left = new int[n - 1];
    int[] right = new int[n - 1];
    for (int step = 0; step < n - 1; step++) {
      int bi = -1;
      int bj = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!alive[i]) {
          continue;
        }
        double[] di = d[i];
        for (int j = i + 1; j < n; j++) {
          if (alive[j] && di[j] < best) {
            best = di[j];
            bi = i;
            bj = j;
          }
        }
      }
      int ni = size[bi];
      int nj = size[bj];
      for (int k = 0; k < n; k++) {
        if (!alive[k] || k == bi || k == bj) {
          continue;
        }
        double dik = d[bi][k];
        double djk = d[bj][k];
        double v;
        switch (linkage) {
          case SINGLE:
            v = Math.min(dik, djk);
            break;
          case COMPLETE:
            v = Math.max(dik, djk);
            break;
          case AVERAGE:
            v = (ni * dik + nj * djk) / (ni + nj);
            break;
          default:
            int nk = size[k];
            v = Math.sqrt(Math.max(0, ((ni + nk) * dik * dik + (nj + nk) * djk * djk
                - nk * best * best) / (ni + nj + nk)));
            break;
        }
        d[bi][k] = v;
        d[k][bi] = v;
      }
      left[step] = Math.min(label[bi], label[bj]);
      right[step] = Math.max(label[bi], label[bj]);
      label[bi] = n + step;
      size[bi] = ni + nj;
      alive[bj] = false;
    }
    int[] order = new int[n];
    int[] pos = {0};
    // iterative pre-order from the root n + (n - 2)
    int[] stack = new int[2 * n];
    int top = 0;
    stack[top++] = 2 * n - 2;
    while (top > 0) {
      int c = stack[--top];
      if (c < n) {
        order[pos[0]++] = c;
      } else {
        stack[top++] = right[c - n];
        stack[top++] = left[c - n];
      }
    }
    return order;
  }

  /** The problem in one line, e.g. {@code HierarchicalRiskParity: 20 assets, single linkage}. */
  @Override
  public String toString() {
    return "HierarchicalRiskParity: " + cov.size() + " asset" + (cov.size() == 1 ? "" : "s")
        + ", " + linkage.name().toLowerCase(Locale.ROOT) + " linkage";
  }
}
