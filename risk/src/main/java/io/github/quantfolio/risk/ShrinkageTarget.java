package io.github.quantfolio.risk;

/**
 * The structured matrix a shrinkage estimator pulls the sample covariance towards.
 *
 * @since 0.1.0
 */
public enum ShrinkageTarget {
  /**
   * {@code mu I} with {@code mu = trace(S) / N}: the average variance on the diagonal, zero
   * covariances (Ledoit &amp; Wolf 2004, "A well-conditioned estimator for large-dimensional
   * covariance matrices", J. Multivariate Analysis 88; as scikit-learn's {@code ledoit_wolf}).
   */
  CONSTANT_VARIANCE,
  /**
   * The covariance implied by a single-index model on the equal-weighted market return:
   * {@code F_ij = b_i b_j var(m)} off the diagonal, {@code F_ii = S_ii} (Ledoit &amp; Wolf 2003,
   * "Improved estimation of the covariance matrix of stock returns with an application to
   * portfolio selection", J. Empirical Finance 10).
   */
  SINGLE_FACTOR,
  /**
   * Sample variances on the diagonal and the average sample correlation {@code r} off it:
   * {@code F_ij = r sqrt(S_ii S_jj)} (Ledoit &amp; Wolf 2004, "Honey, I shrunk the sample
   * covariance matrix", J. Portfolio Management 30(4)).
   */
  CONSTANT_CORRELATION
}
