package io.github.quantfolio.optimize;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CorrelationMatrix;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hierarchical Risk Parity (Lopez de Prado 2016, "Building diversified portfolios that
 * outperform out of sample"), as PyPortfolioOpt's {@code HRPOpt}:
 *
 * <ol>
 *   <li>distances {@code d_ij = sqrt((1 - rho_ij) / 2)} from the correlation matrix;
 *   <li>agglomerative clustering of those distances with a {@link Linkage} (single linkage by
 *       Prim's minimum spanning tree, the others by the nearest-neighbour chain with
 *       Lance-Williams updates; merges ordered and labelled as SciPy's {@code linkage});
 *   <li>quasi-diagonalisation: assets in the dendrogram's pre-order (left, lower-labelled child
 *       first), as SciPy's {@code to_tree().pre_order()};
 *   <li>recursive bisection of that order into halves; each half's variance is that of its
 *       inverse-variance portfolio {@code v = w' S w}, and weight is split
 *       {@code alpha = 1 - v_left / (v_left + v_right)} to the left half.
 * </ol>
 *
 * Long-only, fully invested; O(N^2) time and memory. The covariance scale (annualised or not)
 * does not change the weights.
 *
 * @since 0.1.0
 */
public final class HierarchicalRiskParity {

  /** How the distance between two clusters is measured from their members' distances. */
  public enum Linkage {
    /** Nearest members. */
    SINGLE,
    /** Farthest members. */
    COMPLETE,
    /** Mean pairwise distance (UPGMA). */
    AVERAGE,
    /** Ward's minimum-variance criterion (Lance-Williams form on the given distances). */
    WARD
  }

  private HierarchicalRiskParity() {
  }

  /** HRP weights from the sample covariance of {@code returns} (pairwise, as pandas). */
  public static Weights weights(ReturnFrame returns, Linkage linkage) {
    return weights(CovarianceEstimator.sample().estimate(Checks.notNull(returns, "returns")), linkage);
  }

  /**
   * HRP weights for a covariance matrix (e.g. a shrunk one).
   *
   * @throws IllegalArgumentException if an asset has zero variance (its correlations are
   *     undefined)
   */
  public static Weights weights(CovarianceMatrix covariance, Linkage linkage) {
    Checks.notNull(covariance, "covariance");
    Checks.notNull(linkage, "linkage");
    int[] order = order(covariance, linkage);
    int n = order.length;
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    double[][] s = covariance.toArray();
    List<int[]> clusters = List.of(order);
    while (!clusters.isEmpty()) {
      List<int[]> halves = new ArrayList<>();
      for (int[] c : clusters) {
        if (c.length > 1) {
          halves.add(Arrays.copyOfRange(c, 0, c.length / 2));
          halves.add(Arrays.copyOfRange(c, c.length / 2, c.length));
        }
      }
      for (int i = 0; i < halves.size(); i += 2) {
        int[] a = halves.get(i);
        int[] b = halves.get(i + 1);
        double va = inverseVarianceVariance(s, a);
        double vb = inverseVarianceVariance(s, b);
        double alpha = 1 - va / (va + vb);
        for (int k : a) {
          w[k] *= alpha;
        }
        for (int k : b) {
          w[k] *= 1 - alpha;
        }
      }
      clusters = halves;
    }
    return Weights.of(covariance.assets(), w);
  }

  /**
   * The quasi-diagonal order of the assets (positions in the covariance's asset list): the
   * dendrogram's leaves in pre-order.
   */
  public static List<String> orderedAssets(CovarianceMatrix covariance, Linkage linkage) {
    int[] order = order(Checks.notNull(covariance, "covariance"), Checks.notNull(linkage, "linkage"));
    List<String> out = new ArrayList<>();
    for (int k : order) {
      out.add(covariance.assets().get(k));
    }
    return out;
  }

  private static double inverseVarianceVariance(double[][] s, int[] c) {
    double[] ivp = new double[c.length];
    double sum = 0;
    for (int i = 0; i < c.length; i++) {
      ivp[i] = 1 / s[c[i]][c[i]];
      sum += ivp[i];
    }
    double v = 0;
    for (int i = 0; i < c.length; i++) {
      double row = 0;
      for (int j = 0; j < c.length; j++) {
        row += s[c[i]][c[j]] * (ivp[j] / sum);
      }
      v += (ivp[i] / sum) * row;
    }
    return v;
  }

  static int[] order(CovarianceMatrix covariance, Linkage linkage) {
    int n = covariance.size();
    if (n == 1) {
      return new int[] {0};
    }
    CorrelationMatrix corr = covariance.correlation();
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i][j] = i == j ? 0 : Math.sqrt(Math.min(1.0, Math.max(0.0, (1.0 - corr.get(i, j)) / 2.0)));
      }
    }
    double[][] z = linkage == Linkage.SINGLE ? minimumSpanningTree(d) : nearestNeighbourChain(d, linkage);
    sortAndLabel(z, n);
    int[] out = new int[n];
    int[] k = {0};
    preOrder(z, n, 2 * n - 2, out, k);
    return out;
  }

  /** Prim's algorithm on the complete graph: merges (x, y, distance) in discovery order. */
  private static double[][] minimumSpanningTree(double[][] d) {
    int n = d.length;
    double[][] z = new double[n - 1][3];
    boolean[] merged = new boolean[n];
    double[] best = new double[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    int x = 0;
    for (int k = 0; k < n - 1; k++) {
      merged[x] = true;
      double min = Double.POSITIVE_INFINITY;
      int y = -1;
      for (int i = 0; i < n; i++) {
        if (merged[i]) {
          continue;
        }
        if (best[i] > d[x][i]) {
          best[i] = d[x][i];
        }
        if (best[i] < min) {
          min = best[i];
          y = i;
        }
      }
      z[k][0] = x;
      z[k][1] = y;
      z[k][2] = min;
      x = y;
    }
    return z;
  }

  /**
   * The nearest-neighbour chain algorithm (Muellner 2011) for reducible linkages; a merged
   * cluster takes the higher of its two slots, as SciPy does.
   */
  private static double[][] nearestNeighbourChain(double[][] dist, Linkage linkage) {
    int n = dist.length;
    double[][] d = new double[n][];
    for (int i = 0; i < n; i++) {
      d[i] = dist[i].clone();
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    int[] chain = new int[n];
    int len = 0;
    double[][] z = new double[n - 1][3];
    for (int k = 0; k < n - 1; k++) {
      if (len == 0) {
        for (int i = 0; i < n; i++) {
          if (size[i] > 0) {
            chain[len++] = i;
            break;
          }
        }
      }
      int x;
      int y;
      double min;
      while (true) {
        x = chain[len - 1];
        if (len > 1) {
          y = chain[len - 2];
          min = d[x][y];
        } else {
          y = -1;
          min = Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
          if (size[i] == 0 || i == x) {
            continue;
          }
          if (d[x][i] < min) {
            min = d[x][i];
            y = i;
          }
        }
        if (len > 1 && y == chain[len - 2]) {
          break;
        }
        chain[len++] = y;
      }
      len -= 2;
      if (x > y) {
        int t = x;
        x = y;
        y = t;
      }
      int nx = size[x];
      int ny = size[y];
      z[k][0] = x;
      z[k][1] = y;
      z[k][2] = min;
      size[x] = 0;
      size[y] = nx + ny;
      for (int i = 0; i < n; i++) {
        int ni = size[i];
        if (ni == 0 || i == y) {
          continue;
        }
        double v = update(linkage, d[i][x], d[i][y], min, nx, ny, ni);
        d[i][y] = v;
        d[y][i] = v;
      }
    }
    return z;
  }

  /** Lance-Williams update of the distance from cluster i to the merge of x and y. */
  private static double update(Linkage linkage, double dxi, double dyi, double dxy, int nx, int ny,
      int ni) {
    switch (linkage) {
      case COMPLETE:
        return Math.max(dxi, dyi);
      case AVERAGE:
        return (nx * dxi + ny * dyi) / (nx + ny);
      case WARD: {
        double t = 1.0 / (nx + ny + ni);
        return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
      }
      default:
        return Math.min(dxi, dyi);
    }
  }

  /**
   * Sorts merges by distance (stable) and relabels them with union-find so that merge k creates
   * cluster {@code n + k} and each row holds (lower label, higher label): SciPy's convention.
   */
  private static void sortAndLabel(double[][] z, int n) {
    Integer[] idx = new Integer[z.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(z[a][2], z[b][2])); // merge sort: stable
    double[][] sorted = new double[z.length][];
    for (int i = 0; i < idx.length; i++) {
      sorted[i] = z[idx[i]];
    }
    int[] parent = new int[2 * n - 1];
    Arrays.fill(parent, -1);
    for (int i = 0; i < sorted.length; i++) {
      int a = root(parent, (int) sorted[i][0]);
      int b = root(parent, (int) sorted[i][1]);
      parent[a] = n + i;
      parent[b] = n + i;
      z[i] = new double[] {Math.min(a, b), Math.max(a, b), sorted[i][2]};
    }
  }

  private static int root(int[] parent, int x) {
    int r = x;
    while (parent[r] >= 0) {
      r = parent[r];
    }
    while (parent[x] >= 0) { // path compression
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  private static void preOrder(double[][] z, int n, int node, int[] out, int[] k) {
    // Iterative to stay safe for thousands of assets.
    int[] stack = new int[2 * n];
    int top = 0;
    stack[top++] = node;
    while (top > 0) {
      int v = stack[--top];
      if (v < n) {
        out[k[0]++] = v;
      } else {
        double[] row = z[v - n];
        stack[top++] = (int) row[1]; // right pushed first so that left is visited first
        stack[top++] = (int) row[0];
      }
    }
  }
}
