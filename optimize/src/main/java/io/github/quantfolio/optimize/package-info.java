/**
 * Portfolio construction: expected-return estimators ({@link
 * io.github.quantfolio.optimize.ExpectedReturns}), exact mean-variance optimisation ({@link
 * io.github.quantfolio.optimize.MeanVariance} returning {@link
 * io.github.quantfolio.optimize.OptimalPortfolio}), risk parity and risk budgeting ({@link
 * io.github.quantfolio.optimize.RiskParity}), the most diversified portfolio ({@link
 * io.github.quantfolio.optimize.MaxDiversification}) hierarchical risk parity ({@link
 * io.github.quantfolio.optimize.HierarchicalRiskParity}), Black-Litterman ({@link
 * io.github.quantfolio.optimize.BlackLitterman}), discrete allocation ({@link
 * io.github.quantfolio.optimize.DiscreteAllocation}), rebalancing trades ({@link
 * io.github.quantfolio.optimize.Rebalancer}) and mean-CVaR / mean-CDaR on scenarios
 * ({@link io.github.quantfolio.optimize.MeanCvar}, {@link io.github.quantfolio.optimize.MeanCdar}). Infeasible or ill-posed problems throw {@link
 * io.github.quantfolio.optimize.OptimizationException} naming the constraint and what is
 * attainable. Inputs are annualised ({@code CovarianceMatrix}, expected returns); see
 * {@code docs/optimize.md} for every problem solved.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.optimize;
