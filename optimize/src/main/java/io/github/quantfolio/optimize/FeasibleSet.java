package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.MeanVarianceSpec.Sector;
import io.github.quantfolio.optimize.internal.DenseQp;
import io.github.quantfolio.optimize.internal.LinearProgram;
import io.github.quantfolio.optimize.internal.QpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The constraint algebra of a mean-variance problem, the feasible set C: budget ({@code sum w = 1},
 * or 0 when market neutral), bounds and sector limits. It checks that C is not empty before any
 * solve (naming the bounds or sector at fault and what can be invested), turns C into the rows of
 * one QP (plus extra rows such as a target return, and the rows of the homogenised max-Sharpe
 * problem), solves it with {@link DenseQp} (adding the documented ridge when the quadratic term
 * is singular) and turns the solver's infeasibility certificate into a message naming the
 * constraints in conflict. The scenario optimizers read C as LP rows ({@link #sectorRows()}).
 */
final class FeasibleSet {

  /** An extra inequality {@code a'w <= rhs}, named for messages. */
  record Row(double[] a, double rhs, String name) {
  }

  /**
   * The last QP solution of a sequence of nearby problems (frontier points, steps of a
   * one-dimensional search): its active set is the next solve's starting guess. Local to one
   * solving call, never shared.
   */
  static final class Warm {
    DenseQp.Solution last;
    /** The last trade-aware solution without extra rows: it meets the turnover limit. */
    double[] feasible;
  }

  private final MeanVarianceSpec s;

  FeasibleSet(MeanVarianceSpec spec) {
    this.s = spec;
  }

  /** Pre-checks that name the infeasible constraint set and what is attainable. */
  void check() {
    double[] lower = s.lower();
    double[] upper = s.upper();
    int n = s.n();
    double budget = s.budget();
    String what = s.marketNeutral() ? "0 (market neutral)" : "1";
    double sumLo = 0;
    double sumHi = 0;
    for (int i = 0; i < n; i++) {
      sumLo += lower[i];
      sumHi += upper[i];
    }
    if (sumHi < budget - 1e-12) {
      throw new OptimizationException("Bounds cannot sum to " + what + ": the upper bounds under "
          + s.boundsText() + " sum to " + Diagnostics.fmt(sumHi)
          + ", the most that can be invested");
    }
    if (sumLo > budget + 1e-12) {
      throw new OptimizationException("Bounds cannot sum to " + what + ": the lower bounds under "
          + s.boundsText() + " sum to " + Diagnostics.fmt(sumLo)
          + ", the least that must be invested");
    }
    if (s.sectors().isEmpty()) {
      return;
    }
    boolean[] inSector = new boolean[n];
    double minTotal = 0;
    double maxTotal = 0;
    for (Sector sec : s.sectors()) {
      double lo = 0;
      double hi = 0;
      for (int i : sec.members()) {
        lo += lower[i];
        hi += upper[i];
        inSector[i] = true;
      }
      if (sec.lower() > hi + 1e-12) {
        throw new OptimizationException("Sector '" + sec.name() + "' lower limit "
            + Diagnostics.fmt(sec.lower())
            + " cannot be met: the upper bounds of its assets sum to " + Diagnostics.fmt(hi));
      }
      if (sec.upper() < lo - 1e-12) {
        throw new OptimizationException("Sector '" + sec.name() + "' upper limit "
            + Diagnostics.fmt(sec.upper())
            + " cannot be met: the lower bounds of its assets sum to " + Diagnostics.fmt(lo));
      }
      minTotal += Math.max(lo, sec.lower());
      maxTotal += Math.min(hi, sec.upper());
    }
    for (int i = 0; i < n; i++) {
      if (!inSector[i]) {
        minTotal += lower[i];
        maxTotal += upper[i];
      }
    }
    if (maxTotal < budget - 1e-12) {
      throw new OptimizationException("Sector limits and bounds cannot sum to " + what
          + ": at most " + Diagnostics.fmt(maxTotal) + " can be invested under " + s.describe());
    }
    if (minTotal > budget + 1e-12) {
      throw new OptimizationException("Sector limits and bounds cannot sum to " + what
          + ": at least " + Diagnostics.fmt(minTotal) + " must be invested under " + s.describe());
    }
  }

  /** Solves for weights under C plus an optional extra inequality {@code row'w <= rhs}. */
  double[] solveWeights(double[][] q, double[] c, double[] extraRow, double extraRhs,
      String extraName) {
    return solve(q, c, s.lower(), s.upper(),
        extraRow == null ? List.of() : List.of(new Row(extraRow, extraRhs, extraName))).x();
  }

  /** Solves under the budget, sector limits, the given bounds and extra rows {@code a'w <= rhs}. */
  DenseQp.Solution solve(double[][] q, double[] c, double[] lo, double[] hi, List<Row> extras) {
    return solve(q, c, lo, hi, extras, null);
  }

  /** As above, starting from (and then updating) the active set in {@code warm}, if any. */
  DenseQp.Solution solve(double[][] q, double[] c, double[] lo, double[] hi, List<Row> extras,
      Warm warm) {
    int n = s.n();
    double[][] aEq = new double[1][n];
    Arrays.fill(aEq[0], 1);
    List<double[]> g = new ArrayList<>();
    List<Double> h = new ArrayList<>();
    List<String> gn = new ArrayList<>();
    for (Sector sec : s.sectors()) {
      if (sec.lower() > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        for (int i : sec.members()) {
          row[i] = -1;
        }
        g.add(row);
        h.add(-sec.lower());
        gn.add(lowerLimitName(sec));
      }
      if (sec.upper() < Double.POSITIVE_INFINITY) {
        double[] row = new double[n];
        for (int i : sec.members()) {
          row[i] = 1;
        }
        g.add(row);
        h.add(sec.upper());
        gn.add(upperLimitName(sec));
      }
    }
    for (Row r : extras) {
      g.add(r.a());
      h.add(r.rhs());
      gn.add(r.name());
    }
    double[] hh = new double[h.size()];
    for (int i = 0; i < hh.length; i++) {
      hh[i] = h.get(i);
    }
    DenseQp.Solution sol = qp(q, c, aEq, new double[] {s.budget()},
        new String[] {s.marketNeutral() ? "market neutrality (weights sum to 0)"
            : "budget (weights sum to 1)"},
        g.toArray(new double[0][]), hh, gn.toArray(new String[0]), lo, hi,
        warm == null ? null : warm.last);
    if (warm != null) {
      warm.last = sol;
    }
    return sol;
  }

  /**
   * The number of general rows the homogenised max-Sharpe QP needs (kappa >= 0, every bound other
   * than 0 or a redundant upper bound, every sector limit).
   */
  int homogenisedRows() {
    double[] lower = s.lower();
    double[] upper = s.upper();
    int rows = 1;
    boolean longOnly = longOnly();
    for (int i = 0; i < s.n(); i++) {
      if (lower[i] != 0 && lower[i] > Double.NEGATIVE_INFINITY) {
        rows++;
      }
      if (upper[i] < Double.POSITIVE_INFINITY && !(upper[i] >= 1 && longOnly)) {
        rows++;
      }
    }
    for (Sector sec : s.sectors()) {
      rows += (sec.lower() > Double.NEGATIVE_INFINITY ? 1 : 0)
          + (sec.upper() < Double.POSITIVE_INFINITY ? 1 : 0);
    }
    return rows;
  }

  /**
   * The homogenised problem (Cornuejols and Tutuncu 2007, section 8.2): {@code min 1/2 y'Qy}
   * s.t. {@code excess'y = 1}, {@code kappa = 1'y >= 0} and every constraint of C multiplied by
   * {@code kappa} ({@code lo_i kappa <= y_i <= hi_i kappa}, {@code L_s kappa <= sum_s y <= U_s
   * kappa}); returns {@code y} and, per asset, the bound of C that the solution holds it on
   * ({@code -1} lower, {@code +1} upper, 0 neither): {@code y_i / kappa} is that bound up to
   * rounding, and the caller puts it there exactly.
   */
  Homogenised solveHomogenised(double[][] q, double[] excess) {
    double[] lower = s.lower();
    double[] upper = s.upper();
    List<String> assets = s.assets();
    int n = s.n();
    double[][] aEq = new double[][] {excess};
    List<double[]> g = new ArrayList<>();
    List<String> gn = new ArrayList<>();
    List<Integer> boundRow = new ArrayList<>(); // per row: +-(asset + 1) for its bound, else 0
    boolean longOnly = longOnly();
    double[] ylo = new double[n];
    Arrays.fill(ylo, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      if (lower[i] == 0) {
        ylo[i] = 0; // 0 * kappa
      } else if (lower[i] > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, lower[i]);
        row[i] -= 1;
        g.add(row);
        gn.add("lower bound of '" + assets.get(i) + "'");
        boundRow.add(-(i + 1));
      }
      // y_i <= hi_i kappa is implied when hi_i >= 1 and every y_j >= 0 (then y_i <= 1'y)
      if (upper[i] < Double.POSITIVE_INFINITY && !(upper[i] >= 1 && longOnly)) {
        double[] row = new double[n];
        Arrays.fill(row, -upper[i]);
        row[i] += 1;
        g.add(row);
        gn.add("upper bound of '" + assets.get(i) + "'");
        boundRow.add(i + 1);
      }
    }
    for (Sector sec : s.sectors()) {
      if (sec.lower() > Double.NEGATIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, sec.lower());
        for (int i : sec.members()) {
          row[i] -= 1;
        }
        g.add(row);
        gn.add(lowerLimitName(sec));
      }
      if (sec.upper() < Double.POSITIVE_INFINITY) {
        double[] row = new double[n];
        Arrays.fill(row, -sec.upper());
        for (int i : sec.members()) {
          row[i] += 1;
        }
        g.add(row);
        gn.add(upperLimitName(sec));
      }
    }
    double[] kappaRow = new double[n];
    Arrays.fill(kappaRow, -1);
    g.add(kappaRow);
    gn.add("kappa >= 0");
    DenseQp.Solution sol = qp(q, new double[n], aEq, new double[] {1},
        new String[] {"excess return normalisation"}, g.toArray(new double[0][]),
        new double[g.size()], gn.toArray(new String[0]), ylo, null, null);
    int[] onBound = new int[n];
    for (int i = 0; i < n; i++) {
      if (ylo[i] == 0 && sol.boundState()[i] < 0) {
        onBound[i] = -1;
      }
    }
    for (int r = 0; r < boundRow.size(); r++) {
      int b = boundRow.get(r);
      if (b != 0 && sol.rowActive()[r]) {
        onBound[Math.abs(b) - 1] = Integer.signum(b);
      }
    }
    return new Homogenised(sol.x(), onBound);
  }

  /**
   * A solution of the homogenised max-Sharpe QP: {@code y}, and per asset the bound of C its
   * weight {@code y_i / kappa} lies on (-1 lower, +1 upper, 0 neither) by the QP's active set.
   */
  record Homogenised(double[] y, int[] onBound) {
  }

  private boolean longOnly() {
    boolean longOnly = true;
    for (double v : s.lower()) {
      longOnly &= v >= 0;
    }
    return longOnly;
  }

  /**
   * One QP; if Q is not positive definite, a ridge {@code eps I} is added with
   * {@code eps = 1e-12 x} the largest diagonal entry (then 1e-10, 1e-8), as the class comment of
   * {@link MeanVariance} documents. Solver failures become {@link OptimizationException}s that
   * name the constraints.
   */
  private DenseQp.Solution qp(double[][] q, double[] c, double[][] aEq, double[] bEq,
      String[] eqNames, double[][] g, double[] h, String[] gNames, double[] lo, double[] hi,
      DenseQp.Solution guess) {
    DenseQp.Names names = new DenseQp.Names(eqNames, gNames,
        s.assets().stream().map(a -> "'" + a + "'").toArray(String[]::new));
    double maxDiag = 0;
    for (int i = 0; i < q.length; i++) {
      maxDiag = Math.max(maxDiag, q[i][i]);
    }
    double[][] qq = q;
    double ridge = 1e-12 * (maxDiag > 0 ? maxDiag : 1);
    for (int attempt = 0; ; attempt++) {
      try {
        return DenseQp.solve(qq, c, aEq, bEq, g, h, lo, hi, names, guess);
      } catch (QpException e) {
        if (e.kind() == QpException.Kind.NOT_POSITIVE_DEFINITE && attempt < 3) {
          qq = new double[q.length][];
          for (int i = 0; i < q.length; i++) {
            qq[i] = q[i].clone();
            qq[i][i] += ridge;
          }
          ridge *= 100;
          continue;
        }
        if (e.kind() == QpException.Kind.INFEASIBLE) {
          throw new OptimizationException("Constraints cannot all be met under " + s.describe()
              + ": " + e.blocking() + " conflicts with " + (e.active().isEmpty() ? "nothing else"
              : String.join(", ", e.active())), e);
        }
        throw new OptimizationException("Solver failed under " + s.describe() + ": "
            + e.getMessage(), e);
      }
    }
  }

  /** Sector limits as sparse LP rows {@code a'w <= rhs} over the weights (indices 0..N-1). */
  List<LinearProgram.Row> sectorRows() {
    List<LinearProgram.Row> rows = new ArrayList<>();
    for (Sector sec : s.sectors()) {
      int m = sec.members().length;
      if (sec.lower() > Double.NEGATIVE_INFINITY) {
        double[] v = new double[m];
        Arrays.fill(v, -1);
        rows.add(new LinearProgram.Row(sec.members().clone(), v, -sec.lower(),
            lowerLimitName(sec)));
      }
      if (sec.upper() < Double.POSITIVE_INFINITY) {
        double[] v = new double[m];
        Arrays.fill(v, 1);
        rows.add(new LinearProgram.Row(sec.members().clone(), v, sec.upper(),
            upperLimitName(sec)));
      }
    }
    return rows;
  }

  private static String lowerLimitName(Sector sec) {
    return "sector '" + sec.name() + "' lower limit " + Diagnostics.fmt(sec.lower());
  }

  private static String upperLimitName(Sector sec) {
    return "sector '" + sec.name() + "' upper limit " + Diagnostics.fmt(sec.upper());
  }
}
