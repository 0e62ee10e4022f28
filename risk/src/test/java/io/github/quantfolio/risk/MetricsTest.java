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
  /** 12 periods a year: R's 20 periods are a history of more than a year. */
  static final Frequency MONTHLY = Frequency.MONTHLY;
  static final double RF = 0.0001;

  static final double[] R = {0.012, -0.008, 0.004, 0.015, -0.011, 0.003, NaN, -0.005, 0.010,
    -0.014, 0.006, 0.002, -0.020, 0.018, 0.007, -0.003, 0.009, -0.006, 0.011, 0.001};
  static final double[] B = {0.010, -0.006, 0.002, 0.012, -0.009, 0.001, 0.004, -0.007, 0.008,
    -0.010, 0.005, 0.000, -0.015, 0.013, 0.006, -0.004, 0.007, -0.002, 0.009, 0.003};

  @Test
  void returnMetricsMatchReference() {
    assertClose(0.030475100471430983, Metrics.cumulativeReturn(R), CLOSED_FORM, "cumulative ref");
    // annualised by compounding: over R's 20 periods read as months (20 days are under a year)
    assertClose(0.018175169057873974, Metrics.cagr(R, MONTHLY), CLOSED_FORM, "cagr ref");
    assertClose(0.16354172170073944, Metrics.annualVolatility(R, DAILY), CLOSED_FORM, "vol ref");
    assertClose(2.359996523964056, Metrics.sharpeRatio(R, RF, DAILY), CLOSED_FORM, "sharpe ref");
    assertClose(0.10707755182699667, Metrics.downsideRisk(R, RF, DAILY), CLOSED_FORM, "downside ref");
    assertClose(3.6044706677682314, Metrics.sortinoRatio(R, RF, DAILY), CLOSED_FORM, "sortino ref");
    assertClose(-0.02901980432956197, Metrics.maxDrawdown(R), CLOSED_FORM, "max drawdown ref");
    assertClose(0.6263022607412706, Metrics.calmarRatio(R, MONTHLY), CLOSED_FORM, "calmar ref");
    assertClose(1.368124945900172, Metrics.omegaRatio(R, RF, 0.05, DAILY), CLOSED_FORM, "omega ref");
    // a 5 % tail needs 20 returns: B has 20 (R only 19 valid ones)
    assertClose(1.1756097560975611, Metrics.tailRatio(B), CLOSED_FORM, "tail ref");
    assertClose(0.23442470154830242, Metrics.stability(R), CLOSED_FORM, "stability ref");
    assertClose(0.01024927469810844, Metrics.ulcerIndex(R), CLOSED_FORM, "ulcer ref");
  }

  @Test
  void tailRiskMatchesReference() {
    assertClose(-0.01025, Metrics.valueAtRisk(B, 0.95, VarMethod.HISTORICAL), CLOSED_FORM, "var ref");
    assertClose(-0.015, Metrics.conditionalValueAtRisk(B, 0.95, VarMethod.HISTORICAL), CLOSED_FORM, "cvar ref");
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
    assertClose(0.0015617455664964641, Metrics.alpha(R, B, RF, MONTHLY), CLOSED_FORM, "alpha ref");
    assertClose(0.04341476828526392, Metrics.trackingError(R, B, DAILY), CLOSED_FORM, "te ref");
    assertClose(2.4439900832986714, Metrics.informationRatio(R, B, DAILY), CLOSED_FORM, "ir ref");
    // over the periods where both are valid: R's NaN falls on a period in which B rose
    assertClose(1.2754741193699641, Metrics.upCapture(R, B, MONTHLY), CLOSED_FORM, "up ref");
    assertClose(1.2510865677545835, Metrics.downCapture(R, B, MONTHLY), CLOSED_FORM, "down ref");
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
    // one valid return: the path is defined; dispersion, annualisation and tails are not
    double[] one = {NaN, 0.02};
    assertClose(0.02, Metrics.cumulativeReturn(one), CLOSED_FORM, "one return");
    assertEquals(0.0, Metrics.maxDrawdown(one));
    assertTrue(Double.isNaN(Metrics.valueAtRisk(one, 0.95, VarMethod.HISTORICAL)), "no tail");
    assertTrue(Double.isNaN(Metrics.sharpeRatio(new double[] {0.01}, 0, DAILY)), "one observation");
    assertTrue(Double.isNaN(Metrics.valueAtRisk(one, 0.95, VarMethod.GAUSSIAN)));
    // constant returns (20: enough for a historical 5 % tail)
    double[] flat = new double[20];
    java.util.Arrays.fill(flat, 0.001);
    assertEquals(0.0, Metrics.annualVolatility(flat, DAILY));
    assertEquals(Double.POSITIVE_INFINITY, Metrics.sharpeRatio(flat, 0, DAILY), "zero volatility");
    assertTrue(Double.isNaN(Metrics.sharpeRatio(new double[] {0.001, 0.001, 0.001}, 0.001, DAILY)),
        "0/0");
    assertTrue(Double.isNaN(Metrics.skewness(new double[] {0.001, 0.001, 0.001}))
        && Double.isNaN(Metrics.kurtosis(new double[] {0.001, 0.001, 0.001, 0.001})),
        "no dispersion, no shape");
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
    assertEquals(-1.0, Metrics.cagr(wiped, Frequency.ANNUAL), "three years, the last at 0");
  }

  @Test
  void compoundedAnnualRatesNeedAYearOfHistory() {
    // R's 20 daily periods are 20/252 of a year: compounding them to a year was a CAGR of 46 %
    assertTrue(Double.isNaN(Metrics.cagr(R, DAILY)), "cagr under a year");
    assertTrue(Double.isNaN(Metrics.calmarRatio(R, DAILY)), "calmar under a year");
    assertTrue(Double.isNaN(Metrics.alpha(R, B, RF, DAILY)), "alpha under a year");
    assertTrue(Double.isNaN(Metrics.upCapture(R, B, DAILY)), "up capture under a year");
    assertTrue(Double.isNaN(Metrics.downCapture(R, B, DAILY)), "down capture under a year");
    // one daily return of 1 % was reported as a CAGR of 1.01^252 - 1 = 1127 %
    assertTrue(Double.isNaN(Metrics.cagr(new double[] {0.01}, DAILY)), "one day");
    // exactly a year is enough: 12 monthly returns of 1 %, hand: 1.01^12 - 1 = 0.1268250301...
    double[] year = new double[12];
    java.util.Arrays.fill(year, 0.01);
    assertClose(0.12682503013196977, Metrics.cagr(year, MONTHLY), CLOSED_FORM, "a year");
    assertTrue(Double.isNaN(Metrics.cagr(java.util.Arrays.copyOf(year, 11), MONTHLY)), "11 months");
    // the total return stays the unannualised figure for short histories
    assertClose(0.01, Metrics.cumulativeReturn(new double[] {0.01}), CLOSED_FORM, "total");
  }

  @Test
  void historicalTailQuantilesNeedOneReturnInTheTail() {
    // a single return was its own "95 % VaR" (a gain of 1 %); with n x 5 % < 1 no return is
    // expected in the tail at all
    assertTrue(Double.isNaN(Metrics.valueAtRisk(new double[] {0.01}, 0.95, VarMethod.HISTORICAL)));
    assertTrue(Double.isNaN(Metrics.conditionalValueAtRisk(new double[] {0.01}, 0.95,
        VarMethod.HISTORICAL)));
    assertTrue(Double.isNaN(Metrics.tailRatio(new double[] {0.01, -0.01, 0.02})));
    // 19 valid returns are one short of 20, B's 20 are enough (reference values above)
    assertTrue(Double.isNaN(Metrics.valueAtRisk(R, 0.95, VarMethod.HISTORICAL)), "19 returns");
    assertTrue(Double.isNaN(Metrics.tailRatio(R)), "19 returns");
    assertTrue(Double.isFinite(Metrics.valueAtRisk(B, 0.95, VarMethod.HISTORICAL)), "20 returns");
    // at 99 % the tail needs 100 returns; hand: the 1 % quantile of 0, 1, ..., 99 (x 0.001)
    // interpolates at position 0.99 between 0 and 0.001: 0.00099
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 0.001 * i;
    }
    assertClose(0.00099, Metrics.valueAtRisk(hundred, 0.99, VarMethod.HISTORICAL), CLOSED_FORM,
        "100 returns at 99 %");
    assertTrue(Double.isNaN(Metrics.valueAtRisk(java.util.Arrays.copyOf(hundred, 99), 0.99,
        VarMethod.HISTORICAL)), "99 returns at 99 %");
    // the parametric methods need only a standard deviation
    assertTrue(Double.isFinite(Metrics.valueAtRisk(new double[] {0.01, 0.02}, 0.95,
        VarMethod.GAUSSIAN)));
  }

  @Test
  void stabilityNeedsThreePoints() {
    // a line through 2 points always fits: R^2 was 1 for any two returns
    assertTrue(Double.isNaN(Metrics.stability(new double[] {0.01, -0.02})));
    assertTrue(Double.isFinite(Metrics.stability(new double[] {0.01, -0.02, 0.03})));
  }

  @Test
  void aLateListingIsMeasuredOverItsOwnHistory() {
    // 30 periods before the listing, then 24 returns: the CAGR compounds over 24 periods, not
    // 54 (which put it at 0.85 % instead of 1.96 %); reference values from the script
    double[] valid = java.util.Arrays.stream(R).filter(v -> v == v).toArray();
    double[] history = new double[24];
    System.arraycopy(valid, 0, history, 0, 19);
    System.arraycopy(B, 0, history, 19, 5);
    double[] late = new double[54];
    java.util.Arrays.fill(late, NaN);
    System.arraycopy(history, 0, late, 30, 24);
    assertClose(0.019608798599711097, Metrics.cagr(late, MONTHLY), CLOSED_FORM, "late cagr ref");
    assertClose(0.009507715489156066, Metrics.ulcerIndex(late), CLOSED_FORM, "late ulcer ref");
    // NaN after the last return (a delisting) are not part of the history either
    double[] delisted = java.util.Arrays.copyOf(history, 40);
    java.util.Arrays.fill(delisted, 24, 40, NaN);
    assertEquals(Metrics.cagr(history, MONTHLY), Metrics.cagr(delisted, MONTHLY), "delisted");
    assertEquals(Metrics.ulcerIndex(history), Metrics.ulcerIndex(delisted), "delisted ulcer");
    // a gap inside the history is time that passed: 12 months with one missing is a year
    double[] gap = new double[12];
    java.util.Arrays.fill(gap, 0.01);
    gap[5] = NaN;
    // hand: 1.01^11 over 12 periods = 1.01^(11/12 x 12) over a year
    assertClose(Math.pow(1.01, 11) - 1, Metrics.cagr(gap, MONTHLY), CLOSED_FORM, "gap");
    // the benchmark's rises before the listing are no part of the capture ratio
    double[] bench = new double[54];
    java.util.Arrays.fill(bench, 0.01);
    System.arraycopy(B, 0, bench, 30, 20);
    System.arraycopy(B, 0, bench, 50, 4);
    double[] r24 = java.util.Arrays.copyOfRange(late, 30, 54);
    double[] b24 = java.util.Arrays.copyOfRange(bench, 30, 54);
    assertClose(Metrics.upCapture(r24, b24, MONTHLY), Metrics.upCapture(late, bench, MONTHLY),
        CLOSED_FORM, "up capture of the common periods only");
  }

  @Test
  void hugeReturnsGiveFiniteDispersion() {
    // hand: mean 2e200, deviations +-1e200, std sqrt(2e400 / 1) = 1.41421e200, x sqrt(252);
    // the squares overflowed to Infinity before
    assertClose(Math.sqrt(2) * 1e200 * Math.sqrt(252),
        Metrics.annualVolatility(new double[] {1e200, 3e200}, DAILY), CLOSED_FORM, "vol");
    assertClose(2e200 / (Math.sqrt(2) * 1e200) * Math.sqrt(252),
        Metrics.sharpeRatio(new double[] {1e200, 3e200}, 0, DAILY), CLOSED_FORM, "sharpe");
    // shape is scale-free: scipy.stats.skew([1, 2, 6], bias=False) = 1.4578629673213046,
    // scipy.stats.kurtosis([1, 2, 6, 7], bias=False) = -4.890532544378699
    assertClose(1.4578629673213046, Metrics.skewness(new double[] {1e200, 2e200, 6e200}),
        CLOSED_FORM, "skew");
    assertClose(-4.890532544378699, Metrics.kurtosis(new double[] {1e200, 2e200, 6e200, 7e200}),
        CLOSED_FORM, "kurtosis");
    PerformanceReport p = PerformanceReport.of(new double[] {1e200, 3e200, 2e200, 6e200},
        DAILY, 0);
    assertClose(Metrics.annualVolatility(new double[] {1e200, 3e200, 2e200, 6e200}, DAILY),
        p.annualVolatility(), CLOSED_FORM, "report vol");
    assertClose(Metrics.kurtosis(new double[] {1e200, 3e200, 2e200, 6e200}), p.kurtosis(),
        CLOSED_FORM, "report kurtosis");
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
