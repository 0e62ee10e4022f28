package io.github.quantfolio.risk;

/**
 * What a {@link CovarianceEstimator} does with missing (NaN) returns.
 *
 * @since 0.1.0
 */
public enum MissingData {
  /**
   * Each pair of assets uses the periods in which both have a return (pandas'
   * {@code DataFrame.cov}); the matrix may then fail to be positive semidefinite. Default for
   * the sample and exponential estimators. Not available for shrinkage estimators, whose
   * formulas need one complete data matrix.
   */
  PAIRWISE,
  /** Only periods in which every asset has a return. Default for the shrinkage estimators. */
  COMPLETE_ROWS,
  /**
   * Missing returns are replaced by 0 before estimation (PyPortfolioOpt's convention, for
   * compatibility). This biases variances and correlations towards zero for assets with
   * gaps; prefer the other policies.
   */
  ZERO_FILL
}
