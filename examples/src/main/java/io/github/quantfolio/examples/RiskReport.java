package io.github.quantfolio.examples;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.Drawdowns;
import io.github.quantfolio.risk.PerformanceReport;
import io.github.quantfolio.risk.PortfolioRisk;
import io.github.quantfolio.risk.RiskLimits;
import io.github.quantfolio.risk.RiskScoring;
import io.github.quantfolio.risk.ShrinkageTarget;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A risk report for a simulated portfolio: a tilted, daily-rebalanced portfolio of the default
 * market's 20 assets against an equal-weighted benchmark, its performance table, top drawdowns,
 * Ledoit-Wolf covariance, risk contributions, limit violations and scores.
 */
public final class RiskReport {

  private RiskReport() {
  }

  public static void main(String[] args) {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    ReturnFrame returns = market.prices().returns();
    List<String> assets = returns.assets();

    // Portfolio: 30% in A01, the rest spread equally (renormalised each day over listed assets).
    double[] portfolio = new double[returns.rows()];
    double[] benchmark = new double[returns.rows()];
    for (int t = 0; t < returns.rows(); t++) {
      double p = 0;
      double pw = 0;
      double b = 0;
      int listed = 0;
      for (int a = 0; a < assets.size(); a++) {
        double r = returns.get(t, a);
        if (Double.isNaN(r)) {
          continue;
        }
        double w = a == 0 ? 0.30 : 0.70 / (assets.size() - 1);
        p += w * r;
        pw += w;
        b += r;
        listed++;
      }
      portfolio[t] = p / pw;
      benchmark[t] = b / listed;
    }

    PerformanceReport report = PerformanceReport.of(portfolio, Frequency.DAILY, 0.02, benchmark);
    System.out.println(report);
    System.out.println(Drawdowns.of(portfolio, returns.index()));

    // Ex-ante risk today: Ledoit-Wolf (constant correlation) on the last two years.
    ReturnFrame recent = returns.between(LocalDate.of(2022, 9, 1), LocalDate.of(2024, 8, 31));
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION)
        .estimate(recent);
    System.out.println(cov);
    double[] w = new double[assets.size()];
    for (int a = 0; a < w.length; a++) {
      w[a] = a == 0 ? 0.30 : 0.70 / (assets.size() - 1);
    }
    PortfolioRisk risk = PortfolioRisk.of(Weights.of(assets, w), cov);
    System.out.println(risk);

    Map<String, String> sectors = new HashMap<>();
    for (String a : assets) {
      sectors.put(a, market.sectorOf(a));
    }
    List<RiskLimits.Violation> violations = RiskLimits.defaults().check(risk, sectors);
    System.out.println("Limit violations: " + violations.size());
    for (RiskLimits.Violation v : violations) {
      System.out.println("  " + v.message());
    }
    RiskScoring scoring = RiskScoring.defaults();
    System.out.printf("Risk score %.1f / 100, health score %.1f / 100%n",
        scoring.riskScore(risk), scoring.healthScore(risk, violations));
  }
}
