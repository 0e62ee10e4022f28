/**
 * Risk models and performance analytics.
 *
 * <ul>
 *   <li>{@link io.github.quantfolio.risk.CovarianceEstimator}: sample, exponentially weighted,
 *       semicovariance, Ledoit-Wolf towards three targets, oracle approximating shrinkage, with a
 *       {@link io.github.quantfolio.risk.MissingData} policy; results are annualised
 *       {@link io.github.quantfolio.risk.CovarianceMatrix CovarianceMatrices} with PSD checks and
 *       repair.
 *   <li>{@link io.github.quantfolio.risk.CovarianceModel}: what an estimator is to its callers (a
 *       window of returns to an annualised matrix), so that calling code can wire in its own
 *       risk forecast: a whole predicted matrix ({@code CovarianceModel.of}) or per-asset
 *       {@link io.github.quantfolio.risk.VolatilityForecast}s on another model's correlation
 *       ({@code CovarianceModel.fromVolatilities}), with the output validated.
 *   <li>{@link io.github.quantfolio.risk.Metrics}: empyrical/quantstats-compatible metrics on
 *       return series (Sharpe, Sortino, drawdowns, VaR/CVaR, alpha/beta, capture ratios, ...),
 *       rolling versions, {@link io.github.quantfolio.risk.PerformanceReport} and
 *       {@link io.github.quantfolio.risk.Drawdowns}.
 *   <li>{@link io.github.quantfolio.risk.PortfolioRisk}: ex-ante risk of weights under a
 *       covariance matrix, {@link io.github.quantfolio.risk.RiskLimits} and
 *       {@link io.github.quantfolio.risk.RiskScoring}.
 * </ul>
 *
 * Formulas, units and NaN rules: {@code docs/risk.md} and each class's Javadoc.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.risk;
