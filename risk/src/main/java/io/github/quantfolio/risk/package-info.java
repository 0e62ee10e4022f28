/**
 * Covariance estimators (sample, exponential, semicovariance, Ledoit-Wolf, OAS), performance and
 * risk metrics, drawdowns, VaR/CVaR and portfolio risk analytics. The module's content lands with
 * its own issue; this package currently holds no public types.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.risk;
