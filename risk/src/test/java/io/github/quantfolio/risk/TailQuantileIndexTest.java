package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.CLOSED_FORM;
import static io.github.quantfolio.risk.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Historical VaR and CVaR when the tail position {@code (1 - confidence)(n - 1)} is not a whole
 * number, by hand and against a naive sort written here (the documented definitions: VaR is
 * numpy's linear-interpolation quantile, CVaR the mean of the {@code floor((n - 1)(1 - c)) + 1}
 * smallest returns). Large samples take the production's bucketed two-pass path.
 */
class TailQuantileIndexTest {

  // sorted: -0.05, -0.02, -0.01, 0.01, 0.03, 0.04 (n = 6, n - 1 = 5)
  static final double[] SIX = {0.03, -0.05, 0.01, -0.02, 0.04, -0.01};

  @Test
  void fractionalTailPositionsByHand() {
    // confidence 0.7: position 0.3 x 5 = 1.5 (floor 1): VaR = -0.02 + 0.5 x (-0.01 + 0.02)
    // = -0.015; CVaR = mean of the 2 smallest = (-0.05 - 0.02) / 2 = -0.035
    // (rounding the position up would average 3: -0.08/3).
    assertClose(-0.015, Metrics.valueAtRisk(SIX, 0.7, VarMethod.HISTORICAL), CLOSED_FORM, "VaR 0.7");
    assertClose(-0.035, Metrics.conditionalValueAtRisk(SIX, 0.7, VarMethod.HISTORICAL),
        CLOSED_FORM, "CVaR 0.7");
    // confidence 0.75: position 1.25: VaR = -0.02 + 0.25 x 0.01 = -0.0175; CVaR still -0.035.
    assertClose(-0.0175, Metrics.valueAtRisk(SIX, 0.75, VarMethod.HISTORICAL), CLOSED_FORM,
        "VaR 0.75");
    assertClose(-0.035, Metrics.conditionalValueAtRisk(SIX, 0.75, VarMethod.HISTORICAL),
        CLOSED_FORM, "CVaR 0.75");
    // confidence 0.5: position 2.5: VaR = -0.01 + 0.5 x 0.02 = 0; CVaR = (-0.05 - 0.02 - 0.01)/3.
    // (an absolute bound, the expectation being 0: a few ulps of the operands 0.01)
    assertEquals(0.0, Metrics.valueAtRisk(SIX, 0.5, VarMethod.HISTORICAL), 1e-17, "VaR 0.5");
    assertClose(-0.08 / 3, Metrics.conditionalValueAtRisk(SIX, 0.5, VarMethod.HISTORICAL),
        CLOSED_FORM, "CVaR 0.5");
    // confidence 0.9 needs ceil(1 / 0.1) = 10 returns (the minimum-sample rule of
    // docs/risk.md): with 6 the historical VaR and CVaR are undefined (NaN), not an extrapolation
    assertTrue(Double.isNaN(Metrics.valueAtRisk(SIX, 0.9, VarMethod.HISTORICAL)), "VaR 0.9");
    assertTrue(Double.isNaN(Metrics.conditionalValueAtRisk(SIX, 0.9, VarMethod.HISTORICAL)),
        "CVaR 0.9");
    // ... and with 10 returns (the six and four more above them) it is defined again: position
    // 0.1 x 9 = 0.9: VaR = -0.05 + 0.9 x 0.03 = -0.023; CVaR = -0.05 (the smallest alone)
    double[] ten = {0.03, -0.05, 0.01, -0.02, 0.04, -0.01, 0.05, 0.06, 0.07, 0.08};
    assertClose(-0.023, Metrics.valueAtRisk(ten, 0.9, VarMethod.HISTORICAL), CLOSED_FORM,
        "VaR 0.9 of 10");
    assertClose(-0.05, Metrics.conditionalValueAtRisk(ten, 0.9, VarMethod.HISTORICAL),
        CLOSED_FORM, "CVaR 0.9 of 10");
  }

  @Test
  void largeSamplesAgreeWithANaiveSort() {
    Random rnd = new Random(5);
    for (int n : new int[] {7, 40, 999, 1000, 4097, 20001}) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = rnd.nextInt(50) == 0 ? Double.NaN : 0.01 * rnd.nextGaussian() + 0.0003;
      }
      double[] v = Arrays.stream(r).filter(x -> !Double.isNaN(x)).sorted().toArray();
      int m = v.length;
      for (double c : new double[] {0.9, 0.95, 0.975, 0.99, 0.999}) {
        double pos = (1 - c) * (m - 1);
        int k = (int) Math.floor(pos);
        double var = v[k] + (pos - k) * (v[Math.min(k + 1, m - 1)] - v[k]);
        double sum = 0;
        for (int i = 0; i <= k; i++) {
          sum += v[i];
        }
        String what = "n " + m + ", confidence " + c + ", position " + pos;
        if (m < Math.ceil(1 / (1 - c) - 1e-9)) { // below the minimum sample: undefined
          assertTrue(Double.isNaN(Metrics.valueAtRisk(r, c, VarMethod.HISTORICAL)), what);
          continue;
        }
        // interpolation differs from numpy's nearer-end form by rounding only
        assertClose(var, Metrics.valueAtRisk(r, c, VarMethod.HISTORICAL), 1e-12, "VaR " + what);
        assertClose(sum / (k + 1), Metrics.conditionalValueAtRisk(r, c, VarMethod.HISTORICAL),
            1e-12, "CVaR " + what);
      }
    }
  }
}
