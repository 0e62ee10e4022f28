package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.optimize.HierarchicalRiskParity.Linkage;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * HRP when a cluster has an odd number of assets, which the 8-asset references never reach
 * (8 -> 4 + 4 -> 2 + 2). Lopez de Prado (2016, getRecBipart) splits a list of length m into its
 * first {@code m / 2} (integer division) and its remaining items: 3 -> 1 + 2, 5 -> 2 + 3,
 * 7 -> 3 + 4. Expectations: one hand-worked case and a naive HRP written here from the paper
 * (clusters as lists, linkage distances recomputed from the original distance matrix at every
 * step rather than by Lance-Williams updates, bisection breadth-first over lists).
 */
class HierarchicalRiskParityOddClusterTest {

  @Test
  void threeAssetsByHand() {
    // sigma = (0.2, 0.3, 0.1); rho01 = 0.8, rho02 = 0.1, rho12 = 0.2, so cov01 = 0.048,
    // cov02 = 0.002, cov12 = 0.006. Distances sqrt((1 - rho)/2): d01 = sqrt(0.1) is the least,
    // so {0, 1} merge first (label 3), then {2} with it; the root lists the smaller label (2)
    // first: order 2, 0, 1. First split 1 + 2 assets: {2} | {0, 1}.
    //   {0, 1}: inverse-variance weights (25, 100/9) / (325/9) = (9/13, 4/13); its variance
    //   (81 x 0.04 + 16 x 0.09 + 2 x 36 x 0.048) / 169 = 8.136 / 169.
    //   {2}: variance 0.01. alpha{2} = 1 - 0.01 / (0.01 + 8.136/169) = 8.136 / 9.826.
    // Second split {0} | {1}: alpha0 = 1 - 0.04 / 0.13 = 9/13 of the remaining 1.69 / 9.826.
    // Weights: w0 = 1.17 / 9.826, w1 = 0.52 / 9.826, w2 = 8.136 / 9.826 (sum 1).
    // (Splitting 2 + 1 instead, {2, 0} | {1}, gives w1 = 0.00864 / 0.09864 = 0.0876, not 0.0529.)
    double[][] s = {{0.04, 0.048, 0.002}, {0.048, 0.09, 0.006}, {0.002, 0.006, 0.01}};
    HierarchicalRiskParity hrp = HierarchicalRiskParity.of(CovarianceMatrix.of(Fixtures.names(3), s));
    assertEquals(List.of("X2", "X0", "X1"), hrp.order());
    double[] w = hrp.solve().weights().toArray();
    Tolerance.assertClose(1.17 / 9.826, w[0], Tolerance.CLOSED_FORM, "w0");
    Tolerance.assertClose(0.52 / 9.826, w[1], Tolerance.CLOSED_FORM, "w1");
    Tolerance.assertClose(8.136 / 9.826, w[2], Tolerance.CLOSED_FORM, "w2");
  }

  @Test
  void oddSizedClustersMatchANaiveHrp() {
    for (int n : new int[] {3, 5, 6, 7, 11}) {
      for (long seed = 1; seed <= 4; seed++) {
        double[][] s = randomCovariance(n, seed * 31 + n);
        CovarianceMatrix cov = CovarianceMatrix.of(Fixtures.names(n), s);
        for (Linkage linkage : new Linkage[] {Linkage.SINGLE, Linkage.COMPLETE, Linkage.AVERAGE}) {
          String what = linkage + " n=" + n + " seed=" + seed;
          int[] order = naiveOrder(s, linkage);
          HierarchicalRiskParity hrp = HierarchicalRiskParity.of(cov).withLinkage(linkage);
          List<String> names = new ArrayList<>();
          for (int i : order) {
            names.add("X" + i);
          }
          assertEquals(names, hrp.order(), what + " order");
          double[] expected = naiveBisection(s, order);
          double[] w = hrp.solve().weights().toArray();
          for (int i = 0; i < n; i++) {
            Tolerance.assertClose(expected[i], w[i], Tolerance.CLOSED_FORM, what + " weight " + i);
          }
        }
      }
    }
  }

  /** A random factor-model covariance: distinct distances (no ties) and mixed-sign correlations. */
  static double[][] randomCovariance(int n, long seed) {
    Random r = new Random(seed);
    double[][] b = new double[n][3];
    for (double[] row : b) {
      for (int k = 0; k < 3; k++) {
        row[k] = r.nextGaussian() * 0.1;
      }
    }
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < 3; k++) {
          s[i][j] += b[i][k] * b[j][k];
        }
      }
      s[i][i] += Math.pow(0.05 + 0.2 * r.nextDouble(), 2);
    }
    return s;
  }

  /**
   * Leaves of the dendrogram in pre-order, the child with the smaller label first (scipy's
   * labels: asset i is i, the k-th merge n + k). The distance between two clusters is the
   * minimum (single), maximum (complete) or mean (average) of the asset distances across them.
   */
  static int[] naiveOrder(double[][] s, Linkage linkage) {
    int n = s.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rho = s[i][j] / Math.sqrt(s[i][i] * s[j][j]);
        d[i][j] = i == j ? 0 : Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2)));
      }
    }
    List<List<Integer>> members = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<int[]> children = new ArrayList<>(); // by label - n
    for (int i = 0; i < n; i++) {
      members.add(List.of(i));
      labels.add(i);
    }
    for (int step = 0; step < n - 1; step++) {
      int ba = -1;
      int bb = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          double v = linkageDistance(d, members.get(a), members.get(b), linkage);
          if (v < best) {
            best = v;
            ba = a;
            bb = b;
          }
        }
      }
      List<Integer> merged = new ArrayList<>(members.get(ba));
      merged.addAll(members.get(bb));
      int la = labels.get(ba);
      int lb = labels.get(bb);
      children.add(new int[] {Math.min(la, lb), Math.max(la, lb)});
      members.remove(bb);
      labels.remove(bb);
      members.set(ba, merged);
      labels.set(ba, n + step);
    }
    List<Integer> out = new ArrayList<>();
    preOrder(2 * n - 2, n, children, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static double linkageDistance(double[][] d, List<Integer> a, List<Integer> b, Linkage linkage) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double sum = 0;
    for (int i : a) {
      for (int j : b) {
        min = Math.min(min, d[i][j]);
        max = Math.max(max, d[i][j]);
        sum += d[i][j];
      }
    }
    switch (linkage) {
      case SINGLE:
        return min;
      case COMPLETE:
        return max;
      case AVERAGE:
        return sum / (a.size() * b.size());
      default:
        throw new IllegalArgumentException(linkage.toString());
    }
  }

  static void preOrder(int label, int n, List<int[]> children, List<Integer> out) {
    if (label < n) {
      out.add(label);
      return;
    }
    preOrder(children.get(label - n)[0], n, children, out);
    preOrder(children.get(label - n)[1], n, children, out);
  }

  /** getRecBipart of the paper: split every list into [0, m/2) and [m/2, m), breadth first. */
  static double[] naiveBisection(double[][] s, int[] order) {
    int n = s.length;
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    List<List<Integer>> items = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int i : order) {
      all.add(i);
    }
    items.add(all);
    while (!items.isEmpty()) {
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> c : items) {
        if (c.size() < 2) {
          continue;
        }
        List<Integer> c0 = c.subList(0, c.size() / 2);
        List<Integer> c1 = c.subList(c.size() / 2, c.size());
        double v0 = ivpVariance(s, c0);
        double v1 = ivpVariance(s, c1);
        double alpha = 1 - v0 / (v0 + v1);
        for (int i : c0) {
          w[i] *= alpha;
        }
        for (int i : c1) {
          w[i] *= 1 - alpha;
        }
        next.add(c0);
        next.add(c1);
      }
      items = next;
    }
    return w;
  }

  /** w'Sw of the inverse-variance weights of a cluster (getClusterVar of the paper). */
  static double ivpVariance(double[][] s, List<Integer> c) {
    double total = 0;
    for (int i : c) {
      total += 1 / s[i][i];
    }
    double v = 0;
    for (int i : c) {
      for (int j : c) {
        v += (1 / s[i][i] / total) * s[i][j] * (1 / s[j][j] / total);
      }
    }
    return v;
  }
}
