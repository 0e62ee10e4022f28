package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.CLOSED_FORM;
import static io.github.quantfolio.risk.Tolerance.QUADRATURE;
import static io.github.quantfolio.risk.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import org.junit.jupiter.api.Test;

/**
 * Expected values marked "ref" were printed by {@code risk/src/test/python/metrics_reference.py},
 * which transcribes empyrical's and quantstats' definitions with numpy and scipy; the others are
 * hand calculations shown in comments.
 */
class MetricsTest {

  static final double NaN = Double.NaN;
  static final Frequency DAILY = Frequency.DAILY;
  static final double RF = 0.0001;

  static final double[] R = {0.012, -0.008, 0.004, 0.015, -0.011, 0.003, NaN, -0.005, 0.010,
    -0.014, 0.006, 0.002, -0.020, 0.018, 0.007, -0.003, 0.009, -0.006, 0.011, 0.001};
  static final double[] B = {0.010, -0.006, 0.002, 0.012, -0.009, 0.001, 0.004, -0.007, 0.008,
    -0.010, 0.005, 0.000, -0.015, 0.013, 0.006, -0.004, 0.007, -0.002, 0.009, 0.003};

  @Test
  void returnMetricsMatchReference() {
    assertClose(0.030475100471430983, Metrics.cumulativeReturn(R), CLOSED_FORM, "cumulative ref");
    assertClose(0.4597299851336032, Metrics.cagr(R, DAILY), CLOSED_FORM, "cagr ref");
    assertClose(0.16354172170073944, Metrics.annualVolatility(R, DAILY), CLOSED_FORM, "vol ref");
    assertClose(2.359996523964056, Metrics.sharpeRatio(R, RF, DAILY), CLOSED_FORM, "sharpe ref");
    assertClose(0.10707755182699667, Metrics.downsideRisk(R, RF, DAILY), CLOSED_FORM, "downside ref");
    assertClose(3.6044706677682314, Metrics.sortinoRatio(R, RF, DAILY), CLOSED_FORM, "sortino ref");
    assertClose(-0.02901980432956197, Metrics.maxDrawdown(R), CLOSED_FORM, "max drawdown ref");
    assertClose(15.84193952215192, Metrics.calmarRatio(R, DAILY), CLOSED_FORM, "calmar ref");
    assertClose(1.368124945900172, Metrics.omegaRatio(R, RF, 0.05, DAILY), CLOSED_FORM, "omega ref");
    assertClose(1.0479452054794516, Metrics.tailRatio(R), CLOSED_FORM, "tail ref");
    assertClose(0.23442470154830242, Metrics.stability(R), CLOSED_FORM, "stability ref");
    assertClose(0.01024927469810844, Metrics.ulcerIndex(R), CLOSED_FORM, "ulcer ref");
  }

  @Test
  void tailRiskMatchesReference() {
    assertClose(-0.0146, Metrics.valueAtRisk(R, 0.95, VarMethod.HISTORICAL), CLOSED_FORM, "var ref");
    assertClose(-0.02, Metrics.conditionalValueAtRisk(R, 0.95, VarMethod.HISTORICAL), CLOSED_FORM, "cvar ref");
    assertClose(-0.015313966474353347, Metrics.valueAtRisk(R, 0.95, VarMethod.GAUSSIAN), CLOSED_FORM, "gauss var ref");
    assertClose(-0.019618818655709927, Metrics.conditionalValueAtRisk(R, 0.95, VarMethod.GAUSSIAN), CLOSED_FORM, "gauss cvar ref");
    assertClose(-0.01660084613957545, Metrics.valueAtRisk(R, 0.95, VarMethod.CORNISH_FISHER), CLOSED_FORM, "cf var ref");
    // The closed form against scipy's numerical integral of the same quantile function.
    assertClose(-0.020558302575517048, Metrics.conditionalValueAtRisk(R, 0.95, VarMethod.CORNISH_FISHER),
        QUADRATURE, "cf cvar ref");
    assertClose(-0.43921920508628104, Metrics.skewness(R), CLOSED_FORM, "skew ref");
    assertClose(-0.4690009038963958, Metrics.kurtosis(R), CLOSED_FORM, "kurtosis ref");
  }

  @Test
  void benchmarkRelativeMetricsMatchReference() {
    assertClose(1.2620381244918235, Metrics.beta(R, B), CLOSED_FORM, "beta ref");
    assertClose(0.03331395922766078, Metrics.alpha(R, B, RF, DAILY), CLOSED_FORM, "alpha ref");
    assertClose(0.04341476828526392, Metrics.trackingError(R, B, DAILY), CLOSED_FORM, "te ref");
    assertClose(2.4439900832986714, Metrics.informationRatio(R, B, DAILY), CLOSED_FORM, "ir ref");
    assertClose(1.4843635713861891, Metrics.upCapture(R, B, DAILY), CLOSED_FORM, "up ref");
    assertClose(1.0688737534212294, Metrics.downCapture(R, B, DAILY), CLOSED_FORM, "down ref");
  }

  @Test
  void tradeStatisticsMatchReference() {
    assertClose(0.631578947368421, Metrics.winRate(R), CLOSED_FORM, "win rate ref");
    assertClose(1.462686567164179, Metrics.profitFactor(R), CLOSED_FORM, "profit factor ref");
    assertClose(0.8532338308457711, Metrics.payoffRatio(R), CLOSED_FORM, "payoff ref");
    assertClose(0.19978517722878614, Metrics.kellyFraction(R), CLOSED_FORM, "kelly ref");
  }

  @Test
  void rollingMetrics() {
    double[] rv = Metrics.rollingVolatility(B, 5, DAILY);
    assertTrue(Double.isNaN(rv[3]));
    assertClose(0.1482376470401497, rv[4], CLOSED_FORM, "rolling vol ref");
    assertClose(0.08881216132940352, rv[19], CLOSED_FORM, "rolling vol ref");
    // A window holding R's NaN (position 6) is NaN; the next complete one is not.
    double[] rs = Metrics.rollingSharpe(R, 5, 0, DAILY);
    assertTrue(Double.isNaN(rs[6]) && Double.isNaN(rs[10]) && !Double.isNaN(rs[11]));
    assertClose(Metrics.sharpeRatio(java.util.Arrays.copyOfRange(R, 7, 12), 0, DAILY), rs[11], 0, "window 7..11");
    double[] rb = Metrics.rollingBeta(R, B, 5);
    assertClose(Metrics.beta(java.util.Arrays.copyOfRange(R, 0, 5),
        java.util.Arrays.copyOfRange(B, 0, 5)), rb[4], 0, "first beta window");
    // Hand: window [0.1, -0.2, 0.05]: wealth 1.1, 0.88, 0.924, peak 1.1 -> 0.88/1.1 - 1 = -0.2.
    double[] rd = Metrics.rollingMaxDrawdown(new double[] {0.1, -0.2, 0.05, 0.3}, 3);
    assertClose(-0.2, rd[2], CLOSED_FORM, "rolling drawdown");
    assertClose(-0.2, rd[3], CLOSED_FORM, "window [-0.2, 0.05, 0.3] from 1: 0.8 is the low");
  }

  @Test
  void handCalculatedSmallCases() {
    // 1.1 x 0.9 - 1 = -0.01
    assertClose(-0.01, Metrics.cumulativeReturn(new double[] {0.1, -0.1}), CLOSED_FORM, "cum");
    // Two years of annual data growing 21% in total: 1.21^(1/2) - 1 = 0.1
    assertClose(0.1, Metrics.cagr(new double[] {0.1, 0.1}, Frequency.ANNUAL), CLOSED_FORM, "cagr");
    // Wealth 1.1, 0.88, 0.924: deepest point 0.88 against the peak 1.1.
    assertClose(-0.2, Metrics.maxDrawdown(new double[] {0.1, -0.2, 0.05}), CLOSED_FORM, "mdd");
    // Gains 0.3 + 0.1, losses 0.2: profit factor 2, payoff (0.2)/(0.2) = 1, win rate 2/3.
    double[] t = {0.3, -0.2, 0.1, 0.0};
    assertClose(2.0, Metrics.profitFactor(t), CLOSED_FORM, "pf");
    assertClose(1.0, Metrics.payoffRatio(t), CLOSED_FORM, "payoff");
    assertClose(2.0 / 3, Metrics.winRate(t), CLOSED_FORM, "win rate ignores the flat period");
    assertClose(2.0 / 3 - (1.0 / 3) / 1.0, Metrics.kellyFraction(t), CLOSED_FORM, "kelly");
  }

  @Test
  void edgeCasesFollowTheDocumentedRules() {
    // no valid return: nothing was observed, every metric is NaN
    for (double[] none : new double[][] {{}, {NaN, NaN, NaN}}) {
      assertTrue(Double.isNaN(Metrics.cumulativeReturn(none)), "cumulative");
      assertTrue(Double.isNaN(Metrics.cagr(none, DAILY)), "cagr");
      assertTrue(Double.isNaN(Metrics.maxDrawdown(none)), "max drawdown");
      assertTrue(Double.isNaN(Metrics.ulcerIndex(none)), "ulcer");
      assertTrue(Double.isNaN(Metrics.annualVolatility(none, DAILY)), "vol");
      assertTrue(Double.isNaN(Metrics.downsideRisk(none, 0, DAILY)), "downside");
      assertTrue(Double.isNaN(Metrics.tailRatio(none)), "tail");
      assertTrue(Double.isNaN(Metrics.valueAtRisk(none, 0.95, VarMethod.HISTORICAL)), "var");
      assertTrue(Double.isNaN(Metrics.winRate(none)), "win rate");
      assertTrue(Double.isNaN(Metrics.profitFactor(none)), "profit factor");
      assertEquals(none.length, Metrics.drawdownSeries(none).length);
    }
    assertArrayEquals(new double[] {0, 0, 0}, Metrics.drawdownSeries(new double[] {NaN, NaN, NaN}));
    // one valid return: the path is defined, dispersion is not
    double[] one = {NaN, 0.02};
    assertClose(0.02, Metrics.cumulativeReturn(one), CLOSED_FORM, "one return");
    assertEquals(0.0, Metrics.maxDrawdown(one));
    assertEquals(0.02, Metrics.valueAtRisk(one, 0.95, VarMethod.HISTORICAL));
    assertTrue(Double.isNaN(Metrics.sharpeRatio(new double[] {0.01}, 0, DAILY)), "one observation");
    assertTrue(Double.isNaN(Metrics.valueAtRisk(one, 0.95, VarMethod.GAUSSIAN)));
    // constant returns
    double[] flat = {0.001, 0.001, 0.001};
    assertEquals(0.0, Metrics.annualVolatility(flat, DAILY));
    assertEquals(Double.POSITIVE_INFINITY, Metrics.sharpeRatio(flat, 0, DAILY), "zero volatility");
    assertTrue(Double.isNaN(Metrics.sharpeRatio(flat, 0.001, DAILY)), "0/0");
    assertTrue(Double.isNaN(Metrics.skewness(flat)) && Double.isNaN(Metrics.kurtosis(
        new double[] {0.001, 0.001, 0.001, 0.001})), "no dispersion, no shape");
    // no dispersion: every VaR method gives the constant (Cornish-Fisher needs no moments)
    for (VarMethod m : VarMethod.values()) {
      assertEquals(0.001, Metrics.valueAtRisk(flat, 0.95, m), 1e-18, m.toString());
      assertEquals(0.001, Metrics.conditionalValueAtRisk(flat, 0.95, m), 1e-18, m.toString());
    }
    double[] up = {0.01, 0.02, 0.03};
    assertEquals(0.0, Metrics.maxDrawdown(up));
    assertTrue(Double.isNaN(Metrics.calmarRatio(up, DAILY)), "no drawdown");
    assertEquals(Double.POSITIVE_INFINITY, Metrics.profitFactor(up), "no losing period");
    assertEquals(0.0, Metrics.profitFactor(new double[] {-0.01, -0.02}), "no winning period");
    assertEquals(Double.POSITIVE_INFINITY, Metrics.payoffRatio(up));
    assertEquals(1.0, Metrics.kellyFraction(up));
    assertEquals(Double.POSITIVE_INFINITY, Metrics.sortinoRatio(up, 0, DAILY));
    assertEquals(0.0, Metrics.downsideRisk(up, 0, DAILY), "no return below the requirement");
    // Omega without a shortfall divides gains by 0 like every other ratio here
    assertEquals(Double.POSITIVE_INFINITY, Metrics.omegaRatio(up, 0, 0, DAILY));
    assertTrue(Double.isNaN(Metrics.omegaRatio(new double[] {0, 0, 0}, 0, 0, DAILY)), "0/0");
    // a total loss is a valid return: wealth 1.1, then 0
    double[] wiped = {0.1, -1.0, 0.5};
    assertEquals(-1.0, Metrics.cumulativeReturn(wiped));
    assertEquals(-1.0, Metrics.maxDrawdown(wiped));
    assertEquals(-1.0, Metrics.cagr(wiped, DAILY));
  }

  @Test
  void returnsBelowMinus100PercentAreRejected() {
    // Wealth 1.1 x (1 - 1.5) = -0.55 would be a "drawdown" of -150 % and a NaN CAGR.
    double[] r = {0.1, -1.5, 0.2};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.maxDrawdown(r));
    assertEquals("Return at position 1 of 'returns' is -1.5, below -1 (-100 %): a simple return "
        + "cannot lose more than everything", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Metrics.cagr(r, DAILY));
    assertThrows(IllegalArgumentException.class, () -> Metrics.sharpeRatio(r, 0, DAILY));
    assertThrows(IllegalArgumentException.class, () -> Metrics.drawdownSeries(r));
    assertThrows(IllegalArgumentException.class, () -> Metrics.rollingMaxDrawdown(r, 2));
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> Metrics.beta(new double[] {0.1, 0.2, 0.3}, r));
    assertTrue(b.getMessage().contains("of 'benchmark'"), b.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.alpha(new double[] {0.1, 0.2, 0.3}, r, 0, DAILY));
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.maxDrawdown(new double[] {0.1, Double.NEGATIVE_INFINITY}));
  }

  @Test
  void badArgumentsThrow() {
    assertThrows(IllegalArgumentException.class, () -> Metrics.valueAtRisk(R, 1.5, VarMethod.GAUSSIAN));
    assertThrows(IllegalArgumentException.class, () -> Metrics.beta(R, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> Metrics.rollingVolatility(R, 1, DAILY));
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.sharpeRatio(new double[] {0.01, Double.POSITIVE_INFINITY}, 0, DAILY));
    assertThrows(NullPointerException.class, () -> Metrics.cagr(null, DAILY));
    // a required return of -100 % a year or less is a wrong argument, not an undefined ratio
    assertEquals("Expected requiredReturnAnnual > -1, but found -1.0", assertThrows(
        IllegalArgumentException.class, () -> Metrics.omegaRatio(R, 0, -1, DAILY)).getMessage());
  }
}
