package io.github.quantfolio.risk;

import static io.github.quantfolio.risk.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {

  /** The fused report sums in other orders than the one-metric functions: rounding only. */
  static final double SAME_METRIC = 1e-10;

  @Property(tries = 60)
  void everyFieldEqualsItsMetricsFunction(@ForAll @IntRange(min = 5, max = 3000) int n,
      @ForAll long seed, @ForAll boolean withBenchmark) {
    Random rnd = new Random(seed);
    double[] r = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = rnd.nextGaussian() * 0.01;
      r[i] = rnd.nextInt(20) == 0 ? Double.NaN
          : rnd.nextInt(10) == 0 ? 0.0 : 0.0004 + 1.2 * b[i] + rnd.nextGaussian() * 0.005;
    }
    Frequency f = Frequency.DAILY;
    double rfAnnual = 0.02;
    double rf = Math.pow(1.02, 1 / 252.0) - 1;
    PerformanceReport p = PerformanceReport.of(r, f, rfAnnual, withBenchmark ? b : null);
    // the history: first to last valid return (the draw may start or end with NaN)
    int first = 0;
    while (Double.isNaN(r[first])) {
      first++;
    }
    int last = n - 1;
    while (Double.isNaN(r[last])) {
      last--;
    }
    assertEquals(last - first + 1, p.periods());
    assertEquals(first, p.start());
    assertEquals(n, p.inputPeriods());
    assertEquals(java.util.Arrays.stream(r).filter(v -> v == v).count(), p.validReturns());
    assertClose(Metrics.cumulativeReturn(r), p.totalReturn(), SAME_METRIC, "total");
    assertClose(Metrics.cagr(r, f), p.cagr(), SAME_METRIC, "cagr");
    assertClose(Metrics.annualVolatility(r, f), p.annualVolatility(), SAME_METRIC, "vol");
    assertClose(Metrics.sharpeRatio(r, rf, f), p.sharpeRatio(), SAME_METRIC, "sharpe");
    assertClose(Metrics.sortinoRatio(r, rf, f), p.sortinoRatio(), SAME_METRIC, "sortino");
    assertClose(Metrics.downsideRisk(r, rf, f), p.downsideRisk(), SAME_METRIC, "downside");
    assertClose(Metrics.maxDrawdown(r), p.maxDrawdown(), SAME_METRIC, "mdd");
    assertClose(Metrics.calmarRatio(r, f), p.calmarRatio(), SAME_METRIC, "calmar");
    assertClose(Metrics.omegaRatio(r, 0, rfAnnual, f), p.omegaRatio(), SAME_METRIC, "omega");
    assertClose(Metrics.tailRatio(r), p.tailRatio(), SAME_METRIC, "tail");
    assertClose(Metrics.valueAtRisk(r, 0.95, VarMethod.HISTORICAL), p.valueAtRisk95(), SAME_METRIC, "var");
    assertClose(Metrics.conditionalValueAtRisk(r, 0.95, VarMethod.HISTORICAL),
        p.conditionalValueAtRisk95(), SAME_METRIC, "cvar");
    assertClose(Metrics.skewness(r), p.skewness(), SAME_METRIC, "skew");
    assertClose(Metrics.kurtosis(r), p.kurtosis(), SAME_METRIC, "kurt");
    assertClose(Metrics.stability(r), p.stability(), SAME_METRIC, "stability");
    assertClose(Metrics.ulcerIndex(r), p.ulcerIndex(), SAME_METRIC, "ulcer");
    assertClose(Metrics.winRate(r), p.winRate(), SAME_METRIC, "win");
    assertClose(Metrics.profitFactor(r), p.profitFactor(), SAME_METRIC, "pf");
    assertClose(Metrics.payoffRatio(r), p.payoffRatio(), SAME_METRIC, "payoff");
    assertClose(Metrics.kellyFraction(r), p.kellyFraction(), SAME_METRIC, "kelly");
    if (withBenchmark) {
      assertClose(Metrics.beta(r, b), p.beta(), SAME_METRIC, "beta");
      assertClose(Metrics.informationRatio(r, b, f), p.informationRatio(), SAME_METRIC, "ir");
      // the benchmark column covers the strategy's history
      double[] bh = java.util.Arrays.copyOfRange(b, first, last + 1);
      assertClose(Metrics.cagr(bh, f), p.benchmark().cagr(), SAME_METRIC, "benchmark cagr");
      assertClose(Metrics.alpha(r, b, rf, f), p.alpha(), SAME_METRIC, "alpha");
      assertClose(Metrics.upCapture(r, b, f), p.upCapture(), SAME_METRIC, "up capture");
      assertClose(Metrics.correlation(r, b), p.correlation(), SAME_METRIC, "correlation");
    } else {
      assertTrue(Double.isNaN(p.beta()));
      assertTrue(Double.isNaN(p.correlation()));
      assertNull(p.benchmark());
    }
  }

  @Test
  void stabilityOverMillionsOfPeriodsMatchesATwoPassFit() {
    // The blocked co-moment merge against a direct two-pass regression on the same log-wealth.
    Random rnd = new Random(11);
    double[] r = new double[2_500_000];
    for (int i = 0; i < r.length; i++) {
      r[i] = 0.0003 + 0.01 * rnd.nextGaussian();
    }
    double[] y = new double[r.length];
    double acc = 0;
    for (int i = 0; i < r.length; i++) {
      acc += Math.log1p(r[i]);
      y[i] = acc;
    }
    double my = io.github.quantfolio.risk.internal.Moments.mean(y);
    double mx = (r.length - 1) / 2.0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < y.length; i++) {
      sxy += (i - mx) * (y[i] - my);
      sxx += (i - mx) * (i - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    assertClose(sxy * sxy / (sxx * syy), Metrics.stability(r), 1e-9, "stability");
  }

  @Test
  void mapAndTableShowEveryMetric() {
    double[] r = MetricsTest.R;
    PerformanceReport p = PerformanceReport.of(r, Frequency.DAILY, 0.0, MetricsTest.B);
    Map<String, Double> m = p.toMap();
    assertEquals(29, m.size());
    assertEquals(p.correlation(), m.get("Correlation"));
    assertEquals(p.sharpeRatio(), m.get("Sharpe"));
    String s = p.toString();
    assertTrue(s.contains("Metric") && s.contains("Strategy") && s.contains("Benchmark"), s);
    assertTrue(s.contains("Max drawdown") && s.contains("-2.90%"), s);
    assertEquals(22, PerformanceReport.of(r, Frequency.DAILY, 0.0).toMap().size());
  }

  @Test
  void drawdownEpisodesByHand() {
    // Wealth: 1.1, 0.99, 1.188 (new high), 1.0692, 0.9623, 1.2 (new high, recovered), 1.08.
    double[] r = {0.1, -0.1, 0.2, -0.1, -0.1, 0.24710, -0.1};
    Drawdowns d = Drawdowns.of(r, TimeIndex.businessDays(LocalDate.of(2024, 1, 1), r.length));
    List<Drawdowns.Episode> e = d.episodes();
    assertEquals(3, e.size());
    // Deepest: peak 1.188 at position 2, valley 0.96228 at 4: 0.96228 / 1.188 - 1 = -0.19.
    Drawdowns.Episode deepest = e.get(0);
    assertEquals(2, deepest.peak());
    assertEquals(4, deepest.valley());
    assertEquals(5, deepest.recovery());
    assertClose(-0.19, deepest.depth(), 1e-12, "depth");
    assertEquals(3, deepest.length());
    assertEquals(1, deepest.recoveryTime());
    assertEquals("2024-01-03", deepest.peakDate());
    // Last episode never recovers.
    Drawdowns.Episode open = e.get(1);
    assertEquals(6, open.valley());
    assertTrue(!open.recovered());
    assertClose(-0.1, open.depth(), 1e-12, "open depth");
    assertEquals(-0.1, e.get(2).depth(), 1e-12);
    assertEquals(d.maxDrawdown(), Metrics.maxDrawdown(r));
    assertTrue(d.toString().contains("-19.00"), d.toString());
  }

  @Test
  void aReportOfNoDataIsAnError() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> PerformanceReport.of(new double[0], Frequency.DAILY, 0.02));
    assertEquals("A performance report needs at least one return, but 'returns' is empty",
        empty.getMessage());
    double[] nan = {Double.NaN, Double.NaN, Double.NaN};
    IllegalArgumentException allNaN = assertThrows(IllegalArgumentException.class,
        () -> PerformanceReport.of(nan, Frequency.DAILY, 0.02));
    assertEquals("A performance report needs at least one return, but all 3 values of 'returns' "
        + "are NaN (missing)", allNaN.getMessage());
    IllegalArgumentException bench = assertThrows(IllegalArgumentException.class,
        () -> PerformanceReport.of(new double[] {0.01, 0.02, 0.03}, Frequency.DAILY, 0.02, nan));
    assertTrue(bench.getMessage().contains("'benchmark'"), bench.getMessage());
    IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
        () -> PerformanceReport.of(new double[] {0.01, -1.2}, Frequency.DAILY, 0.02));
    assertTrue(below.getMessage().contains("position 1") && below.getMessage().contains("-1.2"),
        below.getMessage());
    // Drawdowns name the date when they have one: 2024-01-02 is the second business day
    IllegalArgumentException dated = assertThrows(IllegalArgumentException.class,
        () -> Drawdowns.of(new double[] {0.01, -1.2}, TimeIndex.businessDays(
            LocalDate.of(2024, 1, 1), 2)));
    assertTrue(dated.getMessage().contains("on 2024-01-02"), dated.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Drawdowns.of(nan));
  }

  @Test
  void theTableStatesTheRiskFreeRateAndWhatAWinIs() {
    // 20 monthly periods (more than a year) of 20 valid returns each: every value is defined
    double[] r = MetricsTest.R.clone();
    r[6] = 0.004;
    PerformanceReport p = PerformanceReport.of(r, Frequency.MONTHLY, 0.02, MetricsTest.B);
    assertEquals(0.02, p.riskFreeAnnual());
    assertEquals(Frequency.MONTHLY, p.frequency());
    String s = p.toString();
    assertTrue(s.startsWith("Performance over 20 periods of MONTHLY (12/yr); ratios annualised, "
        + "risk-free rate 2.00% a year\n"), s);
    assertTrue(s.contains("Sharpe (ann., rf 2.00% a year)") && s.contains("Sortino (ann., rf 2.00% a year)")
        && s.contains("Alpha (ann., rf 2.00% a year)"), s);
    assertTrue(s.contains("Win rate (per period)") && s.contains("VaR 95% (hist., per period)"), s);
    assertFalse(s.contains("- = undefined"), "every value is defined here: " + s);
    // a single return leaves the dispersion metrics undefined, and the legend says what "-" is
    String one = PerformanceReport.of(new double[] {0.01}, Frequency.DAILY, 0).toString();
    assertTrue(one.contains("- = undefined for this data"), one);
  }

  @Test
  void aLateListedSeriesIsReportedOverItsOwnHistory() {
    // the audit's case in small: 30 NaN before the listing, 24 monthly returns. The CAGR used
    // to compound over 54 periods while the volatility used 24, under "Periods 54".
    double[] late = new double[54];
    java.util.Arrays.fill(late, Double.NaN);
    double[] valid = java.util.Arrays.stream(MetricsTest.R).filter(v -> v == v).toArray();
    System.arraycopy(valid, 0, late, 30, 19);
    System.arraycopy(MetricsTest.B, 0, late, 49, 5);
    PerformanceReport p = PerformanceReport.of(late, Frequency.MONTHLY, 0);
    assertEquals(24, p.periods());
    assertEquals(24, p.validReturns());
    assertEquals(30, p.start());
    assertEquals(54, p.inputPeriods());
    // reference from metrics_reference.py (lateCagrMonthly): compounded over 24 periods
    assertClose(0.019608798599711097, p.cagr(), Tolerance.CLOSED_FORM, "cagr over the history");
    String s = p.toString();
    assertTrue(s.startsWith("Performance over 24 periods of MONTHLY (12/yr)"), s);
    assertTrue(s.contains("History: positions 30 .. 53 of the 54 given, first to last valid "
        + "return (30 NaN before and 0 after it are not part of it); 24 returns\n"), s);
    assertEquals(24.0, p.toMap().get("Periods"));
    // a benchmark over all 54 periods is reported over the strategy's 24
    double[] bench = new double[54];
    java.util.Arrays.fill(bench, 0.01);
    PerformanceReport vs = PerformanceReport.of(late, Frequency.MONTHLY, 0, bench);
    assertEquals(24, vs.benchmark().periods());
    // hand: 24 months of 1 % a month compound to 1.01^12 - 1 a year
    assertClose(Math.pow(1.01, 12) - 1, vs.benchmark().cagr(), Tolerance.CLOSED_FORM,
        "benchmark over the same periods");
    assertTrue(vs.toString().contains("; the benchmark over the same positions\n"),
        vs.toString());
    // a benchmark with nothing in the strategy's history cannot be compared
    double[] early = new double[54];
    java.util.Arrays.fill(early, Double.NaN);
    early[3] = 0.01;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PerformanceReport.of(late, Frequency.MONTHLY, 0, early));
    assertEquals("The benchmark has no valid return within the history of 'returns' (positions "
        + "30 .. 53)", e.getMessage());
  }

  @Test
  void tooShortSamplesAreUndefinedAndTheLegendSaysWhy() {
    // one daily return used to print CAGR 1127.40 %, VaR 1.00 % (a gain) and tail ratio 1.00;
    // two returns CAGR 4147.32 %
    PerformanceReport one = PerformanceReport.of(new double[] {0.01}, Frequency.DAILY, 0.02);
    assertTrue(Double.isNaN(one.cagr()) && Double.isNaN(one.valueAtRisk95())
        && Double.isNaN(one.conditionalValueAtRisk95()) && Double.isNaN(one.tailRatio()), "one");
    assertClose(0.01, one.totalReturn(), Tolerance.CLOSED_FORM, "the unannualised figure");
    String s = one.toString();
    assertTrue(s.contains("  CAGR, Calmar: a history of 1 period is shorter than a year (252 "
        + "periods), so it is not annualised (see Total return)\n"), s);
    assertTrue(s.contains("  Tail ratio, VaR 95% (hist.), CVaR 95% (hist.): 1 valid return; a "
        + "5% tail needs at least 20\n"), s);
    assertTrue(s.contains("  Volatility (ann.), Sharpe, Sortino, Omega: 1 valid return; a standard "
        + "deviation needs 2\n"), s);
    PerformanceReport two = PerformanceReport.of(new double[] {0.01, 0.02}, Frequency.DAILY, 0.02);
    assertTrue(Double.isNaN(two.cagr()), "two");
    // a year of returns is annualised (hand: 252 days of 0.1 % compound to 1.001^252 - 1)
    double[] year = new double[252];
    java.util.Arrays.fill(year, 0.001);
    assertClose(Math.pow(1.001, 252) - 1, PerformanceReport.of(year, Frequency.DAILY, 0).cagr(),
        Tolerance.CLOSED_FORM, "a year");
  }
}
