package io.github.quantfolio.optimize.internal;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Adapter to ojAlgo's LP solver (the only place ojAlgo is used):
 *
 * <pre>
 *   minimise c'x  subject to  A_eq x = b_eq,  A_le x &lt;= b_le,  lo &lt;= x &lt;= hi
 * </pre>
 *
 * Rows are given sparsely (indices and values) since scenario LPs have few non-zeros per row.
 * Infinite bounds mean no bound.
 */
public final class LinearProgram {

  /** A sparse row {@code sum values[k] x[indices[k]]}. */
  public record Row(int[] indices, double[] values, double rhs, String name) {
  }

  private LinearProgram() {
  }

  /**
   * Solves the LP.
   *
   * @return the minimiser
   * @throws QpException of kind INFEASIBLE (also used for an unbounded or failed solve, with the
   *     solver's state in the message)
   */
  public static double[] minimise(double[] c, List<Row> equalities, List<Row> inequalities,
      double[] lo, double[] hi) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int n = c.length;
    Variable[] x = new Variable[n];
    for (int i = 0; i < n; i++) {
      Variable v = model.addVariable("x" + i).weight(c[i]);
      if (lo[i] > Double.NEGATIVE_INFINITY) {
        v.lower(lo[i]);
      }
      if (hi[i] < Double.POSITIVE_INFINITY) {
        v.upper(hi[i]);
      }
      x[i] = v;
    }
    // ojAlgo keys expressions by name: a unique key per row, so that rows labelled alike stay
    // separate constraints (the label is kept in the key for the solver's diagnostics)
    int key = 0;
    for (Row r : equalities) {
      Expression e = model.addExpression(key++ + ": " + r.name()).level(r.rhs());
      for (int k = 0; k < r.indices().length; k++) {
        e.set(x[r.indices()[k]], r.values()[k]);
      }
    }
    for (Row r : inequalities) {
      Expression e = model.addExpression(key++ + ": " + r.name()).upper(r.rhs());
      for (int k = 0; k < r.indices().length; k++) {
        e.set(x[r.indices()[k]], r.values()[k]);
      }
    }
    Optimisation.Result result = model.minimise();
    Optimisation.State state = result.getState();
    if (!state.isOptimal()) {
      throw new QpException(QpException.Kind.INFEASIBLE, "Linear program not solved: solver state "
          + state, state.toString(), List.of());
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = result.doubleValue(i);
    }
    return out;
  }
}
