/**
 * Expected-return estimators and portfolio optimizers (mean-variance family, risk parity, HRP,
 * Black-Litterman, mean-CVaR), discrete allocation and rebalancing. The module's content lands
 * with its own issue; this package currently holds no public types.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.optimize;
