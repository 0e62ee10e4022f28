package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.PriceFrame;
import org.junit.jupiter.api.Test;

/** Performance reports of backtests and walk-forward portfolios against a benchmark. */
class BenchmarkReportTest {

  /**
   * A report against a benchmark: against its own returns a portfolio has beta 1, tracking
   * error 0 and capture 1; against an equal-weight benchmark the relative fields are those of
   * PerformanceReport.of with that benchmark (computed directly).
   */
  @Test
  void reportAgainstABenchmark() {
    PriceFrame prices = io.github.quantfolio.core.MarketSimulator.builder().seed(3).assets(4)
        .sectors(2).days(500).build().simulate().prices();
    PortfolioResult r = WalkForwardPortfolio.of(prices).withLookback(126)
        .withSchedule(RebalanceSchedule.QUARTERLY).run();
    double[] own = r.backtest().returns();
    io.github.quantfolio.risk.PerformanceReport self = r.report(own);
    assertEquals(1, self.beta(), 1e-12);
    assertEquals(0, self.trackingError(), 1e-12);
    assertEquals(1, self.upCapture(), 1e-12);
    assertEquals(1, self.correlation(), 1e-12, "a series is perfectly correlated with itself");
    double[] bench = new double[own.length];
    bench[0] = Double.NaN;
    double[][] p = prices.toArray();
    for (int t = 1; t < bench.length; t++) {
      double s = 0;
      for (double[] col : p) {
        s += col[t] / col[t - 1] - 1;
      }
      bench[t] = s / p.length;
    }
    io.github.quantfolio.risk.PerformanceReport vs = r.report(bench);
    io.github.quantfolio.risk.PerformanceReport direct = io.github.quantfolio.risk
        .PerformanceReport.of(own, r.backtest().frequency(), 0, bench);
    assertEquals(direct.beta(), vs.beta());
    assertEquals(direct.informationRatio(), vs.informationRatio());
    assertEquals(direct.correlation(), vs.correlation());
    assertTrue(vs.correlation() > 0 && vs.correlation() < 1, "an equal-weight benchmark of the"
        + " same assets: positive, not perfect");
    assertTrue(vs.toString().contains("Correlation"), vs.toString());
    assertThrows(IllegalArgumentException.class, () -> r.report(new double[3]));
  }

}
