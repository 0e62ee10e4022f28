package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.FeasibleSet.Row;
import io.github.quantfolio.optimize.FeasibleSet.Warm;
import io.github.quantfolio.optimize.internal.QpException;

/**
 * The efficient frontier without trading options: the efficient portfolio for a target return
 * (one QP, backed off by rounding at the frontier's end), for a target volatility (a search over
 * the target return along the frontier), and the tangency portfolio by the homogenised QP. The
 * target-return QP is also the step of {@link MeanVariance#efficientFrontier(int)} with trading
 * options, since {@link Frictions#solve} handles those.
 */
final class Frontier {

  private final MeanVarianceSpec s;
  private final FeasibleSet set;
  private final ReturnLp lp;
  private final Frictions frictions;

  Frontier(MeanVarianceSpec spec) {
    this.s = spec;
    this.set = new FeasibleSet(spec);
    this.lp = new ReturnLp(spec);
    this.frictions = new Frictions(spec);
  }

  /** {@code min w'S_g w [+ costs]} over C with {@code mu'w >= target}. */
  double[] efficientReturn(double target) {
    return efficientReturn(target, null);
  }

  /**
   * As above, warm-started. At (or within rounding of) the maximum return the feasible set is a
   * face of C that the return row pins down only up to rounding (worst with nearly tied returns):
   * if that makes the QP infeasible, the target is backed off by at most
   * {@link MeanVariance#END_SLACK} x max|mu|.
   */
  double[] efficientReturn(double target, Warm warm) {
    double[] mu = s.mu();
    double[] row = new double[s.n()];
    double scale = 0;
    for (int i = 0; i < row.length; i++) {
      row[i] = -mu[i];
      scale = Math.max(scale, Math.abs(mu[i]));
    }
    OptimizationException first = null;
    for (double back = 0; back <= MeanVariance.END_SLACK * scale;
        back = back == 0 ? 1e-14 * scale : back * 10) {
      try {
        return frictions.solve(s.riskMatrix(2), new double[s.n()], s.costWeight(),
            new Row(row, -(target - back), "target return " + Diagnostics.fmt(target)), warm);
      } catch (OptimizationException e) {
        if (first == null) {
          first = e;
        }
        if (!(e.getCause() instanceof QpException q && q.kind() == QpException.Kind.INFEASIBLE)) {
          throw e;
        }
      }
    }
    throw first;
  }

  /**
   * Efficient risk without trading options: Illinois regula falsi on the piecewise-quadratic
   * {@code sigma^2(r)} of {@link #efficientReturn(double)}, bracketed by the minimum-volatility
   * and maximum returns, until the volatility is within {@link MeanVariance#RISK_TOLERANCE}
   * relative of the target, never above it.
   */
  double[] efficientRisk(double targetVolatility) {
    int n = s.n();
    double[] mu = s.mu();
    double[] w0;
    if (s.marketNeutral()) {
      w0 = new double[n];
    } else {
      w0 = set.solveWeights(s.riskMatrix(1), new double[n], null, 0, null);
    }
    double s0 = s.risk(w0);
    if (targetVolatility < s0 * (1 - MeanVariance.TARGET_SLACK)) {
      throw Diagnostics.targetVolatilityTooLow(targetVolatility, s0, s.describe());
    }
    double r0 = MeanVarianceSpec.dot(mu, w0);
    double r1;
    double[] w1;
    double s1;
    if (lp.unbounded()) {
      // the frontier has no end: widen the bracket until its volatility exceeds the target
      double step = Math.max(1e-3, Math.abs(r0));
      while (true) {
        r1 = r0 + step;
        w1 = efficientReturn(r1);
        s1 = s.risk(w1);
        if (s1 > targetVolatility) {
          break;
        }
        step *= 2;
      }
    } else {
      r1 = MeanVarianceSpec.dot(mu, lp.maximiser());
      w1 = efficientReturn(r1);
      s1 = s.risk(w1);
      if (targetVolatility >= s1) {
        return w1;
      }
    }
    if (targetVolatility <= s0) {
      return w0;
    }
    double t2 = targetVolatility * targetVolatility;
    // f(r) = sigma^2(r) - target^2, f(r0) < 0 < f(r1)
    double a = r0;
    double fa = s0 * s0 - t2;
    double b = r1;
    double fb = s1 * s1 - t2;
    double[] best = w0;
    int side = 0;
    Warm warm = new Warm(); // each step starts from the previous step's active set
    for (int it = 0; it < 200; it++) {
      double r = (a * fb - b * fa) / (fb - fa);
      if (!(r > a && r < b)) {
        r = 0.5 * (a + b);
      }
      double[] w = efficientReturn(r, warm);
      double sw = s.risk(w);
      double f = sw * sw - t2;
      if (f <= 0) {
        best = w;
        if (Math.abs(sw - targetVolatility) <= MeanVariance.RISK_TOLERANCE * targetVolatility) {
          break;
        }
        a = r;
        fa = f;
        if (side == -1) {
          fb *= 0.5;
        }
        side = -1;
      } else {
        b = r;
        fb = f;
        if (side == 1) {
          fa *= 0.5;
        }
        side = 1;
      }
      if (b - a <= 1e-15 * Math.max(Math.abs(a), Math.abs(b))) {
        break;
      }
    }
    return best;
  }

  /**
   * The tangency portfolio without trading options by the homogenised QP
   * ({@link FeasibleSet#solveHomogenised}): {@code w = y / kappa}, with every weight whose bound
   * the QP holds active put exactly on that bound. The excess returns are divided by their
   * largest magnitude first (the maximiser does not change when they are scaled), so that
   * {@code y} is of order 1 whatever their scale: expected returns of 1e300 used to make
   * {@code y'Sy} underflow.
   *
   * @throws OptimizationException if no attainable return exceeds {@code rf}, if the ratio has no
   *     maximum (it rises without limit along a zero-sum combination with infinite bounds), or
   *     if a portfolio with positive excess return has no risk (an infinite ratio)
   */
  double[] maxSharpe(double riskFreeRate) {
    double[] mu = s.mu();
    double max = lp.unbounded() ? Double.POSITIVE_INFINITY
        : MeanVarianceSpec.dot(mu, lp.maximiser());
    if (!(max > riskFreeRate)) {
      throw Diagnostics.noExcessReturn(false, riskFreeRate, s, s.describe(), max);
    }
    int n = s.n();
    double[] excess = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      excess[i] = mu[i] - riskFreeRate;
      scale = Math.max(scale, Math.abs(excess[i]));
    }
    if (!Double.isFinite(scale)) {
      throw new OptimizationException("Max Sharpe cannot use these expected returns: mu - rf "
          + "overflows for '" + s.assets().get(argMaxAbs(mu)) + "' (expected return "
          + Diagnostics.fmt(mu[argMaxAbs(mu)]) + ", risk-free rate "
          + Diagnostics.fmt(riskFreeRate) + ")");
    }
    for (int i = 0; i < n; i++) {
      excess[i] /= scale;
    }
    FeasibleSet.Homogenised h = set.solveHomogenised(s.riskMatrix(1), excess);
    double[] y = h.y();
    double kappa = 0;
    for (double v : y) {
      kappa += v;
    }
    if (!(kappa > 0)) {
      // kappa = 0 with excess'y = 1: a zero-sum combination with positive excess return, along
      // which the ratio approaches its supremum only as the weights grow without limit
      throw new OptimizationException("Max Sharpe has no maximum under " + s.describe()
          + ": the ratio keeps rising as the portfolio adds ever more of a zero-sum combination "
          + "of long and short positions; use finite bounds");
    }
    double[] w = new double[n];
    double[] lower = s.lower();
    double[] upper = s.upper();
    for (int i = 0; i < n; i++) {
      w[i] = h.onBound()[i] < 0 ? lower[i] : h.onBound()[i] > 0 ? upper[i] : y[i] / kappa;
    }
    Diagnostics.requireRisk(s, w, riskFreeRate);
    return w;
  }

  private static int argMaxAbs(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[k])) {
        k = i;
      }
    }
    return k;
  }
}
