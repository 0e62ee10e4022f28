package io.github.quantfolio.backtest;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.optimize.RiskParity;
import io.github.quantfolio.risk.CovarianceEstimator;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.CovarianceModel;
import java.util.Objects;
import java.util.function.Function;

/**
 * Portfolio weights from a look-back window of prices: the re-estimation step of a walk-forward
 * {@link WalkForwardPortfolio}. The window holds only rows up to the decision bar (the fill comes
 * later) and only assets with a price on every row of it.
 *
 * <p>Returned weights may cover a subset of the window's assets (the rest get 0) and may sum to
 * less than 1 (the rest stays in cash); they must be finite. Implementations should be pure
 * functions of the window, so that results do not depend on run order.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Allocator {

  /**
   * The target weights for the assets of {@code window}.
   *
   * @param window the look-back prices: rows up to the decision bar, only assets with a price on
   *     every row
   * @return finite target weights on assets of {@code window} (the others get 0; what a sum below 1
   *     leaves is cash)
   */
  Weights allocate(PriceFrame window);

  /**
   * {@code allocator} under a name that its {@code toString()} returns, so that a lambda prints
   * readably in a {@link WalkForwardPortfolio} and its {@link PortfolioResult}, e.g.
   * {@code Allocator.named("Black-Litterman, 2 views", window -> ...)}.
   *
   * @param name what the allocator does, in words
   * @param allocator the allocator
   * @return an allocator that delegates to {@code allocator}
   * @since 0.1.0
   */
  static Allocator named(String name, Allocator allocator) {
    Objects.requireNonNull(name, "Argument 'name' must not be null");
    Objects.requireNonNull(allocator, "Argument 'allocator' must not be null");
    return new NamedAllocator(name, allocator);
  }

  /**
   * {@code 1 / N} for each asset of the window.
   *
   * @return the equal-weight allocator
   */
  static Allocator equalWeight() {
    return named("equalWeight", window -> Weights.equal(window.assets()));
  }

  /**
   * Inverse volatility, {@code w_i ~ 1 / sigma_i}, with sample volatilities of the window's
   * returns ({@link RiskParity#inverseVolatility}).
   *
   * @return the inverse-volatility allocator
   */
  static Allocator inverseVolatility() {
    return named("inverseVolatility (sample volatilities)",
        inverseVolatility(CovarianceEstimator.sample()));
  }

  /**
   * Inverse volatility, {@code w_i ~ 1 / sigma_i}, with the volatilities of {@code model}'s matrix
   * for the window ({@link RiskParity#inverseVolatility}), e.g. a volatility forecast.
   *
   * @param model the covariance estimator or model applied to the window's returns, not null
   *     (validated with {@link CovarianceModel#checked})
   * @return the inverse-volatility allocator, named after {@code model}
   * @since 0.1.0
   */
  static Allocator inverseVolatility(CovarianceModel model) {
    CovarianceModel m = CovarianceModel.checked(model);
    return named("inverseVolatility (" + m + ")",
        window -> RiskParity.inverseVolatility(m.estimate(window.returns())));
  }

  /**
   * Equal risk contribution on the Ledoit-Wolf (constant variance) covariance of the window.
   *
   * @return the equal-risk-contribution allocator
   */
  static Allocator riskParity() {
    return named("riskParity (Ledoit-Wolf covariance)",
        riskParity(CovarianceEstimator.ledoitWolf()));
  }

  /**
   * Equal risk contribution ({@link RiskParity}) on {@code model}'s matrix for the window.
   *
   * @param model the covariance estimator or model applied to the window's returns, not null
   *     (validated with {@link CovarianceModel#checked})
   * @return the equal-risk-contribution allocator, named after {@code model}
   * @since 0.1.0
   */
  static Allocator riskParity(CovarianceModel model) {
    CovarianceModel m = CovarianceModel.checked(model);
    return named("riskParity (" + m + ")",
        window -> RiskParity.of(m.estimate(window.returns())).solve().weights());
  }

  /**
   * Hierarchical risk parity (single linkage) on the Ledoit-Wolf covariance of the window.
   *
   * @return the hierarchical-risk-parity allocator
   */
  static Allocator hierarchicalRiskParity() {
    return named("hierarchicalRiskParity (Ledoit-Wolf covariance)",
        hierarchicalRiskParity(CovarianceEstimator.ledoitWolf()));
  }

  /**
   * Hierarchical risk parity (single linkage, {@link HierarchicalRiskParity}) on {@code model}'s
   * matrix for the window.
   *
   * @param model the covariance estimator or model applied to the window's returns, not null
   *     (validated with {@link CovarianceModel#checked})
   * @return the hierarchical-risk-parity allocator, named after {@code model}
   * @since 0.1.0
   */
  static Allocator hierarchicalRiskParity(CovarianceModel model) {
    CovarianceModel m = CovarianceModel.checked(model);
    return named("hierarchicalRiskParity (" + m + ")", window ->
        HierarchicalRiskParity.of(m.estimate(window.returns())).solve().weights());
  }

  /**
   * Long-only minimum volatility on the Ledoit-Wolf covariance of the window.
   *
   * @return the minimum-volatility allocator
   */
  static Allocator minVolatility() {
    return named("minVolatility (long only, Ledoit-Wolf covariance)",
        covarianceOnly(CovarianceEstimator.ledoitWolf(), MeanVariance::minVolatility));
  }

  /**
   * Long-only maximum Sharpe ratio with compounded historical mean returns
   * ({@link ExpectedReturns#meanHistorical}) and the Ledoit-Wolf covariance of the window. Throws
   * {@code OptimizationException} when no asset's expected return exceeds the risk-free rate; the
   * {@link WalkForwardPortfolio} records that and keeps the current weights.
   *
   * @param riskFreeRate the annual risk-free rate (fraction, 0.02 = 2 %), finite
   * @return the maximum-Sharpe allocator
   */
  static Allocator maxSharpe(double riskFreeRate) {
    return named("maxSharpe(rf = " + riskFreeRate + ", long only, meanHistorical returns, "
        + "Ledoit-Wolf covariance)",
        meanVariance(CovarianceEstimator.ledoitWolf(), mv -> mv.maxSharpe(riskFreeRate)));
  }

  /**
   * Any {@link MeanVariance} method on {@code meanHistorical} expected returns and the covariance
   * of {@code estimator}, e.g. {@code meanVariance(ledoitWolf(), mv -> mv.withBounds(0, 0.2)
   * .maxSharpe(0.02))}. {@code estimator} may be any {@link CovarianceModel}: a
   * {@code CovarianceEstimator} or a risk forecast of one's own, whose output is validated
   * ({@link CovarianceModel#checked}) before it reaches the optimizer.
   *
   * @param estimator the covariance estimator or model applied to the window's returns, not null
   * @param method the solving method applied to the window's problem (long only, bounds [0, 1]
   *     unless it sets others), not null
   * @return an allocator returning the weights of {@code method}'s portfolio
   */
  static Allocator meanVariance(CovarianceModel estimator,
      Function<MeanVariance, OptimalPortfolio> method) {
    Objects.requireNonNull(estimator, "Argument 'estimator' must not be null");
    Objects.requireNonNull(method, "Argument 'method' must not be null");
    CovarianceModel model = CovarianceModel.checked(estimator);
    return named("meanVariance(a MeanVariance method on meanHistorical returns, " + model
        + ")", window -> {
          CovarianceMatrix cov = model.estimate(window.returns());
          return method.apply(MeanVariance.of(ExpectedReturns.meanHistorical(window), cov))
              .weights();
        });
  }

  /**
   * Any {@link MeanVariance} method that needs no expected returns (e.g. min volatility), on the
   * covariance of {@code estimator}: a {@code CovarianceEstimator} or any
   * {@link CovarianceModel}, whose output is validated ({@link CovarianceModel#checked}) before it
   * reaches the optimizer.
   *
   * @param estimator the covariance estimator or model applied to the window's returns, not null
   * @param method the solving method applied to the window's problem without expected returns, not
   *     null
   * @return an allocator returning the weights of {@code method}'s portfolio
   */
  static Allocator covarianceOnly(CovarianceModel estimator,
      Function<MeanVariance, OptimalPortfolio> method) {
    Objects.requireNonNull(estimator, "Argument 'estimator' must not be null");
    Objects.requireNonNull(method, "Argument 'method' must not be null");
    CovarianceModel model = CovarianceModel.checked(estimator);
    return named("covarianceOnly(a MeanVariance method, " + model + ")",
        window -> method.apply(MeanVariance.of(model.estimate(window.returns()))).weights());
  }

  /**
   * Performance-weighted allocation (seed 003): weights proportional to each asset's positive
   * trailing Sharpe ratio over the window (annualised, zero risk-free rate, simple returns);
   * assets with a Sharpe ratio at or below 0, or fewer than 20 returns, get nothing. A window in
   * which no asset has a positive Sharpe ratio is an allocation failure (named in the message).
   *
   * @return the allocator
   */
  static Allocator performanceWeighted() {
    return named("performanceWeighted (trailing Sharpe)", AllocationRules::performanceWeighted);
  }

  /**
   * This allocator on the {@code n} assets with the highest trailing Sharpe ratio of the window
   * (a maximum number of assets; seed 004's top-N selection).
   *
   * @param n the most assets to hold, &gt;= 1
   * @return the combined allocator
   */
  default Allocator withTopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("withTopN: n must be >= 1, but found " + n);
    }
    Allocator inner = this;
    return named(NamedAllocator.describe(inner) + " on the top " + n + " by trailing Sharpe",
        window -> inner.allocate(window.select(AllocationRules.top(window, n))));
  }

  /**
   * This allocator after a correlation cap (seed 004): for each pair of assets whose return
   * correlation over the window is above {@code maxCorrelation}, most correlated first, the one
   * with the lower trailing Sharpe ratio is dropped.
   *
   * @param maxCorrelation the highest correlation kept, in (-1, 1] (seed: 0.8)
   * @return the combined allocator
   */
  default Allocator withCorrelationCap(double maxCorrelation) {
    if (!(maxCorrelation > -1 && maxCorrelation <= 1)) {
      throw new IllegalArgumentException("withCorrelationCap: maxCorrelation must be in (-1, 1],"
          + " but found " + maxCorrelation);
    }
    Allocator inner = this;
    return named(NamedAllocator.describe(inner) + " with a correlation cap of " + maxCorrelation,
        window -> inner.allocate(window.select(
            AllocationRules.correlationCapped(window, maxCorrelation))));
  }

  /**
   * A volatility-targeting overlay: this allocator's weights scaled by
   * {@code min(maxLeverage, target / forecast)}, the forecast being the annualised volatility of
   * the weighted portfolio's returns over the window; what is not invested stays in cash.
   *
   * @param targetVolatility the annualised volatility aimed at, finite and &gt; 0
   * @param maxLeverage the largest scale, finite and &gt; 0 (1: never more than fully invested)
   * @return the combined allocator
   */
  default Allocator withVolatilityTarget(double targetVolatility, double maxLeverage) {
    if (!(targetVolatility > 0) || Double.isInfinite(targetVolatility)) {
      throw new IllegalArgumentException("withVolatilityTarget: targetVolatility must be finite"
          + " and > 0, but found " + targetVolatility);
    }
    if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
      throw new IllegalArgumentException("withVolatilityTarget: maxLeverage must be finite and"
          + " > 0, but found " + maxLeverage);
    }
    Allocator inner = this;
    return named(NamedAllocator.describe(inner) + " scaled to " + targetVolatility
        + " volatility (leverage <= " + maxLeverage + ")", window -> AllocationRules
        .volatilityTarget(inner.allocate(window), window, targetVolatility, maxLeverage));
  }

  /**
   * Regime-driven allocation (seed 004): the {@code detector} labels the window's
   * equal-weighted index of its assets (closes only), and the allocator of that regime decides;
   * a regime without one (or {@link io.github.quantfolio.indicators.Regime#UNKNOWN} in a window
   * shorter than the detector's look-back) uses {@code otherwise}.
   *
   * @param detector the regime classifier
   * @param byRegime the allocator of each regime
   * @param otherwise the allocator of the other regimes
   * @return the switching allocator
   */
  static Allocator byRegime(io.github.quantfolio.indicators.RegimeDetector detector,
      java.util.Map<io.github.quantfolio.indicators.Regime, Allocator> byRegime,
      Allocator otherwise) {
    Objects.requireNonNull(detector, "Argument 'detector' must not be null");
    Objects.requireNonNull(otherwise, "Argument 'otherwise' must not be null");
    java.util.Map<io.github.quantfolio.indicators.Regime, Allocator> copy =
        java.util.Map.copyOf(Objects.requireNonNull(byRegime, "Argument 'byRegime' must not be"
            + " null"));
    return named("byRegime(" + copy.keySet() + ", otherwise " + NamedAllocator.describe(otherwise)
        + ")", window -> copy.getOrDefault(AllocationRules.regime(window, detector), otherwise)
            .allocate(window));
  }
}
