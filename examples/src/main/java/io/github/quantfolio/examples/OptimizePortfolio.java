package io.github.quantfolio.examples;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.optimize.DiscreteAllocation;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MaxDiversification;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.optimize.RiskParity;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PortfolioRisk;
import io.github.quantfolio.risk.ShrinkageTarget;
import java.time.LocalDate;

/**
 * Prices to portfolios: expected returns and a shrunk covariance from the last three years of
 * the simulated market, several optimizers side by side, then whole shares for $100,000.
 */
public final class OptimizePortfolio {

  private OptimizePortfolio() {
  }

  public static void main(String[] args) {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    PriceFrame prices = market.prices().between(LocalDate.of(2021, 9, 1), LocalDate.of(2024, 8, 31));

    AssetVector mu = ExpectedReturns.meanHistorical(prices);
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION)
        .estimate(prices.returns());

    MeanVariance mv = MeanVariance.of(mu, cov).withBounds(0, 0.25); // long-only, at most 25% each
    OptimalPortfolio maxSharpe = mv.maxSharpe(0.02);
    OptimalPortfolio minVol = mv.minVolatility();
    OptimalPortfolio target = mv.efficientRisk(0.18);
    OptimalPortfolio parity = RiskParity.of(cov).solve();
    OptimalPortfolio hrp = HierarchicalRiskParity.of(cov).solve();
    OptimalPortfolio maxDiv = MaxDiversification.of(cov).solve();

    System.out.println("Max Sharpe (rf 2%, caps 25%):\n" + maxSharpe);
    System.out.println("Min volatility:\n" + minVol);
    System.out.println("Efficient risk at 18% volatility:\n" + target);
    // Risk parity, HRP and max diversification ignore expected returns: score all by mu'w.
    System.out.printf("%-16s %8s %8s %7s%n", "method", "return", "vol", "Sharpe");
    for (Object[] row : new Object[][] {{"max Sharpe", maxSharpe}, {"min volatility", minVol},
        {"efficient 18%", target}, {"risk parity", parity}, {"HRP", hrp}, {"max diversif.", maxDiv}}) {
      OptimalPortfolio p = (OptimalPortfolio) row[1];
      double ret = 0;
      for (String a : mu.assets()) {
        ret += mu.get(a) * p.weights().getOrZero(a);
      }
      double vol = PortfolioRisk.of(p.weights(), cov).volatility();
      System.out.printf("%-16s %7.2f%% %7.2f%% %7.2f%n", row[0], 100 * ret, 100 * vol,
          (ret - 0.02) / vol);
    }

    DiscreteAllocation.Result shares = DiscreteAllocation.of(maxSharpe.weights(), prices.latest(),
        100_000).greedy();
    System.out.println("Whole shares of the max-Sharpe portfolio for $100,000:\n" + shares);
  }
}
