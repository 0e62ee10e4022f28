package io.github.quantfolio.report.internal;

import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.risk.CovarianceMatrix;

/**
 * The agglomerative clustering behind {@link HierarchicalRiskParity}, with the merge heights the
 * dendrogram needs (HRP exposes only the leaf order). Correlation distance
 * {@code sqrt((1 - rho) / 2)} clipped to [0, 1], Lance-Williams updates, ties to the first pair
 * in row-major order, leaves in pre-order with the smaller label first (as HRP documents), so
 * {@link #order()} equals {@link HierarchicalRiskParity#order()}.
 */
public final class Clustering {

  private final int n;
  private final int[] left;
  private final int[] right;
  private final double[] height;
  private final int[] order;

  private Clustering(int n, int[] left, int[] right, double[] height, int[] order) {
    this.n = n;
    this.left = left;
    this.right = right;
    this.height = height;
    this.order = order;
  }

  /**
   * Clusters the assets of a covariance matrix.
   *
   * @param cov the covariance (positive variances)
   * @param linkage the linkage criterion
   * @return the clustering
   */
  public static Clustering of(CovarianceMatrix cov, HierarchicalRiskParity.Linkage linkage) {
    int n = cov.size();
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rho = cov.get(i, j) / Math.sqrt(cov.get(i, i) * cov.get(j, j));
        d[i][j] = i == j ? 0 : Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2)));
      }
    }
    int[] label = new int[n];
    int[] size = new int[n];
    boolean[] alive = new boolean[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
      size[i] = 1;
      alive[i] = true;
    }
    int merges = Math.max(0, n - 1);
    int[] left = new int[merges];
    int[] right = new int[merges];
    double[] height = new double[merges];
    for (int m = 0; m < merges; m++) {
      int a = -1;
      int b = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; alive[i] && j < n; j++) {
          if (alive[j] && d[i][j] < best) {
            best = d[i][j];
            a = i;
            b = j;
          }
        }
      }
      int na = size[a];
      int nb = size[b];
      for (int k = 0; k < n; k++) {
        if (alive[k] && k != a && k != b) {
          double dak = d[a][k];
          double dbk = d[b][k];
          int nk = size[k];
          double v = switch (linkage) {
            case SINGLE -> Math.min(dak, dbk);
            case COMPLETE -> Math.max(dak, dbk);
            case AVERAGE -> (na * dak + nb * dbk) / (na + nb);
            case WARD -> Math.sqrt(Math.max(0, ((na + nk) * dak * dak + (nb + nk) * dbk * dbk
                - nk * best * best) / (na + nb + nk)));
          };
          d[a][k] = v;
          d[k][a] = v;
        }
      }
      left[m] = Math.min(label[a], label[b]);
      right[m] = Math.max(label[a], label[b]);
      height[m] = best;
      label[a] = n + m;
      size[a] = na + nb;
      alive[b] = false;
    }
    int[] order = new int[n];
    if (n > 0) {
      int[] stack = new int[2 * n];
      int top = 0;
      int pos = 0;
      stack[top++] = 2 * n - 2;
      while (top > 0) {
        int c = stack[--top];
        if (c < n) {
          order[pos++] = c;
        } else {
          stack[top++] = right[c - n];
          stack[top++] = left[c - n];
        }
      }
    }
    return new Clustering(n, left, right, height, order);
  }

  /**
   * The leaves (asset positions) in dendrogram pre-order.
   *
   * @return a new array
   */
  public int[] order() {
    return order.clone();
  }

  /**
   * The number of leaves.
   *
   * @return the number of leaves
   */
  public int leaves() {
    return n;
  }

  /**
   * The two clusters joined by merge {@code m} (labels: leaves {@code 0..n-1}, merge {@code k}
   * is {@code n + k}).
   *
   * @param m the merge, 0..n-2
   * @return {smaller label, larger label}
   */
  public int[] merge(int m) {
    return new int[] {left[m], right[m]};
  }

  /**
   * The distance at which merge {@code m} joined its clusters.
   *
   * @param m the merge
   * @return the height
   */
  public double height(int m) {
    return height[m];
  }
}
