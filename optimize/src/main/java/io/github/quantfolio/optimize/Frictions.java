package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.FeasibleSet.Row;
import io.github.quantfolio.optimize.FeasibleSet.Warm;
import io.github.quantfolio.optimize.internal.DenseQp;
import io.github.quantfolio.optimize.internal.Linear;
import io.github.quantfolio.optimize.internal.LinearProgram;
import io.github.quantfolio.optimize.internal.QpException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The exact solve of {@code min 1/2 w'Qw + c'w + k ||w - w0||_1} over C with the turnover limit
 * {@code ||w - w0||_1 <= T} and the tracking-error limit {@code sqrt((w - b)'S(w - b)) <= TE}:
 * <ul>
 *   <li>costs and turnover by segment selection (each asset on the buy or sell side of its
 *       previous weight, each choice an exact QP, switched until the subgradient KKT conditions
 *       hold; {@link #frictionSolve});</li>
 *   <li>a linear objective ({@code Q = null}) by the proximal-point method around those exact
 *       steps ({@link ReturnLp#proximalPoint});</li>
 *   <li>the tracking-error limit through its Lagrangian {@code (1 - phi) f + phi TE^2}, phi found
 *       by {@link #limitSearch}.</li>
 * </ul>
 * Without trading options {@link #solve} is one QP over C.
 */
final class Frictions {

  /** How far a turnover may exceed its limit by rounding: the limit is met to 1e-10. */
  static final double LIMIT_ROUNDING = 1e-10;

  private final MeanVarianceSpec s;
  private final FeasibleSet set;

  Frictions(MeanVarianceSpec spec) {
    this.s = spec;
    this.set = new FeasibleSet(spec);
  }

  /**
   * Minimises {@code 1/2 w'Qw + c'w [+ k ||w - w0||_1]} over C (+ extra) [with turnover and
   * tracking-error limits]; {@code q == null} means a linear objective (an LP, solved by the
   * proximal-point method). Without previous weights or benchmark this is one QP.
   */
  double[] solve(double[][] q, double[] c, double k, Row extra) {
    return solve(q, c, k, extra, null);
  }

  /** As above; {@code warm} (may be null) carries the active set between frictionless solves. */
  double[] solve(double[][] q, double[] c, double k, Row extra, Warm warm) {
    List<Row> extras = extra == null ? List.of() : List.of(extra);
    String text = extra == null ? null : extra.name();
    if (s.benchmark() != null) {
      return trackingLimited(q, c, k, extras, text, warm);
    }
    if (s.previous() == null && q != null) {
      return set.solve(q, c, s.lower(), s.upper(), extras, warm).x();
    }
    return frictionSolve(q, c, k, extras, text, null, warm);
  }

  /**
   * Minimises {@code 1/2 w'Qw + c'w + k ||w - w0||_1} over C + extras + turnover limit (no
   * tracking error). With previous weights, each asset's range is split at its previous weight
   * into a buy segment {@code [max(lo, w0), hi]} (linear cost +k) and a sell segment
   * {@code [lo, min(hi, w0)]} (cost -k); the turnover limit becomes the linear row
   * {@code sum sigma_i (w_i - w0_i) <= T}. Each segment choice is an exact QP; an asset resting on
   * its previous weight with bound multiplier {@code nu > 2 (k + mu_T)} (mu_T = turnover
   * multiplier) violates the subgradient condition of {@code |w_i - w0_i|} and switches side. The
   * current point stays feasible after a switch and the objective decreases, so this terminates
   * at a point satisfying the KKT conditions of the non-smooth problem.
   *
   * @param start a point meeting the turnover limit (its sides start the segment search), or null
   */
  private double[] frictionSolve(double[][] q, double[] c, double k, List<Row> extras,
      String text, double[] start, Warm warm) {
    if (q == null) {
      return proximalLp(c, k, extras, text, start, warm);
    }
    if (s.previous() == null) {
      return set.solve(q, c, s.lower(), s.upper(), extras, warm).x();
    }
    if (start == null && warm != null && extras.isEmpty()) {
      start = warm.feasible; // same constraints: a feasible start, no minimum-turnover solve
    }
    if (start == null) {
      if (s.maxTurnover() < Double.POSITIVE_INFINITY) {
        start = minTurnoverStart(extras, text);
      } else {
        start = set.solve(q, c, s.lower(), s.upper(), extras, warm).x();
      }
    }
    double[] w = segments(q, c, k, s.maxTurnover(), start, extras, warm);
    if (warm != null && extras.isEmpty()) {
      warm.feasible = w;
    }
    return w;
  }

  /** The minimum-turnover point, or the message naming the least turnover needed. */
  private double[] minTurnoverStart(List<Row> extras, String text) {
    double[] start = minTurnoverWeights(extras);
    double m = s.turnover(start);
    // the minimum-turnover LP is exact to rounding, not to the bit: a target at the most the
    // limit allows must not be refused for it
    if (m > s.maxTurnover() + LIMIT_ROUNDING) {
      String message = "Turnover limit " + Diagnostics.fmt(s.maxTurnover())
          + " cannot be met: reaching the constraints (" + s.describe()
          + (text == null ? "" : ", " + text)
          + ") from the previous weights needs a turnover of at least " + Diagnostics.fmt(m);
      // an infeasibility like the QP's: a return target at the very end of the frontier, a few
      // ulps too high for the limit, is then backed off as for any other constraint
      throw new OptimizationException(message, QpException.infeasible(message,
          "turnover limit " + Diagnostics.fmt(s.maxTurnover())));
    }
    return start;
  }

  /**
   * {@code min c'w + k ||w - w0||_1} over C + extras + turnover limit (a linear program) by the
   * proximal-point method, each step an exact (segment-selected) QP ({@link #frictionSolve}).
   */
  private double[] proximalLp(double[] c, double k, List<Row> extras, String text,
      double[] start, Warm warm) {
    double[][] eye = ReturnLp.identity(s.n());
    return ReturnLp.proximalPoint(c, MeanVarianceSpec.maxAbs(c) + k, start,
        (linear, t, previous) -> frictionSolve(eye, linear, t * k, extras, text, previous, warm),
        () -> "Linear program did not converge under " + s.describeTrading()
            + " (proximal-point iteration limit)");
  }

  /**
   * min 1/2 w'qw + c'w + k||w - w0||_1 over C + extras (+ turnover) with tracking error <= maxTe
   * (see {@link MeanVariance#withTrackingErrorLimit}): the mixture {@code (1 - phi) f + phi TE^2}
   * for the phi where the limit binds. {@code q == null}: linear f.
   */
  private double[] trackingLimited(double[][] q, double[] c, double k, List<Row> extras,
      String text, Warm warm) {
    double maxTe = s.maxTe();
    double[] w = frictionSolve(q, c, k, extras, text, null, warm);
    if (s.trackingError(w) <= maxTe) {
      return w;
    }
    int n = s.n();
    double[][] cov = s.cov();
    double[] benchmark = s.benchmark();
    // tracking objective (w - b)'S(w - b) = 1/2 w'(2S)w - (2Sb)'w + const
    double[][] qt = new double[n][n];
    double[] ct = new double[n];
    for (int i = 0; i < n; i++) {
      double sb = 0;
      for (int j = 0; j < n; j++) {
        qt[i][j] = 2 * cov[i][j];
        sb += cov[i][j] * benchmark[j];
      }
      ct[i] = -2 * sb;
    }
    double[] wt = frictionSolve(qt, ct, 0, extras, text, null, warm);
    double teMin = s.trackingError(wt);
    if (teMin > maxTe) {
      if (teMin <= maxTe * (1 + MeanVariance.TARGET_SLACK)) {
        return wt; // the limit is the minimum itself, up to rounding
      }
      throw new OptimizationException("Tracking error limit " + Diagnostics.fmt(maxTe)
          + " cannot be met: the minimum attainable is " + Diagnostics.fmt(teMin) + " under "
          + s.describe()
          + (s.maxTurnover() < Double.POSITIVE_INFINITY
              ? ", turnover limit " + Diagnostics.fmt(s.maxTurnover()) : "")
          + (text == null ? "" : ", " + text));
    }
    double[][] qp = new double[n][n];
    double[] cp = new double[n];
    return limitSearch(s.trackingError(w) * s.trackingError(w) - maxTe * maxTe,
        teMin * teMin - maxTe * maxTe, maxTe, wt, (phi, best) -> {
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              qp[i][j] = (q == null ? 0 : (1 - phi) * q[i][j]) + phi * qt[i][j];
            }
            cp[i] = (1 - phi) * c[i] + phi * ct[i];
          }
          return frictionSolve(qp, cp, (1 - phi) * k, extras, text, best, warm);
        }, s::trackingError);
  }

  /** The QP solution at mixing weight {@code phi}, given the best feasible one so far. */
  interface MixedSolve {
    double[] at(double phi, double[] best);
  }

  /**
   * Illinois regula falsi over the mixing weight {@code phi} in (0, 1) of a family of exact QP
   * solutions {@code x(phi)} whose {@code level(x)} falls from above {@code limit} at 0
   * ({@code fa = level^2 - limit^2 > 0}) to at most {@code limit} at 1 ({@code fb <= 0}): returns
   * the last solution within the limit, stopping once it is within
   * {@link MeanVariance#RISK_TOLERANCE} of it (or the bracket is exhausted). Shared by the
   * efficient-risk and tracking-error searches.
   */
  static double[] limitSearch(double fa, double fb, double limit, double[] atOne,
      MixedSolve solve, ToDoubleFunction<double[]> level) {
    double a = 0;
    double b = 1;
    double[] best = atOne;
    int side = 0;
    for (int it = 0; it < 200; it++) {
      double phi = (a * fb - b * fa) / (fb - fa);
      if (!(phi > a && phi < b)) {
        phi = 0.5 * (a + b);
      }
      double[] x = solve.at(phi, best);
      double lv = level.applyAsDouble(x);
      double f = lv * lv - limit * limit;
      if (f <= 0) {
        best = x;
        if (limit - lv <= MeanVariance.RISK_TOLERANCE * limit) {
          break;
        }
        b = phi;
        fb = f;
        if (side == 1) {
          fa *= 0.5;
        }
        side = 1;
      } else {
        a = phi;
        fa = f;
        if (side == -1) {
          fb *= 0.5;
        }
        side = -1;
      }
      if (b - a <= 1e-16) {
        break;
      }
    }
    return best;
  }

  /**
   * The minimum-turnover point of C (+ extras): the linear program {@code min sum(u + v)} with
   * {@code w = w0 + u - v}, {@code u, v >= 0}, solved by simplex, so the point is a vertex exact
   * to rounding. (A proximal-point iteration on the L1 distance, used before, needed steps up to
   * 2^16 whose QPs, nearly linear, were off by up to 1e-7 when the return target row was nearly
   * parallel to the budget row: a limit met exactly was then refused.) The bounds become bounds
   * of u and v; the budget, sector and extra rows become rows in u and v.
   */
  private double[] minTurnoverWeights(List<Row> extras) {
    int n = s.n();
    double[] w0 = s.previous();
    double[] lower = s.lower();
    double[] upper = s.upper();
    // the projection of w0 onto the constraints: names the constraints in conflict if C is empty
    double[] minusW0 = new double[n];
    for (int i = 0; i < n; i++) {
      minusW0[i] = -w0[i];
    }
    set.solve(ReturnLp.identity(n), minusW0, lower, upper, extras);
    double[] cost = new double[2 * n];
    double[] lo = new double[2 * n];
    double[] hi = new double[2 * n];
    Arrays.fill(cost, 1);
    int[] all = new int[2 * n];
    int[] weights = new int[n];
    double[] budgetRow = new double[2 * n];
    double rest = s.budget();
    for (int i = 0; i < n; i++) {
      // u_i buys from w0_i up to the upper bound, v_i sells down to the lower one; a previous
      // weight outside its bounds forces the part of the trade that brings it back
      lo[i] = Math.max(0, lower[i] - w0[i]);
      hi[i] = Math.max(0, upper[i] - w0[i]);
      lo[n + i] = Math.max(0, w0[i] - upper[i]);
      hi[n + i] = Math.max(0, w0[i] - lower[i]);
      all[i] = i;
      all[n + i] = n + i;
      weights[i] = i;
      budgetRow[i] = 1;
      budgetRow[n + i] = -1;
      rest -= w0[i];
    }
    List<LinearProgram.Row> eq = List.of(new LinearProgram.Row(all, budgetRow, rest, "budget"));
    List<LinearProgram.Row> le = new ArrayList<>();
    for (LinearProgram.Row r : set.sectorRows()) {
      le.add(inTrades(r.indices(), r.values(), r.rhs(), r.name(), w0, n));
    }
    for (Row r : extras) {
      le.add(inTrades(weights, r.a(), r.rhs(), r.name(), w0, n));
    }
    double[] x;
    try {
      x = LinearProgram.minimise(cost, eq, le, lo, hi);
    } catch (QpException e) {
      throw new OptimizationException("Minimum turnover could not be found under " + s.describe()
          + ": " + e.getMessage());
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = w0[i] + x[i] - x[n + i];
    }
    return w;
  }

  /**
   * The row {@code sum_k a_k w_idx(k) <= rhs} on weights in the trades:
   * {@code a'(u - v) <= rhs - a'w0} ({@code u} at 0..n-1, {@code v} at n..2n-1).
   */
  private static LinearProgram.Row inTrades(int[] idx, double[] a, double rhs, String name,
      double[] w0, int n) {
    int m = idx.length;
    int[] j = new int[2 * m];
    double[] v = new double[2 * m];
    double shifted = rhs;
    for (int k = 0; k < m; k++) {
      int i = idx[k];
      j[k] = i;
      v[k] = a[k];
      j[m + k] = n + i;
      v[m + k] = -a[k];
      shifted -= a[k] * w0[i];
    }
    return new LinearProgram.Row(j, v, shifted, name);
  }

  /** Segment selection (see {@link #frictionSolve}) from the sides of {@code start}. */
  private double[] segments(double[][] q, double[] c, double k, double limit, double[] start,
      List<Row> extras, Warm warm) {
    if (warm == null) {
      warm = new Warm();
    }
    int n = s.n();
    double[] previous = s.previous();
    double[] lower = s.lower();
    double[] upper = s.upper();
    int[] sigma = new int[n];
    for (int i = 0; i < n; i++) {
      sigma[i] = start[i] >= previous[i] ? 1 : -1;
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] cc = new double[n];
    double room = 0; // LIMIT_ROUNDING once a limit equal to the least turnover was refused
    for (int it = 0; it < 20 * n + 50; it++) {
      double shift = 0;
      double[] row = new double[n];
      for (int i = 0; i < n; i++) {
        if (sigma[i] > 0) {
          lo[i] = Math.min(upper[i], Math.max(lower[i], previous[i]));
          hi[i] = upper[i];
        } else {
          lo[i] = lower[i];
          hi[i] = Math.max(lower[i], Math.min(upper[i], previous[i]));
        }
        cc[i] = c[i] + k * sigma[i];
        row[i] = sigma[i];
        shift += sigma[i] * previous[i];
      }
      List<Row> rows = new ArrayList<>(extras);
      boolean limited = limit < Double.POSITIVE_INFINITY;
      if (limited) {
        rows.add(new Row(row, limit + room + shift, "turnover limit "
            + Diagnostics.fmt(limit)));
      }
      DenseQp.Solution sol;
      try {
        sol = set.solve(q, cc, lo, hi, rows, warm);
      } catch (OptimizationException e) {
        // A limit equal to the least turnover leaves one point, which rounding can put outside
        // the QP's rows: when the start meets the limit to LIMIT_ROUNDING, allow half of that,
        // or the start's own excess and a few ulps (a proximal step's start is the last step's
        // solution, which may already have used the room).
        double excess = s.turnover(start) - limit;
        if (!limited || room > 0 || excess > LIMIT_ROUNDING) {
          throw e;
        }
        room = Math.max(LIMIT_ROUNDING / 2, excess + 1e-15 * (1 + limit));
        it--;
        continue;
      }
      double kEff = k + (limited ? sol.mu()[sol.mu().length - 1] : 0);
      double[] w = sol.x();
      double scale = 1e-10 * (1 + k + MeanVarianceSpec.maxAbs(cc)
          + MeanVarianceSpec.maxAbs(Linear.multiply(q, w)));
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        boolean atKink = Math.abs(w[i] - previous[i]) <= 1e-12 * Math.max(1, Math.abs(previous[i]));
        if (!atKink) {
          continue;
        }
        if (sigma[i] > 0 && previous[i] > lower[i] && sol.nuLower()[i] > 2 * kEff + scale) {
          sigma[i] = -1;
          changed = true;
        } else if (sigma[i] < 0 && previous[i] < upper[i] && sol.nuUpper()[i] > 2 * kEff + scale) {
          sigma[i] = 1;
          changed = true;
        }
      }
      if (!changed) {
        return w;
      }
    }
    throw new OptimizationException("Transaction-cost segment selection did not terminate under "
        + s.describe());
  }
}
