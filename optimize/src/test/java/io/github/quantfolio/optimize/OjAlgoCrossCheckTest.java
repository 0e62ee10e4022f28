package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against an independent QP solver, ojAlgo's {@code ExpressionsBasedModel} (on the
 * test class path through the LP adapter's dependency): same problems, ours must reach an
 * objective at least as low (to rounding) and weights agree to ojAlgo's own accuracy.
 */
class OjAlgoCrossCheckTest {

  /** ojAlgo's QP stops at about 1e-8 relative; weights agree to this. */
  static final double PEER = 1e-6;

  static double[] ojAlgo(double[][] s, double[] mu, double rf, double cap, boolean sharpe) {
    int n = s.length;
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] x = new Variable[n];
    for (int i = 0; i < n; i++) {
      x[i] = model.addVariable("x" + i).lower(0);
      if (!sharpe) {
        x[i].upper(cap);
      }
    }
    Expression risk = model.addExpression("risk").weight(1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        risk.set(x[i], x[j], s[i][j]);
      }
    }
    Expression eq = model.addExpression("eq").level(1);
    for (int i = 0; i < n; i++) {
      eq.set(x[i], sharpe ? mu[i] - rf : 1);
    }
    if (sharpe) {
      for (int i = 0; i < n; i++) {
        Expression c = model.addExpression("cap" + i).upper(0);
        for (int j = 0; j < n; j++) {
          c.set(x[j], (i == j ? 1 : 0) - cap);
        }
      }
    }
    Optimisation.Result r = model.minimise();
    assertTrue(r.getState().isOptimal(), "ojAlgo state " + r.getState());
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = r.doubleValue(i);
      sum += w[i];
    }
    if (sharpe) {
      for (int i = 0; i < n; i++) {
        w[i] /= sum;
      }
    }
    return w;
  }

  @Test
  void minimumVolatilityAndMaxSharpeAgreeWithOjAlgo() {
    for (long seed = 1; seed <= 6; seed++) {
      int n = 5 + (int) (seed * 4);
      MeanVarianceProperties.Problem pr = MeanVarianceProperties.problem(seed, n);
      double cap = Math.max(0.15, 2.0 / n);
      MeanVariance mv = pr.spec().withBounds(0, cap);
      double[] ours = mv.minVolatility().weights().toArray();
      double[] theirs = ojAlgo(pr.cov(), pr.mu(), 0, cap, false);
      double vo = Fixtures.dot(ours, Fixtures.times(pr.cov(), ours));
      double vt = Fixtures.dot(theirs, Fixtures.times(pr.cov(), theirs));
      assertTrue(vo <= vt * (1 + 1e-12), "min variance: ours " + vo + " vs ojAlgo " + vt);
      for (int i = 0; i < n; i++) {
        Tolerance.assertNear(theirs[i], ours[i], PEER, "seed " + seed + " min-vol w" + i);
      }
      double rf = 0.02;
      OptimalPortfolio p = mv.maxSharpe(rf);
      double[] ws = p.weights().toArray();
      double[] wt = ojAlgo(pr.cov(), pr.mu(), rf, cap, true);
      double st = (Fixtures.dot(pr.mu(), wt) - rf)
          / Math.sqrt(Fixtures.dot(wt, Fixtures.times(pr.cov(), wt)));
      assertTrue(p.sharpeRatio(rf) >= st * (1 - 1e-12), "Sharpe: ours " + p.sharpeRatio(rf)
          + " vs ojAlgo " + st);
      for (int i = 0; i < n; i++) {
        Tolerance.assertNear(wt[i], ws[i], PEER, "seed " + seed + " max-Sharpe w" + i);
      }
    }
  }
}
