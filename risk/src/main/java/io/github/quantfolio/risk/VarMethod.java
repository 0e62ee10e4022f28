package io.github.quantfolio.risk;

/**
 * How value at risk and expected shortfall are estimated from a return series.
 *
 * @since 0.1.0
 */
public enum VarMethod {
  /** Empirical quantile of the observed returns (no distributional assumption). */
  HISTORICAL,
  /** Normal distribution with the sample mean and standard deviation (divisor n - 1). */
  GAUSSIAN,
  /**
   * Normal quantile corrected for skewness and excess kurtosis by the Cornish-Fisher expansion
   * (Favre &amp; Galeano 2002, "Mean-modified value-at-risk optimization with hedge funds").
   */
  CORNISH_FISHER
}
