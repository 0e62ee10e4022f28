package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.internal.Linear;
import io.github.quantfolio.optimize.internal.Psd;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Black-Litterman views restate or contradict earlier ones. Only fully confident views
 * (zero variance in Omega) can: {@code A = P tau S P' + Omega} is then singular, and the update
 * form of the posterior cannot be evaluated. A restatement (its pick a combination of earlier
 * picks, its q the same combination of their q) adds nothing and is dropped by the caller; a
 * contradiction has no posterior, and the message names the views involved.
 */
final class ViewConflicts {

  /** Largest share of a view's variance in {@code A} explained by earlier views for "dependent". */
  static final double DEPENDENCE_TOLERANCE = 1e-10;

  private ViewConflicts() {
  }

  /**
   * The first view (index into {@code a}) whose row of {@code a} is, to within
   * {@link #DEPENDENCE_TOLERANCE} of its diagonal entry, a combination of the rows before it
   * (a Cholesky pivot of {@code a} in view order), or -1 if there is none.
   */
  static int firstDependent(double[][] a) {
    double[] floor = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      floor[j] = DEPENDENCE_TOLERANCE * a[j][j];
    }
    return Psd.firstPivotAtMost(a, floor, null);
  }

  /**
   * Returns if dependent view {@code j} restates the views before it (its q is the combination
   * {@code sum c_r q_r} of theirs, to 1e-9 relative), else throws.
   *
   * @param numbers each view's position among all views (0-based), for the message
   * @param texts each view in words
   * @throws OptimizationException naming the contradicting views, the q that view {@code j} could
   *     have and the remedies; or, if view {@code j} has no variance at all, saying so
   */
  static void requireConsistent(double[][] a, double[] q, int j, List<Integer> numbers,
      List<String> texts) {
    if (!(a[j][j] > 0)) {
      throw new OptimizationException("View " + (numbers.get(j) + 1) + " ('" + texts.get(j)
          + "') is fully confident on a portfolio whose variance under the covariance is 0, so it "
          + "cannot inform the returns; remove it or use a covariance in which it has risk");
    }
    double[] c = new double[0];
    if (j > 0) {
      double[][] block = new double[j][j];
      double[] rhs = new double[j];
      for (int r = 0; r < j; r++) {
        System.arraycopy(a[r], 0, block[r], 0, j);
        rhs[r] = a[r][j];
      }
      c = Linear.solve(block, rhs); // the views before j are independent: block is invertible
    }
    double implied = 0;
    double size = Math.abs(q[j]);
    double largest = 0;
    for (double v : c) {
      largest = Math.max(largest, Math.abs(v));
    }
    List<Integer> involved = new ArrayList<>();
    StringBuilder combination = new StringBuilder();
    for (int r = 0; r < j; r++) {
      implied += c[r] * q[r];
      size += Math.abs(c[r] * q[r]);
      if (Math.abs(c[r]) > 1e-9 * largest) {
        involved.add(r);
        String m = Diagnostics.fmt(Math.abs(c[r]));
        combination.append(combination.length() == 0 ? (c[r] < 0 ? "-" : "")
            : (c[r] < 0 ? " - " : " + ")).append(m.equals("1") ? "" : m + " x ")
            .append("view ").append(numbers.get(r) + 1);
      }
    }
    if (Math.abs(q[j] - implied) <= 1e-9 * size) {
      return;
    }
    involved.add(j);
    StringBuilder names = new StringBuilder();
    for (int r = 0; r < involved.size(); r++) {
      int v = involved.get(r);
      names.append(r == 0 ? "" : r == involved.size() - 1 ? " and " : ", ")
          .append(numbers.get(v) + 1).append(" ('").append(texts.get(v)).append("')");
    }
    throw new OptimizationException("Views " + names + " contradict each other and are fully "
        + "confident (no view variance in Omega): view " + (numbers.get(j) + 1) + "'s pick is "
        + "that of " + combination + ", so it could hold only with q = "
        + Diagnostics.fmt(implied) + ", not " + Diagnostics.fmt(q[j]) + "; lower a confidence "
        + "(withConfidences) or remove a view");
  }
}
