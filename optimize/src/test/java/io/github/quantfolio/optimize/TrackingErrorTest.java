package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracking-error limits: closed form on the segment to the benchmark, KKT, infeasibility. */
class TrackingErrorTest {

  static final double INF = Double.POSITIVE_INFINITY;

  static double te(double[] w, double[] b, double[][] s) {
    double[] d = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      d[i] = w[i] - b[i];
    }
    return Math.sqrt(Fixtures.dot(d, Fixtures.times(s, d)));
  }

  @Test
  void unconstrainedMinimumVolatilityMovesAlongTheSegmentToTheBenchmark() {
    // min w'Sw + theta (w - b)'S(w - b), 1'w = 1: w = (w_mv + theta b) / (1 + theta), so the
    // optimum with TE(w) <= T is b + (T / TE(w_mv)) (w_mv - b) (hand derivation).
    List<String> a = List.of("A", "B", "C");
    double[] b = {0.2, 0.3, 0.5};
    MeanVariance base = MeanVarianceTest.three().withBounds(-INF, INF);
    double[] wmv = base.minVolatility().weights().toArray();
    double te0 = te(wmv, b, MeanVarianceTest.S3);
    double limit = 0.4 * te0;
    double[] w = base.withTrackingErrorLimit(Weights.of(a, b), limit).minVolatility().weights()
        .toArray();
    for (int i = 0; i < 3; i++) {
      Tolerance.assertClose(b[i] + 0.4 * (wmv[i] - b[i]), w[i], 1e-9, "w" + i);
    }
    Tolerance.assertClose(limit, te(w, b, MeanVarianceTest.S3), 1e-10, "tracking error");
  }

  @Test
  void longOnlyMinimumVolatilitySatisfiesKkt() {
    // KKT: g = Sw + theta S(w - b) with theta >= 0 and one lambda (assertBoxKkt); theta from two
    // free assets.
    double[][] s = Fixtures.COV.toArray();
    int n = s.length;
    double[] b = new double[n];
    java.util.Arrays.fill(b, 1.0 / n);
    MeanVariance base = MeanVariance.of(Fixtures.COV).withBounds(0, 0.2);
    double te0 = te(base.minVolatility().weights().toArray(), b, s);
    double limit = 0.5 * te0;
    double[] w = base.withTrackingErrorLimit(Weights.of(Fixtures.COV.assets(), b), limit)
        .minVolatility().weights().toArray();
    Tolerance.assertClose(limit, te(w, b, s), 1e-10, "binding tracking error");
    double[] sw = Fixtures.times(s, w);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = w[i] - b[i];
    }
    double[] sd = Fixtures.times(s, d);
    int i1 = -1;
    int i2 = -1;
    for (int k = 0; k < n; k++) {
      if (w[k] > 1e-9 && w[k] < 0.2 - 1e-9) {
        if (i1 < 0) {
          i1 = k;
        } else if (i2 < 0 && Math.abs(sd[k] - sd[i1]) > 1e-6) {
          i2 = k;
        }
      }
    }
    assertTrue(i2 >= 0, "need two free assets");
    double theta = -(sw[i1] - sw[i2]) / (sd[i1] - sd[i2]);
    assertTrue(theta >= 0, "multiplier " + theta);
    double[] g = new double[n];
    for (int k = 0; k < n; k++) {
      g[k] = sw[k] + theta * sd[k];
    }
    MeanVarianceTest.assertBoxKkt(g, w, 0, 0.2);
  }

  @Test
  void slackLimitChangesNothing() {
    Weights eq = Weights.equal(Fixtures.COV.assets());
    double[] a = MeanVariance.of(Fixtures.COV).withTrackingErrorLimit(eq, 1).minVolatility()
        .weights().toArray();
    double[] b = MeanVariance.of(Fixtures.COV).minVolatility().weights().toArray();
    for (int i = 0; i < a.length; i++) {
      Tolerance.assertNear(b[i], a[i], 1e-15, "weight " + i);
    }
  }

  @Test
  void unreachableLimitNamesTheMinimum() {
    // The benchmark is all in one asset, capped at 10%: the tracking error cannot be ~0.
    double[] b = new double[Fixtures.COV.size()];
    b[0] = 1;
    OptimizationException e = assertThrows(OptimizationException.class,
        () -> MeanVariance.of(Fixtures.COV).withBounds(0, 0.1)
            .withTrackingErrorLimit(Weights.of(Fixtures.COV.assets(), b), 0.001).minVolatility());
    assertTrue(e.getMessage().startsWith("Tracking error limit 0.001 cannot be met: the minimum "
        + "attainable is "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" under bounds [0, 0.1]"), e.getMessage());
  }

  @Test
  void efficientReturnWithTrackingLimitMeetsBoth() {
    double[] b = new double[Fixtures.COV.size()];
    java.util.Arrays.fill(b, 1.0 / b.length);
    MeanVariance mv = MeanVariance.of(Fixtures.MU, Fixtures.COV).withBounds(0, 0.2)
        .withTrackingErrorLimit(Weights.of(Fixtures.COV.assets(), b), 0.03);
    double target = Fixtures.dot(Fixtures.MU.toArray(), b) + 0.01;
    OptimalPortfolio p = mv.efficientReturn(target);
    assertTrue(p.expectedReturn() >= target - 1e-12);
    assertTrue(te(p.weights().toArray(), b, Fixtures.COV.toArray()) <= 0.03 * (1 + 1e-12));
    // max Sharpe is supported with a tracking-error limit too (TradingMethodsTest checks it)
    assertTrue(te(mv.maxSharpe(0.02).weights().toArray(), b, Fixtures.COV.toArray())
        <= 0.03 * (1 + 1e-12));
  }
}
