package io.github.quantfolio.examples;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.BlackLitterman;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.time.LocalDate;
import java.util.Map;

/**
 * Black-Litterman on the simulated market: a market-implied prior from (equal, here) market
 * weights, two views with Idzorek confidences, the posterior, and a long-only max-Sharpe
 * portfolio on it.
 */
public final class BlackLittermanViews {

  private BlackLittermanViews() {
  }

  public static void main(String[] args) {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    PriceFrame prices = market.prices().between(LocalDate.of(2021, 9, 1), LocalDate.of(2024, 8, 31));
    CovarianceMatrix cov = CovarianceEstimator.ledoitWolf().estimate(prices.returns());
    Weights marketWeights = Weights.equal(cov.assets());

    AssetVector prior = BlackLitterman.marketImpliedPrior(marketWeights, cov, 2.5, 0.02);
    BlackLitterman bl = BlackLitterman.of(cov, prior)
        .withAbsoluteView("A01", 0.15)                 // A01 returns 15% a year
        .withView(Map.of("A02", 1.0, "A03", -1.0), 0.03) // A02 beats A03 by 3%
        .withConfidences(0.6, 0.3);
    AssetVector posterior = bl.posteriorReturns();
    System.out.printf("A01: prior %.2f%% -> posterior %.2f%%%n", 100 * prior.get("A01"),
        100 * posterior.get("A01"));
    System.out.printf("A02 - A03: prior %.2f%% -> posterior %.2f%%%n",
        100 * (prior.get("A02") - prior.get("A03")),
        100 * (posterior.get("A02") - posterior.get("A03")));

    OptimalPortfolio p = MeanVariance.of(posterior, bl.posteriorCovariance()).withBounds(0, 0.20)
        .maxSharpe(0.02);
    System.out.println("Long-only max-Sharpe on the posterior (caps 20%):\n" + p);
  }
}
