/**
 * Portfolio construction:
 * <ul>
 *   <li>expected returns: {@link io.github.quantfolio.optimize.ExpectedReturns};</li>
 *   <li>exact mean-variance optimisation: {@link io.github.quantfolio.optimize.MeanVariance},
 *       returning {@link io.github.quantfolio.optimize.OptimalPortfolio};</li>
 *   <li>risk-based: {@link io.github.quantfolio.optimize.RiskParity} (equal risk contribution and
 *       budgets), {@link io.github.quantfolio.optimize.HierarchicalRiskParity},
 *       {@link io.github.quantfolio.optimize.MaxDiversification};</li>
 *   <li>views: {@link io.github.quantfolio.optimize.BlackLitterman};</li>
 *   <li>scenario LPs: {@link io.github.quantfolio.optimize.MeanCvar},
 *       {@link io.github.quantfolio.optimize.MeanCdar};</li>
 *   <li>implementation: {@link io.github.quantfolio.optimize.DiscreteAllocation},
 *       {@link io.github.quantfolio.optimize.Rebalancer}.</li>
 * </ul>
 * Infeasible or ill-posed problems throw {@link io.github.quantfolio.optimize.OptimizationException}
 * naming the constraint and what is attainable. Expected returns and covariances are annualised;
 * {@code docs/optimize.md} states every problem solved.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.optimize;
