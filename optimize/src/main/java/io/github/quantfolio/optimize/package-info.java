/**
 * Portfolio construction: expected-return estimators ({@link
 * io.github.quantfolio.optimize.ExpectedReturns}) and, as the module grows, the mean-variance
 * family, risk parity, HRP, Black-Litterman, mean-CVaR, discrete allocation and rebalancing.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.optimize;
